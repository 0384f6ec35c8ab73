"""Chinese report typesetting: circled note numbers, note markers after CJK punctuation, cover fields.

Chinese reports number notes with circled digits (① … ⑳) or plain digits set as superscripts right after the
full-width punctuation that ends a sentence or clause ("…42.8%。1广东…"); the cover prints the publisher on its
own line (a name ending in 研究院, 研究中心, 委员会, 大学 …), the date as "2024年8月" (Taiwan: "中華民國113年6月")
and an edition line under the title ("（2024年）").
"""

from __future__ import annotations

import re

from corpus.structure.report.layout import Line

_CIRCLED = {chr(0x2460 + k): k + 1 for k in range(20)}  # ① .. ⑳
_CIRCLED_START_RE = re.compile(r"^([\u2460-\u2473])\s*")
_CIRCLED_RE = re.compile(r"[\u2460-\u2473]")
_CJK = r"\u3400-\u9fff"
# a note number glued after CJK sentence punctuation and before CJK text or the line's end ("。1广东", "参照。2"),
# (a space after it, in text that sets digits apart, goes with it: "。1 广东"),
# or after a CJK character, "%" or "》" before CJK punctuation ("增长最快1。"); never before a unit ("3年", "10家")
CJK_MARKER_RE = re.compile(
    rf"(?:(?<=[。！？；，”」』）])|(?<=[{_CJK}%》])(?=\d{{1,3}}[，。；、：！？]|\d{{1,3}}$))(\d{{1,3}})"
    rf"(?:(?=$|[，。；、：！？])| ?(?![年月日个個家万萬亿億元倍项項条條次名位人岁歲章节節款])(?=[{_CJK}“《]))"
)


def circled_to_digits(text: str) -> str:
    """Circled note numbers as digits: a note line "① text" becomes "1 text", a marker "。②" becomes "。2"."""
    text = _CIRCLED_START_RE.sub(lambda m: f"{_CIRCLED[m.group(1)]} ", text)
    return _CIRCLED_RE.sub(lambda m: str(_CIRCLED[m.group(0)]), text)


def normalise_chinese_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages with circled note numbers read as digits and letter-spaced headings closed up (only lines that
    hold one change)."""
    def normal(text: str) -> str:
        return close_letter_spacing(circled_to_digits(text))

    return [
        [Line(normal(line.text), line.blanks_before, line.page_break, line.trailing_spaces, line.tight)
         if normal(line.text) != line.text else line for line in page]
        for page in pages
    ]


_PUBLISHER_RE = re.compile(
    rf"^[{_CJK}（）()·]{{2,30}}(?:研究院|研究所|研究中心|中心|委员会|委員會|大学|大學|学院|學院|协会|協會|联盟|聯盟|"
    rf"基金会|基金會|智库|智庫|研究会|研究會|实验室|實驗室|院|部|局|署|办公室|辦公室|公司|集团|集團)$"
)
_EDITION_RE = re.compile(r"^[（(]\s*(?:19|20)\d\d\s*年?(?:版|度)?\s*[）)]$")
_ZH_DATE_RE = re.compile(r"(?:^|(?<=\D))((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_ROC_DATE_RE = re.compile(r"(?:中華民國|中华民国|民國|民国)\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_ROC_OFFSET = 1911  # year 1 of the Republic of China era is 1912


def is_publisher_line(text: str) -> bool:
    """A cover line naming a Chinese institution ("中国信息通信研究院", "臺灣數位政策研究中心")."""
    return bool(_PUBLISHER_RE.match(text.strip()))


def is_edition_line(text: str) -> bool:
    """An edition line under a title: "（2024年）", "(2023)", "（2024年版）"."""
    return bool(_EDITION_RE.match(text.strip()))


_HAN_DIGITS = {ch: str(k) for k, ch in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_HAN_DATE_RE = re.compile(r"([〇○Ｏ零一二三四五六七八九]{4})年(十[一二]?|[一二三四五六七八九])月")


def _han_numerals_to_digits(text: str) -> str:
    """A date written in Chinese numerals ("二〇二四年八月", "二〇二三年十二月") with arabic digits."""
    def convert(match: re.Match[str]) -> str:
        month = match.group(2)
        number = 10 + ("一二".index(month[1]) + 1 if len(month) > 1 else 0) if month[0] == "十" else int(_HAN_DIGITS[month])
        return "".join(_HAN_DIGITS[ch] for ch in match.group(1)) + f"年{number}月"
    return _HAN_DATE_RE.sub(convert, text)


def find_zh_date(text: str) -> tuple[int, int, int | None, int] | None:
    """(year, month, day or None, offset) of a date printed the Chinese way ("2024年8月", "2024年8月12日",
    "二〇二四年八月", "中華民國113年6月"); None when there is none."""
    text = _han_numerals_to_digits(text)  # same length when the year has four numerals and the month one or two
    roc = _ROC_DATE_RE.search(text)
    if roc:
        return int(roc.group(1)) + _ROC_OFFSET, int(roc.group(2)), int(roc.group(3)) if roc.group(3) else None, roc.start()
    match = _ZH_DATE_RE.search(text)
    if match:
        return int(match.group(1)), int(match.group(2)), int(match.group(3)) if match.group(3) else None, match.start()
    return None


def cover_publisher(lines: list[str]) -> str | None:
    """The publisher printed on a Chinese cover: the first line under the title that names an institution."""
    return next((line.strip() for line in lines[1:] if is_publisher_line(line)), None)


_LETTER_SPACED_RE = re.compile(rf"^[{_CJK}](?: [{_CJK}]){{1,5}}$")


def close_letter_spacing(text: str) -> str:
    """A short heading set letter-spaced ("前 言", "结 语") as a reader writes it ("前言")."""
    return text.replace(" ", "") if _LETTER_SPACED_RE.match(text) else text
