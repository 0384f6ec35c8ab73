"""Incremental builds: unchanged documents come from the cache, and the output equals a clean build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.build import BuildRequest, run_build
from corpus.cache import DocumentCache, cache_key
from corpus.pipeline import Options, process_document
from corpus.read import read_seeds

from .conftest import SEEDS, file_digests, seed_folder

NEWS = ["000_388883cc602cf40d.txt", "002_12b8784aec2226cd.txt"]



@pytest.fixture
def news_seeds(tmp_path) -> Path:
    return seed_folder(tmp_path, *NEWS)


@pytest.mark.filterwarnings("ignore:.*no manifest")
def test_cache_reuses_unchanged_documents_and_matches_a_clean_build(news_seeds, tmp_path):
    cache = tmp_path / "cache"
    first = run_build(BuildRequest(seeds=news_seeds, out=tmp_path / "a", cache_dir=cache))
    assert first.cache_hits == 0
    changed = news_seeds / NEWS[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("virtual seminar", "online seminar"), encoding="utf-8")
    second = run_build(BuildRequest(seeds=news_seeds, out=tmp_path / "b", cache_dir=cache))
    assert second.cache_hits == 1  # only the edited document was processed again
    clean = run_build(BuildRequest(seeds=news_seeds, out=tmp_path / "c"))
    assert clean.cache_hits == 0
    assert file_digests(tmp_path / "b") == file_digests(tmp_path / "c")


@pytest.mark.filterwarnings("ignore:.*no manifest")
def test_cache_ignores_corrupt_and_foreign_entries(news_seeds, tmp_path):
    store = DocumentCache(tmp_path / "cache")
    source = read_seeds(news_seeds)[0]
    key = cache_key(source, Options())
    store._path(key).parent.mkdir(parents=True)
    store._path(key).write_bytes(b"garbage")
    assert store.get(key) is None  # corrupt: ignored
    other = cache_key(source, Options(ner=False))
    store.put(other, process_document(source, Options(ner=False)))
    assert store.get(other) is not None
    shutil.copy(store._path(other), store._path(key))
    assert store.get(key) is None  # written under another key (other options): ignored


def test_cache_key_changes_with_content_and_options():
    source = read_seeds(SEEDS)[0]
    key = cache_key(source, Options())
    assert key == cache_key(source, Options())
    assert key != cache_key(source, Options(ner=False))
    assert key != cache_key(source.__class__(**{**source.__dict__, "sha256": "0" * 64}), Options())


@pytest.mark.filterwarnings("ignore:.*no manifest")
def test_build_skip_bad_lists_rejects_instead_of_failing(news_seeds, tmp_path):
    (news_seeds / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    result = run_build(BuildRequest(seeds=news_seeds, out=tmp_path / "out", skip_bad=True))
    assert [r.code for r in result.rejects] == ["not-utf8"]
    assert result.rows["documents"] == 2
    assert "latin1.txt" in (tmp_path / "out" / "rejects.json").read_text()


def test_cache_key_is_the_same_whether_the_text_is_kept_or_read_later():
    kept, later = read_seeds(SEEDS), read_seeds(SEEDS, keep_text=False)
    assert all(s.raw is None for s in later)
    assert [cache_key(s, Options()) for s in later] == [cache_key(s, Options()) for s in kept]
