"""Chinese organisation names without a head, known by their context (part of `thinktank_zh_rules`):
- an enumeration closed by 等 and a noun for companies ("A、B等12家企业", "A、B等平台");
- the examples after such a noun ("企业如A、B", "平台包括A、B");
- the hosts of an event ("由A主办", "由A和B共同承办", "由A主办，B承办"), and hosts listed before the verb
  when one of them is an organisation by its head ("市府与资策会、数位时代举办论坛").
Items that are places, generic class nouns ("中小企业") or pointers ("该公司") are left out; the items are
returned as (start, end) spans of the text (matched on the Simplified text, same offsets)."""

from __future__ import annotations

import re
from collections.abc import Callable

from corpus.enrich.entities.vocab import entries

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_ITEM = f"[{_CJK}A-Za-z0-9]"
COMPANY_NOUNS = "|".join(sorted(entries("zh_company_nouns"), key=lambda w: (-len(w), w)))
HOST_VERBS = "|".join(sorted(entries("zh_host_verbs"), key=lambda w: (-len(w), w)))
# a count or a size between 等 and the noun: "等12家", "等多家", "等一批", "等大", "等头部"
_COUNT = r"(?:[\d一二三四五六七八九十百千几多数若干逾余近约]+[家个所款]?|一批|众多|知名|头部|龙头|大型|大|国内|海外|互联网|科技|平台|民营|国有)*"
_ENUMERATION = re.compile(rf"((?:{_ITEM}{{2,10}}、)+{_ITEM}{{2,10}}?)等{_COUNT}(?:{COMPANY_NOUNS})")
_EXAMPLES = re.compile(rf"(?:{COMPANY_NOUNS})(?:如|包括|例如|比如|像是|像)({_ITEM}{{2,8}}?(?:、{_ITEM}{{2,8}}?)*)"
                       rf"(?=[，。；：、）),;:\s等已将也都均正在的和与及]|$)")
_HOSTS = re.compile(rf"由({_ITEM}{{2,24}}?)(?:共同|联合)?(?:{HOST_VERBS})")
_CO_HOST = re.compile(rf"[，、,]({_ITEM}{{2,12}}?)(?:共同|联合)?(?:承办|协办|支持)")
# hosts listed before the verb at the start of a clause: "市府与资策会、数位时代举办论坛"
_LISTED_HOSTS = re.compile(rf"(?:^|(?<=[，。；：,;:\s]))((?:{_ITEM}{{2,10}}?[、和与及])+{_ITEM}{{2,10}}?)(?:共同|联合)?(?:{HOST_VERBS})")
_WHEN = re.compile(r"(?:[\d一二三四五六七八九十]+[日号]|今日|昨日|今天|昨天|当天|日前|近日|今年|明年)$")
_POINTERS = frozenset("该本此其各我你他她们贵双多这那每某")


def _items(run: str, at: int) -> list[tuple[int, int]]:
    """The (start, end) spans of the parts of `run` (at offset `at`) between 、, 和, 与 and 及."""
    spans, pos = [], at
    for part in re.split("([、和与及])", run):
        if part and part not in "、和与及":
            spans.append((pos, pos + len(part)))
        pos += len(part)
    return spans


def context_organisations(text: str, lead_length: Callable[[str], int], is_place: Callable[[str], bool],
                          is_name_end: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of organisation names known by their context in `text` (Simplified). `lead_length(run)` is the
    length of the verb or preposition that opens a run ("支持华为": 2), not part of the first item; `is_place`
    tells places and `is_name_end(name)` names that end in an organisation head (found by the head rule)."""
    spans: list[tuple[int, int]] = []
    for m in _ENUMERATION.finditer(text):
        items = _items(m.group(1), m.start(1))
        s0, e0 = items[0]
        items[0] = (s0 + lead_length(text[s0:e0]), e0)
        spans += items
    for m in _EXAMPLES.finditer(text):
        spans += _items(m.group(1), m.start(1))
    for m in _HOSTS.finditer(text):
        spans += _items(re.sub("(?:共同|联合)$", "", m.group(1)), m.start(1))
        co = _CO_HOST.match(text, m.end())
        if co:
            spans += _items(co.group(1), co.start(1))
    for m in _LISTED_HOSTS.finditer(text):
        items = _items(m.group(1), m.start(1))
        s_last, e_last = items[-1]
        when = _WHEN.search(text, s_last, e_last)  # "资策会十二日举办": the day is not part of the name
        items[-1] = (s_last, when.start() if when else e_last)
        if any(is_name_end(text[s:e]) for s, e in items):  # one of them is an organisation by its head
            spans += items
    return [(s, e) for s, e in spans if _is_org_item(text[s:e], is_place, is_name_end)]


def _is_org_item(item: str, is_place: Callable[[str], bool], is_name_end: Callable[[str], bool]) -> bool:
    """An item that can be a company's name: 2-8 characters, not a place, a pointer ("该公司"), a count or a
    class noun ("中小企业", "互联网平台"), and not a name the head rule finds on its own."""
    return (2 <= len(item) <= 8 and not is_place(item) and item[0] not in _POINTERS and not item[0].isdigit()
            and not re.search(f"(?:{COMPANY_NOUNS}|机构|单位|部门|院所|高校|院校|用户|商户)$", item) and not is_name_end(item))
