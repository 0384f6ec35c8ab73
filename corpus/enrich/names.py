"""Comparison keys for entity names, shared by linking (`canonical`) and scoring (`corpus.evaluate`)."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_LEADING = re.compile(r"^(?:the|l'|le|la|les|dr\.?|mr\.?|mrs\.?|ms\.?|mme|m\.|president)\s*", re.I)
_POSSESSIVE = re.compile(r"'s?$")


def normalise_name(surface: str, label: str | None = None) -> str:
    """Comparison key for a name: case, quotes, spacing, leading article/title and possessive removed.

    Person names also ignore word order ("SU Zhong" == "Zhong Su").
    """
    s = unicodedata.normalize("NFKC", surface).translate(_QUOTES).casefold()
    s = re.sub(r"\s+", " ", s).strip(" \t\n.,;:\"'()[]")
    prev = None
    while prev != s:
        prev = s
        s = _LEADING.sub("", s).strip()
    s = _POSSESSIVE.sub("", s).strip(" .,")
    if label == "PERSON":
        s = " ".join(sorted(re.split(r"[\s]+", s)))
    return s
