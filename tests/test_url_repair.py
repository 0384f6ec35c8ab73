"""Footnote URLs: incomplete ones are not published; a line-break hyphen is settled by the document's other URLs; a
hyphen the extraction dropped inside a URL is put back (issue 12, class 6)."""

from __future__ import annotations

from collections import Counter

import pytest

from corpus.structure.model import FootnoteSpan
from corpus.structure.url_repair import is_complete_url, repair_note_urls, restore_lost_hyphens, settle_hyphen


@pytest.mark.parametrize("url", ["https://www.example.org/a-b", "www.gov.uk", "http://xn--fiqs8s.xn--fiqs8s/", "https://a-b.example.com:8080/x?y=1"])
def test_url_repair_complete_urls(url):
    assert is_complete_url(url)


@pytest.mark.parametrize("url", ["https://foreignpol-", "https://", "https://www.", "https://example", "https://exam-ple.c0m/", "https://-bad.org/"])
def test_url_repair_incomplete_urls(url):
    assert not is_complete_url(url)


def _note(number: int, text: str, ambiguous: tuple[str, ...] = ()) -> FootnoteSpan:
    return FootnoteSpan(number=number, text=text, ambiguous_urls=ambiguous)


def test_url_repair_host_hyphen_settled_by_another_note_of_the_document():
    broken = "https://www.exam-ple.org/blog/post-one/"
    notes = (
        _note(1, f"A. Author, “Post,” Example, 2017, {broken}.", (broken,)),
        _note(2, "B. Author, “Other,” Example, 2018, https://www.example.org/blog/other/."),
    )
    first, second = repair_note_urls(notes)
    assert first.text == "A. Author, “Post,” Example, 2017, https://www.example.org/blog/post-one/."
    assert first.urls == ("https://www.example.org/blog/post-one/",) and first.ambiguous_urls == ()
    assert second.text == notes[1].text and second.urls == ("https://www.example.org/blog/other/",)


def test_url_repair_host_hyphen_settled_by_a_bare_domain_in_the_note():
    broken = "https://sam-ple.com/2017/08/27/a-post/"
    (note,) = repair_note_urls((_note(1, f"Z. Writer, “A Post,” sample.com, August 27, 2017, {broken}.", (broken,)),))
    assert note.urls == ("https://sample.com/2017/08/27/a-post/",)


def test_url_repair_hyphen_kept_without_evidence_or_with_evidence_for_it():
    broken = "https://www.exam-ple.org/x"
    alone = repair_note_urls((_note(1, f"See {broken}.", (broken,)),))
    assert alone[0].text == f"See {broken}." and alone[0].ambiguous_urls == (broken,)
    both = (_note(1, f"See {broken}.", (broken,)), _note(2, "https://example.org/y and https://exam-ple.org/z"))
    assert repair_note_urls(both)[0].ambiguous_urls == (broken,)  # the hyphenated host is printed elsewhere too


def test_url_repair_path_hyphen_settled_by_the_same_url_elsewhere():
    broken = "https://video.example.com/watch?v=Ab-Cd"
    assert settle_hyphen(broken, Counter({"video.example.com": 2}), Counter({broken: 1, "https://video.example.com/watch?v=AbCd": 1})) == "https://video.example.com/watch?v=AbCd"
    assert settle_hyphen(broken, Counter({"video.example.com": 1}), Counter({broken: 1})) is None


def test_url_repair_incomplete_url_left_out_of_urls_text_kept():
    text = "W. Author, “Froth,” Foreign Policy, October 15, 2015, https://foreignpol-"
    (note,) = repair_note_urls((_note(1, text),))
    assert note.text == text and note.urls == ()


@pytest.mark.parametrize(("url", "restored"), [
    # a slug of hyphen-joined words with two common words glued where the extraction dropped the line-end hyphen
    ("https://www.example.gov/pr/seize-domains-used-import-illegal-machine-gunconversion",
     "https://www.example.gov/pr/seize-domains-used-import-illegal-machine-gun-conversion"),
    ("https://www.example.gov/opa/pr/justicedepartment-announces-seizure", "https://www.example.gov/opa/pr/justice-department-announces-seizure"),
    # a word of the dictionary, a segment that is no slug, a word that is no two words: left alone
    ("https://www.example.org/news/chipmakers-face-new-rules", "https://www.example.org/news/chipmakers-face-new-rules"),
    ("https://www.example.org/reports/gunconversion.pdf", "https://www.example.org/reports/gunconversion.pdf"),
    ("https://www.example.org/a/xqzrtvwk-test-page", "https://www.example.org/a/xqzrtvwk-test-page"),
    # a host printed once here and twice elsewhere with its hyphen
    ("https://www.rfceditor.org/rfc/rfc1958.txt", "https://www.rfc-editor.org/rfc/rfc1958.txt"),
])
def test_url_repair_restores_hyphens_lost_at_line_ends(url, restored):
    hosts = Counter({"rfc-editor.org": 2, "rfceditor.org": 1, "example.gov": 1, "example.org": 1})
    assert restore_lost_hyphens(url, hosts) == restored


def test_url_repair_host_needs_evidence_printed_twice():
    """A hyphenated host seen once may itself be a rejoined line break: no evidence."""
    hosts = Counter({"newameri-ca.org": 1, "newamerica.org": 1})
    assert restore_lost_hyphens("https://www.newamerica.org/cybersecurity/", hosts) == "https://www.newamerica.org/cybersecurity/"


def test_url_repair_hyphen_put_back_where_the_documents_other_urls_show_the_pattern():
    notes = (
        _note(1, "Order 1, www.records.example.gov/pkg/RR-2024-01-29/pdf/2024-0101.pdf."),
        _note(2, "Order 2, www.records.example.gov/pkg/RR-2024-03-02/pdf/2024-0202.pdf."),
        _note(3, "Order 3, www.records.example.gov/pkg/RR2024-06-11/pdf/2024-0303.pdf."),
    )
    repaired = repair_note_urls(notes)
    assert repaired[2].urls == ("www.records.example.gov/pkg/RR-2024-06-11/pdf/2024-0303.pdf",)
    assert repaired[0].text == notes[0].text and repaired[1].text == notes[1].text


def test_url_repair_no_hyphen_put_back_on_one_example_or_another_host():
    notes = (
        _note(1, "See www.records.example.gov/pkg/RR-2024-01-29/index.html."),
        _note(2, "See www.other.example.org/pkg/RR-2024-03-02/index.html and www.other.example.org/pkg/RR-2024-04-02/x."),
        _note(3, "See www.records.example.gov/pkg/RR2024-06-11/index.html."),
    )
    assert repair_note_urls(notes)[2].text == notes[2].text
