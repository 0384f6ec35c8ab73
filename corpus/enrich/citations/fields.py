"""The fields of one reference: authors, title (quoted, italic or Chinese with a gloss), container, date, URL, locator."""

from __future__ import annotations

import re

from corpus.enrich.citations.model import _Draft, Span
from corpus.enrich.citations.patterns import _ACCESSED, _DATE, _DESCRIPTOR, _DESIGNATION, _ET_AL, _LAW, _LOCATOR, _MONTHS, _NEWS_OUTLET, _ORG_WORDS, _PUBLISHER, _QUOTE_OPEN, _QUOTE_PAIRS, _URL, _VOLUME_TAIL
from corpus.enrich.citations.segments import _inside_brackets
from corpus.enrich.citations.text import _dates, _has_cjk, _is_org_name, _is_person, _prose, _span, _split_outside, _strip_span, _urls


_LOCATOR_OF = re.compile(
    r"\b(?P<loc>(?:para(?:graph)?s?\.?|Recitals?|Articles?|Sections?|pp?\.)\s*\d+(?:\(\d+\))?)\s+of\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)"
)
_ISSUER = re.compile(
    r"(?P<issuer>[A-Z]{1,4}\s?\d{1,3}|[A-Z][A-Z0-9]{1,7})\s+"
    r"(?:(?P<num>(?:WP|No\.?|Doc\.?)\s?\d+[\w.]*(?:\s+(?:rev\.?\s?\d+|update))?)\s*(?:[-–]\s*|,\s*)"
    r"|(?=(?:Guidelines|Opinion|Update|Recommendation|Report|Statement|Decision|Communication)\b))"
)


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
    m = re.match(r"\s*([\u4e00-\u9fff]{2,4})\s*\(([A-Z][A-Za-z\- ]+)\)", text[start:end])
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
