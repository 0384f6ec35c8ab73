"""A meeting named with the place it is held in ("<meeting> in <Place>") is an EVENT and a place."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.meeting_places import split_meeting_place


def _pairs(text: str) -> set[tuple[str, str]]:
    (spans,) = detect_entities([text], "en")
    return {(s.text, s.label) for s in spans if s.parent is None}


@pytest.mark.parametrize(
    ("text", "event", "place"),
    [
        ("At the World Internet Conference in Wuzhen in November 2024, officials presented the register.",
         ("World Internet Conference", "EVENT"), ("Wuzhen", "GPE")),
        ("Delegates gathered at the Global Data Governance Forum in Tianjin last spring.",
         ("Global Data Governance Forum", "EVENT"), ("Tianjin", "GPE")),
    ],
)
def test_the_place_after_a_meeting_is_not_part_of_its_name(text, event, place):
    pairs = _pairs(text)
    assert event in pairs and place in pairs
    assert not any(surface.endswith(place[0]) and surface != place[0] for surface, _ in pairs)


def test_a_site_after_a_meeting_is_a_loc():
    parts = split_meeting_place("AI Safety Summit in Bletchley Park")
    assert parts is not None and "AI Safety Summit in Bletchley Park"[parts[1]:parts[2]] == "Bletchley Park"


@pytest.mark.parametrize("surface", ["Conference on Security and Co-operation in Europe", "Investment in Africa",
                                     "Summit in", "World Internet Conference in November"])
def test_in_after_a_word_that_is_no_meeting_head_stays_inside_the_name(surface):
    assert split_meeting_place(surface) is None
