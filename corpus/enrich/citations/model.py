"""The parsed citation records (`Span`, `ParsedCitation`) and the draft a reference is parsed into."""

from __future__ import annotations

from dataclasses import dataclass, field


KINDS = ("citation", "ibid", "short", "comment")  # the values of records.CitationKind
TYPES = ("news", "report", "web_page", "law_policy", "book", "journal_article", "speech_statement", "dataset", "other")  # records.CitationType


@dataclass(frozen=True)
class Span:
    """A substring of one note: `text[start:end] == value`."""

    value: str
    start: int
    end: int


@dataclass(frozen=True)
class ParsedCitation:
    """One cited work (or the comment row of a note citing none) in one note."""

    note: int  # footnote number
    ordinal: int  # 1-based position within the note
    kind: str
    start: int  # span of the whole reference in the note text
    end: int
    authors: tuple[Span, ...] = ()
    title: Span | None = None
    title_translation: Span | None = None
    container: Span | None = None
    date: Span | None = None
    date_iso: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, as precise as printed
    url: Span | None = None
    locator: Span | None = None  # page, paragraph or article pointed at ("p. 4", "paragraph 31")
    type: str | None = None
    language: str | None = None
    refers_to: tuple[int, int] | None = None  # (note, ordinal) of the full citation (ibid, short)
    tentative: bool = False  # a possible back-reference in prose, kept only when its antecedent is found


@dataclass
class _Draft:
    start: int
    end: int
    authors: list[Span] = field(default_factory=list)
    title: Span | None = None
    title_translation: Span | None = None
    container: Span | None = None
    date: Span | None = None
    url: Span | None = None
    locator: Span | None = None
    type_hint: str | None = None
    comment: bool = False
    title_quoted: bool = False
    soft_container: bool = False
    volume: bool = False  # the container was printed with a volume number ('Science and Public Policy 43')
