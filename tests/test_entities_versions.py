"""Versioned products told from people (constructed sentences; invented model names)."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in detect_entities([text], "en")[0]}


@pytest.mark.parametrize("name", ["Velora 3", "Qamara-7", "Qamara-7 Turbo"])
def test_entities_versions_a_name_with_a_version_number_is_not_a_person(name):
    found = _pairs(f"Engineers compared {name} with older systems last year.")
    assert (name, "PERSON") not in found


def test_entities_versions_list_members_of_products_are_products():
    found = _pairs("The strongest systems, such as Velora 3, Kestrel 2, and Dorian Ultra, can write code.")
    assert {("Velora 3", "PRODUCT"), ("Kestrel 2", "PRODUCT")} <= found
    assert ("Dorian Ultra", "PERSON") not in found


def test_entities_versions_other_version_of_a_named_product():
    found = _pairs("Engineers compared Velora 3 with older systems. Before Qamara-7, there was Qamara-2.")
    assert ("Qamara-2", "PRODUCT") in found or ("Qamara-7", "PRODUCT") not in found


def test_entities_versions_people_in_a_list_stay_people():
    found = _pairs("The panel heard John Smith, Mary Jones and Ann Lee on Monday.")
    assert {("John Smith", "PERSON"), ("Mary Jones", "PERSON"), ("Ann Lee", "PERSON")} <= found
