"""Never lose a user's data, never crash on input: the output folder, the seeds folder and curated YAML.

Each test states one promise of the README's "Bad input and faults" section.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus.build import BuildRequest, run_build
from corpus.cli import app
from corpus.errors import OutputError, SeedError
from corpus.output import MARKER_NAME, STATE_DIR_NAME
from corpus.pipeline import Options

from .conftest import file_digests, seed_folder

NO_NER = Options(ner=False)
SMALL = "002_12b8784aec2226cd.txt"


def build(seeds: Path, out: Path, **kwargs):
    return run_build(BuildRequest(seeds=seeds, out=out, options=NO_NER, **kwargs))


@pytest.fixture
def seeds(tmp_path) -> Path:
    return seed_folder(tmp_path, SMALL)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- 1. --out only ever replaces a build of this tool -----------------------------------------------


def test_out_refuses_a_folder_of_the_users_files(seeds, tmp_path):
    mine = tmp_path / "mydocs"
    mine.mkdir()
    (mine / "thesis.tex").write_text("years of work")
    with pytest.raises(OutputError, match="did not write"):
        build(seeds, mine)
    assert snapshot(mine) == {"thesis.tex": b"years of work"}


def test_out_refuses_a_regular_file_and_leaves_it_where_it_is(seeds, tmp_path):
    target = tmp_path / "notes"
    target.write_text("keep me")
    with pytest.raises(OutputError, match="is a file"):
        build(seeds, target)
    assert target.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes", "seeds"]


@pytest.mark.parametrize("relation", ["seeds itself", "inside seeds", "parent of seeds"])
def test_out_refuses_the_seeds_folder_its_inside_and_its_parents(seeds, relation):
    out = {"seeds itself": seeds, "inside seeds": seeds / "build", "parent of seeds": seeds.parent}[relation]
    before = snapshot(seeds.parent)
    with pytest.raises(OutputError, match="seeds folder"):
        build(seeds, out)
    assert snapshot(seeds.parent) == before


def test_out_replaces_its_own_previous_build_but_not_one_with_a_users_file_added(seeds, tmp_path):
    out = tmp_path / "build"
    build(seeds, out)
    assert (out / MARKER_NAME).is_file()
    build(seeds, out)  # its own build: replaced
    (out / "my-analysis.ipynb").write_text("{}")
    with pytest.raises(OutputError, match="my-analysis.ipynb"):
        build(seeds, out)
    assert (out / "my-analysis.ipynb").read_text() == "{}"


def test_out_accepts_an_empty_folder_and_a_build_made_before_the_marker(seeds, tmp_path):
    out = tmp_path / "build"
    out.mkdir()
    build(seeds, out)
    (out / MARKER_NAME).unlink()  # what older versions wrote: build outputs only
    build(seeds, out)
    assert (out / "documents").is_dir()


def test_cli_out_refusal_is_one_line_with_exit_2(seeds, tmp_path):
    mine = tmp_path / "mydocs"
    mine.mkdir()
    (mine / "a.txt").write_text("x")
    result = CliRunner().invoke(app, ["build", "--seeds", str(seeds), "--out", str(mine), "--no-ner"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "mydocs" in lines[0] and "[out-not-a-build]" in lines[0]


def test_out_parent_that_is_a_file_is_refused(seeds, tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        build(seeds, tmp_path / "afile" / "build")


def test_tool_state_lives_in_one_named_folder_beside_out(seeds, tmp_path):
    build(seeds, tmp_path / "build", cache_dir=tmp_path / STATE_DIR_NAME / "cache")
    assert sorted(p.name for p in tmp_path.iterdir()) == [STATE_DIR_NAME, "build", "seeds"]


def test_build_respects_the_umask(seeds, tmp_path):
    old = os.umask(0o022)
    try:
        out, card = tmp_path / "build", tmp_path / "datacard.md"
        build(seeds, out, card_path=card)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert stat.S_IMODE(card.stat().st_mode) == 0o644
    assert stat.S_IMODE((out / "README.md").stat().st_mode) == 0o644


# --- 3. symbolic links -------------------------------------------------------------------------------


def test_symlink_in_seeds_to_a_file_outside_is_refused(seeds, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes that must not be published.\n")
    (seeds / "x.txt").symlink_to(secret)
    with pytest.raises(SeedError, match="outside the seeds folder"):
        build(seeds, tmp_path / "build")
    result = build(seeds, tmp_path / "build", skip_bad=True)
    assert [r.code for r in result.rejects] == ["path-outside-seeds"]
    import pandas as pd

    assert "Private notes" not in " ".join(pd.read_parquet(tmp_path / "build" / "documents")["text"])


def test_symlink_to_a_file_inside_seeds_is_read(seeds, tmp_path):
    (seeds / "alias.txt").symlink_to(seeds / SMALL)
    assert build(seeds, tmp_path / "build").rows["documents"] == 2


# --- 5-7. curated YAML ---------------------------------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"


@pytest.mark.parametrize("name", ["manifest.yaml", "entities.yaml"])
def test_yaml_aliases_are_refused_in_every_curated_file(seeds, tmp_path, name):
    (seeds / name).write_text(BOMB)
    with pytest.raises(SeedError, match="aliases"):
        build(seeds, tmp_path / "build")


def test_catalog_entries_sharing_a_name_or_alias_are_refused_naming_both(seeds, tmp_path):
    (seeds / "entities.yaml").write_text(
        "entities:\n"
        "  - {name: China, label: GPE, aliases: [PRC]}\n"
        "  - {name: Decoy, label: ORG, aliases: [prc]}\n"
    )
    with pytest.raises(SeedError, match=r"'prc'.*'Decoy'.*'China'|'PRC'.*'China'.*'Decoy'"):
        build(seeds, tmp_path / "build")


MANIFEST = "documents:\n  - file: {file}\n    {field}\n"


@pytest.mark.parametrize(
    ("field", "problem"),
    [
        ("published_date: 2018-02-30", "published_date"),
        ("language: qq", "BCP-47"),
        ("published_month: 2018-13", "real month"),
        ("language: en\n    language: fr", "repeats the key"),
    ],
)
def test_manifest_fields_are_checked_before_any_processing(seeds, tmp_path, monkeypatch, field, problem):
    from corpus import build as build_module

    monkeypatch.setattr(build_module, "process_all", lambda *a, **k: pytest.fail("processing started"))
    (seeds / "manifest.yaml").write_text(MANIFEST.format(file=SMALL, field=field))
    with pytest.raises(SeedError, match=problem):
        build(seeds, tmp_path / "build")


def test_manifest_language_is_standardised(seeds, tmp_path):
    import pandas as pd

    (seeds / "manifest.yaml").write_text(MANIFEST.format(file=SMALL, field="language: EN"))
    build(seeds, tmp_path / "build")
    assert pd.read_parquet(tmp_path / "build" / "documents")["language"].tolist() == ["en"]


# --- 8. files that are not text, or not sources -------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    ["\ufeff".encode(), "\u00a0\u00a0\n".encode(), "\u3000\n\u3000".encode(), "\u200b\u200b\u200b".encode(), "\ufeff\u200b \n".encode()],
    ids=["bom", "nbsp", "ideographic-space", "zero-width-space", "mixed"],
)
def test_files_without_visible_text_are_empty_files(seeds, tmp_path, content):
    (seeds / "blank.txt").write_bytes(content)
    with pytest.raises(SeedError, match="empty-file"):
        build(seeds, tmp_path / "build")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named_with_how_to_convert_it(seeds, tmp_path, encoding):
    (seeds / "wide.txt").write_bytes("Un texte en français.\nDeuxième ligne.\n".encode(encoding))
    with pytest.raises(SeedError, match=r"UTF-16 text.*iconv"):
        build(seeds, tmp_path / "build")


def test_upper_case_txt_is_a_source_and_other_files_are_reported_as_ignored(seeds, tmp_path):
    (seeds / SMALL).rename(seeds / "NOTES.TXT")
    (seeds / "report.docx").write_bytes(b"PK\x03\x04")
    (seeds / "drafts").mkdir()
    result = build(seeds, tmp_path / "build")
    assert result.rows["documents"] == 1
    assert {(i.name, i.reason) for i in result.ignored} == {("report.docx", "not a .txt or .pdf or .html or .htm file"), ("drafts", "folder (subfolders are not read)")}


def test_control_characters_in_a_file_name_stay_on_one_line(seeds, tmp_path):
    (seeds / "bad\nname\x1b[31m.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(SeedError) as raised:
        build(seeds, tmp_path / "build")
    assert "\n" not in str(raised.value) and "\x1b" not in str(raised.value)
    assert "bad\\nname\\x1b[31m.txt" in str(raised.value)


def test_unreadable_file_is_one_line_and_skippable(seeds, tmp_path, monkeypatch):
    (seeds / "locked.txt").write_text("Some text.\n")
    real = Path.read_bytes

    def read_bytes(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(SeedError, match=r"cannot read the file \(Permission denied\) \[unreadable\]"):
        build(seeds, tmp_path / "build")
    result = build(seeds, tmp_path / "build", skip_bad=True)
    assert [r.code for r in result.rejects] == ["unreadable"]


# --- 12. what extraction could not establish never fails the corpus ---------------------------------


def test_a_gap_in_the_footnote_numbers_is_a_finding_not_a_failure(tmp_path, monkeypatch):
    from corpus import pipeline

    real = pipeline._footnote_records

    def lose_note_5(doc_id, doc, sections):  # as if extraction had lost note 5's marker and text
        return [f for f in real(doc_id, doc, sections) if f.number != 5]

    monkeypatch.setattr(pipeline, "_footnote_records", lose_note_5)
    seeds = seed_folder(tmp_path, "003_b2e28905b3ba221b.txt")
    result = build(seeds, tmp_path / "build")
    assert [(f.kind, "miss 5 " in f.detail + " ") for f in result.findings] == [("footnote-gap", True)]
    card = (tmp_path / "build" / "README.md").read_text()
    assert "footnote-gap" in card and "miss 5" in card
