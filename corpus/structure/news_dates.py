"""Dates in news metadata: a hand-pattern finder for dates as far as they are stated (partial dates,
ambiguous numeric day/month order kept visible) plus `dateparser` (multilingual, maintained) for
metadata parts that are wholly a date, and the page-level decision of numeric day/month order.
"""

from __future__ import annotations

import calendar
import functools
import datetime as dt
import re
from dataclasses import dataclass

# --------------------------------------------------------------------------------------------------
# Month names for the hand patterns (partial dates "20 décembre", "August 11" that dateparser would
# complete with a guessed year).

MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTHS_FR = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "janv": 1, "févr": 2, "févr": 2, "avr": 4, "juil": 7, "déc": 12,
}  # fmt: skip
MONTHS_DE = {
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip
MONTHS_ES = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip

MONTH_NAMES: dict[str, int] = {**MONTHS_ES, **MONTHS_DE, **MONTHS_FR, **MONTHS_EN}
# English month names that are also ordinary words ("may", "march", "august"...) count only capitalised.
_EN_ONLY = {name for name in MONTHS_EN if name not in MONTHS_FR and name not in MONTHS_DE and name not in MONTHS_ES}

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTH_NAMES), key=len, reverse=True))
_MONTH = rf"(?P<{{g}}>{_MONTH_ALT})\.?"
_DAY_SUFFIX = r"(?:st|nd|rd|th|er|e)?"
_WEEKDAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\.?,?\s+"
)

ROC_OFFSET = 1911  # Republic of China era year 1 = 1912 (Taiwan's official calendar: 民國113年 = 2024)

# Each pattern yields named groups y (year), m (month number) or mn (month name), d (day).
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # 2025-04-18, 2025/4/18, 2025.04.18
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])",
        # 20-12-2024, 12/05/2025, 03.04.2025 (day-first or month-first: resolved later)
        r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d])",
        # Republic of China era (Taiwan): 113年5月2日, 民國113年5月2日, 民国99年5月 (year + 1911)
        r"(?:民[國国]\s*(?P<roc>\d{1,3})|(?<!\d)(?P<roc3>1\d\d))\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?",
        # 2025年4月18日, 4月16日, 2025年4月
        r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]",
        r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)",
        # March 3, 2025 / Mar. 3 2025 / August 11
        r"\b" + _MONTH.format(g="mn") + r"\s+(?P<d>\d{1,2})" + _DAY_SUFFIX + r"\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
        # 12 March 2025 / 20 décembre 2024 / 1er mai / 3 de marzo de 2025
        r"\b(?P<d>\d{1,2})" + _DAY_SUFFIX + r"\.?\s+(?:de\s+)?" + _MONTH.format(g="mn")
        + r"(?:\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b)?(?!\w)",
        # March 2025 / décembre 2024
        r"\b" + _MONTH.format(g="mn") + r"\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b",
    )
)

_TIME_RE = re.compile(
    r"(?P<h>\d{1,2})\s*[:h时]\s*(?P<mi>\d{2})(?:\s*[:分]\s*(?P<s>\d{2}))?(?:\s*秒)?"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?"
    r"(?:\s*\(?(?:[A-Z]{2,5}(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\)?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date as far as the text states it; `year`/`day` are None when not printed."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    ambiguous: bool = False  # numeric day/month order could not be decided from the digits

    @property
    def iso(self) -> str:
        """ISO 8601 form with only the stated parts: "2024-12-20", "--08-11" or "2017-10"."""
        if self.year is not None and self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.year is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"--{self.month:02d}-{self.day:02d}"

    @property
    def date(self) -> dt.date | None:
        if self.year is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return year is not None
    last = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: leap, allows --02-29
    return 1 <= day <= last


def _mention(match: re.Match[str], month_first: bool) -> DateMention | None:
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    roc = groups.get("roc") or groups.get("roc3")
    if roc:
        year = ROC_OFFSET + int(roc)
    day = int(groups["d"]) if groups.get("d") else None
    ambiguous = False
    if groups.get("mn"):
        word = groups["mn"]
        if word.lower() in _EN_ONLY and word[0].islower():
            return None  # "may", "march" as ordinary words
        month = MONTH_NAMES[word.lower()]
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        else:
            ambiguous = a != b
            month, day = (a, b) if month_first else (b, a)
    else:
        month = int(groups["m"])
    if not _valid(year, month, day):
        return None
    return DateMention(match.start(), match.end(), year, month, day, ambiguous)


def find_dates(text: str, month_first: bool = False) -> list[DateMention]:
    """All dates in `text`, longest match first where patterns overlap, in text order.

    `month_first` decides numeric dates whose two leading fields could both be months ("03/04/2025"):
    True reads month/day (US usage), False day/month.
    """
    found: list[DateMention] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            mention = _mention(match, month_first)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _parse_time(fragment: str) -> str | None:
    """ "06:09:47" -> "06:09:47", "10:30 pm" -> "22:30", "14h30" -> "14:30"; None if not a time."""
    match = _TIME_RE.fullmatch(fragment.strip())
    if not match:
        return None
    hour, minute = int(match["h"]), int(match["mi"])
    ampm = (match["ampm"] or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or (match["s"] and int(match["s"]) > 59):
        return None
    return f"{hour:02d}:{minute:02d}" + (f":{match['s']}" if match["s"] else "")


def parse_date_time(fragment: str, month_first: bool = False) -> tuple[DateMention, str | None] | None:
    """Read a fragment that is *only* a date, optionally with weekday and time; None otherwise."""
    text = re.sub(r"^" + _WEEKDAYS, "", fragment.strip(), flags=re.IGNORECASE).strip(" ,")
    dates = find_dates(text, month_first)
    if not dates or dates[0].start != 0:
        return None
    rest = text[dates[0].end :].strip(" ,")
    rest = re.sub(r"^(?:at|à|um|a las|@)\s+", "", rest, flags=re.IGNORECASE)
    if not rest:
        return dates[0], None
    time = _parse_time(rest)
    return (dates[0], time) if time else None




# --------------------------------------------------------------------------------------------------
# Metadata values: the library first, hand patterns for what it must not complete.

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a numeric Republic of China era date, as Taiwan's government sites print them: 113-05-02, 113/5/2, 民國113.05.02
ROC_NUMERIC = re.compile(
    r"(?<![\d./-])(?:民[國国]\s*(?P<roc>\d{1,3})|(?P<roc3>1\d\d))(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d./-])"
)
_NUMERIC = re.compile(r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)")
_DAY_MONTH = re.compile(r"(?<![\d/.])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])")
_DAY_FIRST_LANGUAGES = frozenset({"fr", "de", "es", "it", "pt", "nl", "ru", "pl", "tr", "uk", "vi", "id", "zh", "ja", "ko"})
_DATEPARSER_LANGUAGES = ("en", "fr", "zh", "de", "es")


@dataclass(frozen=True)
class ValueDate:
    """What one metadata value states: a date (maybe partial), a time, or an undecidable numeric date."""

    year: int | None
    month: int | None
    day: int | None
    time: str | None = None
    ambiguous: bool = False  # numeric day/month order not decidable on this page: date left empty

    @property
    def date(self) -> dt.date | None:
        if self.ambiguous or None in (self.year, self.month, self.day):
            return None
        return dt.date(self.year, self.month, self.day)  # type: ignore[arg-type]

    @property
    def iso(self) -> str | None:
        if self.ambiguous or self.month is None:
            return None
        return DateMention(0, 0, self.year, self.month, self.day).iso


def numeric_order_evidence(text: str) -> bool | None:
    """Day/month order shown by the page's own numeric dates: True month-first ("12/25/2024"),
    False day-first ("25/12/2024"), None when no date decides it or the page shows both."""
    seen: set[bool] = set()
    for match in _NUMERIC.finditer(text):
        a, b = int(match["a"]), int(match["b"])
        if a > 12 >= b:
            seen.add(False)
        elif b > 12 >= a:
            seen.add(True)
    return seen.pop() if len(seen) == 1 else None


def page_month_first(text: str, language: str) -> tuple[bool | None, str]:
    """How to read an ambiguous numeric date on this page, and why: the page's other numeric dates
    first; else the language when it has one convention (French, Chinese ... are day-first); English
    (both conventions in use) with no evidence stays undecided (None)."""
    evidence = numeric_order_evidence(text)
    if evidence is not None:
        return evidence, "another numeric date on the page shows the order"
    if language in _DAY_FIRST_LANGUAGES:
        return False, f"day/month is the only numeric order in use in {language!r}"
    return None, "no date on the page decides day/month order"


@functools.lru_cache(maxsize=1)
def _dateparser():  # noqa: ANN202
    import dateparser

    return dateparser


def _library_date(value: str, month_first: bool | None) -> dt.date | None:
    """The date `dateparser` reads in a value that is wholly a date (with a printed year), else None."""
    if not _YEAR.search(value) or len(value) > 60:
        return None
    settings = {
        "DATE_ORDER": "MDY" if month_first else "DMY",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": dt.datetime(2100, 1, 1),  # nothing relative may slip through as "today"
        "PARSERS": ["absolute-time"],
    }
    try:
        parsed = _dateparser().parse(value, languages=list(_DATEPARSER_LANGUAGES), settings=settings)
    except Exception:  # noqa: BLE001 - the library raises assorted errors on odd input
        return None
    return parsed.date() if parsed is not None else None


def roc_numeric_date(value: str) -> dt.date | None:
    """The date of a value that is wholly a numeric ROC-era date ("113-05-02" -> 2024-05-02), else None.
    Only a whole value is read: a three-digit number run elsewhere ("Report 113-05-02") is not a date."""
    match = ROC_NUMERIC.fullmatch(value.strip())
    if match is None:
        return None
    year = ROC_OFFSET + int(match["roc"] or match["roc3"])
    month, day = int(match["m"]), int(match["d"])
    return dt.date(year, month, day) if _valid(year, month, day) else None


def read_value_date(value: str, month_first: bool | None, allow_day_month: bool = False) -> ValueDate | None:
    """The date and time a metadata value states (after its label), or None when it states neither.

    An ambiguous numeric date ("07-04-2019") on a page whose order is undecided (`month_first` None)
    gives `ambiguous=True` and no date. `allow_day_month` also reads "20/04" (no year) as a partial date,
    for values a date label introduces.
    """
    text = re.sub(r"^" + _WEEKDAYS, "", value.strip(), flags=re.IGNORECASE).strip(" ,")
    time_match = None
    for match in _TIME_RE.finditer(text):
        if _parse_time(match.group()) and not re.match(r"[-/.]\d", text[match.end() : match.end() + 2]):
            time_match = match
            break
    time = _parse_time(time_match.group()) if time_match else None
    numeric = _NUMERIC.search(text)
    if numeric and month_first is None:
        a, b = int(numeric["a"]), int(numeric["b"])
        if a <= 12 and b <= 12 and a != b:
            return ValueDate(int(numeric["y"]), None, None, time, ambiguous=True)
    date_text = text if time_match is None else (text[: time_match.start()] + " " + text[time_match.end() :])
    date_text = re.sub(r"\s+(?:à|at|um|a las|@|le)\s*$|^\s*(?:à|at|le)\s+", " ", date_text.strip(" ,")).strip(" ,")
    roc = roc_numeric_date(date_text) if date_text else None
    if roc is not None:
        return ValueDate(roc.year, roc.month, roc.day, time)
    library = _library_date(date_text, month_first) if date_text else None
    if library is not None:
        return ValueDate(library.year, library.month, library.day, time)
    mentions = find_dates(text, bool(month_first))
    if mentions:
        m = mentions[0]
        return ValueDate(m.year, m.month, m.day, time)
    if allow_day_month:
        match = _DAY_MONTH.search(text)
        if match and 1 <= int(match["m"]) <= 12 and 1 <= int(match["d"]) <= 31:
            return ValueDate(None, int(match["m"]), int(match["d"]), time)
    if time is not None:
        return ValueDate(None, None, None, time)
    return None
