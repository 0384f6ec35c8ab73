"""`corpus show` / `corpus stats` views: read any build folder, deterministic text, clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.inspect import InspectError, corpus_stats, document_outline
from tests.sample_build import write_sample_build


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("build")
    write_sample_build(folder)
    return folder


def test_inspect_outline_shows_metadata_sections_and_defects(folder):
    text = document_outline(folder, "001_report")
    assert text.startswith("001_report: A | B <script>alert(1)</script> second line")
    assert "source: 001_report.txt (1234 bytes" in text
    assert "publisher: CSIS | Center <b>for</b> Strategic  [curated]" in text
    assert "published: 2018-01  [curated]" in text
    assert "  s0000 (preamble) [13 chars, p. 1]" in text
    assert "    s0002 Figures [" in text  # level 2 indented under its parent
    assert "Footnotes (4): missing_text 1, no_anchor 1, ok 1, truncated 1" in text
    assert "n0002 missing_text: (empty)" in text
    assert "Mentions (2): ORG 2" in text
    assert "Quantities (1): percent 1" in text


def test_inspect_outline_unknown_document_suggests_close_ids(folder):
    with pytest.raises(InspectError) as caught:
        document_outline(folder, "001_reprot")
    assert caught.value.code == "unknown-document"
    assert "did you mean 001_report" in str(caught.value)


def test_inspect_no_build_folder(tmp_path):
    from corpus.build_folder import NotABuild

    with pytest.raises(NotABuild) as caught:
        corpus_stats(tmp_path / "missing")
    assert caught.value.code == "not-a-build" and caught.value.exit_code == 2


def test_inspect_resolve_doc_id_by_prefix():
    from corpus.inspect import resolve_doc_id

    known = ["001_report", "002_news", "0021_memo"]
    assert resolve_doc_id(known, "001") == "001_report"
    assert resolve_doc_id(known, "002_news") == "002_news"  # an exact id wins over longer ids it starts
    assert resolve_doc_id(known, "9") is None
    with pytest.raises(InspectError) as caught:
        resolve_doc_id(known, "002")
    assert caught.value.code == "ambiguous-document" and "0021_memo, 002_news" in str(caught.value)


def test_inspect_stats_counts_and_distributions(folder):
    text = corpus_stats(folder)
    assert "documents      2" in text
    assert "mentions       3" in text
    assert "Entities by label" in text and re.search(r"^GPE +1$", text, re.M)
    assert re.search(r"^missing_text +1$", text, re.M)
    assert "Sections per document: min 1, median 2, max 3" in text
    assert corpus_stats(folder) == text  # deterministic
