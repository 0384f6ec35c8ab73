"""Metadata lines of web news items, read part by part.

A metadata line is a run of parts separated by "|", "｜", "•", tabs, ideographic spaces or runs of
spaces, or introduced by inline labels ("By:X Publisher:Y ISBN:Z", "来源：X 时间：Y"). Each part is
read on its own: a date/time, a labelled field (date, update, author, editor, source, keywords, record
fields like ISBN), a counter, or an unlabelled short name (the outlet next to a date). A part that
fails (a corporate byline, a counter, an odd token) never discards the date in the next part; the line
as a whole is metadata when one part is informative and no part reads like article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.structure.news_dates import _WEEKDAYS, ROC_NUMERIC, ValueDate, find_dates, parse_date_time, read_value_date
from corpus.structure.news_lines import (
    _READING_TIME,
    SENTENCE_END,
    _is_cjk,
    organisation_phrase,
    role_phrase,
    simplified,
    widget_line,
    words,
)

PUBLISHED, UPDATED, UNLABELLED, EVENT = "published", "updated", "unlabelled", "event"

# Label patterns by kind, matched case-insensitively against the simplified view of a part.
_LABELS: tuple[tuple[str, str], ...] = (
    # when the event an item announces or reports takes place: never the page's date
    ("event", r"(?:date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?event|event\s+(?:date|time|dates)(?:\s+and\s+time)?|"
              r"date\s+de\s+l['’]?\s*[ée]v[ée]nement|date\s+et\s+heure|when|quand|"
              r"(?:活动|会议|论坛|讲座|研讨会|举办|举行|开幕)(?:时间|日期))(?=\s*[:：])|event|[ée]v[ée]nement"),
    ("updated", r"last\s+updated(?:\s+on)?|updated(?:\s+on)?|(?:last\s+)?modified(?:\s+on)?|(?:last\s+)?revised(?:\s+on)?|mise\s+[àa]\s+jour|"
                r"modifi[ée]\s+le|derni[eè]re\s+modification(?:\s+le)?|最后更新(?:时间|日期)?|最后修改(?:时间|日期)?|更新于|修改于|"
                r"derni[eè]re\s+mise\s+[àa]\s+jour(?:\s+le)?|mis\s+[àa]\s+jour(?:\s+le)?|"
                r"actualis[ée]\s+le|更新时间|更新日期|修改时间|aktualisiert(?:\s+am)?|actualizado(?:\s+el)?"),
    ("published", r"publication\s+date|date\s+of\s+publication|date\s+de\s+publication|posted(?:\s+(?:on|at))?|"
                  r"published(?:\s+(?:on|at))?|released(?:\s+on)?|mis\s+en\s+ligne(?:\s+le)?|en\s+ligne\s+le|dated|date|publi[ée]\s+le|publi[ée]|发布时间|发表时间|"
                  r"发布日期|发稿时间|公告日期|公告时间|张贴日期|时间|日期|veröffentlicht(?:\s+am)?|datum|publicado(?:\s+el)?|fecha"),
    ("category", r"posted\s+in|filed\s+under|categor(?:y|ies)|cat[ée]gories?|rubrique|栏目|分类"),
    ("author", r"written\s+by|r[ée]dig[ée]e?\s+par|[ée]crit\s+par|propos\s+recueillis\s+par|(?:interview|interviewed|reporting|reported|story|words|text)\s+by|"
               r"(?:un\s+)?(?:article|texte|entretien|tribune|chronique)\s+(?:de|par)|authors?|by|par|auteurs?|autrices?|von|por|autor(?:es)?|作者|撰稿人|撰文者|撰文|撰稿|文\s*[/／]\s*图|图\s*[/／]\s*文|文图|(?:本报|本刊|本网|特派|特约|实习|见习)?记者|文"),
    ("editor", r"edited\s+by|editors?|r[ée]dacteurs?|r[ée]dactrices?|[ée]diteurs?|责任编辑|责编|编辑|审核|校对|编审|主编|redakteur"),
    ("source", r"source|sources|from|publisher|publié\s+par|(?:本文|文章|信息|新闻|稿件|资料|消息)?来源|转载自|出处|发布单位|发布机关|发文机关|发布部门|发布者|稿源|供稿单位|供稿|公告单位|单位|quelle|fuente"),
    # where an announced event takes place: the line is the event's schedule, not the page's
    ("venue", r"venue|location|lieu|(?:会议|活动|举办|举行)?地点"),
    ("keywords", r"keywords?|tags?|(?:related\s+)?topics?|sujets?|th[èe]mes?|mots?[- ]cl[ée]s|话题|关键词|关键字|标签|schlagw[öo]rter"),
    ("counter", r"浏览次数|浏览量|点击量|点击数|点击率|阅读量|阅读数|阅读次数|访问量|阅读|点击|浏览|views?|hits|vues|lectures"),
    ("record", r"联络人|联系人|联络电话|联系电话|承办人|isbn|issn|doi|language|langue|langage|pages?|format|price|prix|语言|页数|定价|出版社|原标题|原题"),
)
_LABEL_ALT = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _LABELS)
# A label at the start of a part, with a colon or (for words, not bare CJK characters) a space after it.
_LEADING = re.compile(rf"^(?:{_LABEL_ALT})(?:\s*[:：]\s*|\s*(?<=[\u4e00-\u9fff])[/／]\s*|\s+(?=\S))(?P<value>.*)$", re.I)
# Inline labels that open a new part inside one line: a label word followed by a colon.
_INLINE = re.compile(rf"(?<![\w])(?:{_LABEL_ALT})\s*[:：]", re.I)
# A publication and an update stamp joined by a comma or a dash ("Publié le 12 février 2024 à 14h05, modifié le
# 13 février 2024 à 09h10", "Posted 3 March 2024 - Updated 4 March 2024"): each stamp is a part of its own.
_STAMP_LABELS = "|".join(pattern for kind, pattern in _LABELS if kind in ("published", "updated"))
_JOINED_STAMP = re.compile(rf"\s*(?:[,;]|\s[-–—])\s*(?=(?:{_STAMP_LABELS})\s)", re.I)
# a time printed on a line of its own, labelled as the issue time or by its time zone: "Issued at HKT 15:30",
# "香港時間15時30分", "Beijing time 09:00"
_ZONE = r"(?:hkt|hong\s+kong\s+time|beijing\s+time|香港时间|北京时间|台北时间)"
_TIME_LINE = re.compile(
    rf"^(?:(?:issued|released)\s+at\s+{_ZONE}?|{_ZONE})\s*(?P<h>\d{{1,2}})\s*[:：时]\s*(?P<m>\d{{2}})\s*分?\s*{_ZONE}?$", re.I)
_NEWSROOM = re.compile(r"(?:la\s+)?r[ée]daction|(?:the\s+)?(?:editors|editorial\s+(?:team|staff|board)|"
                       r"newsroom|staff(?:\s+writers?|\s+reporters?)?|news\s+desk|web\s+desk)|本报编辑部|编辑部", re.I)
EVENT_LABEL = re.compile(
    r"(?:(?:upcoming|past|forthcoming|previous)\s+)?events?|[ée]v[ée]nements?(?:\s+(?:pass[ée]s?|[àa]\s+venir))?|"
    r"活动|活动预告|往期活动|会议|会议预告", re.I)
# where an event takes place when the page prints no label for it ("Online", "In person", "线上")
_BARE_VENUE = re.compile(r"online|virtual|in[- ]person|hybrid|online\s+and\s+in[- ]person|en\s+ligne|en\s+pr[ée]sentiel|"
                         r"[àa]\s+distance|线上|线下|线上线下|线上\+线下", re.I)
_SEPARATORS = re.compile(r"\s*】\s*【\s*|\s*[|｜•]\s*|\s*(?<=\s)·(?=\s)\s*|\s{3,}|\t+|\u3000+")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bet\b|\bund\b|\by\b|、|，|和|与)\s*", re.I)
_NAME_OK = re.compile(r"^[^\d@:/]{2,60}$")
_NAME_PARTICLES = {"de", "del", "della", "di", "da", "dos", "du", "van", "von", "der", "den", "bin", "binti", "al", "le", "la", "y"}
_COUNTER_PART = re.compile(r"^(?:\d[\d,.]*\s*[kK万]?\s*[^\d\s]{1,12}|[^\d\s]{1,8}\s*[:：]?\s*\d[\d,.]*[kK万]?)$")
_BARE_TIME = re.compile(r"^\d{1,2}\s*[:h时]\s*\d{2}(?:\s*[:分]\s*\d{2})?$")
METADATA_MAX_CHARS = 320


@dataclass
class MetaLine:
    """What one metadata line states."""

    dates: list[tuple[str, ValueDate]] = field(default_factory=list)  # (published|updated|unlabelled, value)
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    organisations: list[str] = field(default_factory=list)  # source/publisher/agency credits, in order
    keywords: tuple[str, ...] = ()
    unknown: list[str] = field(default_factory=list)
    labelled: int = 0
    venue: bool = False  # names where an event takes place: its dates are the event's

    def as_event_schedule(self) -> None:
        """The dates of this line are an event's (a venue stands on it or next to it); update stamps aside."""
        self.dates = [(k if k == UPDATED else EVENT, v) for k, v in self.dates]


def looks_like_name(name: str) -> bool:
    """A person's name: capitalised words (particles allowed), or a short run of CJK characters."""
    if not _NAME_OK.match(name):
        return False
    if all(_is_cjk(ch) or ch in "·・" for ch in name):
        return 2 <= len(name) <= 10
    parts = name.split()
    if not 1 <= len(parts) <= 5:
        return False
    if len(parts) == 1 and name.isupper():
        return False  # a lone acronym ("CGTN", "IISS") is an organisation
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in parts) and parts[0][:1].isupper()


def split_names(value: str) -> tuple[str, ...]:
    names = tuple(n.strip(" .") for n in _NAME_SPLIT.split(value) if n.strip(" ."))
    # Chinese names listed with spaces between them ("李明 王芳")
    names = tuple(p for n in names for p in (n.split() if all(_is_cjk(ch) or ch.isspace() for ch in n) else (n,)))
    return names if names and all(looks_like_name(n) for n in names) else ()


_QUALIFIER = re.compile(r"\s*[(（][^()（）]{1,80}[)）]")
_PLACE_TAIL = re.compile(r"\s+(?:in|at|from|à|au|aux|en|depuis|de\s+retour\s+de)\s+[A-ZÀ-Ý].*$")


def _qualified_names(value: str) -> tuple[str, ...]:
    """Persons in a byline whose names carry a place or role: "Claire Dubois (Marseille, correspondante)",
    "Claire Dubois, à Pékin", "Claire Dubois, envoyée spéciale à Genève", "Jane Roe in Singapore". The
    parenthesised notes, the lower-case qualifiers after a comma and a trailing "in Place" are not names."""
    value = _QUALIFIER.sub("", value).strip(" ,;")
    pieces = [p.strip(" .") for p in re.split(r"\s*[,;]\s*", value) if p.strip(" .")]
    kept = [p for p in pieces if not p[:1].islower()]
    if not kept or not pieces or pieces[0][:1].islower():
        return ()
    names: list[str] = []
    for piece in kept:
        piece = _PLACE_TAIL.sub("", piece)
        found = split_names(piece)
        if not found:
            return ()
        names.extend(found)
    persons = tuple(n for n in names if " " in n or any(_is_cjk(ch) for ch in n))
    return tuple(names) if persons else ()


def _org_like(value: str) -> bool:
    """A short organisation or outlet name ("RCI en ligne", "Xinhua", "CGTN", "新华社")."""
    value = value.strip()
    return bool(value) and bool(_NAME_OK.match(value)) and words(value) <= 8 and not SENTENCE_END.search(value)


def _parts(line: str) -> list[str]:
    """Split a line into parts at separators and before inline labels."""
    parts: list[str] = []
    for chunk in _SEPARATORS.split(line):
        chunk = chunk.strip()
        if not chunk:
            continue
        view = simplified(chunk)
        starts = sorted({0, *(m.start() for m in _INLINE.finditer(view) if m.start() > 0),
                         *(m.end() for m in _JOINED_STAMP.finditer(view) if m.start() > 0)})
        for a, b in zip(starts, [*starts[1:], len(chunk)]):
            piece = chunk[a:b].strip(" ,;-–—【】")  # "【发布时间：…】【来源：…】": one field per bracket
            if piece:
                parts.append(piece)
    return parts


def _cjk_spaced(part: str) -> list[str]:
    """An unlabelled part of CJK text with single spaces is a row of fields ("浙江日报 2021-09-27 星期一")."""
    cjk = sum(1 for ch in part if _is_cjk(ch))
    if " " in part and cjk >= 2 and cjk >= len(part.replace(" ", "")) / 3:
        return [p for p in part.split(" ") if p]
    return [part]


def _leftover(part: str, month_first: bool | None) -> str:
    """What a part says besides its dates and times (connecting words and brackets dropped)."""
    rest = ROC_NUMERIC.sub(" ", part)
    for mention in find_dates(part, bool(month_first)):
        rest = rest.replace(part[mention.start : mention.end], " ")
    rest = re.sub(r"\d{1,2}\s*[:h时]\s*\d{2}(?:\s*[:分]\s*\d{2})?(?:\s*[ap]\.?m\.?)?", " ", rest, flags=re.I)
    rest = re.sub(r"(?<![\d/])\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?(?![\d/])", " ", rest)
    rest = re.sub(r"^" + _WEEKDAYS, " ", rest.strip() + " ", flags=re.I)  # "Wednesday, " before the date
    rest = re.sub(r"(?<![\w])(?:à|a|at|le|on|am|el|星期.|周.|[ap]\.?m\.?|utc|gmt|est|edt|pst|pdt|cet|cest|bst|jst|kst|hkt|cst)(?![\w])|[,;()（）\[\]]|(?<!\w)[-–—](?!\w)", " ", rest, flags=re.I)
    return " ".join(rest.split())


def _value_date(part: str, month_first: bool | None, allow_day_month: bool = False) -> tuple[ValueDate, str] | None:
    """A date (and time) in a part, with the leftover text, when the leftover is short."""
    value = read_value_date(part, month_first, allow_day_month)
    if value is None or (value.month is None and not value.ambiguous and not allow_day_month):
        return None
    rest = _leftover(part, month_first)
    if words(rest) > 3 or SENTENCE_END.search(rest):
        return None
    return value, rest


def parse_metadata_line(line: str, month_first: bool | None = False) -> MetaLine | None:
    """Read a metadata line part by part; None when the line is not metadata (see module docstring)."""
    stripped = line.strip()
    if not stripped or len(stripped) > METADATA_MAX_CHARS:
        return None
    if stripped[0] in "(（[【" and stripped[-1] in ")）]】" and not re.search(r"[()（）\[\]【】]", stripped[1:-1]):
        stripped = stripped[1:-1].strip()  # "(Rédacteurs : X, Y)", "[责任编辑:X]"
    if _BARE_VENUE.fullmatch(simplified(stripped)):
        return MetaLine(labelled=1, venue=True)
    time_line = _TIME_LINE.match(simplified(stripped))
    if time_line:  # "Issued at HKT 15:30" under the date of a press release: the time of that date
        return MetaLine(dates=[(UNLABELLED, ValueDate(None, None, None, f"{int(time_line['h']):02d}:{time_line['m']}"))],
                        labelled=1)
    # an end mark glued before the release's date by a slash ("Ends/Wednesday, May 22, 2024") is no outlet
    stripped = re.sub(r"^(?:ends?|fin|完)\s*/\s*(?=\S)", "", stripped, flags=re.I)
    meta = MetaLine()
    failed: list[str] = []
    event_from = None  # after a bare event label ("Event | Tuesday, 14 May 2024"), dates are the event's
    for part in _parts(stripped):
        view = simplified(part)
        if EVENT_LABEL.fullmatch(view.strip(" :：")) and event_from is None:
            event_from, event_label = len(meta.dates), part
            continue
        match = _LEADING.match(view)
        kind = next((k for k, _ in _LABELS if match and match.group(k)), None) if match else None
        if match and kind is not None:
            value = part[match.start("value") :].strip()
            if _read_labelled(kind, value, month_first, meta):
                meta.labelled += 1
                continue
            failed.append(part)
            continue
        for piece in _cjk_spaced(part):
            _read_unlabelled(piece, month_first, meta, failed)
    if meta.venue:
        meta.as_event_schedule()
    if event_from is not None and len(meta.dates) > event_from:
        meta.dates[event_from:] = [(EVENT if k == UNLABELLED else k, v) for k, v in meta.dates[event_from:]]
        meta.labelled += 1
    elif event_from is not None:
        failed.append(event_label)  # a menu word ("Events"), not a label of the dates after it
    informative = meta.labelled > 0 or bool(meta.dates)
    if not informative:
        return None
    limit = 15 if meta.labelled >= 2 else 5
    for part in failed:
        if SENTENCE_END.search(part) or words(part) > limit:
            return None
    meta.unknown = failed
    return meta


def _read_labelled(kind: str, value: str, month_first: bool | None, meta: MetaLine) -> bool:
    if kind == EVENT:
        found = _value_date(value, month_first, allow_day_month=True)
        if found is not None:
            meta.dates.append((EVENT, found[0]))
        return found is not None
    if kind in (PUBLISHED, UPDATED):
        by = re.search(r"(?<![\w])(?:by|par|von|por)\s+(?P<names>[^,;|]+)$", value, re.I)
        names = split_names(by["names"]) if by else ()
        if names:  # "Published on 15 March 2024 by Jane Doe"
            value = value[: by.start()].rstrip(" ,")  # type: ignore[union-attr]
        lead = re.match(r"^(?:by|par|von|por)\s+(?P<names>.+?)\s*(?:,|\s(?:on|le|am|el|at)\s)\s*(?P<rest>.+)$", value, re.I)
        if not names and lead and split_names(lead["names"]):  # "Posted by Jane Doe on 15 March 2024"
            names, value = split_names(lead["names"]), lead["rest"]
        found = _value_date(value, month_first, allow_day_month=True)
        if found is None:
            return False
        meta.dates.append((kind, found[0]))
        meta.authors = meta.authors or names
        return True
    if kind == "author":
        if _NEWSROOM.fullmatch(value.strip(" .")):
            return True  # "Par la rédaction", "By the editors": the newsroom signs, no person
        dates = [
            d for d in find_dates(value, bool(month_first))
            if d.end == len(value.rstrip(" .")) or parse_date_time(value[d.start :].rstrip(" ."), bool(month_first))
        ]
        if dates:  # "By X, March 3, 2025", "Par X le 05/03/2024 à 14h20": a trailing date (and time) after the names
            tail = value[dates[-1].start :]
            date = read_value_date(tail, month_first)
            if date is not None:
                meta.dates.append((UNLABELLED, date))
            value = re.sub(r"(?:\s+(?:on|le|am|el|at|the)|\s*[-–—·])+$", "", value[: dates[-1].start].rstrip(" ,;"), flags=re.I)
        value = re.sub(r"^(?:本报|本刊|本网|特派|特约|实习|见习)?(?:记者|記者)\s*", "", value) or value
        names = split_names(value) or _qualified_names(value)
        if names:
            # a role is not a person ("By Jane Roe, Senior Fellow"); an affiliation or agency is an
            # organisation, as is a lone capitalised word after the names in Latin script ("By John Smith, Reuters")
            names = tuple(n for n in names if not role_phrase(n) or organisation_phrase(n))
            persons = tuple(
                n for n in names if (" " in n or any(_is_cjk(ch) for ch in n)) and not organisation_phrase(n)
            )
            meta.organisations.extend(n for n in names if n not in persons)
            if persons:
                meta.authors = meta.authors or persons
            return True
        if _org_like(value) and (re.search(r"(?<![\w'’])[A-Z]", value) or _is_cjk(value[:1])):
            # a corporate byline: "By CGTN", "Par la rédaction de Radio X" (the organisation is the named part)
            meta.organisations.append(re.sub(r"^(?:[^\W\d_A-Z][\w'’]*\s+)+(?=[A-Z])", "", value))
            return True
        return False
    if kind == "venue":
        meta.venue = bool(value) and len(value) <= 80 and not SENTENCE_END.search(value)
        return meta.venue
    if kind == "editor":
        names = split_names(value)
        if names or _org_like(value):
            meta.editors = tuple(dict.fromkeys((*meta.editors, *(names or (value,)))))  # "编辑：X　责任编辑：Y"
            return True
        return False
    if kind == "source":
        if _org_like(value) or (value and len(value) <= 60 and not SENTENCE_END.search(value)):
            meta.organisations.append(value)
            return True
        return False
    if kind == "counter":  # "浏览次数：1024", "Views: 1,024": understood, not kept
        return re.fullmatch(r"\d[\d,.]*\s*[kK万]?\s*(?:次|人)?", value.strip()) is not None
    if kind == "keywords":
        meta.keywords = tuple(k.strip() for k in re.split(r"[,;，；、]", value) if k.strip())
        return bool(meta.keywords)
    return bool(value) and len(value) <= 80  # record and category fields: understood, not kept


def _signed_after_date(name: str, meta: MetaLine) -> bool:
    """A person's name printed after the date on an unlabelled line ("May 22, 2024 | Jane Roe"): two to four
    capitalised words, no organisation or role word; it becomes the line's author. (An outlet is printed
    before the date: "Xinhua | 20.04.2016".)"""
    name = name.strip(" -–—,")
    tokens = name.split()
    if meta.authors or not 2 <= len(tokens) <= 4 or not looks_like_name(name):
        return False
    if organisation_phrase(name) or role_phrase(name) or not all(re.fullmatch(r"[^\W\d_][\w'’.-]*", t) for t in tokens):
        return False
    capitals = {t.isupper() and len(t) > 1 for t in tokens}
    if len(capitals) > 1 or any(widget_line(t) for t in tokens):
        return False  # "ECNS App Download": an acronym among ordinary words, or widget labels, are no person
    meta.authors = (name,)
    return True


def _read_unlabelled(part: str, month_first: bool | None, meta: MetaLine, failed: list[str]) -> None:
    if _BARE_TIME.match(part) and meta.dates:
        kind, last = meta.dates[-1]
        if last.time is None:
            meta.dates[-1] = (kind, ValueDate(last.year, last.month, last.day, read_value_date(part, month_first).time, last.ambiguous))  # type: ignore[union-attr]
            return
    found = _value_date(part, month_first)
    if found is not None:
        value, rest = found
        meta.dates.append((UNLABELLED, value))
        tail = part.rstrip()
        if rest and tail.endswith(rest) and not part.startswith(rest) and _signed_after_date(rest, meta):
            return  # "22 mai 2024 – Jean Dupont": the person signing after the date
        if rest and not re.match(rf"^(?:fait\s+)?(?:à\s+)?{re.escape(rest)}\s*,\s*le\s", part, re.I):
            failed.append(rest.strip(" )(（）"))  # (the place of a French place-and-date line is no outlet)
        return
    if meta.dates and _signed_after_date(part, meta):
        return  # "May 22, 2024 | Jane Roe": a person's name after the date is the author, an outlet comes before it
    if part.isdigit() or (_COUNTER_PART.match(part) and re.search(r"\d", part)):
        return  # ids, page numbers and counters: understood, not kept
    if _READING_TIME.match(simplified(part)) or widget_line(part) in ("share_follow", "widget_residue"):
        return  # "Lecture 3 min.", "Share": reader tools on the metadata line, understood, not kept
    failed.append(part)
