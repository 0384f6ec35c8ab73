"""Organisation names found by their head word (constructed sentences; invented names)."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.org_heads import org_names


def _names(text: str) -> set[str]:
    return {text[a:b] for a, b, _ in org_names(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Members include the Velmont Standards Board and others.", "Velmont Standards Board"),
        ("Members include the Coastal Routing Task Force and others.", "Coastal Routing Task Force"),
        ("It was approved by the Bureau of Tides and Harbours last year.", "Bureau of Tides and Harbours"),
        ("The Ministry of Fisheries, Ports and Shipping said so.", "Ministry of Fisheries, Ports and Shipping"),
        ("The Standing Committee on the Future of Rural Transport met.",
         "Standing Committee on the Future of Rural Transport"),
        ("The Corellian Corporation for Assigned Routes and Numbers agreed.",
         "Corellian Corporation for Assigned Routes and Numbers"),
    ],
)
def test_entities_org_heads_names_ending_in_or_led_by_a_head_word(text, name):
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Board met again.", "Board"),  # a head word alone
        ("Several Council members voted.", "Several Council"),  # an opener is not part of the name
        ("He wrote to the Commission on Tuesday.", "Commission on Tuesday"),  # a weekday ends the name
        ("She praised the “Blue Harbour Foundation” of their plan.", "Blue Harbour Foundation"),  # quoted phrase
    ],
)
def test_entities_org_heads_not_names(text, absent):
    assert absent not in _names(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a possessive separates two names
        ("Velmont University’s Centre for Ocean Law hosted it.", {"Velmont University", "Centre for Ocean Law"}),
        ("Ghana's Ministry of Coastal Affairs hosted it.", {"Ministry of Coastal Affairs"}),
        # "of" or "and" before another organisation or a known place ends the first name
        ("The Institute for Port Studies of Velmont University of Marine Science wrote it.",
         {"Institute for Port Studies", "Velmont University of Marine Science"}),
        ("The Ministry of Water Resources of Kenya and the Delta Council agreed.", {"Ministry of Water Resources"}),
    ],
)
def test_entities_org_heads_a_run_holding_two_names_is_cut(text, names):
    found = _names(text)
    assert names <= found
    assert not any(len(f) > max(map(len, names)) and any(n in f for n in names) for f in found)


def test_entities_org_heads_head_word_makes_an_event_label_an_organisation():
    found = {(e.text, e.label) for e in detect_entities(["Members include the World Wide Web Consortium."], "en")[0]}
    assert ("World Wide Web Consortium", "ORG") in found


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The scope of the Velmont Data Protection Regulation is wide.", "Velmont Data Protection Regulation", "LAW"),
        ("Tools such as the Foreign Direct Product Rule were used.", "Foreign Direct Product Rule", "LAW"),
        ("He studied at the Velmont Institute of International Law in May.", "Velmont Institute of International Law",
         "ORG"),
    ],
)
def test_entities_org_heads_statute_word_makes_an_organisation_label_a_law(text, name, label):
    found = {(e.text, e.label) for e in detect_entities([text], "en")[0]}
    assert (name, label) in found or not any(s == name for s, _ in found)
    assert (name, "ORG" if label == "LAW" else "LAW") not in found


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Senior Agency Officials for Privacy met.", "Senior Agency", None),
        ("The Member States’ Group on Ports and Shipping met.", "Member States’ Group on Ports and Shipping",
         "Group on Ports and Shipping"),
    ],
)
def test_entities_org_heads_name_goes_on_or_is_cut_at_a_plural_possessive(text, absent, present):
    found = _names(text)
    assert absent not in found
    assert present is None or present in found


def test_entities_org_heads_opener_is_trimmed_from_a_model_organisation():
    found = {e.text for e in detect_entities(["Several Council members voted against it."], "en")[0]}
    assert not any(f.startswith("Several") for f in found)
