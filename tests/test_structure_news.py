"""Tests for `corpus.structure.news`: metadata, boilerplate removal, figures, sections, robustness.

Golden expectations in tests/golden/news_*.json were written by reading the source texts.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.structure.news import find_dates, parse_byline, parse_date_time, structure_news

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
DEVSET = Path("/work/shared/devset")
GOLDEN_FILES = sorted(GOLDEN.glob("news_*.json"))


def _source(rel: str) -> Path:
    if rel.startswith("devset/"):
        return DEVSET / rel.removeprefix("devset/")
    return ROOT / rel


def _load(golden_path: Path) -> tuple[dict, object]:
    gold = json.loads(golden_path.read_text(encoding="utf-8"))
    path = _source(gold["source"])
    if not path.exists():
        pytest.skip(f"source not available: {path}")
    return gold, structure_news(path.read_text(encoding="utf-8"))


def test_structure_news_golden_files_present():
    names = {p.name for p in GOLDEN_FILES}
    for required in ("news_000.json", "news_001.json", "news_002.json", "news_202.json", "news_203.json",
                     "news_204.json", "news_zh_date.json"):  # fmt: skip
        assert required in names


@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_structure_news_metadata(golden_path):
    gold, doc = _load(golden_path)
    assert doc.genre == "news"
    assert doc.title == gold["title"]
    expected_date = dt.date.fromisoformat(gold["published_date"]) if gold["published_date"] else None
    assert doc.published_date == expected_date
    assert doc.published_time == gold["published_time"]
    assert doc.publisher == gold["publisher"]
    assert list(doc.authors) == gold["authors"]
    assert list(doc.event_dates) == gold["event_dates"]


@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_structure_news_boilerplate_and_navigation(golden_path):
    gold, doc = _load(golden_path)
    assert list(doc.related_links) == gold["related_links"]
    assert list(doc.boilerplate) == gold["boilerplate"]
    for line in gold["boilerplate"]:
        if line != gold["title"]:
            assert line not in doc.text
    for link in gold["related_links"]:
        assert link not in doc.text
    # the title is not repeated in the body
    assert not doc.text.startswith(gold["title"])


@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_structure_news_image_figures(golden_path):
    gold, doc = _load(golden_path)
    assert [f.label for f in doc.figures] == gold["figures"]
    for figure in doc.figures:
        assert figure.kind == "image"
        assert figure.caption is None and figure.source is None and figure.start is None
        assert figure.label not in doc.text


@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_structure_news_clean_text(golden_path):
    gold, doc = _load(golden_path)
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == gold["paragraphs"]
    assert doc.text.startswith(gold["text_starts"])
    assert doc.text.endswith(gold["text_ends"])
    for paragraph in paragraphs:
        assert paragraph == paragraph.strip(" \t\u3000\u00a0")
        assert paragraph
    assert not re.search(r"\.(?:jpe?g|png|gif)\s*$", doc.text, re.IGNORECASE | re.MULTILINE)


@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_structure_news_sections(golden_path):
    gold, doc = _load(golden_path)
    headings = [s.heading for s in doc.sections if s.kind == "heading"]
    assert headings == gold["headings"]
    if not gold["headings"]:
        assert len(doc.sections) == 1
        (preamble,) = doc.sections
        assert (preamble.kind, preamble.heading, preamble.level, preamble.start, preamble.end) == (
            "preamble", "", 1, 0, len(doc.text),
        )  # fmt: skip
    for section in doc.sections:
        assert 0 <= section.start <= section.end <= len(doc.text)
        if section.kind == "heading":
            assert doc.text[: section.start].rstrip().endswith(section.heading)


@pytest.mark.parametrize(
    ("line", "date", "time", "authors", "publisher"),
    [
        ("RCI en ligne|20-12-2024 06:09:47", "2024-12-20", "06:09:47", (), "RCI en ligne"),
        ("Posted: March 3, 2025 | By Helena Marsh", "2025-03-03", None, ("Helena Marsh",), None),
        ("来源：青禾数字治理研究院 时间：2025-04-18", "2025-04-18", None, (), "青禾数字治理研究院"),
        ("By Jane Doe | 12 March 2025", "2025-03-12", None, ("Jane Doe",), None),
        ("Date: 2025-03-12", "2025-03-12", None, (), None),
        ("Published 3 March 2025", "2025-03-03", None, (), None),
        ("Publié le 20 décembre 2024", "2024-12-20", None, (), None),
        ("发布时间：2025年4月18日 09:30", "2025-04-18", "09:30", (), None),
        ("By Ana Lima, March 4, 2025", "2025-03-04", None, ("Ana Lima",), None),
        ("Mis à jour le 1er mai 2025 à 14h30", "2025-05-01", "14:30", (), None),
    ],
)
def test_structure_news_parse_byline(line, date, time, authors, publisher):
    byline = parse_byline(line)
    assert byline is not None
    assert byline.date == dt.date.fromisoformat(date)
    assert byline.time == time
    assert byline.authors == authors
    assert byline.publisher == publisher


@pytest.mark.parametrize(
    "line",
    [
        "On August 11, the CISS team held a virtual seminar with Tencent Research Institute.",
        "The meeting brought together 23 experts from cable operators.",
        "By the end of the year, the Institute will publish a report.",
        "Next steps will be discussed in April",
        "研究院将在会议成果基础上形成政策建议报告。",
        "",
    ],
)
def test_structure_news_body_lines_are_not_bylines(line):
    assert parse_byline(line) is None


def test_structure_news_year_is_never_guessed():
    doc = structure_news("Title\n\nPosted: March 3 | By A Writer\n\nOn August 11, something happened.\n")
    assert doc.published_date is None
    assert "--08-11" in doc.event_dates
    assert "--03-03" not in doc.event_dates  # the byline is not body text
    assert any("no year" in note for note in doc.notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On August 11, the team met.", ["--08-11"]),
        ("Le 20 décembre 2024, à Beijing.", ["2024-12-20"]),
        ("2025年4月18日，会议召开。4月16日预备会。", ["2025-04-18", "--04-16"]),
        ("in October 2017, when", ["2017-10"]),
        ("held on 2024-12-20 and 20-12-2024", ["2024-12-20", "2024-12-20"]),
        ("you may 5 times ask", []),  # "may" is not a month in lower case English
        ("On February 30 nothing", []),  # not a valid date
    ],
)
def test_structure_news_find_dates(text, expected):
    assert [m.iso for m in find_dates(text)] == expected


@pytest.mark.parametrize(
    ("fragment", "month_first", "expected"),
    [("03/04/2025", True, "2025-03-04"), ("03/04/2025", False, "2025-04-03"), ("25/04/2025", True, "2025-04-25")],
)
def test_structure_news_numeric_date_order(fragment, month_first, expected):
    parsed = parse_date_time(fragment, month_first)
    assert parsed is not None
    assert parsed[0].iso == expected


@pytest.mark.parametrize("raw", ["", "\n\n \n", "\ufeff", "Only a title", "640 (1).jpg", "Next: x", "|||", "\u3000\u3000"])
def test_structure_news_odd_input(raw):
    doc = structure_news(raw)
    assert doc.genre == "news"
    if doc.text:
        assert doc.sections[0].end == len(doc.text)
    else:
        assert doc.sections == ()


def test_structure_news_is_picklable_and_deterministic():
    raw = (ROOT / "seeds" / "002_12b8784aec2226cd.txt").read_text(encoding="utf-8")
    assert pickle.loads(pickle.dumps(structure_news)) is structure_news
    assert structure_news(raw) == structure_news(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_structure_news_never_crashes(raw):
    doc = structure_news(raw)
    assert isinstance(doc.text, str)
    for section in doc.sections:
        assert 0 <= section.start <= section.end <= len(doc.text)
    if doc.text:
        assert doc.text == doc.text.strip(" \t\u3000") or doc.text.split("\n\n")[0]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Title line", "", "Posted: March 3, 2025 | By A B", "Next: X", "上一篇：Y", "a.jpg", "Body text here.",
             "　　中文段落。", "Findings", "RCI|20-12-2024 06:09:47", "By X | 2025-01-01", "Le 7 mai, rien."]
        ),
        max_size=15,
    )
)  # fmt: skip
def test_structure_news_never_crashes_on_news_shaped_lines(lines):
    doc = structure_news("\n".join(lines))
    for line in doc.boilerplate:
        if line != doc.title:
            assert line not in doc.text.split("\n\n")
