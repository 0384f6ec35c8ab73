"""A small hand-made build (records written as Parquet) shared by the card, metadata and inspect tests.

It does not need the structure or enrich steps: every record is written out by hand, consistent with
the cross-table rules of `corpus.validate`, and carries hostile strings where documents supply text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from corpus.derive import derive_tables
from corpus.pipeline import ProcessedDocument, Tables
from corpus.records import Document, Entity, FieldOrigin, Figure, Footnote, Mention, Quantity, Section

HOSTILE_TITLE = "A | B <script>alert(1)</script>\nsecond line `code` *star* [link](x)"
REPORT_TEXT = "Intro text.\n\nChina's digital economy grew 30 percent. Alibaba led.\n\nSee Figure 1."
NEWS_TEXT = "Le CRI rapporte que Pékin a publié 3 rapports."


def _origins(**fields: str) -> list[FieldOrigin]:
    return [FieldOrigin(field=k, origin=v) for k, v in sorted(fields.items())]


def sample_tables() -> tuple[Tables, list[ProcessedDocument]]:
    report = Document(
        doc_id="001_report",
        source_file="001_report.txt",
        sha256="a" * 64,
        n_bytes=1234,
        title=HOSTILE_TITLE,
        authors=["Samm Sacks"],
        publisher="CSIS | Center <b>for</b> Strategic",
        url="https://www.example.org/report_1",
        language="en",
        genre="report",
        published_date=None,
        published_month="2018-01",
        published_time=None,
        event_dates=[],
        related_links=[],
        text=REPORT_TEXT,
        n_chars=len(REPORT_TEXT),
        text_sha256=hashlib.sha256(REPORT_TEXT.encode()).hexdigest(),
        n_words=len(REPORT_TEXT.split()),
        field_origins=_origins(title="curated", authors="curated", publisher="curated", published_month="curated", genre="curated", language="curated", url="curated", doc_id="derived", sha256="derived", n_bytes="derived", n_chars="derived", n_words="derived"),
        notes="PDF text | with <i>furniture</i>\nremoved",
    )
    news = Document(
        doc_id="002_news",
        source_file="002_news.txt",
        sha256="b" * 64,
        n_bytes=99,
        title="Le CRI publie",
        authors=[],
        publisher=None,
        url=None,
        language="fr",
        genre="news",
        published_date=dt.date(2019, 5, 1),
        published_month=None,
        published_time="10:30",
        event_dates=["--05-01"],
        related_links=["Suivant : autre article"],
        text=NEWS_TEXT,
        n_chars=len(NEWS_TEXT),
        text_sha256=hashlib.sha256(NEWS_TEXT.encode()).hexdigest(),
        n_words=len(NEWS_TEXT.split()),
        field_origins=_origins(title="extracted", published_date="extracted", published_time="extracted", language="extracted", genre="extracted", doc_id="derived", sha256="derived", n_bytes="derived", n_chars="derived", n_words="derived"),
        notes=None,
    )
    end = len(REPORT_TEXT)
    sections = [
        Section(section_id="001_report/s0000", doc_id="001_report", parent_id=None, level=1, ordinal=0, kind="preamble", heading="", text=REPORT_TEXT[0:13], start=0, end=13, page_start=1, page_end=1),
        Section(section_id="001_report/s0001", doc_id="001_report", parent_id=None, level=1, ordinal=1, kind="heading", heading="Growth | <em>big</em>", text=REPORT_TEXT[13:end], start=13, end=end, page_start=1, page_end=2),
        Section(section_id="001_report/s0002", doc_id="001_report", parent_id="001_report/s0001", level=2, ordinal=2, kind="heading", heading="Figures", text=REPORT_TEXT[55:end], start=55, end=end, page_start=2, page_end=2),
        Section(section_id="002_news/s0000", doc_id="002_news", parent_id=None, level=1, ordinal=0, kind="preamble", heading="", text=NEWS_TEXT, start=0, end=len(NEWS_TEXT), page_start=None, page_end=None),
    ]
    footnotes = [
        Footnote(footnote_id="001_report/n0001", doc_id="001_report", number=1, marker="1", kind="footnote", text="Alibaba annual report, https://example.org/a.", urls=["https://example.org/a"], ambiguous_urls=[], section_id="001_report/s0001", anchor=40, status="ok", ibid_of=None, page=1),
        Footnote(footnote_id="001_report/n0002", doc_id="001_report", number=2, marker="2", kind="footnote", text="", urls=[], ambiguous_urls=[], section_id="001_report/s0001", anchor=50, status="missing_text", ibid_of=None, page=None),
        Footnote(footnote_id="001_report/n0003", doc_id="001_report", number=3, marker="3", kind="footnote", text="Cut | short <script>x</script>", urls=[], ambiguous_urls=[], section_id=None, anchor=None, status="truncated", ibid_of=None, page=2),
        Footnote(footnote_id="001_report/n0004", doc_id="001_report", number=4, marker="4", kind="footnote", text="Ibid.", urls=[], ambiguous_urls=[], section_id=None, anchor=None, status="no_anchor", ibid_of="001_report/n0001", page=2),
    ]
    figures = [
        Figure(figure_id="001_report/f0000", doc_id="001_report", label="Figure 1", number=1, kind="chart", caption="Growth of | things", source="CSIS", section_id="001_report/s0002", start=None, mention_starts=[REPORT_TEXT.index("Figure 1")]),
    ]
    alibaba = "ent_" + "1" * 12
    beijing = "ent_" + "2" * 12
    a_start = REPORT_TEXT.index("Alibaba")
    b_start = NEWS_TEXT.index("Pékin")
    mentions = [
        Mention(mention_id="001_report/m" + "a" * 12, entity_id=alibaba, doc_id="001_report", field="body", footnote_id=None, start=a_start, end=a_start + 7, text="Alibaba", label="ORG", role=None, affiliation_id=None),
        Mention(mention_id="001_report/m" + "b" * 12, entity_id=alibaba, doc_id="001_report", field="footnote", footnote_id="001_report/n0001", start=0, end=7, text="Alibaba", label="ORG", role=None, affiliation_id=None),
        Mention(mention_id="002_news/m" + "c" * 12, entity_id=beijing, doc_id="002_news", field="body", footnote_id=None, start=b_start, end=b_start + 5, text="Pékin", label="GPE", role=None, affiliation_id=None),
    ]
    entities = [
        Entity(entity_id=alibaba, name="Alibaba", label="ORG", aliases=["Alibaba"], wikidata_id="Q1359568", in_catalog=True, n_mentions=2, n_documents=1),
        Entity(entity_id=beijing, name="Beijing", label="GPE", aliases=["Beijing", "Pékin"], wikidata_id=None, in_catalog=False, n_mentions=1, n_documents=1),
    ]
    p_start = REPORT_TEXT.index("30 percent")
    n_start = NEWS_TEXT.index("3 rapports")
    quantities = [
        Quantity(quantity_id="001_report/q" + "d" * 12, doc_id="001_report", field="body", footnote_id=None, start=p_start, end=p_start + 10, text="30 percent", value=30.0, unit="percent", kind="percent", currency=None, approximate=False),
        Quantity(quantity_id="002_news/q" + "e" * 12, doc_id="002_news", field="body", footnote_id=None, start=n_start, end=n_start + 10, text="3 rapports", value=3.0, unit="rapports", kind="count", currency=None, approximate=False),
    ]
    tables = Tables(documents=[report, news], sections=sections, footnotes=footnotes, figures=figures, entities=entities, mentions=mentions, quantities=quantities)
    derive_tables(tables)
    processed = [
        ProcessedDocument(
            document=report,
            sections=tuple(sections[:3]),
            footnotes=tuple(footnotes),
            figures=tuple(figures),
            quantities=tuple(quantities[:1]),
            entity_spans=(),
            furniture=("CSIS | page 1", "CSIS | page 2"),
            notes=("footnote 2: marker found, note text missing | <script>bad()</script>",),
        ),
        ProcessedDocument(
            document=news,
            sections=tuple(sections[3:]),
            footnotes=(),
            figures=(),
            quantities=tuple(quantities[1:]),
            entity_spans=(),
        ),
    ]
    return tables, processed


def write_sample_build(folder: Path, metadata: bool = True) -> tuple[Tables, list[ProcessedDocument]]:
    """Write the sample tables as Parquet shards (and croissant/datapackage) into `folder`."""
    from corpus.metadata import write_metadata
    from corpus.write import write_tables

    tables, processed = sample_tables()
    folder.mkdir(parents=True, exist_ok=True)
    write_tables(folder, tables)
    if metadata:
        write_metadata(folder, tables)
    return tables, processed
