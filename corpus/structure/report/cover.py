"""Cover and title pages read as a block: title (all its lines), subtitle, authors, printed date.

A report's first pages (cover, title page, disclaimer, version history) are front matter, not body: they
are recognised by layout (pages before the contents, or leading pages without prose) and read line by
line with patterns of how covers are typeset, never by a document's wording.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corpus.structure.cjk import join_cjk_aware
from corpus.structure.lines import zipf
from corpus.structure.report.fr import find_fr_date
from corpus.structure.report.locale import BY_LINES, FRONT_HEADS, GENRE_LINES, LEGAL_HEADS
from corpus.structure.report.patterns import _CONNECTORS, _ends_sentence, _is_caps, _is_title_case, _last_word
from corpus.structure.report.zh import find_zh_date, is_edition_line


_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
# a month name in full or abbreviated as covers print it ("Dec 2023", "Sept. 2023", "5 Jan. 2025")
_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b))")
_DATE_PATTERNS = (
    (re.compile(rf"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"), ("year", "monthnum", "day")),  # 2024-03-12
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+((?:19|20)\d\d)\b", re.I), ("month", "day", "year")),  # April 10, 2026
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d)\b", re.I), ("day", "month", "year")),  # 07 January 2020
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b"), ("day", "monthnum", "year")),  # 21.4.2021
    (re.compile(rf"\b{_MONTH},?\s+((?:19|20)\d\d)\b", re.I), ("month", "year")),  # January 2023, SEPTEMBER 2019
)


_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$")
# "NIST AI 100-1", "R48902", "DSIT 2024/009", "COM(2021) 205 final", "Version 2.1"
_REPORT_NUMBER_RE = re.compile(
    r"^[A-Z]{1,6}(?:[ -][A-Z]{1,6}){0,2}[ -]?\(?\d{1,6}\)?(?:[-/.]\d{1,4})*(?:\s+\d{1,4})?(?:\s+[a-z]+)?$"
    r"|^(?:Version|Vol\.?|Volume|Edition|Issue|No\.?|Number)\s+\S+$",
)


# the control lines of an intergovernmental document's cover: its symbol ("IFDG/2024/WP.3", "A/HRC/55/12"),
# distribution and original language, the meeting's session and agenda item
_DOCUMENT_CONTROL_RE = re.compile(
    r"^[A-Z][A-Z0-9]{0,9}(?:/[A-Z0-9][A-Za-z0-9.()-]*){2,}$|^(?:Distr\.?|Distribution)\s*:\s*[A-Z][a-z]+$"
    r"|^Original\s*:\s*[A-Z][a-z]+(?:\s*(?:/|and)\s*[A-Z][a-z]+)*$"
    r"|^(?:[A-Z][a-z]+(?:-[a-z]+)?|\d{1,3}(?:st|nd|rd|th))\s+(?:(?:regular|special|ordinary|extraordinary|resumed)\s+)?(?:session|meeting)$"
    r"|^(?:Provisional\s+)?(?:agenda\s+)?item\s+\d{1,3}(?:\s*\([a-z]\))?(?:\s+of\s+the\s+(?:provisional\s+)?agenda)?$", re.I)
# who submits the document, set under its title: "Report of the Secretariat", "Note by the Secretary-General"
_SUBMITTED_BY_RE = re.compile(r"^(?:Report|Note|Memorandum|Statement|Proposal|Submission)\s+(?:of|by|from)\s+the\s+[A-Z]")


def _is_session_line(text: str) -> bool:
    return bool(_DOCUMENT_CONTROL_RE.match(text.strip())) and text.strip().lower().endswith(("session", "meeting"))


_SERIES_RE = re.compile(r"\b(?:Report|Paper|Brief|Series|Studies|Note)\s+(?:No\.?\s*)?\d", re.I)
_COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|\bcrown copyright\b", re.I)
_LICENCE_RE = re.compile(r"\b(?:licen[cs]ed under|creative commons|open government licen[cs]e|CC BY(?:-[A-Z]{2})*\s*\d)", re.I)
_LEGAL_PAGE_HEAD_RE = re.compile(r"^(?:disclaimer|copyright|legal notice|imprint|version history|document history|" + LEGAL_HEADS + r")$", re.I)
# a capitalised word, also joined by a hyphen or apostrophe to another ("Mei-Ling", "O’Brien"), or an initial
_NAME_TOKEN = r"(?:[A-Z][a-zà-öø-ÿ]*(?:['’-][A-Z]?[a-zà-öø-ÿ]+)+|[A-Z][a-zà-öø-ÿ'’-]+|[A-Z]\.)"
_PARTICLE = r"(?:de|del|della|di|da|dos|du|van|von|der|den|ter|la|le|bin|al|el)"  # "Ana de la Cruz", "Pieter van der Berg"
_MIDDLE_INITIAL = r"[A-Z]"  # an initial printed without its full stop, inside a name ("Jane K Doe")
_NAME_RE = re.compile(
    rf"^{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+){{0,2}}(?:{_NAME_TOKEN}|{_MIDDLE_INITIAL}(?=\s))){{1,3}}$")
_BY_RE = re.compile(
    r"^(?:by|(?:(?:lead|principal|contributing|report|co-?)\s*)?authors?\s*:?|written by|edited by|compiled by|prepared by"
    r"|authored by|an?\s+(?:report|paper|brief|study|analysis)\s+(?:by|of)|" + BY_LINES + r")\s+", re.I)
_ROLE_RE = re.compile(
    r"^(?:Senior\s+|Lead\s+|Principal\s+|Chief\s+)?(?:Specialist|Analyst|Fellow|Director|Professor|Researcher|"
    r"Research|Associate|Chair|Economist|Adviser|Advisor|Scholar|Lecturer|Editor)\b"
)


_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|&|,|;)\s*")
_MAX_TITLE_LINES = 4


@dataclass(frozen=True)
class PrintedDate:
    """A date as printed: `day` is None when only month and year are printed."""

    year: int
    month: int
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None

    @property
    def month_text(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _month_number(name: str) -> int:
    """The number of a month named in full or abbreviated ("Sept.", "dec")."""
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or next(i for m, i in _MONTHS.items() if m.startswith(key[:3]))


def find_date(text: str) -> PrintedDate | None:
    """The first full or month-precise date printed in `text` ("April 10, 2026", "3 October 2024",
    "SEPTEMBER 2019", "21.4.2021"); None when there is none or it is not a real date."""
    best: tuple[int, PrintedDate] | None = None
    for regex, parts in _DATE_PATTERNS:
        match = regex.search(text)
        if not match:
            continue
        values = dict(zip(parts, match.groups()))
        month = _month_number(values["month"]) if "month" in values else int(values["monthnum"])
        day = int(values["day"]) if "day" in values else None
        try:
            dt.date(int(values["year"]), month, day or 1)
        except ValueError:
            continue
        found = PrintedDate(int(values["year"]), month, day)
        if best is None or match.start() < best[0]:
            best = (match.start(), found)
    for local in (find_zh_date(text), find_fr_date(text)):  # "2024年8月", "中華民國113年6月", "Juin 2024"
        if local and (best is None or local[3] < best[0]):
            try:
                dt.date(local[0], local[1], local[2] or 1)
            except ValueError:
                continue
            best = (local[3], PrintedDate(local[0], local[1], local[2]))
    return best[1] if best else None


def is_date_line(text: str) -> bool:
    """A line that is a date, perhaps with a place ("Brussels, 21.4.2021")."""
    return find_date(text) is not None and len(text.split()) <= 6


_INSTITUTION_WORDS = frozenset(
    "lab laboratory institute institution centre center council university college school service foundation "
    "group office department ministry commission board agency programme program policy press trust society "
    "association forum network initiative project unit bureau committee parliament government directorate "
    "division secretariat".split())
_COMMON_WORD_ZIPF = 4.2  # words this frequent on average (wordfreq zipf) are ordinary words, not a name


def _without_particles(text: str) -> list[str]:
    """The words of a name without the lowercase particles between its capitalised words ("de", "van der")."""
    words = text.split()
    return [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and re.fullmatch(_PARTICLE, w))]


def is_name(text: str, stated: bool = False) -> bool:
    """A person's name as set on a cover: two to four capitalised words or initials, not all capitals, and
    not only ordinary words ("Research Service" is no name; "Ling Zhu", "Gina M. Raimondo" are). `stated`: the
    line says it names people ("By ..."), so a name of ordinary words counts too ("Tom Bright")."""
    if not _NAME_RE.match(text) or _is_caps(text) or any(w.lower() in _CONNECTORS for w in _without_particles(text)):
        return False
    if any(w.lower().strip(".,") in _INSTITUTION_WORDS for w in text.split()):
        return False
    if stated or any(re.fullmatch(r"[A-Z]\.", w) for w in text.split()):
        return True  # an initial marks a person's name, however common its other words ("J. R. Smith")
    words = [w for w in re.findall(r"[^\W\d_]{2,}", " ".join(_without_particles(text)))]
    return not words or sum(zipf(w) for w in words) / len(words) < _COMMON_WORD_ZIPF


def is_institution(text: str) -> bool:
    """A publisher or institution line ("Meridian Policy Lab", "Harmattan Centre for Digital Governance")."""
    words = text.split()
    return len(words) <= 8 and any(w.lower().strip(".,()") in _INSTITUTION_WORDS for w in words) and not _ends_sentence(text)


def is_name_list(text: str) -> bool:
    """One or more names: "Ana Silva", "Ana Silva and Li Wei", "By Ana Silva, Li Wei & Tom Berg"."""
    parts = [p for p in _AUTHOR_SPLIT_RE.split(_BY_RE.sub("", text)) if p]
    return bool(parts) and all(is_name(p) for p in parts)


# a note symbol or number set after a name on a cover ("Ana Silva*", "Li Wei†", "Tom Berg1"), an honorific before it
_NAME_MARK_RE = re.compile(
    r"(?<=[a-zà-öø-ÿ.])(?:[*†‡§¶]+|\d{1,2}(?:,\d{1,2})*|[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:,[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*)(?=\s|,|;|$)")
_AFFILIATION_RE = re.compile(r"\s*\([^()]{2,80}\)$")  # "Ana Silva (Northgate Institute)"
_HONORIFIC_RE = re.compile(r"^(?:Dr\.?|Prof\.|Professor|Sir|Dame|Mr\.?|Ms\.?|Mrs\.?)\s+(?=[A-Z])")
_COVER_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s+et\s+|\s+with\s+|&|,|;|\s[|•·/–—]\s)\s*", re.I)
_DEGREE_RE = re.compile(r"^(?:Ph\.?\s?D\.?|D\.?Phil\.?|M\.?Sc\.?|M\.?A\.?|M\.?B\.?A\.?|J\.?D\.?|LL\.?M\.?|M\.?D\.?|MPP|MPA)$")
_AUTHORS_LABEL_RE = re.compile(
    r"^(?:by|(?:(?:lead|principal|contributing|report)\s+)?authors?|(?:written|authored|prepared|edited|compiled) by|"
    r"contributors?)\s*:?$", re.I)
_TRAILING_JOIN_RE = re.compile(r"(?:,|\s+and|\s*&)$", re.I)  # an author line wrapped after "and": "Ana Silva, Li Wei and"


def _cover_name(part: str, stated: bool = False) -> str | None:
    """The name in one part of a cover's author line: honorific and note symbols removed, a name set in capitals
    given its ordinary case ("HANA SATO" -> "Hana Sato"); None when the part is no name."""
    part = _HONORIFIC_RE.sub("", _NAME_MARK_RE.sub("", _AFFILIATION_RE.sub("", part.strip())).strip())
    if _is_caps(part) and len(part.split()) >= 2:
        part = " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in part.split())
    return part if is_name(part, stated) else None


def cover_names(line: str) -> tuple[str, ...]:
    """The names of a cover's author line, or () when it is not one. Names are separated by commas, "and", "&"
    or a spaced bar or bullet; a name followed by its affiliation ("Ana Silva, Northgate Institute") counts
    too (the institution is left out), as long as the line starts with a name."""
    stated = bool(_BY_RE.match(line.strip()))
    text = _BY_RE.sub("", line.strip()) if stated else line.strip()
    joined = _TRAILING_JOIN_RE.sub("", text)
    if len([p for p in _COVER_AUTHOR_SPLIT_RE.split(joined) if p]) >= 2:
        text = joined  # a list of names wrapped after its "and" (one name before "and" is no list: a title line)
    parts = [p for p in _COVER_AUTHOR_SPLIT_RE.split(text) if p]
    names = [_cover_name(p, stated) for p in parts]
    if not parts or names[0] is None:
        return ()
    if all(names):
        return tuple(names)
    if all(n or is_institution(p) or _is_caps(p) or _ROLE_RE.match(p) or _DEGREE_RE.match(p)
           for p, n in zip(parts, names)) and len(parts) <= 2 * len([n for n in names if n]) + 2:
        return tuple(n for n in names if n)  # "Ana Silva, Northgate Institute", "Ana Silva, Senior Fellow", "Ana Silva, PhD"
    return ()


# the kind of publication printed on its own above the title: "Research Paper", "POLICY BRIEF", "Working Paper"
_GENRE_LINE_RE = re.compile(
    r"^(?:(?:research|policy|working|discussion|occasional|briefing|white|issue|analytical|special|background|"
    r"technical|consultation|green|strategy|annual|country)\s+)?"
    r"(?:papers?|briefs?|reports?|notes?|briefing|commentary|analysis|study|memo)$|^(?:" + GENRE_LINES + r")$", re.I)


def is_meta_line(text: str) -> bool:
    """A cover line that is no part of a title: date, URL, report number, series, kind of paper, copyright."""
    return (
        is_date_line(text) or bool(_URL_RE.match(text)) or bool(_REPORT_NUMBER_RE.match(text))
        or bool(_SERIES_RE.search(text)) or bool(_COPYRIGHT_RE.search(text)) or bool(_BY_RE.match(text))
        or bool(_GENRE_LINE_RE.match(text.strip())) or bool(_AUTHORS_LABEL_RE.match(text.strip())) or _is_credit_line(text)
        or bool(_DOCUMENT_CONTROL_RE.match(text.strip()))
    )


_CREDIT_RE = re.compile(r"^([A-Z][\w-]*(?:\s+[\w-]+){0,2})\s*:\s+(\S.*)$")


def _is_credit_line(text: str) -> bool:
    """A role credited on a cover ("Chair: Helena Vos", "Project Director: Amir Khan", "Editors: A and B"): a
    label of a role word and a colon before names."""
    match = _CREDIT_RE.match(text.strip())
    return bool(match and _ROLE_RE.match(match.group(1).split()[-1].capitalize()) and cover_names(match.group(2)))


def _is_publisher_line(lines: list[str], k: int) -> bool:
    """An institution's name on its own line above the title ("Northgate Institute for Technology Policy",
    "NORTHGATE INSTITUTE"), in any case: it does not run on into the next line, and a title line follows."""
    line = lines[k]
    if not is_institution(line) or _last_word(line) in _CONNECTORS or line.endswith((":", ",", "-", "–")):
        return False
    at = next((j for j in range(k + 1, len(lines)) if not is_meta_line(lines[j])), None)
    if at is None or lines[at][:1].islower():
        return False
    if _headed_by_institution(lines[at]):
        return _is_publisher_line(lines, at)  # a ministry over its directorate: both above the title
    if _is_sentence_case(lines[at]) and not _headed_by_institution(line):
        return False  # "Digital Trade Policy in Asia" over its subtitle: a title that holds an institution word
    return not is_institution(lines[at]) and (not cover_names(lines[at]) or _title_follows(lines, at))


def _headed_by_institution(text: str) -> bool:
    """An institution's name that opens or closes with its kind, or names it before "for" / "of" ("Directorate for
    Road Safety", "Cyber Security Directorate", "Harmattan Centre for Digital Governance"), unlike a title that
    merely holds such a word ("Digital Trade Policy in Asia")."""
    words = [w.lower().strip(".,()") for w in text.split()]
    return is_institution(text) and bool(words) and (
        words[0] in _INSTITUTION_WORDS or words[-1] in _INSTITUTION_WORDS
        or any(w in _INSTITUTION_WORDS and nxt in ("for", "of", "on") for w, nxt in zip(words, words[1:])))


def _title_follows(lines: list[str], k: int) -> bool:
    """A title-case line read as a name ("Undersea Cable Resilience Review") is a title when a subtitle in sentence
    case follows it: a cover sets no author's name over a subtitle."""
    nxt = lines[k + 1] if k + 1 < len(lines) else ""
    return bool(nxt) and _is_sentence_case(nxt) and not cover_names(nxt)


def _is_sentence_case(text: str) -> bool:
    """A line in sentence case: a capital first word, then two or more lower-case words that are no small words
    ("Protecting the links that carry our data")."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    lower = [w for w in words[1:] if w[0].islower() and w.lower() not in _CONNECTORS]
    return bool(words) and words[0][0].isupper() and len(lower) >= 2 and not _is_caps(text)


def _continues_title(previous: str, line: str) -> bool:
    """Whether `line` continues a title set over several lines (an edition line "（2024年）" does); `previous` is
    the title so far, whose case decides ("Digital Identity" / "for Refugees" is in title case as a whole)."""
    if is_edition_line(line):
        return True
    if is_meta_line(line) or _ends_sentence(line) and not line.endswith((")", "?")):  # a title may ask a question
        return False
    if line[:1].islower() or line.startswith("(") or _last_word(previous) in _CONNECTORS or previous.endswith((":", ",", "-", "–")):
        return True
    if is_name_list(line) or cover_names(line) or is_institution(line):
        return False
    if _is_title_case(previous) and not _is_caps(previous) and _is_sentence_case(line):
        return False  # a title in title case over a subtitle in sentence case
    return _is_caps(previous) == _is_caps(line) and line[:1].isupper()


def _is_banner(lines: list[str], k: int) -> bool:
    """A line in capitals above the title (the institution's name): the next line that is no series, number or
    date line is set in mixed case and does not continue it."""
    if not _is_caps(lines[k]):
        return False
    nxt = k + 1
    while nxt < len(lines) and is_meta_line(lines[nxt]):
        nxt += 1
    if nxt >= len(lines) or _is_caps(lines[nxt]):
        return False
    if nxt == k + 1 and not is_institution(lines[k]) and (cover_names(lines[nxt]) or _is_sentence_case(lines[nxt])):
        return False  # a title in capitals right over its authors or over a subtitle in sentence case
    return nxt > k + 1 or not _continues_title(lines[k], lines[nxt])


@dataclass(frozen=True)
class Cover:
    """What a cover or title block says; `used` are the indices of the lines read as title/subtitle/authors/date."""

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    date: PrintedDate | None = None


def read_cover(lines: list[str]) -> Cover:
    """Read a cover/title block: the title is the first run of title lines (a leading banner in capitals,
    a report number or a date before it are skipped), its continuation lines joined; a short line in the
    other letter case right after it is the subtitle; names after it, or before a role line, are authors."""
    lines = [line.strip() for line in lines if line.strip()]
    start = 0
    while start < len(lines) and (is_meta_line(lines[start]) or _is_banner(lines, start) or _is_publisher_line(lines, start)
                                  or start + 1 < len(lines) and _is_session_line(lines[start + 1])):
        start += 1  # (the meeting's body over its session line: "Working Party on Digital Trade" / "Third session")
    run = start
    while run < len(lines) and _is_caps(lines[run]) and not is_meta_line(lines[run]) and run - start < 3:
        run += 1
    named = " ".join(lines[start:run])
    if run > start and is_institution(named) and len(named.split()) <= 5 and (run == len(lines) or is_meta_line(lines[run])):
        return Cover(date=_cover_date(lines))  # only the publisher's name in capitals ("EUROPEAN" / "COMMISSION"): no title
    title_lines: list[str] = []
    end = start
    opens_title = not _ends_sentence(lines[start]) or lines[start].endswith((":", "?")) if start < len(lines) else False  # a title may ask a question
    if (start < len(lines) and opens_title and (not cover_names(lines[start]) or _title_follows(lines, start))
            and len(lines[start]) <= 120):
        title_lines = [lines[start]]
        end = start + 1
        while end < len(lines) and len(title_lines) < _MAX_TITLE_LINES and _continues_title(" ".join(title_lines), lines[end]):
            title_lines.append(lines[end])
            end += 1
    subtitle = None
    if end < len(lines) and title_lines:
        candidate = lines[end]
        other_case = _is_caps(candidate) != _is_caps(title_lines[-1]) or _is_sentence_case(candidate)
        if ((other_case or _SUBMITTED_BY_RE.match(candidate)) and len(candidate.split()) <= 8
                and not is_meta_line(candidate) and not cover_names(candidate) and not _ends_sentence(candidate)):
            subtitle = candidate
    authors = read_authors(lines[end + (1 if subtitle else 0):]) if title_lines else read_authors(lines)
    date = _cover_date(lines)
    title = join_cjk_aware(title_lines) if title_lines else None
    return Cover(title=title, subtitle=subtitle, authors=authors, date=date)


def _cover_date(lines: list[str]) -> PrintedDate | None:
    return next((d for d in (find_date(line) for line in lines if is_date_line(line) or _SERIES_RE.search(line)) if d), None)


def read_authors(lines: list[str]) -> tuple[str, ...]:
    """Authors on a cover: a "By ..." line, the lines of names right after the title (or after an "Authors"
    label; a run of them continues while each line holds names, a date or series line in between), or a name over
    its role or affiliation line."""
    authors: list[str] = []
    run = True  # the lines right after the title (or a label) may be author lines
    for k, line in enumerate(lines):
        names = cover_names(line)
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if _AUTHORS_LABEL_RE.match(line.strip()):
            run = True
            continue
        if not names and is_meta_line(line):
            continue  # a date or series line between the title and the names does not end their run
        if names and (_BY_RE.match(line) or run or _ROLE_RE.match(nxt) or is_institution(nxt) and not cover_names(nxt)):
            authors.extend(n for n in names if n not in authors)
            run = True
            continue
        run = False
    return tuple(authors)


def cover_title(cover: Cover) -> str | None:
    """The title as a reader cites it: "Title: Subtitle" when the cover sets a subtitle apart."""
    if not cover.title:
        return None
    if cover.subtitle:
        return f"{cover.title.rstrip(':')}: {cover.subtitle}"
    return cover.title


# --- front matter pages ------------------------------------------------------------------------------

_BODY_START_RE = re.compile(
    r"^(?:executive summary|summary|abstract|foreword|forewords|preface|introduction|key findings|highlights|"
    r"overview|acknowledge?ments|contributors|" + FRONT_HEADS + r")$", re.I)
_MAX_FRONT_PAGES = 6
_PROSE_LINES = 3  # a page with this many full-width lines has prose: it is no cover
_SIDEBAR_PAGES = 3  # pages after the front matter where a sidebar may repeat cover lines
_MAX_SIDEBAR_LINES = 6


def has_prose(texts: list[str], width: int) -> bool:
    return sum(1 for t in texts if len(t) >= 0.7 * width) >= _PROSE_LINES


_NOTE_LINE_RE = re.compile(r"^\d{1,3}(?:\.?\s+\S|$)")


def _has_notes(texts: list[str]) -> bool:
    """A page whose lower half has note lines ("12 Smith, ...", "3." or a number alone)."""
    return any(_NOTE_LINE_RE.match(t) for t in texts[len(texts) // 2:])


_COVER_PROSE_LINES = 2


def body_on_cover(texts: list[str], width: int) -> range | None:
    """The lines of a body section printed on a cover page under its control lines (the "Executive summary" of an
    intergovernmental document): a body-opening heading after the first line, followed by prose, up to the last
    line that ends a sentence (a job number or barcode line under it stays cover)."""
    if not _controlled_cover(texts):
        return None
    for k in range(1, len(texts)):
        if not _BODY_START_RE.match(texts[k]):
            continue
        ends = [j for j in range(k + 1, len(texts)) if texts[j].rstrip("”’\"'").endswith((".", "?", "!"))]
        if ends and sum(1 for t in texts[k + 1:ends[-1] + 1] if len(t) >= 0.7 * width) >= _COVER_PROSE_LINES:
            return range(k, ends[-1] + 1)
        return None
    return None


_MIN_CONTROL_LINES = 2


def _controlled_cover(texts: list[str]) -> bool:
    """The cover of an intergovernmental document: two or more control lines (symbol, "Distr.:", "Original:",
    session, agenda item)."""
    return sum(1 for t in texts if _DOCUMENT_CONTROL_RE.match(t.strip())) >= _MIN_CONTROL_LINES


def front_pages(pages: list[list[str]], contents: list[int], width: int) -> list[int]:
    """Cover, title, disclaimer and version pages: the pages before the contents (up to one that opens a body
    section such as a summary), or without contents the leading pages that have no prose."""
    front: list[int] = []
    limit = contents[0] if contents else len(pages)
    for p in range(min(limit, _MAX_FRONT_PAGES)):
        texts = pages[p]
        if texts and _BODY_START_RE.match(texts[0]):
            break
        if (summary := body_on_cover(texts, width)) is not None:
            texts = [t for i, t in enumerate(texts) if i not in summary]  # its summary is body; the rest is cover
        if has_prose(texts, width) and (not contents or _has_notes(texts)):
            break  # body text (before the contents only when it carries footnotes: a cover page has none)
        front.append(p)
    return front if len(front) < len(pages) else []


def sidebar_lines(pages: list[list[str]], start: int, known: set[str], width: int) -> list[tuple[int, int]]:
    """Lines of the first body pages that repeat a cover line (the title, a date, a report number set in a
    sidebar) with the short lines that follow them (the author and role printed beside the summary)."""
    found: list[tuple[int, int]] = []
    for p in range(start, min(start + _SIDEBAR_PAGES, len(pages))):
        texts = pages[p]
        i = 0
        while i < len(texts):
            if texts[i] in known and len(texts[i]) <= 80:
                found.append((p, i))
                j = i + 1
                while (j < len(texts) and j - i <= _MAX_SIDEBAR_LINES and len(texts[j]) < 0.5 * width
                       and not _BODY_START_RE.match(texts[j]) and not _ends_sentence(texts[j])):
                    found.append((p, j))
                    j += 1
                i = j
            else:
                i += 1
    return found


def merge_covers(covers: list[Cover]) -> Cover:
    """Several front pages (cover, title page, ...): the first title, authors and date that they print."""
    titled = next((c for c in covers if c.title), Cover())
    return Cover(
        title=titled.title,
        subtitle=titled.subtitle,
        authors=next((c.authors for c in covers if c.authors), ()),
        date=next((c.date for c in covers if c.date), None),
    )


_LEGAL_PAGE_LINES = 25  # a copyright, licence or disclaimer page is short
_LEGAL_PAGES_WITHIN = 8


def legal_pages(pages: list[list[str]], skip: set[int]) -> list[int]:
    """Copyright, licence, disclaimer and version-history pages among the first pages: short pages headed so,
    or carrying a copyright or licence statement; their text is front matter, not body."""
    found = []
    for p in range(min(_LEGAL_PAGES_WITHIN, len(pages))):
        texts = pages[p]
        if p in skip or not texts or len(texts) > _LEGAL_PAGE_LINES:
            continue
        if _LEGAL_PAGE_HEAD_RE.match(texts[0]) or any(_COPYRIGHT_RE.search(t) or _LICENCE_RE.search(t) for t in texts):
            found.append(p)
    return found if len(found) < len(pages) else []
