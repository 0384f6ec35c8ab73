"""Entities in footnotes read with the citation parse: authors are persons, outlets organisations, titles nothing."""

from __future__ import annotations

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.citations import citation_filter
from corpus.enrich.model import EntitySpan


def _note(text: str) -> set[tuple[str, str]]:
    (spans,) = detect_entities([text], "en", notes=[True])
    return {(s.text, s.label) for s in spans}


def test_entities_notes_outlet_is_an_organisation_and_authors_persons():
    found = _note('Wei Jun and Tomasz Nowak, "Speech Delivered at the Port Forum", Xinhua, 12 March 2023, '
                  "http://www.news.cn/2023/x.htm.")
    assert ("Xinhua", "ORG") in found
    assert ("Wei Jun", "PERSON") in found and ("Tomasz Nowak", "PERSON") in found
    assert not any("Delivered" in s or "news.cn" in s for s, _ in found)


def test_entities_notes_parse_replaces_overlapping_spans_and_drops_names_inside_titles():
    text = 'Lena Hartmann, "Ports of Riga and Gdansk", Baltic Times, 2 May 2022.'
    riga, baltic = text.index("Riga"), text.index("Baltic")
    wrong = [EntitySpan(0, 13, "Lena Hartmann", "ORG"), EntitySpan(riga, riga + 4, "Riga", "GPE"),
             EntitySpan(baltic, baltic + 6, "Baltic", "NORP")]
    out = {(s.text, s.label) for s in citation_filter(text, wrong, note=True)}
    assert out == {("Lena Hartmann", "PERSON"), ("Baltic Times", "ORG")}


def test_entities_notes_rule_applies_to_notes_only():
    text = 'Lena Hartmann, "Ports of Riga and Gdansk", Baltic Times, 2 May 2022.'
    riga = text.index("Riga")
    spans = [EntitySpan(riga, riga + 4, "Riga", "GPE")]
    assert citation_filter(text, spans, note=False) == spans
