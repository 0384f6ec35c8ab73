"""Hyphens that PDF extraction dropped: `pdftotext` removes a hyphen at a line end and joins the halves, real
compounds too ("general-" / "purpose" -> "generalpurpose"). The document's own spelling tells them apart: a
joined word that is no ordinary word, whose hyphenated form the document prints at least as often, gets its
hyphen back ("generalpurpose" -> "general-purpose" where "general-purpose" is printed mid-line elsewhere), except
inside a quoted title, whose spelling is its own."""

from __future__ import annotations

import re
from collections import Counter

from corpus.structure.lines import zipf

_COMPOUND_RE = re.compile(r"(?<![\w-])([^\W\d_]{2,}(?:-[^\W\d_]{2,})+)(?![\w-])")
_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_]{4,}(?![\w-])")
_QUOTED_RE = re.compile(r"“[^“”]{1,300}”")  # a quoted title: “Dockless Bikesharing in China”
_ORDINARY_ZIPF = 3.0  # a joined form this frequent in English is a word in its own right ("cooperation", "email")


def hyphen_vocabulary(text: str) -> dict[str, str]:
    """Joined forms (lower case) mapped to the hyphenated compound the document prints at least as often."""
    compounds = Counter(m.group(1).lower() for m in _COMPOUND_RE.finditer(text))
    if not compounds:
        return {}
    words = Counter(m.group(0).lower() for m in _WORD_RE.finditer(text))
    vocabulary = {}
    for compound, count in sorted(compounds.items()):
        joined = compound.replace("-", "")
        if words.get(joined) and count >= words[joined] and zipf(joined) < _ORDINARY_ZIPF:
            vocabulary[joined] = compound
    return vocabulary


def restore_hyphens(text: str, vocabulary: dict[str, str]) -> str:
    """Put the hyphens of `vocabulary`'s compounds back into their joined forms, keeping each letter's case."""
    if not vocabulary:
        return text

    quoted = [m.span() for m in _QUOTED_RE.finditer(text)]

    def repair(match: re.Match[str]) -> str:
        word = match.group(0)
        compound = vocabulary.get(word.lower())
        if compound is None or any(a < match.start() < b for a, b in quoted):
            return word  # the title of a cited work keeps its own spelling
        out, k = [], 0
        for ch in compound:
            if ch == "-":
                out.append("-")
            else:
                out.append(word[k])
                k += 1
        return "".join(out)

    return _WORD_RE.sub(repair, text)
