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
from dataclasses import dataclass, field
from pathlib import Path

from corpus.enrich.model import EntitySpan, QuantitySpan
from corpus.errors import SeedError
from corpus.read import SourceDocument
from corpus.records import Citation, Document, Entity, FieldOrigin, Figure, Footnote, Mention, Quantity, RemovedLine, Section
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

    entry = source.entry
    structured = structure_document(source.raw, genre=entry.genre if entry else None)
    language = (entry.language if entry and entry.language else None) or detect_language(structured.text)
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
    )


def process_or_reject(source: SourceDocument, options: Options = Options()) -> ProcessedDocument | SeedError:
    """`process_document`, with any failure turned into a SeedError naming the file (so `--skip-bad`
    can list it and one document can never take the whole build down with a traceback)."""
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

    def pick(name: str, extracted, curated):
        if curated not in (None, [], ()):
            origins.append(FieldOrigin(field=name, origin="curated"))
            return curated
        if extracted not in (None, [], ()):
            origins.append(FieldOrigin(field=name, origin="extracted"))
        return extracted

    title = pick("title", doc.title, entry.title if entry else None)
    if doc.title_origin and title == doc.title and origins and origins[-1].field == "title":
        origins[-1] = FieldOrigin(field="title", origin=doc.title_origin)  # e.g. taken from the running head
    authors = pick("authors", list(doc.authors), entry.authors if entry else None)
    publisher = pick("publisher", doc.publisher, entry.publisher if entry else None)
    published_date = pick("published_date", doc.published_date, entry.published_date if entry else None)
    published_month = pick(
        "published_month",
        published_date.strftime("%Y-%m") if published_date else doc.published_month,
        entry.published_month if entry else None,
    )
    genre = pick("genre", doc.genre, entry.genre if entry else None) or "news"
    curated_language = entry.language if entry else None
    origins.append(FieldOrigin(field="language", origin="curated" if curated_language else "extracted"))
    url = entry.url if entry else None
    if url:
        origins.append(FieldOrigin(field="url", origin="curated"))
    extracted = (
        ("published_time", doc.published_time), ("event_dates", doc.event_dates), ("related_links", doc.related_links),
        ("script", doc.script), ("editors", doc.editors), ("dateline", doc.dateline), ("removed_lines", doc.removed),
    )
    for name, value in extracted:
        if value:
            origins.append(FieldOrigin(field=name, origin="extracted"))
    origins.extend(FieldOrigin(field=n, origin="derived") for n in ("doc_id", "sha256", "n_bytes", "n_chars", "n_words"))
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
            kind=f.kind,
            text=f.text,
            urls=list(f.urls),
            ambiguous_urls=list(f.ambiguous_urls),
            section_id=_section_at(sections, f.anchor),
            anchor=f.anchor,
            status=f.status,
            ibid_of=ids.get(f.ibid_of) if f.ibid_of is not None else None,
            page=f.page,
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


def link_entities(processed: Sequence[ProcessedDocument], catalog=None) -> tuple[list[Entity], list[Mention]]:
    """Group every document's entity spans into canonical entities; one mention row per span."""
    from corpus.enrich.canonical import canonicalize

    inputs = [
        (p.document.doc_id, p.document.language, span)
        for p in processed
        for _, span in p.entity_spans
    ]
    owners = [(p.document.doc_id, owner) for p in processed for owner, _ in p.entity_spans]
    canonical, assignment = canonicalize(inputs, catalog or ())
    mentions = []
    by_surface: dict[tuple[str, str | None, str], str] = {}
    by_name: dict[str, str] = {}  # any name or alias, casefolded -> entity (first in id order wins)
    label_of = {entity.entity_id: entity.label for entity in canonical}  # one entity, one label
    for entity in sorted(canonical, key=lambda e: e.entity_id):
        for name in (entity.name, *entity.aliases):
            by_name.setdefault(name.casefold(), entity.entity_id)
    for (doc_id, language, span), (_, owner), entity_id in zip(inputs, owners, assignment.entity_ids):
        by_surface.setdefault((doc_id, owner, span.text), entity_id)
    for (doc_id, language, span), (_, owner), entity_id in zip(inputs, owners, assignment.entity_ids):
        field_ = "footnote" if owner else "body"
        affiliation_id = None
        if span.affiliation:
            affiliation_id = by_surface.get((doc_id, owner, span.affiliation)) or by_name.get(span.affiliation.casefold())
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
    catalog_names = {(entry.name) for entry in (catalog or ())}
    n_mentions: dict[str, int] = {}
    docs: dict[str, set[str]] = {}
    for m in mentions:
        n_mentions[m.entity_id] = n_mentions.get(m.entity_id, 0) + 1
        docs.setdefault(m.entity_id, set()).add(m.doc_id)
    entities = [
        Entity(
            entity_id=e.entity_id,
            name=e.name,
            label=e.label,
            aliases=sorted(set(e.aliases)),
            wikidata_id=e.wikidata_id,
            in_catalog=e.name in catalog_names,
            n_mentions=n_mentions.get(e.entity_id, 0),
            n_documents=len(docs.get(e.entity_id, ())),
        )
        for e in sorted(canonical, key=lambda e: e.entity_id)
        if e.entity_id in n_mentions
    ]
    return entities, mentions


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
    tables.entities, tables.mentions = link_entities(processed, catalog)
    return tables
