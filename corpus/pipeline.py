"""Compose the stages: read -> structure -> enrich (per document) -> link entities (global) -> tables.

`process_document` is the per-document step: pure, picklable, ignorant of the engine that runs it.
`link_entities` is the one global step; `assemble_tables` gathers the rows of every document and runs it.
The engine that maps `process_document` over the sources lives in `corpus.build`.
"""

from __future__ import annotations

import hashlib
import re
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace as replace_fields
from pathlib import Path

from corpus.derive import paragraph_records, paragraph_tokens
from corpus.derive.ner import ner_rows
from corpus.enrich.model import EntitySpan, QuantitySpan
from corpus.errors import SeedError
from corpus.licences import resolve_licence
from corpus.read import SourceDocument
from corpus.records import Citation, Document, Entity, FieldOrigin, Figure, Footnote, Mention, NerRow, Paragraph, Quantity, RemovedLine, Section
from corpus.structure.model import StructuredDocument

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class ProcessedDocument:
    """Everything one document contributes, before entities are linked across documents."""

    document: Document
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]
    figures: tuple[Figure, ...]
    quantities: tuple[Quantity, ...]
    entity_spans: tuple[tuple[str | None, EntitySpan], ...]  # (footnote_id or None for body, span)
    furniture: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()  # corpus.derive.paragraphs
    paragraph_tokens: tuple[tuple[tuple[int, int], ...], ...] = ()  # per paragraph, its tokens before the cut at mentions (empty without NER)


@dataclass
class Tables:
    """The published tables as lists of records, in their stable order."""

    documents: list[Document] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)  # derived: corpus.derive
    ner: list[NerRow] = field(default_factory=list)  # derived: corpus.derive

    def items(self) -> Iterator[tuple[str, list]]:
        yield from vars(self).items()


@dataclass(frozen=True)
class Options:
    """Per-document processing switches (picklable, passed to every worker)."""

    ner: bool = True


def short_hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


def count_words(text: str) -> int:
    """Whitespace tokens without CJK characters, plus one per CJK character."""
    return sum(1 for token in text.split() if not _CJK.search(token)) + len(_CJK.findall(text))


# --- per document -------------------------------------------------------------------------------


def process_document(source: SourceDocument, options: Options = Options()) -> ProcessedDocument:
    """Structure and enrich one document."""
    from corpus.enrich.entities import detect_entities
    from corpus.enrich.quantities import extract_quantities
    from corpus.structure import structure_document
    from corpus.structure.language import detect_language

    source = source.loaded()
    entry = source.entry
    genre = (entry.genre if entry else None) or ("report" if source.input_format == "pdf" else None)
    if source.input_format == "html" and source.layout is not None:
        from corpus.structure.news_html import apply_markup

        genre = "news"  # a web page: news structuring, whatever the manifest says
        structured = apply_markup(structure_document(source.raw, genre=genre), source.layout)
    else:
        structured = structure_document(source.raw, genre=genre, layout=source.layout)
        if source.layout is not None:  # pages and boxes (a web page has neither)
            from corpus.readers.provenance import place_on_pages

            structured = place_on_pages(structured, source.layout)
            if source.layout.notes:  # what the reader could not read (a scanned page, a damaged page)
                structured = replace_fields(structured, notes=source.layout.notes + structured.notes)
    language = (entry.language if entry and entry.language else None) or structured.language or detect_language(structured.text)
    document = _document_record(source, structured, language)
    sections = _section_records(source.doc_id, structured)
    footnotes = _footnote_records(source.doc_id, structured, sections)
    figures = _figure_records(source.doc_id, structured, sections)
    citations = citation_records(footnotes)

    texts = [structured.text] + [f.text for f in footnotes]
    owners: list[str | None] = [None] + [f.footnote_id for f in footnotes]
    quantities = []
    for owner, text in zip(owners, texts):
        quantities.extend(_quantity_record(source.doc_id, owner, q) for q in extract_quantities(text, language))
    paragraphs = paragraph_records(document, sections, figures, footnotes)
    entity_spans: list[tuple[str | None, EntitySpan]] = []
    if options.ner:
        from corpus.enrich.pieces import detect_in_pieces

        notes = [o is not None for o in owners]
        found = detect_in_pieces(texts, lambda pieces, tags: detect_entities(pieces, language, notes=tags), tags=notes)
        for owner, spans in zip(owners, found):
            entity_spans.extend((owner, span) for span in spans)
    return ProcessedDocument(
        document=document,
        sections=tuple(sections),
        footnotes=tuple(footnotes),
        figures=tuple(figures),
        quantities=tuple(sorted(quantities, key=lambda q: (q.footnote_id or "", q.start, q.end))),
        entity_spans=tuple(entity_spans),
        furniture=structured.furniture,
        notes=structured.notes,
        citations=tuple(citations),
        paragraphs=tuple(paragraphs),
        paragraph_tokens=tuple(tuple(paragraph_tokens(p)) for p in paragraphs) if options.ner else (),
    )


def process_or_reject(source: SourceDocument, options: Options = Options()) -> ProcessedDocument | SeedError:
    """`process_document`, with any failure turned into a SeedError naming the file (so `--skip-bad`
    can list it and one document can never take the whole build down with a traceback)."""
    try:
        source = source.loaded()
    except SeedError as err:  # the file went away or changed since it was read
        return err
    try:
        return process_document(source, options)
    except MemoryError:
        return SeedError(source.source_file, "processing-failed", "ran out of memory while processing this document")
    except Exception as err:  # noqa: BLE001 - any bug or library error on this input is this document's failure
        where = traceback.extract_tb(err.__traceback__)[-1]
        detail = " ".join(str(err).split())[:300]
        return SeedError(source.source_file, "processing-failed", f"processing failed ({type(err).__name__}: {detail} at {Path(where.filename).name}:{where.lineno})")


def warm_up(options: Options = Options()) -> None:
    """Load what every document needs (the NER pipelines) once, e.g. before forking worker processes."""
    if options.ner:
        from corpus.enrich.entities import preload

        preload()


def _document_record(source: SourceDocument, doc: StructuredDocument, language: str) -> Document:
    entry = source.entry
    origins: list[FieldOrigin] = []
    found_in = dict(doc.field_origins)  # where an extracted value came from, when not the text's lines (HTML markup)

    def pick(name: str, extracted, curated):
        if curated not in (None, [], ()):
            origins.append(FieldOrigin(field=name, origin="curated"))
            return curated
        if extracted not in (None, [], ()):
            origins.append(FieldOrigin(field=name, origin=found_in.get(name, "extracted")))
        return extracted

    title = pick("title", doc.title, entry.title if entry else None)
    if doc.title_origin and title == doc.title and origins and origins[-1].field == "title":
        origins[-1] = FieldOrigin(field="title", origin=doc.title_origin)  # e.g. taken from the running head
    authors = pick("authors", list(doc.authors), entry.authors if entry else None)
    publisher = pick("publisher", doc.publisher, entry.publisher if entry else None)
    published_date = pick("published_date", doc.published_date, entry.published_date if entry else None)
    published_month = None  # only when only the month is known: a full date makes it redundant
    if published_date is None:
        published_month = pick("published_month", doc.published_month, entry.published_month if entry else None)
    genre = pick("genre", doc.genre, entry.genre if entry else None) or "news"
    curated_language = entry.language if entry else None
    origins.append(FieldOrigin(field="language", origin="curated" if curated_language else found_in.get("language", "extracted")))
    url = pick("url", doc.url, entry.url if entry else None)
    extracted = (
        ("published_time", doc.published_time), ("event_dates", doc.event_dates), ("related_links", doc.related_links),
        ("script", doc.script), ("editors", doc.editors), ("dateline", doc.dateline), ("removed_lines", doc.removed),
    )
    for name, value in extracted:
        if value:
            origins.append(FieldOrigin(field=name, origin=found_in.get(name, "extracted")))
    licence = resolve_licence(entry.license, entry.license_url, entry.redistribute) if entry else resolve_licence(None)
    if licence.name:
        origins.append(FieldOrigin(field="license", origin="curated"))
    origins.extend(FieldOrigin(field=n, origin="derived") for n in ("doc_id", "sha256", "n_bytes", "n_chars", "n_words", "text_sha256"))
    return Document(
        doc_id=source.doc_id,
        source_file=source.source_file,
        sha256=source.sha256,
        n_bytes=source.n_bytes,
        title=title,
        authors=list(authors or []),
        publisher=publisher,
        url=url,
        language=language,
        genre=genre,
        published_date=published_date,
        published_month=published_month,
        published_time=doc.published_time,
        event_dates=list(doc.event_dates),
        related_links=list(doc.related_links),
        script=doc.script if language.split("-")[0] == "zh" else None,
        editors=list(doc.editors),
        dateline=doc.dateline,
        removed_lines=[RemovedLine(reason=reason, text=line) for reason, line in doc.removed],
        text=doc.text,
        n_chars=len(doc.text),
        n_words=count_words(doc.text),
        field_origins=sorted(origins, key=lambda o: o.field),
        notes=entry.notes if entry else None,
        license=licence.name,
        license_url=licence.url,
        text_sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        input_format=source.input_format,
        extractor=source.extractor,
        extractor_version=source.extractor_version,
    )


def section_id(doc_id: str, ordinal: int) -> str:
    return f"{doc_id}/s{ordinal:04d}"


def _section_records(doc_id: str, doc: StructuredDocument) -> list[Section]:
    return [
        Section(
            section_id=section_id(doc_id, i),
            doc_id=doc_id,
            parent_id=section_id(doc_id, s.parent) if s.parent is not None else None,
            level=s.level,
            ordinal=i,
            kind=s.kind,
            heading=s.heading,
            text=doc.text[s.start : s.end],
            start=s.start,
            end=s.end,
            page_start=s.page_start,
            page_end=s.page_end,
            bbox=list(s.bbox) if s.bbox else None,
        )
        for i, s in enumerate(doc.sections)
    ]


def _section_at(sections: Sequence[Section], offset: int | None) -> str | None:
    """The innermost section whose span holds `offset` (the deepest, latest-starting one)."""
    if offset is None:
        return None
    holding = [s for s in sections if s.start <= offset < s.end or (s.start == offset == s.end)]
    if not holding:
        holding = [s for s in sections if s.start <= offset <= s.end]
    return max(holding, key=lambda s: (s.level, s.start)).section_id if holding else None


def _footnote_records(doc_id: str, doc: StructuredDocument, sections: Sequence[Section]) -> list[Footnote]:
    ids = {f.number: f"{doc_id}/n{f.number:04d}" for f in doc.footnotes}
    return [
        Footnote(
            footnote_id=ids[f.number],
            doc_id=doc_id,
            number=f.number,
            marker=f.marker or str(f.number),
            kind=f.kind,
            text=f.text,
            urls=list(f.urls),
            ambiguous_urls=list(f.ambiguous_urls),
            section_id=_section_at(sections, f.anchor),
            anchor=f.anchor,
            status=f.status,
            ibid_of=ids.get(f.ibid_of) if f.ibid_of is not None else None,
            page=f.page,
            bbox=list(f.bbox) if f.bbox else None,
        )
        for f in sorted(doc.footnotes, key=lambda f: f.number)
    ]


def _figure_records(doc_id: str, doc: StructuredDocument, sections: Sequence[Section]) -> list[Figure]:
    return [
        Figure(
            figure_id=f"{doc_id}/f{i:04d}",
            doc_id=doc_id,
            label=f.label,
            number=f.number,
            kind=f.kind,
            caption=f.caption,
            source=f.source,
            note=f.note,
            section_id=_section_at(sections, f.start if f.start is not None else (f.mention_starts[0] if f.mention_starts else None)),
            start=f.start,
            mention_starts=sorted(f.mention_starts),
            alt=f.alt,
            page=f.page,
            bbox=list(f.bbox) if f.bbox else None,
        )
        for i, f in enumerate(doc.figures)
    ]


def _quantity_record(doc_id: str, footnote_id: str | None, q: QuantitySpan) -> Quantity:
    field_ = "footnote" if footnote_id else "body"
    return Quantity(
        quantity_id=f"{doc_id}/q{short_hash(field_, footnote_id, q.start, q.end)}",
        doc_id=doc_id,
        field=field_,
        footnote_id=footnote_id,
        start=q.start,
        end=q.end,
        text=q.text,
        value=float(q.value),
        unit=q.unit,
        kind=q.kind,
        currency=q.currency,
        approximate=q.approximate,
        value_max=float(q.value_max) if q.value_max is not None else None,
        is_range=q.value_max is not None,
    )


def citation_records(footnotes: Sequence[Footnote]) -> list[Citation]:
    """The citations table rows of one document's footnotes (notes without text give none)."""
    from corpus.enrich.citations import parse_footnotes, url_domain

    by_number = {f.number: f for f in footnotes}
    parsed = parse_footnotes([(f.number, f.text) for f in footnotes if f.text.strip()])

    def cid(number: int, ordinal: int) -> str:
        return f"{by_number[number].footnote_id}/c{ordinal:02d}"

    def part(span, name: str) -> dict:
        return {name: span.value if span else None, f"{name}_start": span.start if span else None, f"{name}_end": span.end if span else None}

    rows = []
    for c in parsed:
        note = by_number[c.note]
        rows.append(
            Citation(
                citation_id=cid(c.note, c.ordinal),
                footnote_id=note.footnote_id,
                doc_id=note.doc_id,
                ordinal=c.ordinal,
                kind=c.kind,
                start=c.start,
                end=c.end,
                text=note.text[c.start : c.end],
                authors=[a.value for a in c.authors],
                author_starts=[a.start for a in c.authors],
                author_ends=[a.end for a in c.authors],
                **part(c.title, "title"),
                **part(c.title_translation, "title_translation"),
                **part(c.container, "container"),
                **part(c.date, "date"),
                date_iso=c.date_iso,
                **part(c.url, "url"),
                url_domain=url_domain(c.url.value) if c.url else None,
                **part(c.locator, "locator"),
                type=c.type if c.kind != "comment" else None,
                language=c.language,
                refers_to=cid(*c.refers_to) if c.refers_to else None,
            )
        )
    return rows


# --- global --------------------------------------------------------------------------------------


EntityInput = tuple[str, str, "str | None", EntitySpan]  # (doc_id, language, footnote_id or None, span): what linking keeps


def entity_inputs(p: ProcessedDocument) -> list[EntityInput]:
    """The compact part of a processed document that the global linking step needs."""
    return [(p.document.doc_id, p.document.language, owner, span) for owner, span in p.entity_spans]


def link_entities(processed: Sequence[ProcessedDocument], catalog=None) -> tuple[list[Entity], list[Mention]]:
    """Group every document's entity spans into canonical entities; one mention row per span."""
    inputs = [item for p in sorted(processed, key=lambda p: p.document.doc_id) for item in entity_inputs(p)]
    linked = link_spans(inputs, catalog)
    mentions = [m for batch in linked.mentions() for m in batch]
    return linked.entities(), mentions


@dataclass
class LinkedEntities:
    """Entities grouped across documents; mentions are made one document at a time (`mentions`), and
    `entities` (with their counts) is complete once every batch of `mentions` has been consumed."""

    inputs: Sequence[EntityInput]
    canonical: list
    entity_ids: Sequence[str]
    catalog_names: set[str]
    n_mentions: dict[str, int] = field(default_factory=dict)
    n_documents: dict[str, int] = field(default_factory=dict)

    def mentions(self) -> Iterator[list[Mention]]:
        """The mention rows of each document in turn (inputs in doc_id order give rows sorted as published)."""
        label_of = {entity.entity_id: entity.label for entity in self.canonical}  # one entity, one label
        by_name: dict[str, str] = {}  # any name or alias, casefolded -> entity (first in id order wins)
        for entity in sorted(self.canonical, key=lambda e: e.entity_id):
            for name in (entity.name, *entity.aliases):
                by_name.setdefault(name.casefold(), entity.entity_id)
        self.n_mentions.clear()
        self.n_documents.clear()
        start = 0
        while start < len(self.inputs):
            doc_id = self.inputs[start][0]
            end = start
            while end < len(self.inputs) and self.inputs[end][0] == doc_id:
                end += 1
            batch = self._document_mentions(range(start, end), label_of, by_name)
            for entity_id in {m.entity_id for m in batch}:
                self.n_documents[entity_id] = self.n_documents.get(entity_id, 0) + 1
            for m in batch:
                self.n_mentions[m.entity_id] = self.n_mentions.get(m.entity_id, 0) + 1
            yield batch
            start = end

    def _document_mentions(self, indices: range, label_of: dict[str, str], by_name: dict[str, str]) -> list[Mention]:
        by_surface: dict[tuple[str | None, str], str] = {}
        for i in indices:
            _, _, owner, span = self.inputs[i]
            by_surface.setdefault((owner, span.text), self.entity_ids[i])
        mentions = []
        for i in indices:
            doc_id, _, owner, span = self.inputs[i]
            entity_id = self.entity_ids[i]
            field_ = "footnote" if owner else "body"
            affiliation_id = None
            if span.affiliation:
                affiliation_id = by_surface.get((owner, span.affiliation)) or by_name.get(span.affiliation.casefold())
            mentions.append(
                Mention(
                    mention_id=f"{doc_id}/m{short_hash(field_, owner, span.start, span.end)}",
                    entity_id=entity_id,
                    doc_id=doc_id,
                    field=field_,
                    footnote_id=owner,
                    start=span.start,
                    end=span.end,
                    text=span.text,
                    label=label_of[entity_id],
                    role=span.role,
                    affiliation_id=affiliation_id,
                    parent_id=f"{doc_id}/m{short_hash(field_, owner, *span.parent)}" if span.parent else None,
                )
            )
        mentions.sort(key=lambda m: (m.doc_id, m.field, m.footnote_id or "", m.start, m.end))
        return mentions

    def entities(self) -> list[Entity]:
        """The entities that have mentions, with their counts (after `mentions` was consumed)."""
        return [
            Entity(
                entity_id=e.entity_id,
                name=e.name,
                label=e.label,
                aliases=sorted(set(e.aliases)),
                wikidata_id=e.wikidata_id,
                in_catalog=e.name in self.catalog_names,
                n_mentions=self.n_mentions.get(e.entity_id, 0),
                n_documents=self.n_documents.get(e.entity_id, 0),
            )
            for e in sorted(self.canonical, key=lambda e: e.entity_id)
            if e.entity_id in self.n_mentions
        ]


def link_spans(inputs: Sequence[EntityInput], catalog=None) -> LinkedEntities:
    """Canonicalise the entity spans of every document (given in doc_id order) across documents."""
    from corpus.enrich.canonical import canonicalize

    canonical, assignment = canonicalize([(doc_id, language, span) for doc_id, language, _, span in inputs], catalog or ())
    return LinkedEntities(inputs, canonical, assignment.entity_ids, {entry.name for entry in (catalog or ())})


def assemble_tables(processed: Sequence[ProcessedDocument], catalog=None) -> Tables:
    """Collect every document's rows in doc_id order and link entities across documents."""
    processed = sorted(processed, key=lambda p: p.document.doc_id)
    tables = Tables()
    for p in processed:
        tables.documents.append(p.document)
        tables.sections.extend(p.sections)
        tables.footnotes.extend(p.footnotes)
        tables.figures.extend(p.figures)
        tables.quantities.extend(p.quantities)
        tables.citations.extend(p.citations)
        tables.paragraphs.extend(p.paragraphs)
    tables.entities, tables.mentions = link_entities(processed, catalog)
    mentions: dict[str, list[Mention]] = {}
    for m in tables.mentions:
        mentions.setdefault(m.doc_id, []).append(m)
    for p in processed:  # ner rows need the linked mentions (one label per entity); without NER there are none
        if p.paragraph_tokens:
            tables.ner.extend(ner_rows(p.paragraphs, mentions.get(p.document.doc_id, []), p.paragraph_tokens))
    return tables
