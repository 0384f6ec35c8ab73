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
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from corpus.enrich.model import EntitySpan
from corpus.structure.url_repair import is_complete_url

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


# --------------------------------------------------------------------------------------------------
# Vocabulary and patterns.

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef《》"
_CJK_RE = re.compile(f"[{_CJK}]")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.I)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"  # September 22, 2017
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+(?:19|20)\d\d"  # 16th December 2015
    rf"|(?:{_MONTHS})\.?,?\s+(?:19|20)\d\d"  # December 2017
    r"|(?<![\d/.\-–])(?<![A-Z]\()(?:19|20)\d\d(?![\d/\-–]|\.\d))"  # 2016, not 2016/679, 2019-24 or COM(2018)
)
_QUOTE_OPEN = "“\"«"
# an EU document number: "(COM(2018) 795 final)", "(JOIN(2020) 18 final)"
_DESIGNATION = re.compile(r"\s*\(\s*(?:COM|JOIN|SWD|SEC|C)\s*\(\d{4}\)\s*\d+(?:\s*final)?\s*\)")
_AUX = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|shall|does|did)\b")
# descriptors printed after a title: ", final report", " information webpage"
_DESCRIPTOR = re.compile(
    r"(?:,\s*|\s+)(?:(?:final|independent|expert|annual|activity|technical|summary|information|research|policy)\s+)*"
    r"(?P<what>report|webpage|web page|website|study|brief|factsheet)$"
)
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "”»"}
_LOCATOR = re.compile(
    r"\b(?:pp?\.\s*[\dA-Za-z]+(?:\s*[-–]\s*\d+)?|paras?\.?\s*\d+|paragraphs?\s+\d+(?:\s*(?:and|-|–)\s*\d+)?"
    r"|Articles?\s+\d+(?:\(\d+\))?|Recital\s+\d+|Section\s+[\d.]+|chap(?:ter)?\.?\s*\d+)",
    re.I,
)
_LEADS = re.compile(
    r"(?:(?:see|cf\.)(?:\s+also)?(?:,?\s+(?:for example|e\.g\.|in particular|generally))?,?\s+(?:the\s+(?=[A-Z0-9]{2,}))?"
    r"|e\.g\.,?\s+|for example,?\s+|as cited in\s+|and\s+|also\s+)+",
    re.I,
)
_IBID = re.compile(r"^\s*(?:ibid|ibidem|id)\b\.?", re.I)
_OP_CIT = re.compile(r",?\s*(?:op\.\s*cit|loc\.\s*cit)\.?", re.I)
_ET_AL = re.compile(r",?\s+et\s+al\.?$")
_ED = re.compile(r",?\s+(?:ed|eds|ed\.|eds\.|editor|editors)\.?$", re.I)
_NAME_TOKEN = r"(?:[A-Z][a-zà-ÿ'’\-]+(?:-[A-Z][a-zà-ÿ]+)?|[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z][a-z]?[A-Z][a-z]+)"
_PARTICLE = r"(?:van|von|de|der|den|du|da|di|le|la|bin|al)"
_PERSON = re.compile(rf"^(?:{_PARTICLE}\s+)?{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{0,3}}$")
_ORG_WORDS = re.compile(
    r"\b(?:Department|Ministry|Office|Agency|Bureau|Commission|Council|Committee|Institute|Institution|Center|"
    r"Centre|University|College|School|Association|Society|Foundation|Group|Company|Corporation|Inc|Ltd|LLC|"
    r"Bank|Fund|Organization|Organisation|Administration|Authority|Board|Service|Services|Force|Network|"
    r"Parliament|Court|Union|Nations|Conference|Forum|Academy|Research|Project|Press|News|Times|Post|Daily|"
    r"Journal|Review|Magazine|Blog|Podcast|Watch|Programme|Program|Initiative|Party|Congress|Senate|House|"
    r"Government|State|Standards|Federal|National|International|Global|Partners|Capital|Labs?|Technology)\b"
)
_NEWS_OUTLET = re.compile(
    r"\b(?:News|Times|Post|Daily|Herald|Tribune|Gazette|Reuters|Bloomberg|Xinhua|Associated Press|AP|AFP|"
    r"Economist|Guardian|Telegraph|Journal|Wire|Chronicle|Observer|Forbes|Wired|TechCrunch|Caixin|"
    r"Fortune|Atlantic|Politico|Axios|The Information|Foreign Policy|Nikkei|Yomiuri|Asahi|CNN|BBC|NPR|CNBC|"
    r"Technode|Techinasia|Quartz|Verge|Vox|Fast Company|Adweek|AdWeek|Magazine|Online|网|日报|新闻|财经|科技)\b|"
    r"(?:网|日报|新闻|财经|科技|时报)$",
    re.I,
)
_JOURNAL = re.compile(r"\b(?:Journal|Review|Quarterly|Law Review|Proceedings|Annals|Letters|Transactions)\b")
_PUBLISHER = re.compile(r"\b(?:Press|Books|Publishing|Publishers|Education|Verlag|Routledge|Wiley|Springer|Elsevier|MacMillan|Macmillan|Penguin|Norton)\b")
_LAW = re.compile(
    r"\b(?:Regulation|Directive|Decision|Act|Acts|Law|Code|Charter|Treaty|Convention|Executive Order|"
    r"Memorandum|Order|Opinion|Guidelines?|Plan|Notice|Strategy|Declaration|White Paper|Communication|"
    r"Policy|Rule|Rulemaking|Bill|Statute|Constitution|Recommendation|Resolution|U\.S\.C\.|C\.F\.R\.|"
    r"Federal Register|Official Journal)\b|\bCase\s+C[-‑‐]\d+|\sv\.?\s|[\u4e00-\u9fff](?:法|条例|意见|规划|通知|纲要|办法|规定|决定|战略|计划|方案)",
)
_COURT_CASE = re.compile(r"\s+v\.?\s+|\(C[-‑‐]\d+/\d+\)|\bCase\s+C[-‑‐]\d+")
_SPEECH = re.compile(r"\b(?:press release|speech|remarks|testimony|statement|address|interview)\b|讲话|答记者问|发言", re.I)
_REPORT = re.compile(r"\b(?:Report|Paper|Briefing|Brief|Study|Survey|Outlook|RFC|Request for Comments|Working Group|Task Force|Institute|Center|Centre|Group|Commission|Insights|Critical Questions)\b")
_DATASET = re.compile(r"\b(?:dataset|data set|database|statistics)\b", re.I)
_OTHER = re.compile(r"\b(?:Standard|Specification|podcast|Podcast|unpublished|draft|Technical Specification)\b")
_COMMENT_START = re.compile(
    r"^(?:we |i |the |this |these |those |there |it |in |on |for |a |an |all |each |as |at |by |from |if |when |"
    r"while |since |although |our |its |their |most |many |some |e\.g\.|note |interview|interveiw|email|e-mail|phone|"
    r"conversation|discussion|author|correspondence)",
    re.I,
)
_ACCESSED = re.compile(r"\b(?:accessed|retrieved|viewed|last visited)(?:\s+on)?\s*$", re.I)
_VOLUME_TAIL = re.compile(r"(?:,?\s+(?:vol\.|no\.|volume|issue)?\s*\d[\d()\s.:-]*)+$", re.I)


# --------------------------------------------------------------------------------------------------
# Small helpers.


def _has_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


def _strip_span(text: str, start: int, end: int, chars: str = " ,.;:") -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return start, end


def _span(text: str, start: int, end: int, chars: str = " ,.;:") -> Span | None:
    start, end = _strip_span(text, start, end, chars)
    return Span(text[start:end], start, end) if end > start else None


def _urls(text: str, start: int, end: int) -> list[Span]:
    spans = []
    for m in _URL.finditer(text, start, end):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in ".,;:)”’\"'":
            if text[e - 1] == ")" and text[s:e].count("(") >= text[s:e].count(")"):
                break
            e -= 1
        spans.append(Span(text[s:e], s, e))
    return spans


def _split_outside(text: str, start: int, end: int, separators: re.Pattern[str]) -> list[tuple[int, int]]:
    """Split text[start:end] at matches of `separators` that stand outside brackets, quotes and dates."""
    protected = [(m.start(), m.end()) for m in _DATE.finditer(text, start, end)]
    parts = []
    depth = 0
    quote: str | None = None
    cut = start
    i = start
    while i < end:
        ch = text[i]
        if quote:
            if ch in _QUOTE_PAIRS.get(quote, "”"):
                quote = None
            i += 1
            continue
        if ch in "“«" or (ch == '"' and (i == start or not text[i - 1].isalnum())):
            quote = ch
            i += 1
            continue
        if ch in "([（【":
            depth += 1
        elif ch in ")]）】" and depth:
            depth -= 1
        elif depth == 0 and not any(a < i < b for a, b in protected):
            m = separators.match(text, i, end)
            if m and m.end() > i:
                parts.append((cut, i))
                cut = m.end()
                i = m.end()
                continue
        i += 1
    parts.append((cut, end))
    return [(s, e) for s, e in parts if text[s:e].strip()]


def _is_org_name(name: str) -> bool:
    """A short capitalised name with an organisation word ('State Council', 'Ministry of Commerce (MOFCOM)')."""
    words = name.split()
    return 1 <= len(words) <= 8 and name[:1].isupper() and bool(_ORG_WORDS.search(name)) and not _prose(name) and not _DATE.search(name)


def _is_person(name: str) -> bool:
    name = _ET_AL.sub("", _ED.sub("", name.strip())).strip()
    if not name or _ORG_WORDS.search(name) or len(name) > 40:
        return False
    if _has_cjk(name):
        return 2 <= len(name) <= 4 and all(_CJK_RE.match(c) for c in name)
    return bool(_PERSON.match(name))


@functools.lru_cache(maxsize=4096)
def _date_iso(surface: str) -> str | None:
    """ISO form of a date surface, as precise as printed (dateparser reports the precision)."""
    surface = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", surface)
    if re.fullmatch(r"(?:19|20)\d\d", surface.strip()):
        return surface.strip()
    data = _date_parser().get_date_data(surface)
    if data is None or data.date_obj is None:
        year = re.search(r"(?:19|20)\d\d", surface)
        return year.group(0) if year else None
    d = data.date_obj
    return {"day": f"{d:%Y-%m-%d}", "month": f"{d:%Y-%m}"}.get(data.period or "", f"{d:%Y}")


@functools.lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    # absolute dates only: the relative-date ("freshness") parser costs most of the time and is never needed here
    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"], "PARSERS": ["absolute-time"]})


def _dates(text: str, start: int, end: int) -> list[Span]:
    """Date surfaces in text[start:end], skipping access dates and numbers inside URLs."""
    urls = _urls(text, start, end)
    found = []
    for m in _DATE.finditer(text, start, end):
        if any(u.start <= m.start() < u.end for u in urls):
            continue
        before = text[max(start, m.start() - 20) : m.start()]
        if _ACCESSED.search(before):
            continue
        found.append(Span(m.group(0), m.start(), m.end()))
    return found


def _norm(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).casefold()
    value = re.sub(r"[\"“”‘’'«».,:;!?()\[\]]", " ", value)
    return " ".join(value.split())


# --------------------------------------------------------------------------------------------------
# Segmenting a note into references.

_SENTENCE_END = re.compile(r"(?:(?<=[.?!])|(?<=[.?!][”\"]))\s+(?=[A-Z“\"《\u4e00-\u9fff])")
_ABBREV_END = re.compile(
    r"(?:\b(?:[A-Z]|v|vs|p|pp|vol|no|ed|eds|et al|Dr|Mr|Mrs|Ms|St|Jr|Sr|Inc|Ltd|Co|Corp|U\.S|U\.K|e\.g|i\.e|cf|op\. cit|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Vol|Art|para|paras|Nos|D\.C|Fed|Reg|Stat|Cong|Sess|Rev|Univ|Dept|Assn|Doc)\.)$"
)
_SEMICOLON = re.compile(r";\s+(?:and\s+)?")
_SEE_ALSO = re.compile(r"\s+(?=See also\b)|,?\s+(?=as cited in\b)")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a note; a period after an initial or abbreviation does not end a sentence."""
    spans = []
    cut = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[cut : m.start()]
        if _ABBREV_END.search(head) or _inside_quote(text, cut, m.start()) or _inside_brackets(text, cut, m.start()):
            continue
        if _DATE.match(text, m.end()) and not re.match(r"\d{4}\b", text[m.end():]):
            continue  # 'China Econ Talk Podcast. December 22, 2017.': a date is not a sentence
        spans.append((cut, m.start()))
        cut = m.end()
    spans.append((cut, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _inside_quote(text: str, start: int, end: int) -> bool:
    chunk = text[start:end]
    return chunk.count("“") > chunk.count("”") or chunk.count('"') % 2 == 1


def _inside_brackets(text: str, start: int, end: int) -> bool:
    chunk = text[start:end]
    return chunk.count("(") > chunk.count(")")


def _evidence(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] carries a mark of a reference: URL, quoted title, CJK title, date."""
    chunk = text[start:end]
    return bool(_URL.search(chunk) or re.search(r"[“\"«]", chunk) or _has_cjk(chunk) or _DATE.search(chunk))


def _segments(text: str) -> list[tuple[int, int]]:
    """Candidate reference spans: sentences, split again at semicolons and 'See also' between references."""
    result = []
    for s, e in _sentences(text):
        pieces = _split_outside(text, s, e, _SEMICOLON)
        # join pieces back when one side has no evidence of being a reference ("5G; NG-RAN; ...")
        merged: list[tuple[int, int]] = []
        for ps, pe in pieces:
            prose = any(_COMMENT_START.match(text[a:b].strip()) for a, b in ((ps, pe), merged[-1])) if merged else False
            if merged and not prose and not (_evidence(text, ps, pe) and _evidence(text, *merged[-1])):
                merged[-1] = (merged[-1][0], pe)
            else:
                merged.append((ps, pe))
        for ps, pe in merged:
            for qs, qe in _split_outside(text, ps, pe, _SEE_ALSO):
                cut = qs
                for m in _AND_AFTER_LOCATOR.finditer(text, qs, qe):
                    loc = _LOCATOR.search(text, cut, m.start())
                    if loc and loc.end() == m.start():
                        result.append((cut, m.start()))
                        cut = m.end()
                result.append((cut, qe))
    return result


_AND_AFTER_LOCATOR = re.compile(r"(?<=\d)\s+and\s+(?=[A-Z])")
_CASE_NUMBER = re.compile(r"\(\s*(?:Case\s+)?[CT][-‑‐]\d+/\d+\s*\)")
_LOCATOR_OF = re.compile(
    r"\b(?P<loc>(?:para(?:graph)?s?\.?|Recitals?|Articles?|Sections?|pp?\.)\s*\d+(?:\(\d+\))?)\s+of\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)"
)
_ISSUER = re.compile(
    r"(?P<issuer>[A-Z]{1,4}\s?\d{1,3}|[A-Z][A-Z0-9]{1,7})\s+"
    r"(?:(?P<num>(?:WP|No\.?|Doc\.?)\s?\d+[\w.]*(?:\s+(?:rev\.?\s?\d+|update))?)\s*(?:[-–]\s*|,\s*)"
    r"|(?=(?:Guidelines|Opinion|Update|Recommendation|Report|Statement|Decision|Communication)\b))"
)


def _case_list(text: str, start: int, end: int) -> list[_Draft]:
    """Court cases named with their case numbers: 'Google Spain SL, Google Inc. v AEPD (C-131/12), Weltimmo v NAIH (C-230/14) and ...'."""
    numbers = list(_CASE_NUMBER.finditer(text, start, end))
    if not numbers:
        return []
    drafts = []
    cut = start
    for m in numbers:
        title = _span(text, cut, m.start(), " ,.;:")
        if title is None or _prose(title.value) or not re.match(r"[A-Z]", title.value):
            return []
        draft = _Draft(title.start, m.end(), title=title, type_hint="law_policy")
        drafts.append(draft)
        follow = re.match(r"\s*(?:,|and\b)\s*", text[m.end() : end])
        cut = m.end() + (follow.end() if follow else 0)
    if text[cut:end].strip(" .,;"):
        return []  # more text than the list of cases
    return drafts


# --------------------------------------------------------------------------------------------------
# Fields of one reference.


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


def _split_names(text: str, start: int, end: int) -> list[Span]:
    """Author names in text[start:end]: split at commas and 'and', drop 'et al.' and 'ed.'."""
    names = []
    pieces = []
    for s, e in _split_outside(text, start, end, re.compile(r",\s*(?:and\s+|&\s+)?")):
        inner = _split_outside(text, s, e, re.compile(r"\s+(?:and|&)\s+"))
        # 'Kurose and Ross' splits; 'Bureau of Cyberspace and Digital Policy' does not
        persons = [_is_person(text[a:b]) for a, b in inner]
        if len(inner) > 1 and (all(persons) or (any(persons) and not any(_ORG_WORDS.search(text[a:b]) for a, b in inner))):
            pieces.extend(inner)
        else:
            pieces.append((s, e))
    for s, e in pieces:
        chunk = text[s:e]
        m = _ET_AL.search(chunk) or re.search(r"\s+et\s+al\.?", chunk)
        if m:
            e = s + m.start()
            chunk = text[s:e]
        if re.fullmatch(r"\s*(?:ed|eds|editor|editors)\.?\s*", chunk, re.I) or not chunk.strip():
            continue
        span = _span(text, s, e, " ,;:")
        if span:
            names.append(span)
    return names


def _cjk_name(text: str, start: int, end: int) -> Span | None:
    """'刘一鸣 (Liu Yiming)' -> the CJK name; else None."""
    m = re.match(rf"\s*([\u4e00-\u9fff]{{2,4}})\s*\(([A-Z][A-Za-z\- ]+)\)", text[start:end])
    if m:
        return Span(m.group(1), start + m.start(1), start + m.end(1))
    return None


def _title_position(text: str, start: int, i: int) -> bool:
    """Whether a quote opening at i stands where a title does: at the start, after a comma or a lead word.

    A quoted term inside a title ('the concepts of "controller" and "processor"') or a nickname after
    'hereafter' is not a title.
    """
    before = text[start:i].rstrip()
    if not before:
        return True
    if before.endswith((",", ":", ";", "(")) and not re.search(r"\b(?:hereafter|hereinafter|so-called|known as|the term)\W*$", before, re.I):
        return True
    return bool(re.search(r"(?:\b(?:in|see|also|from|cited|titled|entitled)|;\s*and)$", before, re.I))


def _quoted(text: str, start: int, end: int) -> tuple[int, int, int, int] | None:
    """The first quoted title in text[start:end]: (outer start, inner start, inner end, outer end)."""
    i = start
    while i < end:
        ch = text[i]
        if ch in _QUOTE_OPEN and (ch != '"' or i == start or not text[i - 1].isalnum()):
            closers = _QUOTE_PAIRS[ch]
            j = next((k for k in range(i + 1, end) if text[k] in closers), None)
            if j is None:
                return None
            if not _title_position(text, start, i):
                i = j + 1
                continue
            inner_s, inner_e = _strip_span(text, i + 1, j, " ,.;:")
            if text[inner_e : j].startswith("?") or text[inner_e : j].startswith("!"):
                inner_e += 1
            return i, inner_s, inner_e, j + 1
        i += 1
    return None


_CJK_GLOSSED = (
    # 中文标题 (“English gloss”), the gloss possibly holding brackets of its own
    re.compile(r"(?:^|(?<=[\s,”\"]))([《“]?[\u4e00-\u9fff《][^()（）,]*?)\s*[(（]([^()（）]*(?:\([^()]*\)[^()（）]*)*)[)）]?"),
    # 中文标题 [English gloss]
    re.compile(r"(?:^|(?<=[\s,”\"]))([《“]?[\u4e00-\u9fff《][^\[\]【】,]*?)\s*[\[【]([^\[\]【】]*)[\]】]"),
)


def _cjk_title(text: str, start: int, end: int) -> tuple[Span, Span | None, int] | None:
    """A Chinese title with an optional English gloss in brackets: (title, gloss, end of the pair)."""
    tail_m = None
    for pattern in _CJK_GLOSSED:
        for m in pattern.finditer(text[start:end]):
            if not _has_cjk(m.group(1)):
                continue
            name_like = _cjk_name(text, start + m.start(), end)
            if name_like and re.fullmatch(r"[A-Z][A-Za-z\- ]+", m.group(2).strip()):
                continue  # a person's name with its romanisation
            tail_m = m
            break
        if tail_m is not None:
            break
    if tail_m is None:
        return None
    ts, te = start + tail_m.start(1), start + tail_m.end(1)
    ts, te = _strip_span(text, ts, te, " ,“\"")
    title = Span(text[ts:te], ts, te)
    gs, ge = start + tail_m.start(2), start + tail_m.end(2)
    after = start + tail_m.end()
    lead = re.match(r"\s*[“\"]", text[gs:ge])
    if lead:
        close = text.find("”" if text[gs + lead.end() - 1] == "“" else '"', gs + lead.end(), ge)
        if close > 0 and text[close + 1 : ge].strip(" ,.)"):
            ge = close  # the bracket is not closed in the source: the quoted gloss ends at its closing quote
            after = close + 1
    gs, ge = _strip_span(text, gs, ge, " ,.“”\"")
    gloss = Span(text[gs:ge], gs, ge) if ge > gs and not _has_cjk(text[gs:ge]) else None
    return title, gloss, after


def _classify_tail(text: str, draft: _Draft, start: int, end: int, title_known: bool) -> None:
    """Fields after the title (or the whole reference when there is no title): container, date, locator."""
    for s, e in _split_outside(text, start, end, re.compile(rf",\s*|\.\s+(?=(?:{_MONTHS})\b)")):
        s, e = _strip_span(text, s, e, " ,.;:")
        if e <= s:
            continue
        chunk = text[s:e]
        if _URL.match(chunk):
            continue
        if _DESIGNATION.fullmatch(" " + chunk):
            continue  # "(COM(2020) 65 final)": a document number
        paren = re.match(r"^(.*?)\s*\((.+)\)$", chunk)
        if paren and re.fullmatch(r"[A-Z][A-Za-z&.\-]{1,10}|blog", paren.group(2)):
            paren = None  # "Internet Engineering Task Force (IETF)": an acronym belongs to the name
        if paren and not _URL.search(chunk):
            inner_s = s + paren.start(2)
            inner_e = s + paren.end(2)
            head_e = s + paren.end(1)
            if paren.group(1).strip():
                _classify_tail(text, draft, s, head_e, title_known)
            _classify_paren(text, draft, inner_s, inner_e)
            continue
        if re.fullmatch(r"\(?blog\)?|press release|research report|video|website|web ?page|information webpage", chunk, re.I):
            if re.search(r"press release", chunk, re.I):
                draft.type_hint = "speech_statement"
            continue
        is_year = bool(re.fullmatch(r"(?:19|20)\d\d", chunk)) and draft.date is None
        loc = _LOCATOR.fullmatch(chunk) or (re.fullmatch(r"\d+(?:\s*[-–]\s*\d+)?", chunk) and title_known and not is_year)
        if loc:
            if draft.locator is None:
                draft.locator = Span(chunk, s, e)
            continue
        date = next(iter(_dates(text, s, e)), None)
        if date and date.start == s and date.end == e:
            if draft.date is None:
                draft.date = date
            continue
        if date and _ACCESSED.search(text[s : date.start]) is None and re.match(r"^(?:accessed|retrieved)", chunk, re.I):
            continue
        if re.match(r"^(?:accessed|retrieved)\b", chunk, re.I):
            continue
        if date and draft.date is None and re.fullmatch(r"(?:\w+\s+)?(?:adopted|published|released|issued|dated|updated|signed)(?:\s+on)?\s*", text[s : date.start], re.I):
            draft.date = date  # "adopted on 16th February 2010 and under revision by the EDPB"
            continue
        if date and draft.date is None and date.end == e and re.fullmatch(r"(?:released|published|updated|dated)?\s*(?:on)?\s*", text[s : date.start], re.I):
            draft.date = date
            continue
        # an identifier, edition or designation: digits without letters of a name
        letters = re.sub(r"[^A-Za-z\u4e00-\u9fff]", "", chunk)
        if re.search(r"\d", chunk) and (len(letters) <= 4 or re.match(r"^(?:\d+(?:st|nd|rd|th)\s+ed|Version|Release|Technical Specification|RFC|Request for Comments|GN Docket|Case|Docket|No\.|IEEE \d|ISBN|ISSN|doi)", chunk, re.I)):
            if re.match(r"^(?:Request for Comments|RFC|Technical Specification)", chunk):
                draft.type_hint = draft.type_hint or ("report" if "RFC" in chunk or "Request" in chunk else "other")
            continue
        if date and date.end == e and draft.date is None and re.search(r"[A-Za-z\u4e00-\u9fff]", text[s : date.start]):
            draft.date = date  # "The Economist November 25, 2017"
            e = date.start
            chunk = text[s:e].strip()
            if not chunk:
                continue
        dataset = re.fullmatch(r"(?:dataset|data set|table)\s+(?P<id>[A-Za-z0-9_.-]+)", chunk)
        if dataset and draft.title is None:
            draft.title = Span(dataset.group("id"), s + dataset.start("id"), s + dataset.end("id"))
            draft.type_hint = "dataset"  # "Eurostat, ..., dataset ISOC_EB_AI"
            continue
        descriptor = _DESCRIPTOR.fullmatch(", " + chunk)
        if descriptor:
            draft.type_hint = draft.type_hint or ("web_page" if "web" in descriptor.group("what") else "report")
            continue  # "final report", "information webpage"
        if chunk[:1].islower() and not re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", chunk):
            continue  # "unpublished draft cited with permission of the author" (a site name 'example.com' is kept)
        if draft.container is None or draft.soft_container:
            if chunk.endswith("(blog)"):
                # "Internet Governance (blog)": the blog, unless a publishing organisation follows
                if draft.container is None:
                    draft.container = _span(text, s, e - len("(blog)"))
                    draft.soft_container = True
                continue
            draft.soft_container = False
            ce = e
            vol = _VOLUME_TAIL.search(chunk)
            if vol and vol.start() > 0:
                ce = s + vol.start()
                draft.volume = not re.search(r"\b(?:Federal Register|Official Journal)\b", chunk)
            tail = re.search(r"(?:\s+(?:video|website|web ?site|online|edition|homepage|blog|podcast))+$", text[s:ce])
            if tail and not re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", text[s:ce]):
                ce = s + tail.start()  # "New York Times video": a descriptor, not part of the name
            lead_volume = re.match(r"\d+\s+(?=[A-Z])", text[s:ce])
            span = _span(text, s + (lead_volume.end() if lead_volume else 0), ce)
            if span and span.end < len(text) and text[span.end] == "." and re.search(r"\b[A-Z][a-z]{0,3}$", span.value):
                span = Span(span.value + ".", span.start, span.end + 1)  # "87 Fed. Reg. 62186": keep the abbreviation's period
            draft.container = span


_PLACE = re.compile(r"(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:,\s*(?:D\.C\.?|[A-Z]{2}))?")  # 'Washington, D.C.', 'Beijing'


def _classify_paren(text: str, draft: _Draft, start: int, end: int) -> None:
    """'(MIT Press, 2018)', '(New York: Palgrave MacMillan, 2016)', '(October 1983)', '(COM(2018) 795 final)'."""
    date = next(iter(_dates(text, start, end)), None)
    if date and draft.date is None:
        draft.date = date
    head_e = date.start if date else end
    head = text[start:head_e]
    imprint = ":" in head and not re.search(r"\d", head)
    if imprint:
        colon = text.index(":", start, head_e)
        start = colon + 1
    pub = _span(text, start, head_e, " ,.;:")
    if pub and pub.value[:1].islower():
        descriptor = _DESCRIPTOR.fullmatch(", " + pub.value)
        if descriptor:
            draft.type_hint = draft.type_hint or ("web_page" if "web" in descriptor.group("what") else "report")
        return  # "(information webpage, 2020)": what the work is, not where it appeared
    if pub and imprint and draft.container is None:
        draft.container = pub  # "(Washington, DC: World Bank, 2021)": place and publisher of a book
        draft.type_hint = draft.type_hint or "book"
    elif pub and _PUBLISHER.search(pub.value) and draft.container is None:
        draft.container = pub
        draft.type_hint = draft.type_hint or "book"
    elif pub and draft.container is None and not re.search(r"\d", pub.value) and len(pub.value) > 3 and date and not _PLACE.fullmatch(pub.value):
        draft.container = pub


def _parse_reference(text: str, start: int, end: int) -> _Draft:
    """Fields of one reference span (already stripped of 'See also' and the like)."""
    draft = _Draft(start, end)
    urls = _urls(text, start, end)
    if urls:
        draft.url = urls[0]
    body_end = urls[0].start if urls else end
    quoted = _quoted(text, start, end)
    cjk = None if quoted and not _has_cjk(text[start : quoted[0]]) else _cjk_title(text, start, end)
    if cjk is not None and quoted is not None and quoted[0] < cjk[0].start and not _has_cjk(text[quoted[1] : quoted[2]]):
        cjk = None
    if cjk is not None:
        title, gloss, after = cjk
        draft.title, draft.title_translation = title, gloss
        name = _cjk_name(text, start, title.start)
        if name:
            draft.authors = [name]
        else:
            # persons, or an organisation printed before the title ("State Council, 国务院关于...")
            names = _split_names(text, start, title.start)
            draft.authors = [n for n in names if _is_person(n.value) or _is_org_name(n.value)]
        _classify_tail(text, draft, after, body_end, True)
        _after_urls(text, draft, urls, end)
        return draft
    if quoted is not None:
        q_start, inner_s, inner_e, q_end = quoted
        inner = text[inner_s:inner_e]
        prefix = text[start:q_start]
        # a quotation after a colon, or a long quoted sentence, is quoted text rather than a title
        after_locator = re.search(r"(?:" + _LOCATOR.pattern + r")\W*$", prefix, re.I)
        if after_locator and not re.search(r":\s*$", prefix):
            # "Charter ..., Article 8(1), « Everyone has the right ... »": the reference precedes the quotation
            _parse_unquoted(text, draft, start, q_start)
            draft.end = q_start
            return draft
        if re.search(r":\s*$", prefix) or (len(inner.split()) > 30) or _prose(prefix):
            draft.comment = True
            return draft
        draft.title = Span(inner, inner_s, inner_e)
        draft.title_quoted = True
        for colon in re.finditer(r":\s+(?=[A-Z])", text[q_end:body_end]):
            if not _inside_brackets(text, q_end, q_end + colon.start()):
                body_end = q_end + colon.start()  # 'December 7, 2017: In the coming decade, ...': an explanation follows
                break
        _parse_prefix(text, draft, start, q_start)
        _classify_tail(text, draft, q_end, body_end, True)
        _after_urls(text, draft, urls, end)
        return draft
    _parse_unquoted(text, draft, start, body_end)
    _after_urls(text, draft, urls, end)
    return draft


def _after_urls(text: str, draft: _Draft, urls: list[Span], end: int) -> None:
    """A date printed after the URL ('..., http://..., November 19, 2015.')."""
    if urls and draft.date is None:
        tail = _dates(text, urls[-1].end, end)
        if tail:
            draft.date = tail[0]


def _parse_prefix(text: str, draft: _Draft, start: int, end: int) -> None:
    """What stands before a quoted title: authors, or a news outlet, or a designation with a date."""
    span = _span(text, start, end, " ,.;:")
    if span is None:
        return
    dates = _dates(text, span.start, span.end)
    if dates:  # "Executive Order 14156 of January 20, 2025,": a designation, not an author
        draft.date = dates[0]
        if re.search(r"Executive Order|Memorandum|Order|Proclamation|Act|Regulation", span.value):
            draft.type_hint = "law_policy"
        return
    if re.search(r"\b(?:Executive Order|Presidential Memorandum)\b", span.value):
        draft.type_hint = "law_policy"
        return
    names = _split_names(text, span.start, span.end)
    if len(names) == 1 and not _is_person(names[0].value) and _NEWS_OUTLET.search(names[0].value) and not _ORG_WORDS.search(re.sub(r"\b(?:News|Times|Post|Daily|Journal|Magazine|Online)\b", "", names[0].value)):
        draft.container = names[0]
        return
    if names and all(_is_person(n.value) for n in names):
        draft.authors = names
        return
    # organisations as authors: "Office of Policy, U.S. Department of Energy", "CSIS"
    draft.authors = [n for n in _split_names(text, span.start, span.end) if n.value] if "," in span.value and not any(_is_person(n.value) for n in names) else [span]
    if any(_is_person(n.value) for n in names) and not all(_is_person(n.value) for n in names):
        draft.authors = names


def _parse_unquoted(text: str, draft: _Draft, start: int, end: int) -> None:
    """A reference without a quoted or Chinese title: 'Author, Title (Publisher, Year), p. 5' and laws."""
    start, end = _strip_span(text, start, end, " ,.;:")
    if end <= start:
        return
    chunk = text[start:end]
    issuer = _ISSUER.match(chunk)
    if issuer and not draft.authors:
        # "G29 WP 179 update - Update of Opinion 8/2010 ...", "WP29 Guidelines for ...": an issuing body's acronym
        draft.authors = [Span(issuer.group("issuer"), start + issuer.start("issuer"), start + issuer.end("issuer"))]
        _parse_unquoted(text, draft, start + issuer.end(), end)
        if draft.title is not None:
            cut = re.search(r"\s+[-–]\s+(?:endorsed|adopted|as|under|see)\b|\s*\((?:\d|[A-Z]{1,3}\s?\d)[^()]*\)", draft.title.value)
            if cut:
                draft.title = _span(text, draft.title.start, draft.title.start + cut.start())
        return
    law = re.match(r"^(?:Regulation|Directive|Decision|Council Decision|Commission Decision)\b", chunk)
    if law:
        stop = re.search(r",\s*(?:Article|OJ|p\.)\b|\s*\(OJ\b", chunk)
        t_end = start + (stop.start() if stop else len(chunk))
        draft.title = _span(text, start, t_end)
        d = _dates(text, start, t_end)
        draft.date = d[0] if d else None
        draft.type_hint = "law_policy"
        return
    parts = _split_outside(text, start, end, re.compile(r",\s*"))
    # a part starting with 'and ' continues a list inside one field (serial comma)
    joined: list[tuple[int, int]] = []
    for s, e in parts:
        s2, e2 = _strip_span(text, s, e)
        if joined and re.match(r"(?:and|&)\s+[A-Z]", text[s2:e2]):
            first = len(joined) - 1
            while first > 0 and len(text[joined[first][0] : joined[first][1]].split()) <= 2 and not _DATE.search(text[joined[first][0] : joined[first][1]]):
                first -= 1
            joined = joined[:first] + [(joined[first][0], e)]
        else:
            joined.append((s, e))
    parts = joined
    texts = [text[s:e].strip(" ,.;:") for s, e in parts]
    i = 0
    # authors: leading person names (with 'ed.' / 'et al.'), or one organisation followed by a title
    authors: list[Span] = list(draft.authors)  # preset by an issuer prefix
    if not authors and len(parts) > 2 and re.fullmatch(r"[A-Z][a-z]+", texts[0]) and re.fullmatch(r"(?:[A-Z]\.?\s?){1,3}", texts[1]):
        authors = [Span(text[parts[0][0] : parts[1][1]].strip(" ,.;:"), parts[0][0], parts[0][0] + len(text[parts[0][0] : parts[1][1]].strip(" ,.;:")))]
        i = 2  # "Evas, T, European Parliamentary Research Service, 2020": an inverted name with initials
    if parts and not authors:
        names = _split_names(text, *parts[0])
        if len(parts) > 1 and names and all(_is_person(n.value) for n in names) and not _DATE.search(texts[0]):
            authors.extend(names)
            i = 1
            while i < len(parts) and re.fullmatch(r"(?:ed|eds|editor|editors)\.?", texts[i], re.I):
                i += 1
    rest = parts[i:]
    rest_texts = texts[i:]
    textual = [k for k, t in enumerate(rest_texts) if t and not t[:1].islower() and not _DATE.fullmatch(t) and not re.match(r"(?:accessed|retrieved)\b", t, re.I) and not _LOCATOR.fullmatch(t) and re.search(r"[A-Za-z]{3}", t) and not re.fullmatch(r"[\d\s.\-–]+", t)]
    if draft.authors:
        pass
    elif not authors and len(textual) >= 2 and textual[0] == 0 and _ORG_WORDS.search(rest_texts[0] + " ") is None and len(rest_texts[0].split()) <= 3 and not _LAW.search(rest_texts[0]):
        # "Tencent, Annual Report, 2016", "CJEU, Google Spain, Case C-131/12"
        authors = _split_names(text, *rest[0])
        rest, rest_texts = rest[1:], rest_texts[1:]
        textual = [k - 1 for k in textual[1:]]
    elif not authors and len(textual) >= 2 and textual[0] == 0 and _ORG_WORDS.search(rest_texts[0]) and not _LAW.search(rest_texts[0]) and not re.search(r"\d", rest_texts[0]) and len(rest_texts[1].split()) >= 2:
        # "United Nations Conference on Trade and Development, Information Economy Report 2006: ..."
        authors = [s for s in [_span(text, *rest[0])] if s]
        rest, rest_texts = rest[1:], rest_texts[1:]
        textual = [k - 1 for k in textual[1:]]
    draft.authors = authors
    if not rest:
        return
    if not textual:
        for s, e in rest:
            _classify_tail(text, draft, s, e, bool(draft.title))
        return
    k = textual[0]
    for s, e in rest[:k]:
        _classify_tail(text, draft, s, e, False)
    ts, te = rest[k]
    title_text = text[ts:te]
    paren = re.search(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$", title_text)
    if paren and (_dates(text, ts + paren.start(1), ts + paren.end(1)) or _PUBLISHER.search(paren.group(1)) or re.search(r"\b(?:COM|JOIN|SWD|OJ)\b", paren.group(1))):
        _classify_paren(text, draft, ts + paren.start(1), ts + paren.end(1))
        te = ts + paren.start()
    descriptor = _DESCRIPTOR.search(text[ts:te])
    if descriptor and descriptor.start() > 0:
        draft.type_hint = draft.type_hint or ("web_page" if "web" in descriptor.group("what") else "report")
        te = ts + descriptor.start()  # "High-Level Expert Group on AI information webpage (November 2020)"
    released = re.search(r"\s+(?:released|published|issued|prepared)\s+by\s+(?:the\s+)?", text[ts:te])
    if released:
        draft.container = draft.container or _span(text, ts + released.end(), te)
        te = ts + released.start()
    title = _span(text, ts, te)
    if title and draft.authors and _NEWS_OUTLET.search(title.value) and not _LAW.search(title.value) and draft.container is None and len(title.value.split()) <= 4:
        draft.container = title  # "Liu Yiming, Caijing Magazine, September 5, 2016": an outlet, no title
        title = None
        draft.title = None
        for s, e in rest[k + 1 :]:
            _classify_tail(text, draft, s, e, False)
        return
    only_name = not draft.authors and len(textual) == 1
    if title and only_name and draft.url is not None and (_is_person(title.value) or len(title.value.split()) <= 3):
        # "VISA, https://...", "Liu Yiming, https://...": the owner of the page, not a title
        if _is_person(title.value) and draft.type_hint != "web_page":
            draft.authors = _split_names(text, title.start, title.end)
        else:
            draft.container = _span(text, title.start, title.end - (len(" website") if title.value.endswith(" website") else 0))
        title = None
    elif title and not draft.authors and _is_person(title.value) and len(rest) - k <= 2 and draft.url is None:
        draft.authors = _split_names(text, title.start, title.end)
        title = None
    draft.title = title
    for s, e in rest[k + 1 :]:
        _classify_tail(text, draft, s, e, bool(title))
    if draft.date is None and title is not None:
        inner = _dates(text, title.start, title.end)
        if inner:
            draft.date = inner[-1]


# --------------------------------------------------------------------------------------------------
# Kinds, types, languages and back-references.


_PROSE_OPENER = re.compile(
    r"(?:we|i|our|this|these|those|there|it|in|on|for|as|at|if|when|while|since|although|note|interview|interveiw|e-?mail)\b", re.I
)
_FUNCTION_WORDS = frozenset("the a an to of in on for with by that which is are was were be been has have had it its this these as at from not and or but we our they their".split())


def _prose(chunk: str) -> bool:
    """Running prose rather than a name or a title: sentence case with several function words."""
    words = re.findall(r"[A-Za-z][A-Za-z’'\-]*", chunk)
    if len(words) >= 3 and re.match(r"(?:we|i|our|this|these|it|there)\b", chunk.strip(), re.I):
        return True
    if len(words) < 6:
        return bool(_PROSE_OPENER.match(chunk.strip())) and len(words) >= 3
    function = sum(1 for w in words if w in _FUNCTION_WORDS)
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper())
    return function >= 2 and capitalised < 0.5 * len(content)


def _sentence_case(chunk: str) -> bool:
    """Most words after the first are lowercase (prose), unlike a title or a name in title case."""
    words = re.findall(r"[A-Za-z][A-Za-z’'\-]*", chunk)[1:]
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return len(words) >= 3 and bool(content) and sum(w[0].isupper() for w in content) < 0.34 * len(content)


def _looks_like_comment(text: str, start: int, end: int, draft: _Draft) -> bool:
    chunk = text[start:end].strip()
    if draft.comment:
        return True
    if draft.url is None and not draft.title_quoted and re.search(r"\b(?:interview|interveiw|e-?mail|conversation|correspondence)s?\b", chunk, re.I):
        return True
    if draft.url is not None:
        return False
    first = re.split(r",\s", chunk, maxsplit=1)[0]
    if not draft.title_quoted and len(first.split()) >= 6 and _AUX.search(first):
        return True  # "Results from the workshops were further discussed ...": a clause with a verb
    two = ", ".join(re.split(r",\s", chunk, maxsplit=2)[:2])
    if not draft.title_quoted and _AUX.search(two) and not re.search(r"(?:\d|\))\W*$", chunk):
        return True  # "Globally, the number of businesses using AI had grown ..."
    if draft.title is not None and not draft.title_quoted and draft.title.value[:1].isupper() and not _AUX.search(text[start : draft.title.start]) and not _PROSE_OPENER.match(chunk):
        if draft.authors and draft.date:
            return False  # "Gartner, Gartner survey shows ..., 2019": author, title, date
        if draft.authors and len(text[start : draft.title.start].split()) <= 8 and not _AUX.search(draft.title.value):
            return False  # "European Parliamentary Research Service, Europe's two trillion euro dividend: ..."
        if draft.date and re.fullmatch(r"\s*\)\W*", text[draft.date.end : end]) and len(draft.title.value.split()) <= 25 and not _AUX.search(draft.title.value):
            return False  # "Report of the High-Level Expert Group on ... (April 2019)": a title with its date
    if not (draft.title_quoted or draft.date or draft.locator or draft.container or draft.authors or _has_cjk(chunk)) and _sentence_case(chunk):
        return True  # a sentence with no mark of a reference: "DPI refers to deep packet inspection."
    if draft.title is not None and not draft.title_quoted and not _has_cjk(draft.title.value) and _prose(draft.title.value) and not _LAW.search(draft.title.value[:40]):
        return True
    if _COMMENT_START.match(chunk) and not draft.title_quoted and not _has_cjk(chunk):
        return True
    words = chunk.split()
    if draft.title is None and not draft.authors and draft.container is None:
        return True
    # a long sentence with verbs and no quoted title is prose
    if not draft.title_quoted and draft.title is not None and len(draft.title.value.split()) > 14 and not _LAW.search(draft.title.value[:40]):
        return True
    if len(words) > 40 and not draft.title_quoted and not (draft.title is not None and _LAW.search(draft.title.value[:40])):
        return True
    return False


def _is_law_title(title: str) -> bool:
    """A law or policy document's own title begins or ends with the instrument ('Regulation (EU) ...',
    '... Act of 1972', '...规划'); a news title that mentions a law ('China's Cybersecurity Law Takes Effect') does not."""
    if not title:
        return False
    title = re.sub(r"\s*\([\d\s–-]+\)$", "", title)  # "... Plan (2018–2020)"
    if re.match(r"(?:Regulation|Directive|Decision|Executive Order|Presidential Memorandum|Charter|Treaty|Convention|"
                r"Declaration|Guidelines?|Opinion|Update of Opinion|Recommendation|Resolution|Communication (?:on|from)|"
                r"White Paper|Conclusions|Notice|Code of)\b", title):
        return True
    if re.search(r"\b(?:Act|Law|Code|Regulation|Directive|Strategy|Plan|Declaration)(?:\s+of\s+\d{4})?$", title):
        return True
    return bool(re.search(r"\s+v\.?\s+|[\u4e00-\u9fff](?:法|条例|意见|规划|通知|纲要|办法|规定|决定|战略|计划|方案)[”》]?$", title))


def _type(text: str, draft: _Draft) -> str:
    segment = text[draft.start : draft.end]
    title = draft.title.value if draft.title else ""
    container = draft.container.value if draft.container else ""
    outside_title = segment.replace(title, " ") if title else segment
    if draft.type_hint:
        return draft.type_hint
    if _COURT_CASE.search(title) or re.search(r"\bCJEU\b|U\.S\.C\.|Federal Register|Official Journal", segment):
        return "law_policy"
    if _SPEECH.search(segment) or re.search(r"讲话|答记者问", title):
        return "speech_statement"
    if re.search(r"\b(?:White Paper|Federal Register|Official Journal|Rulemaking|Docket)\b|Fed\. Reg\.|\b(?:COM|JOIN|SWD)\(\d{4}\)", container + " " + outside_title):
        return "law_policy"
    if re.search(r"\(\s*(?:[A-Z][\w .]+:\s*)?[^()]*\b(?:Press|Books|Publishing|Education|MacMillan)\b", segment):
        return "book"
    if re.search(r"\bvol\.\s*\d|\bno\.\s*\d", segment) or draft.volume or (
        container and _JOURNAL.search(container) and not _NEWS_OUTLET.search(container) and not re.search(r"\b(?:Commission|Institute|Center|Centre|Council|Department|Office|Agency)\b", container)
    ):
        return "journal_article"
    if (_OTHER.search(outside_title) or re.search(r"\bStandard for\b|\bSpecifications?$", title)) and not re.search(r"\bReport\b", segment):
        return "other"
    if _is_law_title(title):
        return "law_policy"
    government = any(re.search(r"\b(?:Ministry|Department|State Council|Council|Commission|Administration|Office|Bureau|Agency|Government)\b|国务院|部|委员会", a.value) for a in draft.authors)
    if government and not container and re.search(r"\b(?:Plan|Strategy|Guidelines|Measures|Notice|Opinions|Provisions|Rules|Regulations|Roadmap)\b", title):
        return "law_policy"  # a ministry's "Three-Year Action Plan ..."
    if container and _NEWS_OUTLET.search(container):
        return "news"
    if _DATASET.search(segment):
        return "dataset"
    if draft.url is not None and re.search(r"/blogs?/", draft.url.value):
        return "web_page"
    if draft.title_quoted and container and draft.date and len(_date_iso(draft.date.value) or "") == 10 and draft.url is None and not _REPORT.search(container):
        return "news"  # an article ("Title," Outlet, Month D, YYYY) printed without its URL
    if _REPORT.search(title) or _REPORT.search(container) or draft.type_hint == "report":
        return "report"
    if draft.url is not None:
        host = urlsplit(draft.url.value if "://" in draft.url.value else "http://" + draft.url.value).netloc.lower()
        if re.search(r"(?:^|\.)(?:news|tech)\.|/news/|/article", draft.url.value.lower()) or host.startswith("news."):
            return "news"
        return "web_page"
    if title and not draft.title_quoted and (container or draft.date):
        return "report"  # an unquoted (italic) title: a report or book-length work
    return "other"


def _language(draft: _Draft) -> str | None:
    if draft.title is None:
        return None
    return "zh" if _has_cjk(draft.title.value) else ("en" if re.search(r"[A-Za-z]", draft.title.value) else None)


def url_domain(url: str | None) -> str | None:
    """Host of a URL without 'www.' ('https://www.ft.com/x' -> 'ft.com'); URLs printed without a scheme too."""
    if not url:
        return None
    host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    host = host.lower().removeprefix("www.")
    return host or None


def _surname(name: str) -> str:
    name = _ET_AL.sub("", name).strip()
    if _has_cjk(name):
        return name
    return _norm(name.split()[-1]) if name.split() else ""


def _title_matches(short: str, full: str) -> bool:
    a, b = _norm(short), _norm(full)
    if not a or not b:
        return False
    if re.fullmatch(r"[A-Z]{3,8}", short.strip()):
        # 'GDPR' for '... (General Data Protection Regulation)'
        runs = re.findall(r"(?:[A-Z][a-z]+\s+){1,7}[A-Z][a-z]+", full)
        return any("".join(w[0] for w in run.split()) == short.strip() for run in runs)
    return a == b or b.startswith(a) or (len(a) >= 6 and a in b) or (set(a.split()) <= set(b.split()) and len(a.split()) >= 1 and len(a) >= 4)


def _find_antecedent(c: ParsedCitation, earlier: Sequence[ParsedCitation]) -> ParsedCitation | None:
    """The earlier full citation a short reference points back to (latest match wins)."""
    for prior in reversed(earlier):
        if prior.kind != "citation":
            continue
        if c.title is not None:
            if prior.title is not None and _title_matches(c.title.value, prior.title.value):
                if c.authors and prior.authors and not ({_surname(a.value) for a in c.authors} & {_surname(a.value) for a in prior.authors}):
                    continue
                return prior
            if prior.title_translation is not None and _title_matches(c.title.value, prior.title_translation.value):
                return prior
            continue
        if c.url is not None and prior.url is not None and c.url.value.rstrip("/.") == prior.url.value.rstrip("/."):
            return prior
        if c.authors and prior.authors:
            mine = {_surname(a.value) for a in c.authors}
            theirs = {_surname(a.value) for a in prior.authors} | {_norm(a.value) for a in prior.authors}
            if mine and mine <= theirs:
                return prior
    return None


def _is_short_form(c: ParsedCitation) -> bool:
    """A back-reference: no date and no container (title, authors, locator, URL), or no title at all."""
    if c.title is None:
        return True
    return c.date is None and c.container is None


# --------------------------------------------------------------------------------------------------
# Public API.


NOTE_CACHE = 4096  # notes whose parse is kept: a document's notes are parsed for its citations, then again for NER


def parse_note(number: int, text: str) -> list[ParsedCitation]:
    """The references of one note, without back-references resolved (ibid/short refer to nothing yet)."""
    return [c if c.note == number else replace(c, note=number) for c in _parse_note_text(text)]


@functools.lru_cache(maxsize=NOTE_CACHE)
def _parse_note_text(text: str) -> tuple[ParsedCitation, ...]:
    """`parse_note` of `text` as note 0: the note's number is only a label on its citations."""
    return tuple(_parse_note(0, text))


def _parse_note(number: int, text: str) -> list[ParsedCitation]:
    if not text.strip():
        return []
    m = _IBID.match(text)
    if m:
        rest = _span(text, m.end(), len(text))
        locator = None
        if rest is not None:
            loc = _LOCATOR.search(text, rest.start, rest.end)
            locator = Span(loc.group(0), loc.start(), loc.end()) if loc else None
            if locator is None and re.fullmatch(r"(?:at\s+)?\d+(?:\s*[-–]\s*\d+)?", rest.value):
                locator = rest  # "Ibid., 23.", "Id. at 5."
        end = _strip_span(text, 0, len(text))[1]
        return [ParsedCitation(number, 1, "ibid", m.start() + (len(text[: m.start()]) - len(text[: m.start()].lstrip())), end, locator=locator)]
    results: list[ParsedCitation] = []
    for s, e in _segments(text):
        s, e = _strip_span(text, s, e, " ,.;:")
        lead = _LEADS.match(text, s, e)
        if lead:
            s = lead.end()
        op = _OP_CIT.search(text, s, e)
        op_cit = bool(op)
        if op:
            e = op.start()
        if e <= s:
            continue
        listed = _designated(text, s, e) or _case_list(text, s, e) or _named_works(text, s, e)
        if listed:
            for draft in listed:
                results.append(_citation(number, len(results) + 1, "citation", text, draft))
            continue
        draft = _parse_reference(text, s, e)
        if not op_cit and _looks_like_comment(text, s, e, draft):
            found = _in_prose(text, s, e)
            for draft, tentative in found:
                c = _citation(number, len(results) + 1, "short" if tentative else "citation", text, draft)
                results.append(replace(c, tentative=tentative))
            continue
        if not op_cit and _lone_title(draft):
            # "Weltimmo." or "European Aviation High Level Group on AI.": a short title if it points back, else a comment
            results.append(replace(_citation(number, len(results) + 1, "short", text, draft), tentative=True))
            continue
        results.append(_citation(number, len(results) + 1, "short" if op_cit else "citation", text, draft))
    if not results:
        return [_comment(number, text)]
    return results


def _comment(number: int, text: str) -> ParsedCitation:
    return ParsedCitation(number, 1, "comment", 0, _strip_span(text, 0, len(text))[1])


def _citation(number: int, ordinal: int, kind: str, text: str, draft: _Draft) -> ParsedCitation:
    return ParsedCitation(
        note=number,
        ordinal=ordinal,
        kind=kind,
        start=draft.start,
        end=max(draft.start, _strip_span(text, draft.start, draft.end, " ,.;:")[1]),
        authors=tuple(draft.authors),
        title=draft.title,
        title_translation=draft.title_translation,
        container=draft.container,
        date=draft.date,
        date_iso=_date_iso(draft.date.value) if draft.date else None,
        url=draft.url if draft.url is None or is_complete_url(draft.url.value) else None,  # a URL cut short is not published
        locator=draft.locator,
        type=_type(text, draft),
        language=_language(draft),
    )


def _lone_title(draft: _Draft) -> bool:
    """An unquoted title with nothing else: no author, date, URL, container or locator, and not a law's title."""
    return (
        draft.title is not None
        and not draft.title_quoted
        and not (draft.authors or draft.date or draft.url or draft.container or draft.locator or draft.title_translation)
        and not _is_law_title(draft.title.value)
        and not _has_cjk(draft.title.value)
    )


_LEGAL_NUMBER = re.compile(r"\b(?:Regulation|Directive|Decision)\s+\((?:EU|EC|EEC|Euratom)\)\s+(?:No\s+)?\d{2,4}/\d+")
_POSSESSIVE_WORK = re.compile(
    r"(?P<org>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)[’']s\s+(?:forthcoming|recent|new|latest|upcoming)\s+"
    r"(?P<title>[A-Z][^()]*?)\s*\((?P<year>(?:19|20)\d\d)\)"
)
_NAMED_REPORT = re.compile(
    r"\b[Tt]he\s+(?P<title>[A-Z][^.;()]*?)\s+(?:report|study|strategy)\s+(?:published|released|issued|adopted)\s+(?:in|on)\s+"
)


def _in_prose(text: str, start: int, end: int) -> list[tuple[_Draft, bool]]:
    """References inside a sentence of prose, as (draft, tentative); tentative ones are kept only when they
    point back to an earlier citation."""
    ref = _LOCATOR_OF.search(text, start, end)
    if ref:
        # "para 29 of the Weltimmo judgment", "Recital 22 of the GDPR"
        loc = Span(ref.group("loc"), ref.start("loc"), ref.end("loc"))
        name = Span(ref.group("name"), ref.start("name"), ref.end("name"))
        return [(_Draft(name.start, name.end, title=name, locator=loc), True)]
    found: list[tuple[_Draft, bool]] = []
    for m in _LEGAL_NUMBER.finditer(text, start, end):
        # "as provided in the Regulation (EU) 2021/240"
        found.append((_Draft(m.start(), m.end(), title=Span(m.group(0), m.start(), m.end())), True))
    for m in _POSSESSIVE_WORK.finditer(text, start, end):
        # "JRC's forthcoming AI Watch report on AI national strategies (2021)"
        draft = _Draft(m.start(), m.end(), authors=[Span(m.group("org"), m.start("org"), m.end("org"))], type_hint="report")
        draft.title = Span(m.group("title"), m.start("title"), m.end("title"))
        draft.date = Span(m.group("year"), m.start("year"), m.end("year"))
        found.append((draft, False))
    for m in _NAMED_REPORT.finditer(text, start, end):
        # "The AI Cybersecurity Challenges: Threat Landscape for Artificial Intelligence report published in December 2020"
        date = _DATE.match(text, m.end())
        if date:
            draft = _Draft(m.start("title"), date.end(), title=Span(m.group("title"), m.start("title"), m.end("title")), type_hint="report")
            draft.date = Span(date.group(0), date.start(), date.end())
            found.append((draft, False))
    if found:
        return sorted(found, key=lambda f: f[0].start)
    embedded = _embedded(text, start, end)
    if embedded is not None:
        return [(embedded, False)]
    closing = _closing_reference(text, start, end)
    return [(closing, False)] if closing is not None else []


def _named_works(text: str, start: int, end: int) -> list[_Draft]:
    """Works named in prose by their owner or kind: "JRC's forthcoming AI Watch report on ... (2021)",
    "The AI Cybersecurity Challenges: ... report published in December 2020"."""
    found = [d for d, tentative in _in_prose(text, start, end) if not tentative and d.type_hint == "report" and (d.authors or d.date)]
    return found if found and any(_POSSESSIVE_WORK.search(text, start, end) or _NAMED_REPORT.search(text, start, end) for _ in (0,)) else []


def _closing_reference(text: str, start: int, end: int) -> _Draft | None:
    """A full reference in brackets closing a sentence of prose: '... (Council of the European Union, Conclusions on ..., 11 February 2019).'"""
    m = re.search(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)\W*$", text[start:end])
    if not m:
        return None
    s, e = start + m.start(1), start + m.end(1)
    if text[s:e].count(",") < 2 or not _dates(text, s, e):
        return None
    draft = _Draft(s, e)
    _parse_unquoted(text, draft, s, e)
    if draft.title is not None and draft.container is None and draft.authors and _is_org_name(draft.title.value):
        draft.container, draft.title = draft.title, None  # "(Evas, T, European Parliamentary Research Service, 2020)"
    return draft if (draft.title or draft.authors) and draft.date else None


def _designated(text: str, start: int, end: int) -> list[_Draft]:
    """Documents named before their EU document numbers: '... set out in the European Commission's Communication on
    AI for Europe (COM(2018) 237 final) and White Paper on ... (COM(2020) 65 final).'"""
    drafts: list[_Draft] = []
    cut = start
    for m in _DESIGNATION.finditer(text, start, end):
        boundary = cut
        year = None
        for b in re.finditer(r"(?:\)\s*(?:,|and)\s+|\b(?:in|see|and)\s+(?:the\s+)?(?:(?P<year>(?:19|20)\d\d)\s+)?|[’']s\s+|^)", text[cut : m.start()]):
            after = cut + b.end()
            if after < m.start() and (text[after].isupper() or text[after].isdigit()):
                if b.group(0).strip().lower() == "and" and text[cut : cut + b.start()].strip():
                    continue  # 'Sustainable and Smart Mobility': 'and' joins words inside a title
                boundary, year = after, (cut + b.start("year"), cut + b.end("year")) if b.group("year") else None
        t_start = boundary
        lead = re.match(r"(?:The|the)\s+(?:(?:recent|new|latest|forthcoming)\s+)?", text[t_start : m.start()])
        if lead:
            t_start += lead.end()
        draft = _Draft(t_start, m.end(), type_hint="law_policy")
        owner = re.search(r"(?:the\s+)?(?P<org>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)[’']s\s+$", text[cut:t_start])
        if owner:
            draft.authors = [Span(owner.group("org"), cut + owner.start("org"), cut + owner.end("org"))]
        issuer = re.match(r"(?P<org>(?:European\s+)?(?:Commission|Council|Parliament)(?:\s+of\s+the\s+European\s+Union)?)\s+(?:Communication\s+(?!on\b|from\b|to\b))?(?=[A-Z])", text[t_start : m.start()])
        if issuer:
            draft.authors = [Span(issuer.group("org"), t_start + issuer.start("org"), t_start + issuer.end("org"))]
            t_start += issuer.end()
        draft.title = _span(text, t_start, m.start(), " ,.;:")
        if draft.title is None or _AUX.search(draft.title.value) or len(draft.title.value.split()) > 25:
            return []
        if year:
            draft.date = Span(text[year[0] : year[1]], *year)
        drafts.append(draft)
        cut = m.end()
    return drafts


def _embedded(text: str, start: int, end: int) -> _Draft | None:
    """A reference at the end of a sentence of prose: '... adopted and described in Author, Title (...), p. 67'."""
    for m in re.finditer(r"\b(?:in|see|from|by|(?P<verb>published|released|issued))\s+(?=[A-Z“\"])", text[start:end]):
        s = start + m.end()
        draft = _parse_reference(text, s, end)
        if draft.comment or draft.title is None or not (draft.date or draft.container or draft.url) or re.match(rf"(?:{_MONTHS})\b", draft.title.value):
            continue
        prose = _AUX.search(draft.title.value) if m.group("verb") else (not draft.title_quoted and (_prose(draft.title.value) or _AUX.search(draft.title.value)))
        if len(draft.title.value.split()) > 12 or prose or draft.title.value.count("(") != draft.title.value.count(")"):
            continue
        if draft.title.start == s and not draft.title_quoted and not draft.authors:
            book = _embedded_book(text, start, end)
            if book is not None:
                return book
        return draft
    return _embedded_book(text, start, end)


def _embedded_book(text: str, start: int, end: int) -> _Draft | None:
    """A book named in a sentence: '... identify in Innovation in Emerging Markets (New York: Palgrave MacMillan, 2016).'"""
    m = re.search(r"\b(?:in|see)\s+((?:[A-Z][\w’'\-]*\s+)(?:[\w’'\-]+\s+){0,10}?)\(([^()]*?(?:Press|Books|Publishing|Education|MacMillan|Macmillan)[^()]*?)\)", text[start:end])
    if not m:
        return None
    draft = _Draft(start + m.start(1), start + m.end())
    draft.title = _span(text, start + m.start(1), start + m.end(1))
    _classify_paren(text, draft, start + m.start(2), start + m.end(2))
    people = re.search(rf"((?:{_NAME_TOKEN}\s+){{1,2}}{_NAME_TOKEN})\s+and\s+((?:{_NAME_TOKEN}\s+){{1,2}}{_NAME_TOKEN})\s+\w+", text[start : draft.start])
    if people:
        draft.authors = [Span(people.group(k), start + people.start(k), start + people.end(k)) for k in (1, 2)]
    draft.type_hint = "book"
    return draft


def parse_footnotes(notes: Sequence[tuple[int, str]]) -> list[ParsedCitation]:
    """Every note of one document (number, text), in number order: citations with back-references resolved.

    Ibid refers to the last citation of the previous note that cites something; a short form (no
    date and no container, a shortened title, or no title) refers to the latest earlier full citation
    with the same title (or its start, or an acronym of it), URL or author surnames. Both point through
    a short form, and through a repeated full citation, to the first full citation of the work. A
    reference that repeats a full citation with its date or container stays a citation. Ibid and short
    forms take the type of the work they point to.
    """
    out: list[ParsedCitation] = []
    previous: list[ParsedCitation] = []
    texts = dict(notes)
    first: dict[tuple[int, int], tuple[int, int]] = {}  # a full citation -> the first full citation of the same work
    for number, text in sorted(notes):
        parsed = parse_note(number, text)
        resolved: list[ParsedCitation] = []
        for c in parsed:
            if c.kind == "ibid":
                target = next((p for p in reversed(previous) if p.kind in ("citation", "short", "ibid")), None)
                c = replace(c, refers_to=_full_target(target) if target else None)
                c = replace(c, type=_type_of(c.refers_to, out))
            elif c.kind == "comment":
                c = _designation_reference(c, text, [p for p in out if p.kind == "citation"], texts) or c
                if c.refers_to is not None:
                    c = replace(c, refers_to=first.get(c.refers_to, c.refers_to))
                    c = replace(c, type=_type_of(c.refers_to, out) or c.type)
            if c.kind in ("citation", "short") and c.refers_to is None:
                earlier = [p for p in out if p.kind == "citation"]
                c = _bare_title(c, earlier)
                antecedent = _find_antecedent(c, earlier) or _romanised_antecedent(c, earlier, texts)
                if c.tentative and antecedent is None:
                    continue  # a phrase in prose that points at nothing cited before
                shortened = antecedent is not None and c.title is not None and antecedent.title is not None and len(_norm(c.title.value)) < len(_norm(antecedent.title.value)) and not c.container and not c.url
                if antecedent is not None and (c.kind == "short" or _is_short_form(c) or shortened):
                    key = (antecedent.note, antecedent.ordinal)
                    c = replace(c, kind="short", refers_to=first.get(key, key))
                    c = replace(c, type=_type_of(c.refers_to, out) or c.type)
                elif c.kind == "short":
                    c = replace(c, refers_to=None)
            c = replace(c, ordinal=len(resolved) + 1, tentative=False)
            if c.kind == "citation":
                same = next((p for p in out if p.kind == "citation" and _same_work(p, c)), None)
                first[(c.note, c.ordinal)] = first.get((same.note, same.ordinal), (same.note, same.ordinal)) if same else (c.note, c.ordinal)
            resolved.append(c)
        if not resolved and text.strip():
            resolved = [_comment(number, text)]
        out.extend(resolved)
        if any(c.kind != "comment" for c in resolved):
            previous = resolved
    return out


def _type_of(ref: tuple[int, int] | None, out: Sequence[ParsedCitation]) -> str | None:
    """The type of the citation at (note, ordinal): what an ibid or short form points back to."""
    return next((p.type for p in out if ref is not None and (p.note, p.ordinal) == ref), None)


def _same_work(a: ParsedCitation, b: ParsedCitation) -> bool:
    """Two full citations of one work: the same title (and authors when both name them), or the same URL."""
    if a.url is not None and b.url is not None and a.url.value.rstrip("/.") == b.url.value.rstrip("/."):
        return True
    if a.title is None or b.title is None or _norm(a.title.value) != _norm(b.title.value):
        return False
    return not (a.authors and b.authors) or {_surname(x.value) for x in a.authors} == {_surname(x.value) for x in b.authors}


def _bare_title(c: ParsedCitation, earlier: Sequence[ParsedCitation]) -> ParsedCitation:
    """'Weltimmo, paragraph 31.': a lone name that begins an earlier title is a short title, not an author."""
    if c.title is not None or len(c.authors) != 1 or c.url or c.date or c.container:
        return c
    name = c.authors[0]
    if any(p.title is not None and _title_matches(name.value, p.title.value) for p in earlier):
        return replace(c, title=name, authors=(), language="zh" if _has_cjk(name.value) else "en")
    return c


def _designation_reference(c: ParsedCitation, text: str, earlier: Sequence[ParsedCitation], texts: dict[int, str]) -> ParsedCitation | None:
    """A comment ending in a bracketed document number printed in an earlier reference: '... (WP179 update).'"""
    m = re.search(r"\(([^()]*\d[^()]*)\)\W*$", text)
    if not m:
        return None
    key = re.sub(r"[^0-9a-z]", "", m.group(1).casefold())
    if len(key) < 4:
        return None
    for prior in reversed(earlier):
        reference = texts.get(prior.note, "")[prior.start : prior.end]
        if key in re.sub(r"[^0-9a-z]", "", reference.casefold()):
            title = Span(m.group(1), m.start(1), m.end(1))
            return replace(c, kind="short", start=m.start(1), end=m.end(1), title=title, language="en", refers_to=(prior.note, prior.ordinal))
    return None


def _romanised_antecedent(c: ParsedCitation, earlier: Sequence[ParsedCitation], texts: dict[int, str]) -> ParsedCitation | None:
    """A short form by a romanised name ('Liu Yiming') of a Chinese author printed as '刘一鸣 (Liu Yiming)'."""
    if c.title is not None or not c.authors:
        return None
    names = [_norm(a.value) for a in c.authors]
    for prior in reversed(earlier):
        if not prior.authors:
            continue
        text = texts.get(prior.note, "")
        window = _norm(text[prior.authors[0].start : prior.authors[-1].end + 40])
        if all(n and n in window for n in names):
            return prior
    return None


def _full_target(target: ParsedCitation) -> tuple[int, int]:
    if target.kind in ("short", "ibid") and target.refers_to is not None:
        return target.refers_to
    return (target.note, target.ordinal)


@dataclass(frozen=True)
class NoteNameSpans:
    """Name-like spans of one footnote from its citation parse, for entity detection.

    `persons` are authors that look like personal names (PERSON), `organisations` are organisational
    authors and containers (ORG), `titles` are titles of works and their glosses: a detector should
    not report a name inside a title (titles of works are not names). Offsets are into the note text.
    """

    persons: tuple[Span, ...]
    organisations: tuple[Span, ...]
    titles: tuple[Span, ...]

    def entity_spans(self) -> list[EntitySpan]:
        """Persons and organisations as entity spans (PERSON, ORG), in text order."""
        spans = [EntitySpan(s.start, s.end, s.value, "PERSON") for s in self.persons]
        spans += [EntitySpan(s.start, s.end, s.value, "ORG") for s in self.organisations]
        return sorted(spans, key=lambda e: (e.start, e.end))

    def in_title(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps the title of a cited work (drop such NER spans)."""
        return any(t.start < end and start < t.end for t in self.titles)


def name_spans(citations: Sequence[ParsedCitation]) -> dict[int, NoteNameSpans]:
    """By note number: the name spans of already parsed citations (e.g. `parse_footnotes` output, where a lone
    short title such as 'Weltimmo, paragraph 31.' is a title, not an author)."""
    grouped: dict[int, tuple[list[Span], list[Span], list[Span]]] = {}
    for c in citations:
        persons, orgs, titles = grouped.setdefault(c.note, ([], [], []))
        for a in c.authors:
            (persons if _is_person(a.value) else orgs).append(a)
        if c.container is not None and not re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", c.container.value):
            orgs.append(c.container)  # a site printed as a domain ('zarazhang.com') is not an organisation's name
        titles.extend(s for s in (c.title, c.title_translation) if s is not None)
    return {n: NoteNameSpans(tuple(p), tuple(o), tuple(t)) for n, (p, o, t) in grouped.items()}


def note_name_spans(text: str, number: int = 1) -> NoteNameSpans:
    """Authors, containers and titles of one note on its own (no back-references to earlier notes)."""
    return name_spans(parse_note(number, text)).get(number, NoteNameSpans((), (), ()))
