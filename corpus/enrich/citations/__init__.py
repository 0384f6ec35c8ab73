"""Citations in footnotes: what each note cites, split into fields with offsets into the note text.

Policy footnotes mix Chicago-style references (Author, "Title," Container, Date, URL), Chinese titles
with an English gloss in brackets, laws and court cases, "Ibid." and short forms ("Woetzel et al., op.
cit.", "Weltimmo, paragraph 31.") and plain comments. `parse_footnotes` reads every note of one
document, in number order, and returns one `ParsedCitation` per cited work (a note citing nothing
gives one `comment`); ibid and short forms carry the (note, ordinal) of the full citation they point
back to. Every field is a `Span` with `text[start:end] == value`. Pure functions, no I/O.

What libraries do here, and why the rest is hand-written (measured on the notes of seed 003 and the
devset-real reports, see tests/gold/CITATIONS.md):

- `dateparser` normalises a date surface found here ("September 22, 2017", "16th December 2015",
  "December 2017", "Dec. 2019") to an ISO date with its precision (`period`: day, month, year); it
  runs with its absolute-date parser only (the relative-date parser cost most of the time) and a cache.
  Its own search (`search_dates`) was not usable for finding dates: it returns "We" as today's date
  and "October 2017, and" as a date, so the surfaces are found by the regular expression below.
- `refextract` (INSPIRE's reference extractor for scholarly papers) was evaluated and not kept: it finds
  quoted titles, URLs and years, but puts authors and containers together in `misc`, took "U.S.
  Information Technology" for an author, took the quoted fragment "互联网+" for the title of a Chinese
  law, returns no offsets (it rewrites the text, e.g. dashes and spacing) and has no ibid or
  short-form resolution; it also pulls in PDF and magic-number libraries the corpus does not need.
- URLs: the standard library (`urllib.parse`) gives the domain; `courlan` was evaluated and not kept:
  its `check_url` rejects URLs printed without a scheme ("www.govinfo.gov/..."), common in government
  notes, and `normalize_url` percent-encodes '@' in paths; the notes need the URL as printed.

Splitting a note into works, the field roles (author, title, container), short forms, ibid and the
type of work are rules written for footnote conventions, which no maintained Python library covers:
Chicago-style notes; Chinese titles with a gloss in round or square brackets; court cases with case
numbers and EU documents named before their numbers ("(COM(2020) 65 final)"); issuing bodies'
acronyms ("G29 WP 179 update - ..."); references inside prose ("... described in Author, Title (...)",
"X's forthcoming ... (2021)", a full reference in brackets closing a sentence). Possible
back-references found in prose ("paragraph 29 of the Weltimmo judgment", "the Regulation (EU) 2021/240",
a lone name) are kept only when they match an earlier citation.

For entity detection in footnotes, `note_name_spans(text)` (one note) or `name_spans(parse_footnotes(...))`
(a document, with short forms resolved) give each note's authors as PERSON or ORG, containers as ORG
(`NoteNameSpans.entity_spans()`) and the titles of works, inside which no name should be reported
(`NoteNameSpans.in_title(start, end)`).

The package, in pipeline order: `model` (records), `patterns` (vocabulary), `text` (span, URL, date and name
helpers), `segments` (a note into candidate references), `fields` (a reference into its fields), `kinds` (comment
or citation, type of work, language), `prose` (references inside prose), `notes` (`parse_note`), `resolve`
(`parse_footnotes`: a document's notes with ibid and short forms resolved), `names` (name spans for entities).
"""

from corpus.enrich.citations.model import KINDS, TYPES, ParsedCitation, Span
from corpus.enrich.citations.names import NoteNameSpans, name_spans, note_name_spans
from corpus.enrich.citations.notes import parse_note
from corpus.enrich.citations.resolve import parse_footnotes, url_domain

__all__ = ["KINDS", "TYPES", "NoteNameSpans", "ParsedCitation", "Span", "name_spans", "note_name_spans", "parse_footnotes", "parse_note", "url_domain"]
