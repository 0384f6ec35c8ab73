"""Joining extracted text lines: wrapped lines, end-of-line hyphens and URLs split across lines.

Shared by the report and news structurers. Every function is pure; `zipf` caches its wordfreq lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency

from corpus.structure.cjk import joins_without_space

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+")
_URL_TAIL_RE = re.compile(r"(?:https?://|www\.)\S*$")
_URL_TRAILING_PUNCT = ".,;:)]}”’\"'"
_URL_BREAK_ENDINGS = ("://", "/", ".", "_", "=", "&", "?", "#", "%", "~")
_URL_CONTINUATION_STARTS = tuple("/?#&=._%")
_EXTENSION_RE = re.compile(r"^[a-z][a-z0-9]{1,5}\b")
_FILE_END_RE = re.compile(r"^[a-z0-9][\w%-]*\.(?:pdf|html?|aspx?|php|jsp|docx?|xlsx?|pptx?|csv|txt)(?:[?#]\S*)?[.,;)]?$")
_ALNUM_TAIL_RE = re.compile(r"([A-Za-z0-9]*)-$")
_ALNUM_HEAD_RE = re.compile(r"^[A-Za-z0-9]+")
_ALPHA_TAIL_RE = re.compile(r"([^\W\d_]+)-$")
_ALPHA_HEAD_RE = re.compile(r"^[^\W\d_]+")
_OPEN_DASHES = ("—", "–")

KNOWN_WORD_ZIPF = 2.5  # wordfreq zipf at or above which a fragment counts as a real word


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """English wordfreq zipf frequency of `word` (lower-cased), cached."""
    return zipf_frequency(word.lower(), "en")


@dataclass(frozen=True)
class JoinedLines:
    """Lines joined into one string: `starts[k]` is where line k's text begins in `text`."""

    text: str
    starts: tuple[int, ...]
    ambiguous_urls: tuple[str, ...] = ()


HYPHEN_MARGIN = 1.0  # the hyphenated estimate must beat the joined word by this many zipf points


def keep_line_end_hyphen(left: str, right: str) -> bool:
    """True when "left-" + "right" is a really hyphenated word ("well-documented"), False for a broken word.

    Decided by wordfreq: a joined form that is a known word wins unless the hyphenated form (estimated by
    wordfreq from its parts) is clearly more frequent ("cross-border"). A capitalised word broken before
    a lower-case part ("Washing-" + "ton") is joined; when neither form is known, a capitalised right part
    ("Okonjo-Miles") keeps the hyphen.
    """
    joined = zipf(left + right)
    hyphenated = zipf(f"{left}-{right}")
    if joined > 0:
        if left[:1].isupper() and right[:1].islower():
            return False
        return hyphenated > joined + HYPHEN_MARGIN
    if hyphenated > 0:
        return True
    return right[:1].isupper()


def classify_url_hyphen(left: str, right: str) -> str:
    """Decide a hyphen ending a URL line: "drop" (broken word), "keep" (slug separator) or "ambiguous"."""
    if not left or not right:
        return "ambiguous"
    if left.isdigit() or right.isdigit():
        return "keep"
    is_word = str.isalpha
    left_z = zipf(left) if is_word(left) else 0.0
    right_z = zipf(right) if is_word(right) else 0.0
    joined_z = zipf(left + right) if is_word(left + right) else 0.0
    if joined_z >= KNOWN_WORD_ZIPF and joined_z > min(left_z, right_z):
        return "drop"
    if left_z >= KNOWN_WORD_ZIPF and (right_z >= KNOWN_WORD_ZIPF or not is_word(right)):
        return "keep"
    return "ambiguous"


def url_at_end(text: str) -> str | None:
    """The URL (possibly incomplete) that `text` ends with, if any. Only the last run of non-space characters
    can hold it, so only that run is searched (a long note or paragraph costs no more than a short one)."""
    end = len(text) - 1 if text.endswith("\n") else len(text)  # `$` also matches before a final newline
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    match = _URL_TAIL_RE.search(text, start, end)
    return match.group(0) if match else None


def _continues_url(url: str, right: str) -> bool:
    """Whether `right` (the next line) continues `url`, which ended the previous line."""
    head = right.split(maxsplit=1)[0] if right.strip() else ""
    if not head:
        return False
    if head.startswith(_URL_CONTINUATION_STARTS):
        return True
    if url.endswith("-"):
        return head[0].isalnum()
    if not url.endswith(_URL_BREAK_ENDINGS):
        # broken inside a word: the next line ends the address with its file name ("...%20Settin" / "gs.pdf.")
        return url[-1:].isalnum() and "/" in url.split("://")[-1] and bool(_FILE_END_RE.match(head))
    if url.endswith("."):
        # a full stop may end the sentence: continue only with a path or a domain/file extension
        return "/" in head or bool(_EXTENSION_RE.match(head))
    return head[0].isalnum() or head[0] in "%#~_-"


def _join_url(left: str, right: str, url: str) -> tuple[str, str | None]:
    """Join a URL broken after `left`; returns the joined string and the URL if its hyphen was ambiguous."""
    if not url.endswith("-"):
        return left + right, None
    frag_left = _ALNUM_TAIL_RE.search(url)
    frag_right = _ALNUM_HEAD_RE.match(right)
    verdict = classify_url_hyphen(
        frag_left.group(1) if frag_left else "", frag_right.group(0) if frag_right else ""
    )
    if verdict == "drop":
        return left[:-1] + right, None
    joined = left + right
    if verdict == "ambiguous":
        tail = url_at_end(left) or ""
        rest = right.split(maxsplit=1)[0]
        return joined, (tail + rest).rstrip(_URL_TRAILING_PUNCT)
    return joined, None


def join_pair(left: str, right: str) -> tuple[str, int, str | None]:
    """Append line `right` to text `left`.

    Returns the joined text, the offset where `right` starts in it, and a URL whose line-end hyphen
    could not be decided (else None). `left` and `right` should already be stripped.
    """
    if not left:
        return right, 0, None
    if not right:
        return left, len(left), None
    url = url_at_end(left)
    if url and _continues_url(url, right):
        joined, ambiguous = _join_url(left, right, url)
        return joined, len(joined) - len(right), ambiguous
    if left.endswith("-") and right[0].isalpha():
        frag = _ALPHA_TAIL_RE.search(left)
        head = _ALPHA_HEAD_RE.match(right)
        if frag and head and not left.endswith("--"):
            if keep_line_end_hyphen(frag.group(1), head.group(0)):
                return left + right, len(left), None
            return left[:-1] + right, len(left) - 1, None
    if joins_without_space(left, right):
        return left + right, len(left), None  # CJK text is set without spaces: "万亿元，" / "占GDP比重"
    if (left.endswith(_OPEN_DASHES) and not left[:-1].endswith(" ")) or left.endswith("/"):
        return left + right, len(left), None  # "word—" / "next": an unspaced dash; "tasks –" keeps its space
    return f"{left} {right}", len(left) + 1, None


def join_lines(lines: list[str] | tuple[str, ...]) -> JoinedLines:
    """Join wrapped lines into one string: single spaces, dehyphenation and URL repair."""
    text = ""
    starts: list[int] = []
    ambiguous: list[str] = []
    for line in lines:
        text, start, url = join_pair(text, line.strip())
        starts.append(start)
        if url:
            ambiguous.append(url)
    return JoinedLines(text, tuple(starts), tuple(ambiguous))


def find_urls(text: str) -> tuple[str, ...]:
    """URLs in `text`, in order, without trailing sentence punctuation."""
    urls = []
    for match in URL_RE.finditer(text):
        url = match.group(0).rstrip(_URL_TRAILING_PUNCT)
        if url.count("(") < url.count(")"):
            url = url.rstrip(")")
        if len(url) > len("https://"):
            urls.append(url)
    return tuple(urls)
