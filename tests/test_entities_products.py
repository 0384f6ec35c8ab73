"""Products, companies and places told apart by context and maintained data (constructed sentences)."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.products import product_surfaces


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in detect_entities([text], "en")[0]}


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("Firms run their own services like Quorra and Belpay, and their apps (Zintle, Movra, and Kesto).",
         {"Quorra", "Belpay", "Zintle", "Movra", "Kesto"}),
        ("Visitors struggle using Quorra, Belpay, and Zintle.", {"Quorra", "Belpay", "Zintle"}),
        ("The Movra app and the Belpay wallet compete.", {"Movra", "Belpay"}),
        ("The ministry met the company.", set()),
    ],
)
def test_entities_products_contexts(text, products):
    assert product_surfaces(text) == products


def test_entities_products_label_every_occurrence():
    text = "Belpay grew fast. Shoppers pay with services like Belpay and cash. Belpay now has rivals."
    assert {label for surface, label in _pairs(text) if surface == "Belpay"} == {"PRODUCT"}


@pytest.mark.parametrize(
    ("name", "label"),
    [("Meituan Dianping", "ORG"), ("Hong Yanqing", "PERSON"), ("Efua Boateng", "PERSON")],
)
def test_entities_products_romanised_company_names_are_not_people(name, label):
    found = _pairs(f"Reporters asked {name} about the results on Monday, and {name} answered.")
    assert (name, label) in found or label == "PERSON" and not any(s == name for s, _ in found)


def test_entities_products_unknown_one_word_place_is_an_organisation():
    # the model tags an unknown company name GPE; no maintained place list knows it
    from corpus.enrich.entities.places import known_places

    assert "zintlebrook" not in known_places() and "accra" in known_places() and "xinjiang" in known_places()


@pytest.mark.parametrize(("text", "company"), [
    ("Tech companies such as Zintlebrook and Movra grew.", True),
    ("Zintlebrook, a Chinese internet firm, grew.", True),
    ("Readings came from two stations, Zintlebrook and Movra.", False),
])
def test_entities_products_presented_as_company(text, company):
    from corpus.enrich.entities.products import presented_as_company

    assert presented_as_company(text, "Zintlebrook") is company
