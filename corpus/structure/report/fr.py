"""French report typesetting: dates on covers ("Juin 2024", "1er mars 2024", "12 décembre 2023")."""

from __future__ import annotations

import re

_MONTHS = {m: i for i, m in enumerate(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), 1)}
_MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12})  # printed without accents (capitals often drop them)
_DATE_RE = re.compile(
    r"(?:\b(1er|\d{1,2})\s+)?\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\s+((?:19|20)\d\d)\b", re.I)


def find_fr_date(text: str) -> tuple[int, int, int | None, int] | None:
    """(year, month, day or None, offset) of the first French date in `text`; None when there is none."""
    match = _DATE_RE.search(text)
    if not match:
        return None
    day = match.group(1)
    return int(match.group(3)), _MONTHS[match.group(2).lower()], (1 if day == "1er" else int(day)) if day else None, match.start()
