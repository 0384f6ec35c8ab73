"""Property-based: arbitrary text through structuring and enrichment never crashes and keeps every offset invariant."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.pipeline import process_document
from corpus.read import SourceDocument
from corpus.structure import structure_document

# Lines that look like the inputs: words, numbers, headings, footnote-ish lines, URLs, bullets, CJK.
fragments = st.sampled_from(
    [
        "",
        " ",
        "Figure 1. A caption",
        "Source: CSIS.",
        "1. A note https://example.org/a-",
        "b/c.html",
        "INTRODUCTION",
        "- a bullet",
        "Last:Another item",
        "Next: One more",
        "640 (1).jpg",
        "Report Title 3",
        "over 30 percent of $4.3 billion",
        "ZHANG Qinkun, Secretary-General of the Tencent Research Institute",
        "来源：研究院 时间：2025-04-18",
        "\f",
        "Insti-",
        "tute",
    ]
)
lines = st.lists(st.one_of(fragments, st.text(max_size=40)), max_size=40)


def _check_document(raw: str, genre: str | None) -> None:
    doc = structure_document(raw, genre=genre)
    n = len(doc.text)
    starts = [s.start for s in doc.sections]
    assert starts == sorted(starts)
    for i, s in enumerate(doc.sections):
        assert 0 <= s.start <= s.end <= n
        if s.parent is not None:
            parent = doc.sections[s.parent]
            assert s.parent < i and parent.start <= s.start and s.end <= parent.end
    for f in doc.footnotes:
        assert f.anchor is None or 0 <= f.anchor <= n
    for g in doc.figures:
        assert all(0 <= m <= n for m in g.mention_starts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.sampled_from([None, "news", "report"]))
def test_properties_structure_never_crashes_and_offsets_hold(parts, genre):
    _check_document("\n".join(parts), genre)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.sampled_from(["news", "report"]))
def test_properties_whole_document_step_keeps_surfaces(parts, genre):
    raw = "\n".join(parts)
    if not raw.strip():
        return
    source = SourceDocument(
        doc_id="doc",
        source_file="doc.txt",
        sha256=hashlib.sha256(raw.encode()).hexdigest(),
        n_bytes=max(1, len(raw.encode())),
        raw=raw,
        entry=None,
    )
    result = process_document(source)
    text = result.document.text
    notes = {f.footnote_id: f.text for f in result.footnotes}
    for q in result.quantities:
        target = notes[q.footnote_id] if q.footnote_id else text
        assert target[q.start : q.end] == q.text
    for owner, span in result.entity_spans:
        target = notes[owner] if owner else text
        assert target[span.start : span.end] == span.text
    for s in result.sections:
        assert text[s.start : s.end] == s.text
