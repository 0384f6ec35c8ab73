"""Entity rules of the fourth round, each on a small constructed sentence: generic legal noun phrases,
French meetings named by an adjective, French legal instruments headed by Mesures/Décret/Dispositions."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities


def _pairs(text: str, language: str = "en") -> set[tuple[str, str]]:
    (spans,) = detect_entities([text], language)
    return {(s.text, s.label) for s in spans if s.parent is None}


@pytest.mark.parametrize(
    ("text", "phrase", "law"),
    [
        ("2.1 National law\n\nThe Government Procurement Law, adopted in 2002, governs every purchase made with public funds.",
         "National law", "Government Procurement Law"),
        ("3. Domestic regulation\n\nThe Export Control Law, adopted in 2020, sets the list of controlled items.",
         "Domestic regulation", "Export Control Law"),
    ],
)
def test_entities_round4_generic_adjective_over_a_lowercase_legal_noun_is_no_law(text, phrase, law):
    pairs = _pairs(text)
    assert not any(surface == phrase for surface, _ in pairs)
    assert (law, "LAW") in pairs


def test_entities_round4_a_named_law_with_a_capitalised_head_stays_a_law():
    assert ("Cybersecurity Law", "LAW") in _pairs("China adopted the Cybersecurity Law in 2016 after two readings.")


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("Une délégation de la Banque mondiale se rendra à Genève en octobre pour la Conférence mondiale sur les réseaux "
         "de télécommunication.", "Conférence mondiale sur les réseaux de télécommunication"),
        ("Des experts se rendront en mai pour la Conférence internationale sur la cybersécurité.",
         "Conférence internationale sur la cybersécurité"),
    ],
)
def test_entities_round4_french_conference_named_by_a_meeting_adjective_is_an_event(text, meeting):
    assert (meeting, "EVENT") in _pairs(text, "fr")


def test_entities_round4_french_forum_without_a_meeting_cue_stays_an_organisation():
    assert ("Forum des droits sur internet", "ORG") in _pairs("Le Forum des droits sur internet a publié un avis.", "fr")


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("Le texte complète les Mesures provisoires sur les services de paiement mobile, entrées en vigueur en mars 2022.",
         "Mesures provisoires sur les services de paiement mobile"),
        ("Le ministère a publié les Mesures provisoires sur la gestion des plateformes de covoiturage, entrées en vigueur en 2021.",
         "Mesures provisoires sur la gestion des plateformes de covoiturage"),
    ],
)
def test_entities_round4_french_measures_named_as_an_instrument_are_a_law(text, instrument):
    pairs = _pairs(text, "fr")
    assert (instrument, "LAW") in pairs
    assert not any(label == "GPE" for _, label in pairs)
