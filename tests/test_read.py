"""The read step: seeds on disk -> SourceDocuments, and a clear error for every kind of bad input."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from corpus.errors import SeedError
from corpus.read import SeedEntry, decode_source, doc_id_for, load_manifest, read_seeds

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED_SUMS = REPO.parent / "shared" / "seeds" / "SHA256SUMS"


def test_read_seed_files_are_verbatim_copies_of_shared_seeds():
    if not SHARED_SUMS.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    expected = dict(reversed(line.split()) for line in SHARED_SUMS.read_text().splitlines() if line.strip())
    assert expected, "SHA256SUMS lists no files"
    for name, digest in expected.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name


def test_read_manifest_covers_every_seed_with_curated_provenance():
    manifest = load_manifest(SEEDS)
    entries = {e.file: e for e in manifest.documents}
    assert sorted(entries) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert entries["001_268f02a432f76a7c.txt"].language == "fr"
    assert entries["003_b2e28905b3ba221b.txt"].genre == "report"
    assert all(e.url is None for e in entries.values())  # no URL is known: none is invented


def test_read_seeds_sorted_with_ids_and_hashes():
    docs = read_seeds(SEEDS)
    assert [d.doc_id for d in docs] == sorted(d.doc_id for d in docs)
    for d in docs:
        data = (SEEDS / d.source_file).read_bytes()
        assert d.sha256 == hashlib.sha256(data).hexdigest()
        assert d.n_bytes == len(data)
        assert d.entry is not None


@pytest.mark.parametrize(
    ("name", "doc_id"),
    [("000_388883cc602cf40d.txt", "000_388883cc602cf40d"), ("My Report (Final).txt", "my-report-final"), ("Été 2024.txt", "ete-2024")],
)
def test_read_doc_id_is_slug_of_stem(name, doc_id):
    assert doc_id_for(name) == doc_id


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("A title\n\nSome body text about Beijing.\n", encoding="utf-8")
    return folder


def _error(folder: Path) -> SeedError:
    with pytest.raises(SeedError) as info:
        read_seeds(folder)
    return info.value


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty-file"),
        (b"  \n\n", "empty-file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary-file"),
        ("Caf\u00e9 cr\u00e8me".encode("latin-1"), "not-utf8"),
        (b"x" * 300_000, "line-too-long"),
    ],
)
def test_read_bad_file_names_file_and_problem(seeds, content, code):
    (seeds / "bad.txt").write_bytes(content)
    err = _error(seeds)
    assert err.code == code
    assert "bad.txt" in str(err)
    assert "\n" not in str(err)


def test_read_bom_and_crlf_are_handled_transparently():
    text = decode_source(Path("x.txt"), "\ufeffTitle\r\n\r\nBody line\r\n".encode("utf-8"))
    assert text == "Title\n\nBody line\n"


def test_read_without_manifest_warns_and_builds(seeds):
    with pytest.warns(UserWarning, match="no manifest"):
        docs = read_seeds(seeds)
    assert [d.entry for d in docs] == [None]


def test_read_duplicate_doc_ids_are_refused(seeds):
    shutil.copy(seeds / "a.txt", seeds / "A.txt")
    err = _error(seeds)
    assert err.code == "duplicate-doc-id"
    assert "a.txt" in str(err) and "A.txt" in str(err)


@pytest.mark.parametrize(
    ("manifest", "code"),
    [
        ("documents: [\n  - file: a.txt\n", "manifest-malformed"),
        ("documents:\n  - file: a.txt\n    genre: poem\n", "manifest-invalid"),
        ("documents:\n  - file: a.txt\n    colour: blue\n", "manifest-invalid"),
        ("documents:\n  - file: missing.txt\n", "missing-file"),
        ("documents:\n  - file: ../outside.txt\n", "path-outside-seeds"),
        ("documents:\n  - file: a.txt\n  - file: a.txt\n", "duplicate-entry"),
        ("- just a list\n", "manifest-invalid"),
    ],
)
def test_read_broken_manifest_is_refused(seeds, manifest, code):
    (seeds.parent / "outside.txt").write_text("outside\n", encoding="utf-8")
    (seeds / "manifest.yaml").write_text(manifest, encoding="utf-8")
    err = _error(seeds)
    assert err.code == code
    assert "manifest.yaml" in str(err)


def test_read_seed_entry_forbids_unknown_fields():
    with pytest.raises(ValueError):
        SeedEntry(file="a.txt", colour="blue")


def test_read_seed_error_survives_pickling():
    """Worker processes hand errors back pickled: the type, message and fields must arrive unchanged."""
    import pickle

    err = SeedError("seeds/x.txt", "not-utf8", "file is not valid UTF-8")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is SeedError and str(back) == str(err) and back.code == "not-utf8"


def test_read_seed_without_manifest_entry_warns_naming_the_file(seeds):
    shutil.copy(seeds / "a.txt", seeds / "b.txt")
    (seeds / "manifest.yaml").write_text("documents:\n  - file: a.txt\n    genre: news\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"b\.txt: no entry in manifest\.yaml") as caught:
        docs = read_seeds(seeds)
    assert not any("a.txt:" in str(w.message) for w in caught)
    assert [d.entry is not None for d in docs] == [True, False]


def test_read_without_text_keeps_ids_hashes_and_reads_the_text_when_loaded(seeds):
    (seeds / "b.txt").write_bytes("B title\r\n\r\nBody about Paris.\r\n".encode("utf-8"))
    with pytest.warns(UserWarning, match="no manifest"):
        eager = read_seeds(seeds)
    with pytest.warns(UserWarning, match="no manifest"):
        lazy = read_seeds(seeds, keep_text=False)
    assert [d.raw for d in lazy] == [None, None]
    assert [(d.doc_id, d.sha256, d.n_bytes, d.input_format) for d in lazy] == [(d.doc_id, d.sha256, d.n_bytes, d.input_format) for d in eager]
    assert [d.loaded().raw for d in lazy] == [d.raw for d in eager]
    assert eager[0].loaded() is eager[0]


def test_read_without_text_still_refuses_a_bad_file_up_front(seeds):
    (seeds / "bad.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(SeedError) as info:
        read_seeds(seeds, keep_text=False)
    assert info.value.code == "binary-file"


def test_read_without_text_a_file_changed_before_processing_is_named(seeds):
    with pytest.warns(UserWarning, match="no manifest"):
        (source,) = read_seeds(seeds, keep_text=False)
    (seeds / "a.txt").write_text("Another text.\n", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        source.loaded()
    assert info.value.code == "changed-during-build"
    assert "a.txt" in str(info.value)


def test_read_control_characters_are_the_unicode_cc_category_but_lf_tab_and_form_feed():
    """The binary-file check counts control characters with one pattern: the same characters as asking
    `unicodedata` about each one (category Cc, less LF, tab and form feed), over the whole of Unicode."""
    import unicodedata

    from corpus.read import _CONTROLS

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    by_category = "".join(ch for ch in every if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f")
    assert "".join(_CONTROLS.findall(every)) == by_category
