"""The `ner` table: each paragraph as tokens with BIO tags over the published top-level mentions.

Tokens come from spaCy's rule-based tokenizer of the document's language (`spacy.blank`, no model, no
download; languages spaCy lacks use its multilingual `xx` tokenizer). Chinese has no word tokenizer
without a downloaded model, so the rule for `zh` is: the `xx` tokenizer, then every Han character is a
token of its own (runs of Latin letters and digits stay whole). Every token is then cut at each mention
boundary inside it, so each mention is a whole number of tokens and the tags give back the mentions
exactly. Space tokens are dropped. Nested mentions (parent_id set) are left out (BIO is flat); a
mention that crosses a paragraph boundary is left out of both paragraphs. Tags are stored as ids into
`NER_TAG_NAMES` (a `ClassLabel` sequence, as conll2003 and wikiann store them); `tag_names` decodes them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from corpus.records import NER_TAG_NAMES, Mention, NerRow, Paragraph

_TAG_IDS = {name: i for i, name in enumerate(NER_TAG_NAMES)}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


@cache
def _tokenizer(language: str):
    import spacy
    from spacy.util import get_lang_class

    code = language.split("-")[0]
    try:
        get_lang_class(code)
    except ImportError:
        code = "xx"
    return spacy.blank("xx" if code == "zh" else code).tokenizer


def tokenize(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of its tokens, spaces dropped (a token is never empty, so a space token
    is one whose text is all whitespace); read from the Doc's arrays, without a Token object per token."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    doc = _tokenizer(language)(text)
    rows = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist() if len(doc) else []
    if language.split("-")[0] != "zh":
        return [(start, start + length) for start, length, space in rows if not space]
    spans = []
    for start, length, space in rows:
        if space:
            continue
        end = start + length
        if _HAN.search(text, start, end):
            spans.extend(_split_han(text, start, end))
        else:
            spans.append((start, end))
    return spans


def _split_han(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, run = [], start
    for i in range(start, end):
        if _HAN.match(text[i]):
            if run < i:
                pieces.append((run, i))
            pieces.append((i, i + 1))
            run = i + 1
    if run < end:
        pieces.append((run, end))
    return pieces


def cut_at(spans: list[tuple[int, int]], boundaries: set[int]) -> list[tuple[int, int]]:
    """Tokens cut at every boundary strictly inside them."""
    ordered = sorted(boundaries)
    result = []
    for start, end in spans:
        first = bisect_right(ordered, start)
        last = bisect_left(ordered, end, first)  # ordered[first:last]: start < b < end
        if first == last:
            result.append((start, end))
            continue
        cuts = ordered[first:last]
        result.extend(zip([start, *cuts], [*cuts, end]))
    return result


def bio_tags(tokens: Sequence[tuple[int, int]], mentions: Sequence[tuple[int, int, str]]) -> list[str]:
    """BIO tag per token for non-overlapping (start, end, label) mentions aligned to token boundaries."""
    tags = ["O"] * len(tokens)
    starts = [s for s, _ in tokens]
    in_order = all(a[0] <= b[0] and a[1] <= b[1] for a, b in zip(tokens, tokens[1:]))
    for start, end, label in mentions:
        if in_order:  # tokens in text order: those inside [start, end) are one run, found by bisection
            first = bisect_left(starts, start)
            last = first
            while last < len(tokens) and tokens[last][1] <= end:
                last += 1
            inside = range(first, last)
        else:
            inside = [i for i, (s, e) in enumerate(tokens) if start <= s and e <= end]
        for n, i in enumerate(inside):
            tags[i] = f"{'B' if n == 0 else 'I'}-{label}"
    return tags


def tag_ids(tags: Sequence[str]) -> list[int]:
    """The ids of BIO tags: their positions in NER_TAG_NAMES (the ClassLabel names)."""
    return [_TAG_IDS[tag] for tag in tags]


def tag_names(ids: Sequence[int]) -> list[str]:
    """The BIO tags that ids name; ValueError for an id outside NER_TAG_NAMES (a negative one too)."""
    bad = [i for i in ids if not 0 <= i < len(NER_TAG_NAMES)]
    if bad:
        raise ValueError(f"tag id {bad[0]} is not in 0..{len(NER_TAG_NAMES) - 1}")
    return [NER_TAG_NAMES[i] for i in ids]


def bio_spans(starts: Sequence[int], ends: Sequence[int], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """The (start, end, label) spans a BIO sequence encodes (an I- not continuing a span of its label opens one)."""
    spans: list[tuple[int, int, str]] = []
    open_label: str | None = None
    for start, end, tag in zip(starts, ends, tags):
        if tag == "O":
            open_label = None
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and open_label == label:
            spans[-1] = (spans[-1][0], end, label)
        else:
            spans.append((start, end, label))
        open_label = label
    return spans


def paragraph_mentions(paragraph: Paragraph, mentions: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """Top-level mentions wholly inside the paragraph, overlapping ones after the first dropped."""
    return non_overlapping(
        (m.start, m.end, m.label)
        for m in mentions
        if m.parent_id is None and m.field == paragraph.field and m.footnote_id == paragraph.footnote_id
        and paragraph.start <= m.start and m.end <= paragraph.end
    )


def _top_level_by_field(mentions: Sequence[Mention]) -> dict[tuple[str, str | None], list[tuple[int, int, str]]]:
    """Top-level mentions as sorted (start, end, label) per (field, footnote_id): what `paragraph_mentions` filters."""
    grouped: dict[tuple[str, str | None], list[tuple[int, int, str]]] = {}
    for m in mentions:
        if m.parent_id is None:
            grouped.setdefault((m.field, m.footnote_id), []).append((m.start, m.end, m.label))
    for spans in grouped.values():
        spans.sort()
    return grouped


def _mentions_inside(paragraph: Paragraph, ordered: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`paragraph_mentions` over one field's sorted mentions: those starting in the paragraph found by bisection."""
    first = bisect_left(ordered, (paragraph.start,))
    last = bisect_right(ordered, (paragraph.end, float("inf")))
    return non_overlapping(m for m in ordered[first:last] if m[1] <= paragraph.end)


def non_overlapping(spans) -> list[tuple[int, int, str]]:
    """(start, end, label) spans sorted, each one overlapping an earlier kept span dropped."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def paragraph_tokens(paragraph: Paragraph) -> list[tuple[int, int]]:
    """The paragraph's tokens as offsets in the text its field names (before the cut at mentions)."""
    return [(s + paragraph.start, e + paragraph.start) for s, e in tokenize(paragraph.text, paragraph.language)]


def ner_rows(paragraphs: Sequence[Paragraph], mentions: Sequence[Mention], tokens: Sequence[Sequence[tuple[int, int]]] | None = None) -> list[NerRow]:
    """One row per paragraph with at least one token; `tokens` (per paragraph, from `paragraph_tokens`)
    are computed when not given."""
    rows = []
    grouped = _top_level_by_field(mentions)
    for i, p in enumerate(paragraphs):
        spans = _mentions_inside(p, grouped.get((p.field, p.footnote_id), ()))
        base = list(tokens[i]) if tokens is not None else paragraph_tokens(p)
        cut = cut_at(base, {b for s, e, _ in spans for b in (s, e)})
        if not cut:
            continue
        rows.append(
            NerRow(
                paragraph_id=p.paragraph_id,
                doc_id=p.doc_id,
                language=p.language,
                split=p.split,
                tokens=[p.text[s - p.start : e - p.start] for s, e in cut],
                ner_tags=tag_ids(bio_tags(cut, spans)),
                token_starts=[s for s, _ in cut],
                token_ends=[e for _, e in cut],
            )
        )
    return rows
