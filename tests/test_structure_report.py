"""Report structure: golden seed 003, devset reports scored against gold, a report written for these tests,
and invariants on arbitrary text."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.structure.model import FOOTNOTE_MISSING_TEXT, FOOTNOTE_TRUNCATED, StructuredDocument
from corpus.structure.report import looks_like_report, structure_report

ROOT = Path(__file__).resolve().parents[1]
SEED_003 = ROOT / "seeds" / "003_b2e28905b3ba221b.txt"
GOLDEN_003 = ROOT / "tests" / "golden" / "report_003.json"
DEVSET = Path("/work/shared/devset")
DATA = ROOT / "tests" / "data"


@lru_cache(maxsize=None)
def _structured(path: str) -> StructuredDocument:
    return structure_report(Path(path).read_text(encoding="utf-8"))


def _golden() -> dict:
    return json.loads(GOLDEN_003.read_text(encoding="utf-8"))


def _seed() -> StructuredDocument:
    return _structured(str(SEED_003))


def _assert_invariants(doc: StructuredDocument) -> None:
    n = len(doc.text)
    starts = [s.start for s in doc.sections]
    assert starts == sorted(starts)
    for i, section in enumerate(doc.sections):
        assert 0 <= section.start <= section.end <= n
        if section.parent is not None:
            assert section.parent < i
            parent = doc.sections[section.parent]
            assert parent.start <= section.start and section.end <= parent.end
    for note in doc.footnotes:
        assert note.anchor is None or 0 <= note.anchor <= n
    for figure in doc.figures:
        assert figure.start is None or 0 <= figure.start <= n
        assert all(0 <= m <= n for m in figure.mention_starts)


# --- seed 003 golden --------------------------------------------------------------------------------


def test_structure_report_003_invariants_hold():
    _assert_invariants(_seed())


def test_structure_report_003_has_all_94_footnotes():
    assert [note.number for note in _seed().footnotes] == list(range(1, 95))


@pytest.mark.parametrize("expected", _golden()["footnotes"], ids=lambda e: f"note{e['number']}")
def test_structure_report_003_footnote_text_and_status(expected):
    note = {n.number: n for n in _seed().footnotes}[expected["number"]]
    assert note.text == expected["text"]
    assert note.status == expected["status"]
    assert note.ibid_of == expected.get("ibid_of")
    assert list(note.ambiguous_urls) == expected.get("ambiguous_urls", [])


@pytest.mark.parametrize("expected", _golden()["footnotes"], ids=lambda e: f"note{e['number']}")
def test_structure_report_003_anchor_follows_glued_word(expected):
    doc = _seed()
    note = {n.number: n for n in doc.footnotes}[expected["number"]]
    assert note.anchor is not None
    before = doc.text[: note.anchor]
    assert before.endswith(expected["glued_to"])
    assert not doc.text[note.anchor : note.anchor + 1].isdigit()  # the marker digits are gone


def test_structure_report_003_missing_and_truncated_notes():
    notes = {n.number: n for n in _seed().footnotes}
    assert {n for n, note in notes.items() if note.status == FOOTNOTE_MISSING_TEXT} == {76, 77}
    assert {n for n, note in notes.items() if note.status == FOOTNOTE_TRUNCATED} == {72, 73}


def test_structure_report_003_footnote_continued_after_next_page_body():
    note = {n.number: n for n in _seed().footnotes}[71]
    assert note.text.endswith("September 28, 2011, https://www.techinasia.com/groupon-china-clone-tuanbao.")
    assert "groupon-china-clone-tuanbao" not in _seed().text


def test_structure_report_003_heading_tree():
    doc = _seed()
    got = [{"heading": s.heading, "level": s.level} for s in doc.sections if s.kind == "heading"]
    assert got == _golden()["sections"]


def test_structure_report_003_parents_follow_levels():
    doc = _seed()
    for section in doc.sections:
        if section.parent is not None:
            assert doc.sections[section.parent].level < section.level


@pytest.mark.parametrize(
    "body_line",
    [
        "Guiding Opinions on Actively Promoting Internet Plus (July 2015)",
        "Belt and Road Initiative and Information Silk Road",
        "Figure 1. Comparison of Alibaba Sales Volume",
    ],
)
def test_structure_report_003_policy_names_and_captions_are_not_headings(body_line):
    doc = _seed()
    assert all(not s.heading.startswith(body_line[:30]) for s in doc.sections)
    assert body_line in doc.text


def test_structure_report_003_headings_are_paragraphs_at_section_start():
    doc = _seed()
    for section in doc.sections:
        if section.kind == "heading":
            assert doc.text[section.start :].startswith(section.heading + "\n\n")


def test_structure_report_003_figures():
    doc = _seed()
    got = [{"label": f.label, "kind": f.kind, "caption": f.caption, "source": f.source} for f in doc.figures]
    assert got == _golden()["figures"]
    for figure in doc.figures:
        assert doc.text[figure.start :].startswith(figure.label + ".")
        assert figure.mention_starts


def test_structure_report_003_appendix_reference_mentions_its_figures():
    doc = _seed()
    appendix_ref = doc.text.index("Appendix A shows")
    assert all(appendix_ref in f.mention_starts for f in doc.figures[1:])
    assert doc.text[doc.figures[0].mention_starts[0] :].startswith("Figure 1 compares")


def test_structure_report_003_furniture_removed():
    doc = _seed()
    assert list(doc.furniture) == _golden()["furniture"]
    for line in ("Samm Sacks", "Thieves4", "3Samm", "25Samm"):
        assert line not in doc.text
    assert not re.search(r"^\s*0\d\s*$", doc.text, re.MULTILINE)
    assert not any(re.search(r"\dSamm Sacks|Thieves\d", n.text) for n in doc.footnotes)


def test_structure_report_003_bullets_one_per_line():
    doc = _seed()
    start = doc.text.index("- Calls for integrating AI")
    block = doc.text[start : doc.text.index("\n\n", start)]
    assert block.split("\n")[1].startswith("- Focus on online to offline")
    assert "“hidden productivity of the conventional economy”" in block.split("\n")[1]


def test_structure_report_003_pages_recovered():
    doc = _seed()
    headings = {s.heading: s for s in doc.sections}
    assert headings["Conclusion"].page_start == 25  # the page that ends with the footer "25Samm Sacks"
    assert all(s.page_start is not None and s.page_start <= s.page_end for s in doc.sections)


# --- devset scored against gold ---------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _gold(file: str) -> dict:
    records = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
    return next(r for r in records if r["file"] == file)


def _f1(expected: list, got: list) -> float:
    common = sum((Counter(expected) & Counter(got)).values())
    if not expected and not got:
        return 1.0
    return 2 * common / (len(expected) + len(got))


def score_against_gold(doc: StructuredDocument, gold: dict) -> dict[str, float]:
    """F1 per layer: sections (title, level), footnotes (number, text), figures (label, caption, source), furniture."""
    return {
        "sections": _f1(
            [(_norm(s["title"]), s["level"]) for s in gold["sections"]],
            [(_norm(s.heading), s.level) for s in doc.sections if s.kind == "heading"],
        ),
        "footnotes": _f1(
            [(f["number"], _norm(f["text"])) for f in gold["footnotes"]],
            [(f.number, _norm(f.text)) for f in doc.footnotes],
        ),
        "figures": _f1(
            [(f["label"], _norm(f["caption"] or ""), _norm(f["source"] or "")) for f in gold["figures"]],
            [(f.label, _norm(f.caption or ""), _norm(f.source or "")) for f in doc.figures],
        ),
        "furniture": _f1([_norm(x) for x in gold["furniture_lines"]], [_norm(x) for x in doc.furniture]),
    }


DEVSET_FILES = ["200_satellite_spectrum_africa.txt", "201_open_models_export_policy.txt"]
needs_devset = pytest.mark.skipif(not DEVSET.exists(), reason="shared devset not available")


@needs_devset
@pytest.mark.parametrize("file", DEVSET_FILES)
@pytest.mark.parametrize("layer", ["sections", "footnotes", "figures", "furniture"])
def test_structure_report_devset_scores_high(file, layer):
    doc = _structured(str(DEVSET / file))
    assert score_against_gold(doc, _gold(file))[layer] >= 0.95


@needs_devset
@pytest.mark.parametrize("file", DEVSET_FILES)
def test_structure_report_devset_title_and_invariants(file):
    doc = _structured(str(DEVSET / file))
    assert doc.title == _gold(file)["title"]
    _assert_invariants(doc)


@needs_devset
def test_structure_report_devset_201_endnotes():
    doc = _structured(str(DEVSET / "201_open_models_export_policy.txt"))
    assert {n.kind for n in doc.footnotes} == {"endnote"}
    notes = {n.number: n for n in doc.footnotes}
    assert notes[4].ibid_of == 3
    assert notes[6].urls == ("https://www.oakhaven-institute.example/commentary/weights-as-technology-a-reply",)
    assert doc.text[: notes[10].anchor].endswith("without one.")


@needs_devset
def test_structure_report_devset_200_chart_labels_not_in_text():
    doc = _structured(str(DEVSET / "200_satellite_spectrum_africa.txt"))
    assert "\n\n118\n\n" not in doc.text and "Application filed" not in doc.text
    figure = {f.label: f for f in doc.figures}["Table 1"]
    assert figure.kind == "table" and figure.mention_starts


# --- a report written for these tests ---------------------------------------------------------------


def _brief() -> StructuredDocument:
    return _structured(str(DATA / "report_300.txt"))


def test_structure_report_brief_running_header_with_page_number():
    doc = _brief()
    assert [_norm(x) for x in doc.furniture] == ["2 Water Security Outlook 2025", "3 Water Security Outlook 2025"]
    assert [(s.heading, s.page_start) for s in doc.sections if s.kind == "heading"] == [
        ("1. Why Water Security Now", 2),
        ("STORAGE AND SCARCITY", 2),
        ("2. Sharing Aquifers", 3),
    ]
    assert doc.title == "Water Security Outlook 2025"
    _assert_invariants(doc)


def test_structure_report_brief_note_continues_on_next_page():
    notes = {n.number: n for n in _brief().footnotes}
    assert notes[2].text.endswith("whose series begin in 2009 and cover only the larger reservoirs.")
    assert notes[1].urls == ("https://www.meridian-lab.example/data/basin-monitor",)
    assert notes[3].ibid_of == 2
    assert "2009 and cover" not in _brief().text


def test_structure_report_brief_figure_list_does_not_duplicate_figures():
    doc = _brief()
    assert [(f.label, f.kind) for f in doc.figures] == [("Figure 1", "chart"), ("Figure 2", "figure")]
    assert doc.figures[0].caption == "Reservoir Storage in Three Basins, 2015–2024 (per cent of capacity)"
    assert doc.figures[1].source == "Meridian Policy Lab, based on regional geological surveys."
    body_mention = doc.text.index("Figure 1 shows")
    assert body_mention in doc.figures[0].mention_starts


def test_structure_report_brief_dehyphenation_in_body():
    text = _brief().text
    assert "Ministers now discuss" in text and "well-documented but" in text


# --- detection and invariants -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [(SEED_003, True), (DEVSET / "200_satellite_spectrum_africa.txt", True),
     (DEVSET / "202_cable_repair_roundtable_en.txt", False)],
)
def test_structure_report_looks_like_report(path, expected):
    if not path.exists():
        pytest.skip("input not available")
    assert looks_like_report(path.read_text(encoding="utf-8")) is expected


def test_structure_report_is_deterministic():
    raw = SEED_003.read_text(encoding="utf-8")
    assert structure_report(raw) == structure_report(raw)


_LINE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", " ", "\f", "1. Note text.", "Figure 1. A caption", "Source: x", "- item",
                     "HEADING LINE", "Word.1 more", "Page 3", "https://a.example/b-", "c.html", "3Running Head"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=40))
def test_structure_report_arbitrary_text_keeps_invariants(lines):
    doc = structure_report("\n".join(lines))
    assert doc.genre == "report"
    _assert_invariants(doc)
