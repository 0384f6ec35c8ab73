"""Dates in news metadata: a hand-pattern finder for dates as far as they are stated (partial dates,
ambiguous numeric day/month order kept visible) plus `dateparser` (multilingual, maintained) for
metadata parts that are wholly a date, and the page-level decision of numeric day/month order.
"""

from __future__ import annotations

import calendar
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

# Each pattern yields named groups y (year), m (month number) or mn (month name), d (day).
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # 2025-04-18, 2025/4/18, 2025.04.18
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])",
        # 20-12-2024, 12/05/2025, 03.04.2025 (day-first or month-first: resolved later)
        r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d])",
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


