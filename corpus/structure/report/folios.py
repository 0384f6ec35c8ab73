"""Front matter paged in roman numerals: a preface or contents page numbered "I", "II" or "iii" at its foot.

Reports (Chinese white papers in particular) number the pages before the body with roman numerals and the body
from 1: a lone roman numeral on a page's last line, on a page before any arabic page number, is its folio.
"""

from __future__ import annotations

import re

from corpus.structure.report.layout import Line

_ROMAN_RE = re.compile(r"^(?:[IVX]{1,5}|[ivx]{1,5})$")
_ARABIC_RE = re.compile(r"^\d{1,4}$")
_VALUES = {"i": 1, "v": 5, "x": 10}


def roman_value(text: str) -> int | None:
    """The value of a roman numeral up to 39 ("iv" 4, "XII" 12), or None when `text` is no well-formed one."""
    if not _ROMAN_RE.match(text):
        return None
    digits = [_VALUES[ch] for ch in text.lower()]
    total = sum(-d if k + 1 < len(digits) and d < digits[k + 1] else d for k, d in enumerate(digits))
    return total if _to_roman(total) == text.lower() else None


def _to_roman(value: int) -> str:
    out = ""
    for number, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out, value = out + numeral, value - number
    return out


def roman_folios(pages: list[list[Line]]) -> frozenset[tuple[int, int]]:
    """(page, line) of the roman page numbers at the foot of the pages before the first arabic page number."""
    first_arabic = next((p for p, page in enumerate(pages) if page and _ARABIC_RE.match(page[-1].text.strip())), len(pages))
    return frozenset(
        (p, len(page) - 1) for p, page in enumerate(pages[:first_arabic])
        if len(page) > 1 and roman_value(page[-1].text.strip()) is not None
    )
