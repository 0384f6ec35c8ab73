"""Contributor pages with role groups: the writing groups' members are the authors (issue 12, class 1)."""

from __future__ import annotations

import pytest

from corpus.structure.report import structure_report
from corpus.structure.report.contributors import about_authors, entry_name, is_author_role, is_role_label, role_group_authors
from tests.report_text import blank_layout, filler


@pytest.mark.parametrize(("label", "role", "author"), [
    ("Lead authors", True, True),
    ("CONTRIBUTING AUTHORS", True, True),
    ("WRITING GROUP", True, True),
    ("Chair", True, True),
    ("Scientific lead", True, True),
    ("Editors:", True, True),
    ("EXPERT ADVISORY PANEL", True, False),
    ("Peer reviewers", True, False),
    ("Secretariat", True, False),
    ("Senior advisers", True, False),
    ("Review team", True, False),
    # no role labels: a heading, a sentence, a list entry
    ("Why cities buy cloud services", False, False),
    ("The authors thank the panel.", False, False),
    ("Jane Doe, Lead author", False, False),
])
def test_contributors_role_labels(label, role, author):
    assert is_role_label(label) is role
    assert (role and is_author_role(label)) is author


@pytest.mark.parametrize(("line", "name"), [
    ("Prof. Ana Silva, University of Lisbon / Tagus Institute", "Ana Silva"),
    ("Dr Tom Berg", "Tom Berg"),
    ("Li Wei (lead writer), Harbour Centre", "Li Wei"),
    ("Rhys Pemberton CB FREng FRS, University of Leeds", "Rhys Pemberton"),
    ("Mara T. Osei, Ph.D, Lakeside Institution", "Mara T. Osei"),
    # affiliation and continuation lines open no entry
    ("Computer Sciences, University of Lisbon", None),
    ("Technology", None),
    ("and Innovation (Portugal)", None),
    ("Chief Engineer, Harbour Department", None),
])
def test_contributors_entry_name(line, name):
    assert entry_name(line) == name


def test_contributors_writing_groups_only():
    page = ["Contributors", "CHAIR", "Prof. Ana Silva, University of Lisbon", "ADVISORY PANEL",
            "Dr. Omar Haddad, Ministry of Planning", "(Jordan)", "WRITING GROUP", "Li Wei (lead writer), Harbour Centre",
            "Tom Berg, Northgate Institute of", "Technology", "Mara Osei, Lakeside University Kofi",
            "Mensah, Coastal Institute", "REVIEWERS", "Jan Novak, Prague Institute"]
    assert role_group_authors([page]) == ("Ana Silva", "Li Wei", "Tom Berg", "Mara Osei", "Kofi Mensah")


def test_contributors_group_runs_on_to_the_next_labelled_page():
    first = ["Review team", "Lead authors", "Ana Silva", "Senior Fellow"]
    second = ["Tom Berg", "Harbour Centre", "Secretariat", "Jan Novak"]
    assert role_group_authors([first, second]) == ("Ana Silva", "Tom Berg")  # the second page has a label: the group runs on...
    assert role_group_authors([first, filler("ports"), second]) == ("Ana Silva",)  # ...but not over a page without one


def test_contributors_one_label_is_no_contributor_page():
    assert role_group_authors([["Project team", "Ana Silva", "Tom Berg"]]) == ()


def test_contributors_authors_of_a_report_without_cover_names():
    raw = blank_layout(
        ["Harbour Resilience Review", "Keeping the ports open", "May 2024"],
        ["Review team", "Lead authors", "Dr Ana Silva", "Chief Engineer, Harbour Department", "Tom Berg",
         "Contributing authors", "Li Wei", "Peer reviewers", "Professor Jan Novak", "University of Prague"],
        ["1 Introduction", *filler("ports"), "2 Findings", *filler("cranes")],
    )
    assert structure_report(raw).authors == ("Ana Silva", "Tom Berg", "Li Wei")


def test_contributors_cover_authors_win():
    raw = blank_layout(
        ["Harbour Resilience Review", "By Mara Osei", "May 2024"],
        ["Review team", "Lead authors", "Ana Silva", "Peer reviewers", "Jan Novak"],
        ["1 Introduction", *filler("ports")],
    )
    assert structure_report(raw).authors == ("Mara Osei",)


def test_contributors_labels_on_the_cover_keep_its_title_and_date():
    raw = blank_layout(
        ["Ports and Power", "Lead author", "Ana Silva", "Contributors", "Tom Berg, Li Wei", "June 2024"],
        ["Introduction", *filler("ports", 8), "2"],
    )
    doc = structure_report(raw)
    assert (doc.title, doc.published_month, doc.authors) == ("Ports and Power", "2024-06", ("Ana Silva",))


def test_contributors_about_the_authors_notes():
    page = ["About the Authors", "Dr. Ana Silva is a senior fellow at the Northgate Institute, where she leads the",
            "maritime programme. Tom Berg is a research associate.", "Li Wei was a visiting fellow in 2023 and now",
            "works at the Harbour Centre.", "Acknowledgements", "Mara Osei is thanked for her comments."]
    assert about_authors([page]) == ("Ana Silva", "Li Wei")  # a name inside a paragraph opens no note


def test_contributors_about_the_authors_when_the_cover_names_nobody():
    raw = blank_layout(["NORTHGATE INSTITUTE", "Ports and Power", "June 2024"], ["Introduction", *filler("ports", 8), "2"],
                       ["About the Authors", "Ana Silva is a senior fellow at the Northgate Institute, where she leads the",
                        "maritime programme.", "Tom Berg is a research associate at the Northgate Institute.", "3"])
    assert structure_report(raw).authors == ("Ana Silva", "Tom Berg")
