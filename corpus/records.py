"""The published tables, one pydantic record model per table: the canonical schema.

Every other schema artefact (Arrow schema, pandera schema, JSON Schema, the datacard's column
dictionary, the Hugging Face features) is generated from these models by `corpus.schema`.
Offsets are half-open Python string offsets (`text[start:end]`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

DocId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Document id: the slug of the source file name.")]
CharOffset = Annotated[int, Field(ge=0)]

Genre = Literal["news", "report"]
InputFormat = Literal["txt", "pdf", "html"]
_BBOX = "as [x0, top, x1, bottom] in PDF points from the page's top-left corner; null when the source has no layout (plain text)"
Field_ = Literal["body", "footnote"]
EntityLabel = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "LAW", "PRODUCT"]
FigureKind = Literal["chart", "figure", "image", "table", "map", "diagram"]
QuantityKind = Literal["money", "percent", "count", "measure"]
FootnoteStatus = Literal["ok", "missing_text", "truncated", "no_anchor", "skipped"]
FootnoteKind = Literal["footnote", "endnote"]
SectionKind = Literal["heading", "preamble"]
Origin = Literal["extracted", "curated", "derived", "running_head", "json_ld", "open_graph", "html_meta", "html_time", "html_title", "markup"]
CitationKind = Literal["citation", "ibid", "short", "comment"]
CitationType = Literal["news", "report", "web_page", "law_policy", "book", "journal_article", "speech_statement", "dataset", "other"]
ParagraphKind = Literal["heading", "paragraph", "list_item", "caption", "footnote"]
Split = Literal["train", "validation", "test"]


@dataclass(frozen=True)
class LabelIds:
    """Marks an int as an id into `names`: a Hugging Face `ClassLabel`, stored as int64 (Annotated metadata)."""

    names: tuple[str, ...]

    def __get_pydantic_json_schema__(self, core_schema, handler):
        """The JSON Schema of the int, naming what each id means."""
        schema = handler(core_schema)
        schema["description"] = "Id, from 0, into: " + ", ".join(self.names) + "."
        return schema


# BIO over EntityLabel, "O" first (id 0, as in conll2003 / wikiann), then B- and I- of each label in EntityLabel's order.
NER_TAG_NAMES: tuple[str, ...] = ("O", *(f"{prefix}-{label}" for label in get_args(EntityLabel) for prefix in "BI"))
NerTagId = Annotated[int, Field(ge=0, le=len(NER_TAG_NAMES) - 1), LabelIds(NER_TAG_NAMES)]


class Record(BaseModel):
    """Base of every table row: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    table: ClassVar[str] = ""  # name of the published table
    key: ClassVar[tuple[str, ...]] = ()  # primary-key column(s)


class FieldOrigin(BaseModel):
    """Where one metadata value came from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    field: str = Field(description="Name of the documents column.")
    origin: Origin = Field(description="extracted (from the text), curated (seeds manifest), derived (computed), running_head (taken from a running header or footer: the source has no title page), or, for an HTML page, the markup it was read from: json_ld (a JSON-LD object), open_graph (og:/article: meta tags), html_meta (another <meta> tag or <html lang>), html_time (a <time datetime>), html_title (<title> or <h1>), markup (elsewhere in the markup).")


class RemovedLine(BaseModel):
    """One line removed from a web page's text, and why (datatrove-style: nothing vanishes uncounted)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reason: str = Field(description="Why the line left the text: metadata, header, breadcrumb, title_repeat, navigation, share_follow, counter, comments_widget, copyright, contact, photo_credit, photo_caption, image, end_mark, back_to_top, widget_residue or footer.")
    text: str = Field(description="The line as printed (stripped).")


class Document(Record):
    """One source document with its metadata and clean body text."""

    table: ClassVar[str] = "documents"
    key: ClassVar[tuple[str, ...]] = ("doc_id",)

    doc_id: DocId
    source_file: str = Field(description="Path of the source file relative to the seeds folder.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the source file's bytes.")
    n_bytes: int = Field(ge=1, description="Size of the source file in bytes.")
    title: str | None = Field(description="Title of the document; null when neither the text nor the manifest gives one.")
    authors: list[str] = Field(description="Authors in byline order; empty when none is stated.")
    publisher: str | None = Field(description="Publishing organisation; null when unknown.")
    url: str | None = Field(description="Original URL: curated, or stated by an HTML page itself (canonical link, og:url); null when not known (never guessed).")
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", description="BCP-47 language tag of the body text ('und' if undetermined).")
    genre: Genre = Field(description="news (web news item) or report (extracted from PDF).")
    published_date: dt.date | None = Field(description="Publication date, only when fully stated; a year is never guessed.")
    published_month: str | None = Field(pattern=r"^\d{4}-\d{2}$", description="Publication month (YYYY-MM) when only the month is known; null when published_date gives the day.")
    published_time: str | None = Field(description="Publication time of day 'HH:MM[:SS]' when the byline states it.")
    event_dates: list[str] = Field(description="Partial dates stated in the text without a year, as ISO 8601 '--MM-DD'.")
    related_links: list[str] = Field(description="Titles of related items from navigation lines (Last/Next ...), removed from the text.")
    text: str = Field(description="Clean body text: paragraphs separated by a blank line, no page furniture, footnote markers or navigation; empty when text_withheld.")
    n_chars: int = Field(ge=0, description="Length of the clean body text in characters (also when it is withheld: offsets into it stay meaningful).")
    n_words: int = Field(ge=0, description="Number of words in text (whitespace tokens; CJK characters count one each).")
    script: str | None = Field(default=None, pattern=r"^[A-Z][a-z]{3}$", description="ISO 15924 script subtag of Chinese text ('Hans' simplified, 'Hant' traditional); null for other languages. The full BCP-47 tag is language + '-' + script; language stays the primary subtag.")
    editors: list[str] = Field(default_factory=list, description="Editor credits printed on the page ('Editor: X', '责任编辑：X'); not authors.")
    dateline: str | None = Field(default=None, description="Dateline opening the text ('BEIJING, Oct. 28 (Xinhua)', '本报乌镇9月26日电'): place, date and agency of the report, not the page's date.")
    removed_lines: list[RemovedLine] = Field(default_factory=list, description="Lines removed from a web page's text (metadata, navigation, widgets, furniture), each with the reason, in page order.")
    field_origins: list[FieldOrigin] = Field(description="For each metadata field, whether it was extracted from the text, curated in the manifest or derived.")
    notes: str | None = Field(description="Curated notes from the manifest.")
    license: str | None = Field(default=None, description="Licence of the source text: an SPDX id where one applies (CC-BY-4.0), else a short text of the terms, from the manifest; null when unknown.")
    license_url: str | None = Field(default=None, description="Where the licence is stated (the SPDX page for an SPDX id); null when unknown.")
    text_withheld: bool = Field(default=False, description="True when the build left out the text (documents.text and sections.text empty) because its licence does not allow redistribution (corpus build --withhold-restricted); offsets stay those of the full text, which a build from the source file (sha256) restores.")
    text_sha256: str = Field(default="", pattern=r"^([0-9a-f]{64})?$", description="SHA-256 of the clean body text (UTF-8), also when it is withheld: checks a text re-attached from a build of the source.")
    input_format: InputFormat = Field(default="txt", description="Format of the source file: txt, pdf or html.")
    extractor: str | None = Field(default=None, description="Library that read the source file ('pypdfium2' for PDF, 'trafilatura' for HTML); null for plain text.")
    extractor_version: str | None = Field(default=None, description="Version of the extractor library; null for plain text.")


class Section(Record):
    """A heading and the span of body text it governs; a preamble section holds text before the first heading."""

    table: ClassVar[str] = "sections"
    key: ClassVar[tuple[str, ...]] = ("section_id",)

    section_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*/s[0-9]{4}$", description="doc_id + '/s' + 4-digit ordinal.")
    doc_id: DocId
    parent_id: str | None = Field(description="section_id of the enclosing section; null for top-level sections.")
    level: int = Field(ge=1, le=6, description="Heading level, 1 = top.")
    ordinal: int = Field(ge=0, description="Position of the section in reading order within its document, from 0.")
    kind: SectionKind = Field(description="heading, or preamble for text before the first heading.")
    heading: str = Field(description="Heading text as printed (wrapped lines joined); empty for a preamble.")
    text: str = Field(description="documents.text[start:end]; empty when the document's text is withheld.")
    start: CharOffset = Field(description="Start offset in documents.text.")
    end: CharOffset = Field(description="End offset (exclusive) in documents.text; a parent's span contains its children's.")
    page_start: int | None = Field(ge=1, description="Source page where the section starts, when page numbers are recoverable.")
    page_end: int | None = Field(ge=1, description="Source page where the section ends, when page numbers are recoverable.")
    bbox: list[float] | None = Field(default=None, description=f"Box of the heading on page_start {_BBOX} or the section is a preamble.")


class Footnote(Record):
    """A footnote or endnote with its clean text and the place its marker stood in the body."""

    table: ClassVar[str] = "footnotes"
    key: ClassVar[tuple[str, ...]] = ("footnote_id",)

    footnote_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*/n[0-9]{4}$", description="doc_id + '/n' + 4-digit note number (the number column).")
    doc_id: DocId
    number: int = Field(ge=1, description="Note number: as printed where the document's notes are numbered 1..N in one sequence; otherwise (numbering restarting per chapter, symbol notes) the note's ordinal in the document, in reading order.")
    marker: str = Field(min_length=1, description="The note's mark as printed: '3', '*', '**', '†'; equals str(number) in a document numbered in one sequence.")
    kind: FootnoteKind = Field(description="footnote (page bottom) or endnote (collected at the end).")
    text: str = Field(description="Clean note text (wrapped lines joined, hyphenation and URLs repaired); empty when missing from the source.")
    urls: list[str] = Field(description="URLs in the note, repaired across line breaks.")
    ambiguous_urls: list[str] = Field(description="URLs rejoined at a hyphen whose status (in the URL or a line-break hyphen) could not be decided; kept with the hyphen.")
    section_id: str | None = Field(description="Section whose text holds the anchor; null when the marker was not found.")
    anchor: CharOffset | None = Field(description="Offset in documents.text where the marker stood; null when the marker was not found.")
    status: FootnoteStatus = Field(description="ok, missing_text (marker without note text in the source), truncated (note cut short in the source), no_anchor (note without a marker in the body), skipped (a number the sequence skips: neither its marker nor its text was found).")
    ibid_of: str | None = Field(description="footnote_id of the note an 'Ibid.' note repeats.")
    page: int | None = Field(ge=1, description="Source page of the note text, when known.")
    bbox: list[float] | None = Field(default=None, description=f"Box of the note's first line on page {_BBOX}.")


class Figure(Record):
    """A figure, chart, table or image the document contains or refers to."""

    table: ClassVar[str] = "figures"
    key: ClassVar[tuple[str, ...]] = ("figure_id",)

    figure_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*/f[0-9]{4}$", description="doc_id + '/f' + 4-digit ordinal.")
    doc_id: DocId
    label: str = Field(description="Label as printed ('Figure 3', 'Table 1') or the image file name.")
    number: int | None = Field(ge=0, description="Figure number when the label has one.")
    kind: FigureKind = Field(description="chart, figure, image, table, map or diagram.")
    caption: str | None = Field(description="Caption text (wrapped lines joined); null for bare images.")
    source: str | None = Field(description="The 'Source:' line under the figure, without the prefix.")
    note: str | None = Field(default=None, description="The 'Notes:' paragraph printed with the figure (above or below its source), without the prefix.")
    section_id: str | None = Field(description="Section the figure sits in.")
    start: CharOffset | None = Field(description="Offset of the caption in documents.text; null when the figure has no caption in the text.")
    mention_starts: list[int] = Field(description="Offsets in documents.text of in-text references to the figure.")
    page: int | None = Field(default=None, ge=1, description="PDF page of the caption (1 = first page of the file); null when the source has no pages.")
    bbox: list[float] | None = Field(default=None, description=f"Box of the caption's first line on page {_BBOX}.")
    alt: str | None = Field(default=None, description="Alternative text of an image on an HTML page (the alt attribute); null when none or not a web image.")


class Entity(Record):
    """One real-world thing (person, organisation, place ...) mentioned in the corpus, across documents and languages."""

    table: ClassVar[str] = "entities"
    key: ClassVar[tuple[str, ...]] = ("entity_id",)

    entity_id: str = Field(pattern=r"^ent_[0-9a-f]{12}$", description="'ent_' + 12 hex digits derived from label and canonical name.")
    name: str = Field(description="Canonical name.")
    label: EntityLabel = Field(description="Entity type.")
    aliases: list[str] = Field(description="Distinct surface forms seen in the corpus and catalog aliases, sorted.")
    wikidata_id: str | None = Field(pattern=r"^Q[0-9]+$", description="Wikidata id from the curated catalog, when known.")
    in_catalog: bool = Field(description="Whether the curated entity catalog pins this entity.")
    n_mentions: int = Field(ge=0, description="Number of mentions rows for this entity.")
    n_documents: int = Field(ge=0, description="Number of documents mentioning this entity.")


class Mention(Record):
    """One occurrence of an entity in a body or footnote text."""

    table: ClassVar[str] = "mentions"
    key: ClassVar[tuple[str, ...]] = ("mention_id",)

    mention_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*/m[0-9a-f]{12}$", description="doc_id + '/m' + 12 hex digits derived from field, footnote and offsets.")
    entity_id: str = Field(pattern=r"^ent_[0-9a-f]{12}$", description="The entity mentioned.")
    doc_id: DocId
    field: Field_ = Field(description="body (offsets into documents.text) or footnote (offsets into footnotes.text).")
    footnote_id: str | None = Field(description="The footnote whose text holds the mention when field is footnote.")
    start: CharOffset = Field(description="Start offset in the text named by field.")
    end: CharOffset = Field(description="End offset (exclusive) in the text named by field.")
    text: str = Field(description="Surface form: text[start:end].")
    label: EntityLabel = Field(description="Entity type of this mention.")
    role: str | None = Field(description="Role the text states for a PERSON mention ('Deputy Director').")
    affiliation_id: str | None = Field(description="entity_id of the organisation the stated role belongs to.")
    parent_id: str | None = Field(default=None, description="mention_id of the longer name this mention is part of (a place named inside an organisation's name); null for a top-level mention. Flat counts use parent_id IS NULL.")


class Quantity(Record):
    """A number with a unit stated in the text, normalised."""

    table: ClassVar[str] = "quantities"
    key: ClassVar[tuple[str, ...]] = ("quantity_id",)

    quantity_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*/q[0-9a-f]{12}$", description="doc_id + '/q' + 12 hex digits derived from field, footnote and offsets.")
    doc_id: DocId
    field: Field_ = Field(description="body or footnote, as in mentions.")
    footnote_id: str | None = Field(description="The footnote whose text holds the quantity when field is footnote.")
    start: CharOffset = Field(description="Start offset in the text named by field.")
    end: CharOffset = Field(description="End offset (exclusive) in the text named by field.")
    text: str = Field(description="Surface form: text[start:end].")
    value: float = Field(description="Value in base units ('$4.3 billion' -> 4.3e9, '54.3 percent' -> 54.3); the lower bound of a range.")
    unit: str = Field(description="Unit: a currency code for money, 'percent', or the counted noun ('internet users').")
    kind: QuantityKind = Field(description="money, percent, count or measure.")
    currency: str | None = Field(description="ISO 4217 currency code for money.")
    approximate: bool = Field(description="True when the text qualifies the number ('over', 'nearly', 'about').")
    value_max: float | None = Field(default=None, description="Upper bound of a range, in the same base units ('30–35 million trips' -> value 3e7, value_max 3.5e7; 'one to two years' -> 1, 2); null for a single number.")
    is_range: bool = Field(default=False, description="True when the text states a range (value is its lower bound, value_max its upper bound).")


class Citation(Record):
    """One work cited in a footnote (or the one comment row of a note citing none), with each field's offsets into footnotes.text."""

    table: ClassVar[str] = "citations"
    key: ClassVar[tuple[str, ...]] = ("citation_id",)

    citation_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*/n[0-9]{4}/c[0-9]{2}$", description="footnote_id + '/c' + 2-digit ordinal within the note.")
    footnote_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*/n[0-9]{4}$", description="The footnote whose text holds the reference.")
    doc_id: DocId
    ordinal: int = Field(ge=1, description="Position of the reference within its note, from 1.")
    kind: CitationKind = Field(description="citation (a full reference), ibid, short (a short form or op. cit. pointing back to a full reference) or comment (a note citing no work).")
    start: CharOffset = Field(description="Start of the whole reference in footnotes.text.")
    end: CharOffset = Field(description="End (exclusive) of the whole reference in footnotes.text.")
    text: str = Field(description="footnotes.text[start:end].")
    authors: list[str] = Field(description="Persons or organisations in the author position, as printed, without 'et al.' or 'ed.'.")
    author_starts: list[int] = Field(description="Start offset in footnotes.text of each author.")
    author_ends: list[int] = Field(description="End offset (exclusive) in footnotes.text of each author.")
    title: str | None = Field(description="Title of the work as printed, without its quotation marks.")
    title_start: CharOffset | None = Field(description="Start offset of title in footnotes.text.")
    title_end: CharOffset | None = Field(description="End offset (exclusive) of title in footnotes.text.")
    title_translation: str | None = Field(description="English gloss printed in brackets after a title in another language.")
    title_translation_start: CharOffset | None = Field(description="Start offset of title_translation in footnotes.text.")
    title_translation_end: CharOffset | None = Field(description="End offset (exclusive) of title_translation in footnotes.text.")
    container: str | None = Field(description="Newspaper, site, journal, agency or publisher the work appeared in, as printed.")
    container_start: CharOffset | None = Field(description="Start offset of container in footnotes.text.")
    container_end: CharOffset | None = Field(description="End offset (exclusive) of container in footnotes.text.")
    date: str | None = Field(description="Date of the work as printed (an access date is not one).")
    date_start: CharOffset | None = Field(description="Start offset of date in footnotes.text.")
    date_end: CharOffset | None = Field(description="End offset (exclusive) of date in footnotes.text.")
    date_iso: str | None = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="date as ISO 8601, as precise as printed: YYYY, YYYY-MM or YYYY-MM-DD.")
    url: str | None = Field(description="First URL of the work as printed.")
    url_start: CharOffset | None = Field(description="Start offset of url in footnotes.text.")
    url_end: CharOffset | None = Field(description="End offset (exclusive) of url in footnotes.text.")
    url_domain: str | None = Field(description="Host of url without 'www.'.")
    locator: str | None = Field(description="Page, paragraph or article pointed at ('p. 4', 'paragraph 31').")
    locator_start: CharOffset | None = Field(description="Start offset of locator in footnotes.text.")
    locator_end: CharOffset | None = Field(description="End offset (exclusive) of locator in footnotes.text.")
    type: CitationType | None = Field(description="Type of the cited work (ibid and short forms: that of the citation they refer to); null for comment rows.")
    language: str | None = Field(pattern=r"^[a-z]{2,3}$", description="Language of the title (ISO 639-1), null without a title.")
    refers_to: str | None = Field(description="For ibid and short forms: citation_id of the full citation they point back to; null when not found.")


class Paragraph(Record):
    """One paragraph, heading, list item, caption or footnote: the unit to train, embed and retrieve on."""

    table: ClassVar[str] = "paragraphs"
    key: ClassVar[tuple[str, ...]] = ("paragraph_id",)

    paragraph_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*/p[0-9]{4,}$", description="doc_id + '/p' + 4-digit ordinal (body blocks in reading order, then footnotes by number).")
    doc_id: DocId
    ordinal: int = Field(ge=0, description="Position of the paragraph within its document, from 0.")
    kind: ParagraphKind = Field(description="heading, paragraph, list_item, caption (a figure's caption or source line) or footnote (a note's whole text).")
    field: Field_ = Field(description="body (offsets into documents.text) or footnote (offsets into footnotes.text of footnote_id), as in mentions.")
    footnote_id: str | None = Field(description="The footnote whose text this is when field is footnote.")
    section_id: str | None = Field(description="Innermost section holding the paragraph (for a footnote: the section of its marker); null when none does.")
    section_path: list[str] = Field(description="Headings of the enclosing sections from the top level down (preambles, which have no heading, left out).")
    text: str = Field(description="text[start:end] of the text named by field.")
    start: CharOffset = Field(description="Start offset in the text named by field.")
    end: CharOffset = Field(description="End offset (exclusive) in the text named by field.")
    page: int | None = Field(ge=1, description="Source page, when known: a footnote's page, or the page of a section that starts and ends on one page.")
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", description="documents.language of the document.")
    split: Split = Field(description="Document-level split from a hash of doc_id (corpus.derive.splits): every row of a document is in the same split.")


class NerRow(Record):
    """One paragraph as tokens with BIO entity tags from the published mentions (the conll2003 / wikiann shape)."""

    table: ClassVar[str] = "ner"
    key: ClassVar[tuple[str, ...]] = ("paragraph_id",)

    paragraph_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*/p[0-9]{4,}$", description="The paragraph tokenised (paragraphs.paragraph_id).")
    doc_id: DocId
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", description="documents.language of the document.")
    split: Split = Field(description="The paragraph's split.")
    tokens: list[str] = Field(description="Tokens: spaCy's tokenizer of the language (Chinese: one token per Han character, other runs by the multilingual tokenizer), split further at every mention boundary; spaces dropped.")
    ner_tags: list[NerTagId] = Field(description="BIO tag of each token over the top-level mentions (parent_id null) inside the paragraph, O outside, as an id into the tag names (corpus.records.NER_TAG_NAMES, the ClassLabel names of the features: 0 is O).")
    token_starts: list[int] = Field(description="Start offset of each token in the paragraph's text (documents.text or footnotes.text, as paragraphs.field says).")
    token_ends: list[int] = Field(description="End offset (exclusive) of each token, in the same text.")


TABLES: dict[str, type[Record]] = {
    model.table: model for model in (Document, Section, Footnote, Figure, Entity, Mention, Quantity, Citation, Paragraph, NerRow)
}
