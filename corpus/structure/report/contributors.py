"""Contributor pages: names listed under role groups ("Lead authors", "WRITING GROUP", "Peer reviewers"), and
"About the authors" notes.

Reports written by a team print who did what on a page of their own, often in two columns: a role label,
then one entry per person ("Name, affiliation", or the name over its role or affiliation line). The authors
are the people under a group whose role is writing (authors, writers, editors, the chair or lead); advisers,
reviewers, panels and a secretariat contribute without being authors. Read by layout and by the role
words of such labels, never by a document's names.
"""

from __future__ import annotations

import re

from corpus.structure.report.cover import _HONORIFIC_RE, is_name
from corpus.structure.report.patterns import _ends_sentence


# the head noun of a role label: what a contributor page groups people by
_ROLE_NOUN = (r"(?:authors?|writers?|group|editors?|chairs?|co-?chairs?|chairpersons?|leads?|advis[eo]rs?|reviewers?"
              r"|panel|secretariat|contributors?|team|committee|board|staff|members|coordinators?|rapporteurs?"
              r"|investigators?)")
_ROLE_LABEL_RE = re.compile(rf"^(?:[A-Za-z][\w’'-]*\s+){{0,4}}{_ROLE_NOUN}\s*:?$", re.I)
# a group whose members wrote the report; advisers, reviewers, panels, secretariats and staff did not
_AUTHOR_ROLE_RE = re.compile(r"\b(?:authors?|writers?|writing|editors?|edited|chairs?|co-?chairs?|chairpersons?|leads?"
                             r"|rapporteurs?|principal investigators?)\b", re.I)
_NOT_AUTHOR_RE = re.compile(r"advis|review|secretariat|panel|staff|support|assist|observer|liaison|acknowledg|thank"
                            r"|design|production|communication", re.I)
_ROLE_NOTE_RE = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]")  # "Daniel Privitera (lead writer)", "[Interim] Mary Kerema"
# post-nominal letters after a name: honours, fellowships, degrees ("OBE", "CB FREng FRS", "Ph.D")
_POST_NOMINAL_RE = re.compile(r"(?:\s+(?:[A-Z][A-Za-z]{0,4}[A-Z][a-z]{0,2}|Ph\.?\s?D\.?))+$")
_MIN_LABELS = 2  # a contributor page lists at least two groups


def is_role_label(text: str) -> bool:
    """A role group's label: a short line ending on a role noun, no digits, no sentence ("WRITING GROUP",
    "Contributing authors", "EXPERT ADVISORY PANEL", "Secretariat")."""
    return bool(_ROLE_LABEL_RE.match(text.strip())) and not any(ch.isdigit() for ch in text) and "," not in text


def is_author_role(label: str) -> bool:
    """Whether a group's members are authors: a writing role, not an advising or reviewing one."""
    return bool(_AUTHOR_ROLE_RE.search(label)) and not _NOT_AUTHOR_RE.search(label)


def entry_name(line: str) -> str | None:
    """The person's name that opens a contributor entry ("Prof. Ana Silva, University of X" -> "Ana Silva",
    "Tom Berg OBE FRS, Institute" -> "Tom Berg"); None when the line opens no entry (an affiliation or a
    continuation line)."""
    head = _ROLE_NOTE_RE.sub("", line.split(",")[0]).strip()
    head = _HONORIFIC_RE.sub("", head)
    head = re.sub(r"^Dr\s+(?=[A-Z])", "", head)
    head = _POST_NOMINAL_RE.sub("", head).strip()
    return head if is_name(head) else None


def _carried_name(previous: str, line: str) -> str | None:
    """A name begun at the end of the previous entry's affiliation line (narrow columns set the next entry
    on from there: "Hoda Heidari, Carnegie Mellon University Leila" / "Khalatbari, Hong Kong ..." -> "Leila
    Khalatbari"); None when the line's head is no surname or the previous line ends on no given name."""
    head = line.split(",")[0].strip()
    given = previous.rstrip().rsplit(" ", 1)[-1] if " " in previous.strip() else ""
    if "," not in line or " " in head or not given[:1].isupper() or given.endswith((",", ".", ")")):
        return None
    name = f"{given} {head}"
    return name if is_name(name) else None


def is_contributor_page(texts: list[str]) -> bool:
    """A page listing people under at least two role labels (its names are no cover's author line)."""
    return sum(1 for t in texts if is_role_label(t)) >= _MIN_LABELS


def role_group_authors(pages: list[list[str]]) -> tuple[str, ...]:
    """The authors listed on contributor pages: the names opening entries under a writing role's label.
    Only pages that carry role labels are read (their groups may run on from one page to the next), and only
    when there are at least two labels, so a heading that happens to end on "team" is not taken for a list."""
    labelled = [p for p, texts in enumerate(pages) if any(is_role_label(t) for t in texts)]
    if sum(1 for p in labelled for t in pages[p] if is_role_label(t)) < _MIN_LABELS:
        return ()
    authors: list[str] = []
    group: str | None = None
    for p in labelled:
        if p - 1 not in labelled:
            group = None  # a group does not run on over a page without labels
        texts = pages[p]
        for k, text in enumerate(texts):
            if is_role_label(text):
                group = text
                continue
            if group is None or not is_author_role(group):
                continue
            if _ends_sentence(text) and len(text.split()) > 12:
                group = None  # prose: the list has ended
                continue
            name = entry_name(text) or (_carried_name(texts[k - 1], text) if k else None)
            if name and name not in authors:
                authors.append(name)
    return tuple(authors)


# a section of author notes: "About the Authors", "About the author", "The authors", "Author biographies"
_ABOUT_RE = re.compile(r"^(?:about (?:the )?authors?|the authors?|authors?|author biograph(?:y|ies)|about the contributors)$", re.I)
# a note opening with the author's name and a verb: "Ana Silva is a senior fellow ...", "Dr. Li Wei leads ..."
_BIO_START_RE = re.compile(r"^(.{4,60}?)\s+(?:is|was|has|leads|led|serves|served|works|worked|joined|holds|directs|heads)\s")
_MAX_ABOUT_LINES = 40


def about_authors(pages: list[list[str]]) -> tuple[str, ...]:
    """The authors named in an "About the authors" section: each note opens a paragraph with the name and a
    verb ("Ana Silva is a senior fellow at ..."). The section ends at the next short line that is no note."""
    lines = [t for texts in pages for t in texts]
    authors: list[str] = []
    for k, line in enumerate(lines):
        if not _ABOUT_RE.match(line.strip()):
            continue
        for j in range(k + 1, min(k + 1 + _MAX_ABOUT_LINES, len(lines))):
            text, previous = lines[j], lines[j - 1]
            opens = j == k + 1 or _ends_sentence(previous)
            match = _BIO_START_RE.match(text) if opens else None
            name = entry_name(match.group(1)) if match else None
            if name and name not in authors:
                authors.append(name)
            elif opens and not match and len(text.split()) <= 8:
                break  # a heading or a label: the notes have ended
    return tuple(authors)
