"""Figures and tables: captions, sources and in-text mentions."""

from __future__ import annotations

import re

from corpus.structure.model import FigureSpan, SectionSpan
from corpus.structure.report.blocks import Placed
from corpus.structure.report.locale import TABLE_WORDS
from corpus.structure.report.patterns import (
    _APPENDIX_MENTION_RE, _APPENDIX_RE, _CAPTION_RE, _CHART_WORDS, _DIAGRAM_WORDS, _FIGURE_NOTE_RE, _MENTION_RE, _SOURCE_RE,
)


def _figure_kind(word: str, caption: str) -> str:
    word = word.lower().rstrip(".")
    if word in TABLE_WORDS:
        return "table"
    if word == "map" or re.search(r"\bmap\b", caption, re.IGNORECASE):
        return "map"
    if word in ("chart", "graph"):
        return "chart"
    if word == "diagram" or _DIAGRAM_WORDS.search(caption):
        return "diagram"
    if _CHART_WORDS.search(caption) or re.search(r"\b(19|20)\d\d\s*[–-]\s*(19|20)?\d\d\b", caption):
        return "chart"
    return "figure"


_FIGURE_RUN = 40  # blocks after a caption that may still belong to its figure (table rows, notes)


def _source_and_note(placed: list[Placed], k: int, rows: bool) -> tuple[str | None, str | None]:
    """The "Source:" and "Notes:" paragraphs printed under the caption at placed[k] (in either order), reading
    on past table rows (`rows`) and stopping at the first other block."""
    source = note = None
    for later in placed[k + 1 : k + 1 + _FIGURE_RUN]:
        if later.block.kind == "source" and source is None:
            source = _SOURCE_RE.sub("", later.text, count=1).strip()
        elif later.block.kind == "note" and note is None:
            note = _FIGURE_NOTE_RE.sub("", later.text, count=1).strip()
        elif not (rows and later.block.kind == "row"):
            break
    return source, note


def build_figures(placed: list[Placed], text: str, sections: tuple[SectionSpan, ...]) -> tuple[FigureSpan, ...]:
    """Captioned figures and tables with their source lines and in-text mentions."""
    drafts = []
    for k, item in enumerate(placed):
        if item.block.kind != "caption":
            continue
        match = _CAPTION_RE.match(item.text)
        if match is None:  # a chart title without a "Figure N" label
            source, note = _source_and_note(placed, k, rows=False)
            drafts.append(dict(label="", kind="chart", number=None, caption=item.text.strip(), source=source, note=note,
                               start=item.start))
            continue
        label = f"{match.group(1)} {match.group(2)}"
        caption = item.text[match.end():].strip()
        source, note = _source_and_note(placed, k, rows=True)
        number = int(match.group(2)) if match.group(2).isdigit() else None
        drafts.append(dict(label=label, kind=_figure_kind(match.group(1), caption), number=number,
                           caption=caption, source=source, note=note, start=item.start))
    drafts = _best_per_label(drafts)
    caption_starts = {d["start"] for d in drafts}
    mentions: dict[str, list[int]] = {}
    for match in _MENTION_RE.finditer(text):
        if match.start() not in caption_starts:
            mentions.setdefault(f"{match.group(1)} {match.group(2)}".lower(), []).append(match.start())
    appendix_mentions = _appendix_mentions(text, sections)
    figures = []
    for draft in drafts:
        starts = set(mentions.get(draft["label"].lower(), []))
        for (begin, end), offsets in appendix_mentions.items():
            if begin <= draft["start"] < end:
                starts.update(offsets)
        figures.append(FigureSpan(mention_starts=tuple(sorted(starts)), **draft))
    return tuple(figures)


def _best_per_label(drafts: list[dict]) -> list[dict]:
    """One figure per label: a list-of-figures entry yields to the captioned figure with a source."""
    best: dict[str, dict] = {}
    for draft in drafts:
        key = draft["label"] or f"unlabelled@{draft['start']}"
        kept = best.get(key)
        if kept is None or (draft["source"] is not None or kept["source"] is None):
            best[key] = draft
    return sorted(best.values(), key=lambda d: d["start"])


def _appendix_mentions(text: str, sections: tuple[SectionSpan, ...]) -> dict[tuple[int, int], list[int]]:
    """Offsets of "Appendix X" references outside appendix X, keyed by that appendix's span."""
    spans = {}
    for section in sections:
        match = _APPENDIX_RE.match(section.heading)
        if match:
            spans[match.group(1)] = (section.start, section.end)
    found: dict[tuple[int, int], list[int]] = {}
    for match in _APPENDIX_MENTION_RE.finditer(text):
        span = spans.get(match.group(1))
        if span and not span[0] <= match.start() < span[1]:
            found.setdefault(span, []).append(match.start())
    return found
