"""Rule-based Chinese entities (no statistical Chinese pipeline is on PyPI): the registered component
`thinktank_zh_rules` over `spacy.blank("zh")` (character segmenter, no download).

Both scripts: the rules match on the text converted to Simplified characters one by one (`script.py`),
so a span found there has the same offsets in the original Traditional text. Vocabularies are the data
files `data/zh_*.txt`; places come from maintained data (`places.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from corpus.enrich.entities.chinese_context import context_organisations
from corpus.enrich.entities.chinese_regions import district_spans, region_spans
from corpus.enrich.entities.places import zh_places
from corpus.enrich.entities.script import to_simplified
from corpus.enrich.entities.vocab import entries, words

RULE_BASED = {"zh": "thinktank_zh_rules"}
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_IS_CJK = re.compile(f"[{_CJK}]")


def _longest_first(name: str) -> tuple[str, ...]:
    return tuple(sorted(entries(name), key=lambda w: (-len(w), w)))


ZH_ORG_HEADS = _longest_first("zh_org_heads")
ZH_WEAK_HEADS = words("zh_weak_heads")
ZH_HEAD_COMPOUNDS = words("zh_head_compounds")
ZH_HEAD_WORDS = words("zh_head_words")
ZH_HEAD_INITIAL_WORDS = words("zh_head_initial_words")
ZH_PERSON_ROLES = _longest_first("zh_person_roles")
ZH_PERSON_NOUNS = words("zh_person_nouns")
ZH_CHECKED_ROLES = words("zh_checked_roles")
ZH_GROUP_NOUNS = tuple(entries("zh_group_nouns"))
# one-character heads that open a role word ("部长", "局长", "院长"): "经济部长" is the minister of 经济部
_HEAD_OF_ROLE = frozenset("部局院所署司处厅")
ZH_COMPOUND_SURNAMES = words("zh_compound_surnames")
ZH_BOUNDARY_WORDS = _longest_first("zh_boundary_words")
ZH_ORGANISER_VERBS = _longest_first("zh_organiser_verbs")
ZH_EVENT_HEADS = "|".join(_longest_first("zh_event_heads"))
ZH_SURNAME_CHARS = words("zh_surname_chars")
ZH_FA_WORDS = words("zh_fa_words")
ZH_EDGE_WORDS = _longest_first("zh_edge_words")
# characters that end a name on its left: particles, conjunctions, prepositions, copula, aspect markers
ZH_FUNCTION = frozenset("在由和与及或的、，。；：！？（）()“”‘’《》「」『』为对向从将把被是于了也并而但就都又还等让使给")
# characters that cannot end a three-character name: they start the verb or particle after a two-character name
ZH_AFTER_NAME = frozenset("在说表指认介分结称的和与等也还则就是对为提以将已于向从透谈呼致主发出报坦、，。：；（）")
ZH_LAW_TAILS = ("法", "条例", "规定", "办法", "法案", "规划", "纲要", "意见", "决定", "通知", "指引", "准则", "细则",
                "公约", "协定", "条约", "标准", "规则", "方案", "计划", "措施")
# a qualifier in brackets closing a title: its status (（试行）, （草案）, （征求意见稿）, （2024年修订）)
_ZH_TITLE_QUALIFIER = re.compile(r"[（(][^（）()]{1,10}[）)]$")
# the ends of newspaper and journal titles, written in title marks (《环球时报》, 《中国社会科学》杂志 aside)
ZH_PERIODICAL_TAILS = ("日报", "晚报", "时报", "早报", "周报", "商报", "导报", "学报", "周刊", "月刊", "杂志", "画报")
ZH_PLACE_SUFFIX = "省|市|自治区|特别行政区|县"
ZH_PLACE_SUFFIX_WORDS = words("zh_place_suffix_words")
_ZH_ORG = re.compile("|".join(ZH_ORG_HEADS))
# a role word, with the rank prefixes that make a longer role ("副局长", "常务副主任", "高级工程师")
_ZH_ROLE = re.compile("(?:常务副|执行副|副|高级|资深)?(" + "|".join(sorted(set(ZH_PERSON_ROLES) | ZH_PERSON_NOUNS, key=lambda w: (-len(w), w)))
                      + ")(?!会)")  # 委员会, 董事会: bodies
_ZH_LAW = re.compile(r"《([^《》\n]{1,40})》")
# a law cited without title marks, known by what follows it: its draft, amendment, rules or an article
# ("个人资料保护法修正草案", "数据安全法第21条")
_ZH_BARE_LAW = re.compile(r"(?:法|条例)(?=修正草案|修正案|草案|施行细则|实施细则|第[一二三四五六七八九十百\d]+条)")
_ZH_EVENT = re.compile(r"[“「『][^“”「」『』\n]{1,40}[”」』][" + _CJK + r"]{0,4}?(?:" + ZH_EVENT_HEADS
                       + r")|第[一二三四五六七八九十百\d]+届[" + _CJK + r"]{2,20}?(?:" + ZH_EVENT_HEADS + r")")
_ZH_EVENT_HEAD = re.compile(ZH_EVENT_HEADS)
_ZH_PLACE_VERB = re.compile(r"(?:在|赴|到|前往)([" + _CJK + r"]{2,4}?)(?:举办|召开|举行|开幕|开展|调研|考察|参加|出席|访问)")
_ZH_PLACE_LIST = re.compile(r"(?<=[，。；：、,;:\s])([" + _CJK + r"]{2,4}(?:、[" + _CJK + r"]{2,4})+)等(?:地|省|省份|城市|地区)")
# a district (区) only after a preposition of place ("在中坜区"): "跨区", "分区" open many common words
_ZH_PLACE_ADMIN = re.compile(r"(?<![" + _CJK + r"])([" + _CJK + r"]{2,3})(?:" + ZH_PLACE_SUFFIX + r")|(?<=[在赴到于从])(["
                             + _CJK + r"]{2,3}(?:" + ZH_PLACE_SUFFIX + r"|区))")
# a news dateline: "本报乌镇9月26日电", "新华社北京10月28日电"
_ZH_DATELINE = re.compile(r"(?:本报|社|记者[" + _CJK + r"]{2,3}?)([" + _CJK + r"]{2,4}?)(?:\d{1,2}(?:月\d{1,2})?日)?电")
# a news agency: "新华社记者", "中新社电" (a name ending in 社 before a reporting word), "新华社北京3日电" (before a
# dateline), "路透社与法新社报导" (two agencies joined by a conjunction before a reporting word)
_ZH_REPORTING = r"记者|电|讯|报道|报导|消息|发|引述|指出"
_ZH_AGENCY = re.compile(r"([" + _CJK + r"]{1,5}社)(?=" + _ZH_REPORTING + r"|[" + _CJK + r"]{2,4}?(?:\d{1,2}(?:月\d{1,2})?日)?电"
                        r"|[与和及、][" + _CJK + r"]{1,5}社(?:" + _ZH_REPORTING + r"))")
# characters that point back ("该社" the agency, "本院" this institute, "其" its): a reference, not a name
ZH_DEICTIC = frozenset("该本此其各")
_ZH_AGENCY_SECOND = re.compile(r"(?<=社[与和及、])([" + _CJK + r"]{1,5}社)(?=" + _ZH_REPORTING + r")")
# a person named before a verb of saying at the start of a clause: "张伟表示，", "刘晓明指出" (surname checked)
_ZH_SPEAKER = re.compile(r"(?:^|(?<=[，。；：、,;:\s（(“「]))([" + _CJK + r"]{2,4}?)(?=表示|指出|认为|强调|介绍说|透露|坦言|呼吁)")
# last characters of collective words that start with a surname character: "马方" (the Malaysian side), "高层"
_NOT_NAME_END = frozenset("方们层府部局院会国家界处司所")
# a council or commission cited by its three-character short form ("资策会", "国发会", "金管会"), standing
# between punctuation or conjunctions; words ending in 会 ("大会", "社会", "机会") are not such forms
_ZH_COUNCIL_SHORT = re.compile(r"(?:^|(?<=[，。；：、,;:（(「“\s与和及由]))([" + _CJK + r"]{2}会)(?=[，。；：、,;:.）)」”\s与和及将的也已在于今昨共等\d一二三四五六七八九十]|表示|指出|认为|强调)")
ZH_HUI_WORDS = words("zh_hui_words")
_OUR_COUNTRY = re.compile(r"我国")  # "our country" in Chinese news and reports: China
CHINA = "中国"


@lru_cache(maxsize=1)
def _international() -> tuple[str, ...]:
    return _longest_first("zh_international_orgs")


def _zh_name_start(text: str, end: int, limit: int = 20) -> int:
    """Start of the run of CJK characters that ends at `end`, bounded by punctuation, function characters,
    a verb that cannot be inside a name (召开, 举办 ...) or a year ("2021年")."""
    i = end
    while i > 0 and end - i < limit and _IS_CJK.match(text[i - 1]) and text[i - 1] not in ZH_FUNCTION:
        if any(text.endswith(w, 0, i) for w in ZH_BOUNDARY_WORDS):
            break
        if text[i - 1] == "年" and i > 1 and text[i - 2].isdigit():
            break
        i -= 1
    return i


def _lead_length(run: str) -> int:
    """Length of the words that open `run` before a name: up to the end of its last verb that cannot be inside a
    name ("支持华为" -> 2), or a preposition as its first character ("在华为")."""
    ends = [m.end() for w in ZH_BOUNDARY_WORDS if len(w) > 1 for m in re.finditer(re.escape(w), run[:-1])]
    lead = max(ends, default=0)
    return lead + 1 if lead < len(run) - 2 and run[lead] in "在对向从与将把被让给由和及" else lead


_GOVERNMENT_HEADS = frozenset({"政府", "市府", "县府"})


def _is_law_title(title: str) -> bool:
    """A title in 《》 that names a legal instrument: it ends in one (法, 条例, 办法, 方案 ...), maybe before a
    bracketed status ("（试行）"); a bare instrument word is a short form of a title given before (《方案》), and
    a common word ending in 法 is a book's subject (《学习方法》)."""
    core = title[: _ZH_TITLE_QUALIFIER.search(title).start()] if _ZH_TITLE_QUALIFIER.search(title) else title
    tail = next((t for t in ZH_LAW_TAILS if core.endswith(t)), None)
    return tail is not None and len(core) >= len(tail) + 2 and core[-2:] not in ZH_FA_WORDS


def _with_year(text: str, start: int) -> int:
    """Start of an event name with the year written right before it ("2024世界人工智能大会"); a year with 年
    ("2024年世界人工智能大会") dates the sentence and stays outside."""
    year = re.search(r"(?<!\d)(?:19|20)\d\d$", text[max(0, start - 5):start])
    return start - 4 if year else start


def _has_surname(name: str) -> bool:
    return name[:1] in ZH_SURNAME_CHARS or name[:2] in ZH_COMPOUND_SURNAMES


def _given_name_size(name: str) -> int:
    """Length of the person's name that opens `name` (the characters after a role word): two or three
    characters, four after a two-character surname ("欧阳明辉"); 0 when it opens with a function character."""
    if len(name) < 2 or not re.fullmatch(f"[{_CJK}]+", name[:2]) or name[0] in ZH_FUNCTION or name[0] in ZH_AFTER_NAME:
        return 0
    fits = [i for i in range(2, min(len(name), 4)) if _IS_CJK.match(name[i]) and name[i] not in ZH_AFTER_NAME]
    longest = 2 + len([i for k, i in enumerate(fits) if i == 2 + k])
    return min(longest, 4 if name[:2] in ZH_COMPOUND_SURNAMES else 3)


def strip_edge_words(name: str) -> str:
    """`name` without the words that follow a name ("X研究院有关" -> "X研究院", "X局相关" -> "X局"; "有关" -> "")."""
    while True:
        word = next((w for w in ZH_EDGE_WORDS if name.endswith(w)), None)
        if word is None:
            return name
        name = name[: -len(word)]


# the heads of government departments, whose names may join two fields with 和 or 及 ("工业和信息化部")
_DEPARTMENT_HEADS = frozenset({"部", "局", "委", "厅", "署", "委员会", "办公室"})


# what may follow a short name standing on its own (a list item, the subject of a clause)
_AFTER_SHORT_NAME = frozenset("，。；：、）)」”,;:.与和及将的也已在于今昨共等联发表")


def _standing_alone(text: str, start: int, end: int) -> bool:
    """A three-character name with a one-character head ("教育部", "商务部") standing between punctuation or
    conjunctions or before a role ("金管局副总裁"), as list items and subjects stand; inside a run it is a word
    ("内部", "干部")."""
    before = text[start - 1] if start else "。"
    after = text[end] if end < len(text) else "。"
    return before in "，。；：、（(「“,;:\n 与和及由" and (after in _AFTER_SHORT_NAME or bool(_ZH_ROLE.match(text, end))) \
        and text[start] not in ZH_DEICTIC


def _conjoined_start(text: str, start: int, head_at: int, head: str) -> int:
    """Start of a name that joins two fields ("工业和信息化部", "文化和旅游部"; with 及 any organisation:
    "创新科技及工业局", "香港交易及结算所有限公司"): the
    run before 和/及 belongs to the name when it is a short field (2-4 characters standing after punctuation or
    at the start), not itself a name (a place, an organisation) and the field after the conjunction is short."""
    if start < 3 or not (text[start - 1] == "及" or text[start - 1] == "和" and head in _DEPARTMENT_HEADS) \
            or not 2 <= head_at - start <= 5:
        return start
    left_start = _zh_name_start(text, start - 1, limit=9)
    left = text[left_start:start - 1]
    place = re.match(f"[{_CJK}]{{2,4}}?(?:{ZH_PLACE_SUFFIX}|区)", left) if len(left) > 4 else None
    known = _place_prefix(left) if len(left) > 3 else 0
    # "北山市发展和改革委": a city's department; "香港交易及结算所": a place's exchange
    field = left[place.end():] if place else left[known:] if known and len(left) - known >= 2 else left
    if not 2 <= len(field) <= 4 or (left_start > 0 and _IS_CJK.match(text[left_start - 1]) and text[left_start - 1] not in ZH_FUNCTION):
        return start  # the run before the conjunction is cut by a word, not by punctuation
    if _is_place(field) or left.endswith(ZH_ORG_HEADS) or left[0] in ZH_DEICTIC:
        return start  # "美国和欧盟委员会", "财政部和税务总局": two names
    return left_start


def _is_speaker_name(name: str) -> bool:
    """A name before a verb of saying: a surname and one or two characters (two after a two-character surname),
    not a place or a surname with a title ("郑市长"); a two-character word ending in a collective character ("马方", "高层") is not a name, a given
    name may end in 国 ("张建国")."""
    if _ZH_ROLE.fullmatch(name[1:]):
        return False  # "郑市长表示": a surname and a title (the surname alone is the person)
    if len(name) == 4:
        return name[:2] in ZH_COMPOUND_SURNAMES
    ends = _NOT_NAME_END if len(name) == 2 else _NOT_NAME_END - {"国"}
    return _has_surname(name) and name[-1] not in ends and not _is_place(name)


def _is_place(name: str) -> bool:
    """A gazetteer place, with or without its administrative suffix ("桃园", "桃园市")."""
    places = zh_places()
    return name in places or re.sub(f"(?:{ZH_PLACE_SUFFIX})$", "", name) in places


def _place_prefix(run: str) -> int:
    """Length of the longest known place (with its administrative suffix, if any) that opens `run`; 0 if none."""
    return next((k for k in range(len(run), 1, -1) if _is_place(run[:k])), 0)


def _place_parts(run: str, at: int) -> list[tuple[int, int, str]]:
    """A place run as its places: "浙江乌镇" (province + town) is two places when both halves are known."""
    places = zh_places()
    for k in range(2, len(run) - 1):
        if run[:k] in places and run[k:] in places:
            return [(at, at + k, "GPE"), (at + k, at + len(run), "GPE")]
    return [(at, at + len(run), "GPE")]


# a count before a noun ("多家", "两所", "12家", "一批"): the phrase counts things, it does not name one
_COUNTED = re.compile(r"[\d一二两三四五六七八九十百千几多数若干逾余近约]+[家个所批类]")  # not 位: "数位" is "digital"


def _generic_modifier(text: str, start: int, head_at: int, head: str) -> bool:
    """The words before the head are a term the text uses on its own ("人工智能" + "公司"): a common noun
    phrase, not a name (counted where the modifier is not followed by the same head)."""
    modifier = text[start:head_at]
    if len(modifier) < 2 or _is_place(modifier):
        return False  # "桃园市政府": a place's own government or body is named after the place
    alone = sum(1 for m in re.finditer(re.escape(modifier), text) if not text.startswith(head, m.end()))
    return alone >= 2


def zh_entities(text: str) -> list[tuple[int, int, str]]:
    """Rule-based Chinese entities as (start, end, label) character spans of `text` (either script):
    - 《...》 with a law-like ending (法, 条例, 规定, 办法 ...) -> LAW (the title without the marks); a name ending
      in 法/条例 without marks before its draft, amendment, rules or an article ("...法修正草案") -> LAW;
    - a quoted title + meeting noun ("“...”专题研讨会", "「...」研讨会"), "第N届...论坛", and a run of
      characters ending in a meeting noun (论坛, 峰会, 大会 ...) -> EVENT, unless the forum organises something
      ("X论坛联合主办": an organisation);
    - the run of CJK characters before an organisation head (研究院, 大学, 有限公司, 委员会, 办公室, 中心 ...),
      bounded by punctuation, function characters and verbs (在/由/和/的/召开/举办 ...) -> ORG; a unit named right
      after an organisation ("钱塘理工大学能源与信息学院") is part of it and not a second organisation; a weak head
      starting a compound (部门) or after a term the text uses alone (人工智能公司) is not a name;
    - the name of an organisation before a role word ("数码港行政总裁", "立法会议员") -> ORG;
    - the 2-3 characters after a role word (院长, 教授, 研究员, 记者 ...) and a surname before one (郑市长) -> PERSON;
    - places: maintained gazetteer names (countries, provinces, cities), datelines ("本报乌镇9月26日电"),
      "在X举办", "X、Y等地", "X省/X市" -> GPE; 我国 ("our country") -> GPE (China);
    - news agencies ("新华社记者", "新华社北京3日电", "路透社与法新社报导") and international bodies (data file) -> ORG;
    - organisations without a head known by their context ("A、B等N家企业", "企业如A、B", "由A主办，B承办":
      `chinese_context.py`) -> ORG; named regions and zones by their heads ("雄安新区", "长江经济带":
      `chinese_regions.py`) -> GPE;
    - a name ends before the words that follow it (有关, 相关, 等: `data/zh_edge_words.txt`); a department name
      may join two fields with 和/及 ("工业和信息化部");
    then every other occurrence of a found name gets the same label."""

    text = to_simplified(text)
    found: list[tuple[int, int, str]] = []
    for m in _ZH_LAW.finditer(text):
        if _is_law_title(m.group(1)):
            found.append((m.start(1), m.end(1), "LAW"))
        elif m.group(1).endswith(ZH_PERIODICAL_TAILS) and len(m.group(1)) > 2 or text.startswith(("杂志", "期刊", "周刊", "月刊"), m.end()):
            found.append((m.start(1), m.end(1), "ORG"))  # 《人民日报》, 《自然》杂志: a newspaper or journal is an organisation
    for m in _ZH_BARE_LAW.finditer(text):
        start = _zh_name_start(text, m.start())
        if m.start() - start >= 3 and text[m.start() - 1:m.end()] not in ZH_FA_WORDS:  # "数据安全法", not "谈到立法"
            found.append((start, m.end(), "LAW"))
    for m in _ZH_EVENT.finditer(text):
        found.append((m.start(), m.end(), "EVENT"))
    role_chars = {k for r in _ZH_ROLE.finditer(text) for k in range(r.start(), r.end())}
    for m in _ZH_EVENT_HEAD.finditer(text):
        start = _zh_name_start(text, m.start())
        if m.end() - 1 in role_chars:
            continue  # "立法会议员": the head runs into a role word (议员)
        if m.start() - start == 2 and start > 0 and text[start - 1] == "的":
            continue  # "名为X的国际论坛": a described meeting ("an international forum"), not its name
        if m.start() - start >= 2:
            start = _with_year(text, start)
            after = text[m.end():m.end() + 4]
            label = "ORG" if any(after.startswith(v) for v in ZH_ORGANISER_VERBS) else "EVENT"
            if not _generic_modifier(text, start, m.start(), m.group()):
                found.append((start, m.end(), label))
    prev_org_end = -1
    for m in _ZH_ORG.finditer(text):
        start = _zh_name_start(text, m.start())
        name_len = m.start() - start
        weak = m.group() in ZH_WEAK_HEADS
        if weak and (text[m.end():m.end() + 1] in ZH_HEAD_COMPOUNDS or text[m.start():m.end() + 1] in ZH_HEAD_INITIAL_WORDS):
            continue  # "部门", "局面", "委员": a word, not the end of a name
        if weak and any(text.endswith(w, 0, m.end()) for w in ZH_HEAD_WORDS):
            continue  # "签署", "总部", "当局": a word ending in the head, not a name
        if prev_org_end >= 0 and start <= prev_org_end + 6 and re.fullmatch(f"[{_CJK}]*", text[prev_org_end:m.start()]) \
                and (start == prev_org_end or text[start - 1] in "与和及" and start - 1 > prev_org_end):
            # "钱塘理工大学能源与信息学院": a unit; "甲大学与乙大学" (a conjunction right after the name): two organisations
            prev_org_end = m.end()  # a unit of the organisation just named
            continue
        start = _conjoined_start(text, start, m.start(), m.group())
        name_len = m.start() - start
        if name_len < (3 if weak else 2) and not (weak and name_len == 2 and _standing_alone(text, start, m.end())):
            continue
        if m.group() in _GOVERNMENT_HEADS and not _is_place(re.sub("人民$", "", text[start:m.start()])):
            continue  # a government is named after its place ("桃园市政府", "广东省人民政府"), not "以改善政府"
        if weak and text.count(text[m.start() - 2:m.end()]) >= 3:
            continue  # a frequent compound ("数据中心") is a common noun
        if _generic_modifier(text, start, m.start(), m.group()) or _COUNTED.match(text, start, m.start()):
            continue  # "多家公司", "两所大学": a counted common noun
        if text[start] in ZH_DEICTIC and name_len <= 3:
            continue  # "本港银行", "该市政府": a pointer and a noun
        found.append((start, m.end(), "ORG"))
        prev_org_end = m.end()
    strong_heads = tuple(h for h in ZH_ORG_HEADS if h not in ZH_WEAK_HEADS)
    for s, e in context_organisations(text, _lead_length, _is_place, lambda name: name.endswith(strong_heads)):
        found.append((s, e, "ORG"))
    heads = tuple(h for h in ZH_ORG_HEADS)
    for m in _ZH_ROLE.finditer(text):
        if _ZH_ROLE.match(text, m.end()):
            continue  # "主任委员龚明鑫": the name follows the last of two role words
        name = text[m.end():m.end() + 5].lstrip(" \u3000")
        at = m.end() + len(text[m.end():m.end() + 5]) - len(name)
        size = _given_name_size(name)
        person_noun = m.group(1) in ZH_PERSON_NOUNS
        if size and (not (person_noun or m.group(1) in ZH_CHECKED_ROLES) or _has_surname(name)):
            found.append((at, at + size, "PERSON"))
        if person_noun:
            continue  # "数据专家": the words before a common noun for people are a field, not an organisation
        # before the role: a surname alone (郑市长) or the organisation the role belongs to (数码港行政总裁)
        start = _zh_name_start(text, m.start(), limit=10)
        before = strip_edge_words(text[start:m.start()])
        if len(before) == 1 and before in ZH_SURNAME_CHARS:
            found.append((start, m.start(), "PERSON"))
        elif (2 <= len(before) <= 10 and m.group() == m.group(1) and m.group(1)[0] in _HEAD_OF_ROLE and m.group(1)[1:] == "长"
              and not before.endswith(heads) and before[0] not in ZH_DEICTIC and not _is_place(before)):
            found.append((start, start + len(before) + 1, "ORG"))  # "经济部长": the head opens the role
        elif (2 <= len(before) <= 10 and before not in heads and not before.endswith(heads) and before[0] not in ZH_DEICTIC
              and not before.endswith(ZH_GROUP_NOUNS)):
            # "法国总统": a country's role; "数码港行政总裁": an organisation's
            found.append((start, start + len(before), "GPE" if _is_place(before) else "ORG"))
    for m in _ZH_COUNCIL_SHORT.finditer(text):
        if m.group(1)[1:] not in ZH_HUI_WORDS and m.group(1)[:2] not in ZH_HUI_WORDS and m.group(1)[0] not in ZH_DEICTIC | {"这", "那", "每"}:
            found.append((m.start(1), m.end(1), "ORG"))
    for m in _ZH_SPEAKER.finditer(text):
        if _is_speaker_name(m.group(1)):
            found.append((m.start(1), m.end(1), "PERSON"))
    for m in _ZH_PLACE_VERB.finditer(text):
        found.extend(_place_parts(m.group(1), m.start(1)))
    for m in _ZH_PLACE_LIST.finditer(text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            found.append((pos, pos + len(item), "GPE"))
            pos += len(item) + 1
    for m in _ZH_PLACE_ADMIN.finditer(text):
        g = 1 if m.group(1) else 2
        end = m.end(g) if g == 2 else m.end()
        if text[end - 2:end] not in ZH_PLACE_SUFFIX_WORDS:  # "数位城市", "自贸园区": a common word, not a place
            found.append((m.start(g), end, "GPE"))
    found.extend((s, e, "GPE") for s, e in region_spans(text, _zh_name_start, _place_prefix))
    found.extend((s, e, "GPE") for s, e in district_spans(text, ZH_PLACE_SUFFIX_WORDS))
    for m in _ZH_DATELINE.finditer(text):
        found.append((m.start(1), m.end(1), "GPE"))
    for pattern in (_ZH_AGENCY, _ZH_AGENCY_SECOND):
        for m in pattern.finditer(text):
            start = _zh_name_start(text, m.end(1) - 1)
            if m.end(1) - 1 - start >= 2 and text[start] not in ZH_DEICTIC:  # "路透社", not "该社" or "报社"
                found.append((start, m.end(1), "ORG"))
    for name in _international():
        found.extend((m.start(), m.end(), "ORG") for m in re.finditer(re.escape(name), text))
    for m in _OUR_COUNTRY.finditer(text):
        found.append((m.start(), m.end(), "GPE"))
    # "据路透社报道": "according to" is not part of the name after it
    found = [(s + 1, e, lab) if text[s] == "据" and e - s > 3 else (s, e, lab) for s, e, lab in found]
    # longest first, no overlaps; a place inside an organisation or event name is part of it
    chosen: list[tuple[int, int, str]] = []
    taken = [False] * (len(text) + 1)
    for s, e, lab in sorted(set(found), key=lambda x: (-(x[1] - x[0]), x[0], x[2])):
        if not any(taken[s:e]):
            chosen.append((s, e, lab))
            for k in range(s, e):
                taken[k] = True
    # gazetteer places where nothing else was found (longest names first)
    places = zh_places()
    i = 0
    while i < len(text):
        hit = next((n for n in range(6, 1, -1) if not any(taken[i:i + n]) and text[i:i + n] in places), 0)
        if hit:
            chosen.append((i, i + hit, "GPE"))
            for k in range(i, i + hit):
                taken[k] = True
            i += hit
        else:
            i += 1
    # other occurrences of the names found
    for name, lab in sorted({(text[s:e], lab) for s, e, lab in chosen}, key=lambda x: (-len(x[0]), x[0])):
        for m in re.finditer(re.escape(name), text):
            if not any(taken[m.start():m.end()]):
                chosen.append((m.start(), m.end(), lab))
                for k in range(m.start(), m.end()):
                    taken[k] = True

    return sorted(chosen)


def canonical_hint(surface: str) -> str | None:
    """我国 ("our country") stands for China; a place with its administrative suffix is the place
    ("桃園市" -> "桃園"); "X市府" is short for "X市政府"."""
    if surface == "我国":
        return CHINA
    if surface.endswith(("市府", "縣府", "县府")):
        return surface[:-1] + "政府"  # "桃園市府" is the short form of "桃園市政府"
    stem = re.sub(f"(?:{ZH_PLACE_SUFFIX})$", "", surface)
    return stem if stem != surface and len(stem) >= 2 and to_simplified(stem) in zh_places() else None


def short_form_of(short: str, names: list[str]) -> str | None:
    """The one longer organisation name among `names` that `short` abbreviates the Chinese way: its characters
    taken in order, first and last included ("国发会" of "国家发展委员会", "资策会" of "资讯工业策进会")."""
    def abbreviates(name: str) -> bool:
        s, n = to_simplified(short), to_simplified(name)
        if len(n) < len(s) + 2 or n[0] != s[0] or n[-1] != s[-1]:
            return False
        rest = iter(n)
        return all(ch in rest for ch in s)

    longer = sorted({n for n in names if abbreviates(n)})
    return longer[0] if len(longer) == 1 else None


@Language.component("thinktank_zh_rules")
def thinktank_zh_rules(doc: Doc) -> Doc:
    """Rule-based entities for Chinese (see `zh_entities`), set as `doc.ents`."""
    if not Span.has_extension("canonical_hint"):
        Span.set_extension("canonical_hint", default=None)
    spans = []
    for s, e, lab in zh_entities(doc.text):
        sp = doc.char_span(s, e, label=lab, alignment_mode="expand")
        if sp is not None:
            spans.append(sp)
    doc.ents = sorted(filter_spans(spans), key=lambda sp: sp.start)
    orgs = [sp.text for sp in doc.ents if sp.label_ == "ORG"]
    for sp in doc.ents:
        hint = canonical_hint(sp.text) or (short_form_of(sp.text, orgs) if sp.label_ == "ORG" and len(sp.text) <= 4 else None)
        if hint:
            sp._.canonical_hint = hint
    return doc
