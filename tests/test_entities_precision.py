"""Entity precision on unseen text (issue 14): titles of works, standard designations, demonstrative back
references, capitalised labels and heading words are not names (constructed sentences)."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.acronym_typos import misspelt_acronym
from corpus.enrich.entities.capital_labels import label_words
from corpus.enrich.entities.head_references import ambiguous_heads
from corpus.enrich.entities.heading_words import is_imperative, is_sentence_case_opener, line_at
from corpus.enrich.entities.compounds import left_of_compound
from corpus.enrich.entities.demonstratives import after_demonstrative, opens_with_demonstrative, without_demonstrative
from corpus.enrich.entities.works import head_noun, is_standard_designation, is_title_of_work


def _surfaces(text: str, language: str = "en") -> dict[str, str]:
    return {e.text: e.label for e in detect_entities([text], language)[0]}


@pytest.mark.parametrize(
    ("surface", "language", "work"),
    [
        ("Harbour Logistics Development Report 2024", "en", True),
        ("Coastal Data Roadmap", "en", True),
        ("Blue Book", "en", True),
        ("Request for Comments", "en", True),
        ("Livre blanc sur la cybersécurité", "fr", True),
        ("Port Authority of Valdora", "en", False),  # an organisation head
        ("Facebook", "en", False),  # one word, "book" is not its head
        ("Report", "en", False),  # a lone noun is not a title
    ],
)
def test_entities_precision_titles_of_works(surface, language, work):
    assert is_title_of_work(surface, language) is work


def test_entities_precision_head_noun():
    assert head_noun("World Shipping Report 2023", "en") == "report"
    assert head_noun("Request for Information", "en") == "request"
    assert head_noun("Rapport annuel de l'Agence", "fr") == "rapport"


def test_entities_precision_standard_designation():
    text = "as defined (ISO / IEC TR 24368:2022) and in ISO 31000:2018, ISO said."
    at = text.index("ISO / IEC TR")
    assert is_standard_designation(text, at, at + len("ISO / IEC TR"))
    at = text.index("ISO 31000")
    assert is_standard_designation(text, at, at + 3)
    at = text.rindex("ISO")
    assert not is_standard_designation(text, at, at + 3)  # the body itself, no number after it


def test_entities_precision_titles_dropped_in_a_text():
    text = ("The Harbour Logistics Development Report 2024 was released by the Valdora Port Authority in Lisbon, "
            "and the agency will publish a Coastal Data Roadmap next year after a formal Request for Information.")
    found = _surfaces(text)
    assert not {s for s in found if "Report" in s or "Roadmap" in s or "Request" in s}
    assert "Lisbon" in found


@pytest.mark.parametrize(
    ("surface", "language", "expected"),
    [
        ("This Coordinated Plan", "en", True),
        ("These Guidelines", "en", True),
        ("Cette Directive", "fr", True),
        ("Our Ocean Conference", "en", False),  # a possessive opens a real name
        ("This", "en", False),
        ("Thistle Group", "en", False),
        ("that Regulation (EU) 2016/679", "en", False),  # "that" is mostly a conjunction
    ],
)
def test_entities_precision_demonstratives(surface, language, expected):
    assert opens_with_demonstrative(surface, language) is expected


def test_entities_precision_demonstrative_span_dropped_in_a_text():
    text = ("The European Commission adopted a plan in April. This Coordinated Plan puts forward how funding "
            "can support joint actions among member states.")
    found = _surfaces(text)
    assert not any(s.startswith("This") for s in found)
    assert "European Commission" in found


def test_entities_precision_after_demonstrative():
    text = "It met. This Coordinated Plan sets out; these\nGuidelines apply; Cette Directive"
    assert after_demonstrative(text, text.index("Coordinated"), "en")
    assert not after_demonstrative(text, text.index("Guidelines"), "en")  # the demonstrative ends the line before
    assert after_demonstrative(text, text.index("Directive"), "fr")
    assert not after_demonstrative(text, text.index("It"), "en")
    said = "Drafters told us that Regulation (EU) 2016/679 is the model."
    assert not after_demonstrative(said, said.index("Regulation"), "en")


def test_entities_precision_demonstrative_phrase_dropped_places_kept():
    found = _surfaces("Ministers met in Brussels. This Strategic Plan sets out how these Chinese firms will fund ports.")
    assert "Strategic Plan" not in found
    assert found.get("Chinese") == "NORP" and "Brussels" in found
    fr = _surfaces("Le Conseil a adopté sa position. Cette Directive entrera en vigueur en 2027.", "fr")
    assert "Directive" not in fr


def test_entities_precision_hint_loses_its_demonstrative():
    assert without_demonstrative("This Coordinated Plan", "en") == "Coordinated Plan"
    assert without_demonstrative("Our Ocean Conference", "en") == "Our Ocean Conference"
    assert without_demonstrative(None, "en") is None


def test_entities_precision_capital_labels():
    text = ("Teams measure risk and manage it. The four functions – GOVERN, MAP, MEASURE, and MANAGE – apply. "
            "NATO, OECD and IAEA met.")
    assert label_words(text) == {"GOVERN", "MAP", "MEASURE", "MANAGE"}
    assert label_words("The functions GOVERN, MAP, MEASURE and MANAGE apply.") == set()  # none written in lowercase


def test_entities_precision_capital_labels_dropped_in_a_text():
    text = ("Port operators collect data once and share it with customs. The handbook calls the three steps "
            "COLLECT, SHARE and VERIFY. While COLLECT comes first, the SHARE step involves the Valdora Port Authority.")
    found = _surfaces(text)
    assert not {"COLLECT", "SHARE", "VERIFY"} & set(found)


def test_entities_precision_ambiguous_head_reference():
    text = "The Lisbon Data Summit and the Porto Cyber Summit met. At the Summit, the Coastal Data Summit was praised."
    starts = [text.index(n) for n in ("Lisbon Data Summit", "Porto Cyber Summit", "Summit,", "Coastal Data Summit")]
    items = [(starts[0], starts[0] + 18, "EVENT", None), (starts[1], starts[1] + 18, "EVENT", None),
             (starts[2], starts[2] + 6, "ORG", None), (starts[3], starts[3] + 19, "EVENT", None)]
    assert ambiguous_heads(text, items, "en") == {2}
    assert ambiguous_heads(text, items[1:], "en") == {1}  # still two summits
    assert ambiguous_heads(text, [items[0], items[2]], "en") == set()  # one summit: a back reference to it


@pytest.mark.parametrize(
    ("line", "surface", "imperative"),
    [
        ("Plug Loopholes in Existing Export Controls", "Plug Loopholes", True),
        ("Align Protection Measures Globally", "Align Protection Measures", True),
        ("Fund Small Ports: donors should cover the cost", "Fund Small Ports", True),
        ("Google Cloud opened an office in Accra", "Google Cloud", False),
        ("National Security Council Meets", "National Security Council", False),
        ("Nordkap Telecom Expands", "Nordkap Telecom", False),
        ("Belt and Road Initiative and Information Silk Road", "Belt and Road Initiative", False),
        ("Park Ji-hoon, Research Intern", "Park Ji-hoon", False),
        ("Amara Diallo-Whitfield, Visiting Senior Fellow", "Amara Diallo-Whitfield", False),
    ],
)
def test_entities_precision_imperative_headings(line, surface, imperative):
    assert is_imperative(line, surface) is imperative


@pytest.mark.parametrize(
    ("line", "surface", "opener"),
    [
        ("Revenue raising in the Union", "Revenue", True),
        ("Google said it would invest", "Google", False),
        ("Senegal said it would invest", "Senegal", False),
        ("Revenue Raising", "Revenue", False),  # title case: not a sentence-case line
    ],
)
def test_entities_precision_sentence_case_openers(line, surface, opener):
    assert is_sentence_case_opener(line, surface) is opener


def test_entities_precision_heading_line_start():
    text = "Intro.\n\nii) Revenue raising\n• Fund Small Ports\nThe Plug"
    assert line_at(text, text.index("Revenue")) == "Revenue raising"
    assert line_at(text, text.index("Fund")) == "Fund Small Ports"
    assert line_at(text, text.index("Plug")) is None


def test_entities_precision_heading_words_dropped_in_a_text():
    text = ("Export controls are weak.\n\nAlign Protection Measures Globally\n\nAmerica must impose strong export "
            "controls on sensitive technologies.\n\nPlug Loopholes in Existing Semiconductor Manufacturing Export "
            "Controls\n\nSemiconductors are among the most complex inventions.\n\nii) Revenue raising in the Union"
            "\n\nRevenue-raising by a local establishment in Lisbon is covered.")
    found = _surfaces(text)
    assert not any(s.startswith(("Align", "Plug", "Revenue")) for s in found)
    assert "Lisbon" in found


def test_entities_precision_misspelt_acronym():
    defined = {"IETF": "Internet Engineering Task Force", "NIST": "National Institute of Standards and Technology"}
    assert misspelt_acronym("IEFT", defined) == "IETF"
    assert misspelt_acronym("IETF", defined) is None  # the acronym itself
    assert misspelt_acronym("NATO", defined) is None  # other letters
    assert misspelt_acronym("Ieft", defined) is None


def test_entities_precision_misspelt_acronym_joins_its_entity_in_a_text():
    text = ("Standards come from the Internet Engineering Task Force (IETF) in Fremont. The IEFT, a major standards "
            "body, publishes them; the IETF community reviews them.")
    spans = detect_entities([text], "en")[0]
    typo = [e for e in spans if e.text == "IEFT"]
    assert typo and typo[0].canonical_hint == "Internet Engineering Task Force"
