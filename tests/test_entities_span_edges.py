"""Edges of names: glyphs, leading punctuation and demonstratives, cross references, a law's year and number."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.span_edges import edge_fixed


@pytest.mark.parametrize(
    ("text", "span", "label", "expected"),
    [
        ("\uf02d item", (0, 1), "ORG", None),  # a glyph
        (") Velmont Board met", (0, 15), "ORG", "Velmont Board"),
        ("This Velmont Plan sets goals", (0, 17), "LAW", "Velmont Plan"),
        ("see Appendix A for details", (4, 14), "PERSON", None),
        ("see Annex II for details", (4, 12), "ORG", None),
        ("under the Velmont Data Act of 2021 (P.L. 1-2)", (10, 26), "LAW", "Velmont Data Act of 2021"),
        ("the Velmont Institute of 2021 fame", (4, 21), "ORG", "Velmont Institute"),  # not a law: no year added
    ],
)
def test_entities_span_edges(text, span, label, expected):
    fixed = edge_fixed(text, *span, label)
    assert (text[fixed[0]:fixed[1]] if fixed else None) == expected


def test_entities_span_edges_bracketed_law_number_is_the_same_law():
    text = "Work is directed by the Velmont Data Act of 2021 (P.L. 116-283), passed last year."
    spans = {e.text: e for e in detect_entities([text], "en")[0]}
    assert "Velmont Data Act of 2021" in spans
    number = spans.get("P.L. 116-283")
    assert number is None or number.canonical_hint == "Velmont Data Act of 2021"
