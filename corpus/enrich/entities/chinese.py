"""Rule-based Chinese entities (no statistical Chinese pipeline is on PyPI): the registered component
`thinktank_zh_rules` over `spacy.blank("zh")` (character segmenter, no download)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

# No statistical Chinese pipeline is installed (there is none on PyPI); `zh` gets rule-based entities from
# `spacy.blank("zh")` (its default character segmenter needs no download) and the component below.
RULE_BASED = {"zh": "thinktank_zh_rules"}
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# organisation heads, longest first; weak heads need a longer name and must not end a frequent compound
ZH_ORG_HEADS = ("有限责任公司", "股份有限公司", "有限公司", "研究院", "研究所", "研究中心", "委员会", "大学", "学院",
                "公司", "协会", "学会", "基金会", "集团", "银行", "中心", "部", "局")
ZH_WEAK_HEADS = frozenset({"中心", "部", "局"})
# characters that end a name on its left: particles, conjunctions, prepositions, copula, aspect markers
ZH_FUNCTION = frozenset("在由和与及或的、，。；：！？（）()“”‘’《》「」为对向从将把被是于了也并而但就都又还等让使给")
ZH_PERSON_ROLES = ("首席技术官", "首席执行官", "首席经济学家", "副研究员", "研究员", "副院长", "院长", "副教授", "教授",
                   "副主任", "主任", "副所长", "所长", "副校长", "校长", "董事长", "总经理", "总裁", "副秘书长", "秘书长",
                   "副部长", "部长", "局长", "处长", "主席", "工程师", "负责人", "创始人", "分析师", "记者", "博士")
# characters that cannot end a three-character name: they start the verb or particle after a two-character name
ZH_AFTER_NAME = frozenset("在说表指认介分结称的和与等也还则就是对为提以将已于向从透谈呼、，。：；（）")
ZH_LAW_TAILS = ("法", "条例", "规定", "办法", "法案", "规划", "纲要", "意见", "决定", "通知", "指引", "准则", "细则",
                "公约", "协定", "条约", "标准")
ZH_EVENT_HEADS = "研讨会|座谈会|博览会|展览会|论坛|峰会|大会|年会|会议|沙龙"
ZH_PLACE_SUFFIX = "省|市|自治区|特别行政区|县"
_ZH_ORG = re.compile("|".join(ZH_ORG_HEADS))
_ZH_ROLE = re.compile("|".join(ZH_PERSON_ROLES))
_ZH_LAW = re.compile(r"《([^《》\n]{1,40})》")
_ZH_EVENT = re.compile(r"“[^“”\n]{1,40}”[" + _CJK + r"]{0,4}?(?:" + ZH_EVENT_HEADS + r")|第[一二三四五六七八九十百\d]+届["
                       + _CJK + r"]{2,20}?(?:" + ZH_EVENT_HEADS + r")")
_ZH_PLACE_VERB = re.compile(r"(?:在|赴|到|前往)([" + _CJK + r"]{2,4}?)(?:举办|召开|举行|开幕|开展|调研|考察|参加|出席|访问)")
_ZH_PLACE_LIST = re.compile(r"(?<=[，。；：、\s])([" + _CJK + r"]{2,4}(?:、[" + _CJK + r"]{2,4})+)等(?:地|省|省份|城市|地区)")
_ZH_PLACE_ADMIN = re.compile(r"(?<![" + _CJK + r"])([" + _CJK + r"]{2,3})(?:" + ZH_PLACE_SUFFIX + r")|(?<=[在赴到于从])(["
                             + _CJK + r"]{2,3}(?:" + ZH_PLACE_SUFFIX + r"))")


def _zh_name_start(text: str, end: int, limit: int = 20) -> int:
    """Start of the run of CJK characters that ends at `end`, bounded by punctuation or function characters."""
    i = end
    while i > 0 and end - i < limit and re.match(f"[{_CJK}]", text[i - 1]) and text[i - 1] not in ZH_FUNCTION:
        i -= 1
    return i


def zh_entities(text: str) -> list[tuple[int, int, str]]:
    """Rule-based Chinese entities as (start, end, label) character spans:
    - 《...》 with a law-like ending (法, 条例, 规定, 办法 ...) -> LAW (the title without the marks);
    - a quoted title + meeting noun ("“...”专题研讨会"), "第N届...论坛" -> EVENT;
    - the run of CJK characters before an organisation head (研究院, 大学, 有限公司, 委员会, 中心 ...), bounded by
      punctuation or function characters (在/由/和/与/的/、/，...) -> ORG; a unit named right after an organisation
      ("钱塘理工大学能源与信息学院") is part of it and not a second organisation;
    - the 2-3 characters after a role word (院长, 教授, 研究员, 首席技术官 ...) -> PERSON;
    - places: "在X举办", "赴X开展", "X、Y等地", "X省/X市/X自治区" -> GPE;
    then every other occurrence of a found name gets the same label."""
    found: list[tuple[int, int, str]] = []
    for m in _ZH_LAW.finditer(text):
        if m.group(1).endswith(ZH_LAW_TAILS):
            found.append((m.start(1), m.end(1), "LAW"))
    for m in _ZH_EVENT.finditer(text):
        found.append((m.start(), m.end(), "EVENT"))
    prev_org_end = -1
    for m in _ZH_ORG.finditer(text):
        start = _zh_name_start(text, m.start())
        name_len = m.start() - start
        weak = m.group() in ZH_WEAK_HEADS
        if prev_org_end >= 0 and start <= prev_org_end + 6 and re.fullmatch(f"[{_CJK}]*", text[prev_org_end:m.start()]) \
                and (start == prev_org_end or text[start - 1] in "与和及"):
            prev_org_end = m.end()  # a unit of the organisation just named
            continue
        if name_len < (3 if weak else 2):
            continue
        if weak and text.count(text[m.start() - 2:m.end()]) >= 3:
            continue  # a frequent compound ("数据中心") is a common noun
        found.append((start, m.end(), "ORG"))
        prev_org_end = m.end()
    for m in _ZH_ROLE.finditer(text):
        name = text[m.end():m.end() + 3]
        if len(name) < 2 or not re.fullmatch(f"[{_CJK}]+", name[:2]) or name[0] in ZH_FUNCTION or name[0] in ZH_AFTER_NAME:
            continue
        size = 3 if len(name) == 3 and re.match(f"[{_CJK}]", name[2]) and name[2] not in ZH_AFTER_NAME else 2
        found.append((m.end(), m.end() + size, "PERSON"))
    for m in _ZH_PLACE_VERB.finditer(text):
        found.append((m.start(1), m.end(1), "GPE"))
    for m in _ZH_PLACE_LIST.finditer(text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            found.append((pos, pos + len(item), "GPE"))
            pos += len(item) + 1
    for m in _ZH_PLACE_ADMIN.finditer(text):
        g = 1 if m.group(1) else 2
        found.append((m.start(g), m.end(g) if g == 2 else m.end(), "GPE"))
    # longest first, no overlaps; a place inside an organisation or event name is part of it
    chosen: list[tuple[int, int, str]] = []
    taken = [False] * (len(text) + 1)
    for s, e, lab in sorted(set(found), key=lambda x: (-(x[1] - x[0]), x[0])):
        if not any(taken[s:e]):
            chosen.append((s, e, lab))
            for k in range(s, e):
                taken[k] = True
    # other occurrences of the names found
    for name, lab in sorted({(text[s:e], lab) for s, e, lab in chosen}, key=lambda x: (-len(x[0]), x[0])):
        for m in re.finditer(re.escape(name), text):
            if not any(taken[m.start():m.end()]):
                chosen.append((m.start(), m.end(), lab))
                for k in range(m.start(), m.end()):
                    taken[k] = True
    return sorted(chosen)


@Language.component("thinktank_zh_rules")
def thinktank_zh_rules(doc: Doc) -> Doc:
    """Rule-based entities for Chinese (see `zh_entities`), set as `doc.ents`."""
    spans = []
    for s, e, lab in zh_entities(doc.text):
        sp = doc.char_span(s, e, label=lab, alignment_mode="expand")
        if sp is not None:
            spans.append(sp)
    doc.ents = sorted(filter_spans(spans), key=lambda sp: sp.start)
    return doc


