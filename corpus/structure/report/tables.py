"""Where a table printed without a source line ends.

A table's rows follow its caption until a source or note line closes it. When the table has neither, the
rows must stop where running text or the next numbered heading starts, or every later line of the document
becomes a row. Table cells are short and hold no sentences, so a row is never a line of prose (for Latin
script: long, with the function words of running text; for CJK: long, with clause punctuation) and never a
numbered heading ("2. Cloud access", "2.1 Scope", "二、…", "A. …").
"""

from __future__ import annotations

import re

from corpus.structure.cjk import cjk_share
from corpus.structure.report.outline import is_outline_heading
from corpus.structure.report.patterns import _ends_sentence, _NUMBERED_HEADING_RE

PROSE_SHARE = 0.7  # a line this share of the body width long, written in sentences, is running text
_MIN_PROSE_WORDS = 8
_MIN_FUNCTION_SHARE = 0.2
# the commonest function words of English and French running text; table cells (names, figures, yes/no) lack them
_FUNCTION_WORDS = frozenset(
    "the a an of to in on for and or but by with that which who is are was were be been has have had not from as at "
    "its it this these their than into under over between "
    "le la les l un une des du de d et ou est sont dans pour par sur qui que au aux ne pas se ce cette ses leur".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def leaves_table(text: str, width: int) -> bool:
    """Whether a line after a table's caption is no longer one of its rows: a numbered heading or running text."""
    text = text.strip()
    if is_outline_heading(text, True, width) or _is_numbered_heading(text, width):
        return True
    return is_running_text(text, width)


def is_running_text(text: str, width: int) -> bool:
    """A line of prose: as long as most body lines and written in sentences."""
    if len(text) < PROSE_SHARE * width:
        return False
    if cjk_share(text) >= 0.5:
        return any(mark in text for mark in "，。；")
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if len(words) < _MIN_PROSE_WORDS:
        return False
    return sum(w in _FUNCTION_WORDS for w in words) >= _MIN_FUNCTION_SHARE * len(words)


def _is_numbered_heading(text: str, width: int) -> bool:
    return bool(_NUMBERED_HEADING_RE.match(text)) and not _ends_sentence(text) and len(text) < PROSE_SHARE * width
