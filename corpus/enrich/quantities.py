"""Quantities stated in a text: money, percentages, counts of things and measures (durations, sizes).

The extractor finds every number (digits, and English/French number words where a unit follows), then
reads its left context (approximation words, currency prefix) and right context (scale word, currency,
percent sign, unit, counted noun). A number with no unit is not a quantity, which is what keeps
reference numbers ("article 37", "Mate 10", "99 in Brazil") out. Years, dates, times, ordinals, footnote
markers glued to a word and numbers inside URLs are masked first.

`value` is in base units ("$4.3 billion" -> 4.3e9, "420万千瓦时" -> 4.2e6). A range ("between 500 and
1,200 kilometres", "30–35 million trips", "one to two years") is one span whose `value` is the lower
bound and `value_max` the upper one, both scaled alike.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from corpus.enrich.model import QuantitySpan
from corpus.structure.news import find_dates

# --------------------------------------------------------------------------------------------------
# Vocabulary.

SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9, "tn": 1e12,
    "mille": 1e3, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "thousands": 1e3,
}  # fmt: skip
SCALES_FR_OVERRIDE = {"billion": 1e12, "billions": 1e12, "trillion": 1e18}  # French long scale
SCALES_ZH: dict[str, float] = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}

CURRENCY_PREFIX: dict[str, str] = {
    "us$": "USD", "usd": "USD", "$": "USD", "us dollars": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "rmb": "CNY", "cny": "CNY", "¥": "CNY", "￥": "CNY", "hk$": "HKD", "hkd": "HKD",
    "a$": "AUD", "c$": "CAD", "s$": "SGD", "jpy": "JPY", "inr": "INR", "₹": "INR", "chf": "CHF",
}  # fmt: skip
CURRENCY_SUFFIX: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR", "yuan": "CNY",
    "renminbi": "CNY", "pounds": "GBP", "yen": "JPY", "rupees": "INR", "francs suisses": "CHF",
    "美元": "USD", "欧元": "EUR", "元人民币": "CNY", "人民币": "CNY", "元": "CNY", "日元": "JPY", "英镑": "GBP",
    "港元": "HKD",
}  # fmt: skip

# Measure units: surface -> normalised unit.
MEASURE_UNITS: dict[str, str] = {
    # durations
    "years": "years", "year": "years", "months": "months", "month": "months", "weeks": "weeks",
    "week": "weeks", "days": "days", "day": "days", "hours": "hours", "hour": "hours", "minutes": "minutes",
    "minute": "minutes", "seconds": "seconds", "second": "seconds", "milliseconds": "ms", "millisecond": "ms",
    "decades": "decades", "decade": "decades",
    "ans": "years", "an": "years", "années": "years", "année": "years", "mois": "months", "semaines": "weeks",
    "semaine": "weeks", "jours": "days", "jour": "days", "heures": "hours", "heure": "hours",
    "minutes_fr": "minutes", "secondes": "seconds",
    # sizes
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "miles": "miles", "mile": "miles",
    "ghz": "GHz", "mhz": "MHz", "khz": "kHz", "gb": "GB", "tb": "TB", "mb": "MB", "gigabytes": "GB",
    "gigabyte": "GB", "terabytes": "TB", "terabyte": "TB", "megabytes": "MB", "gbps": "Gbps", "mbps": "Mbps",
    "tbps": "Tbps", "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "megawatts": "MW", "gigawatts": "GW", "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t",
    "kg": "kg", "kilograms": "kg", "hectares": "ha", "ms": "ms",
    # multipliers
    "times": "times", "fois": "times", "x": "times", "fold": "times",
}  # fmt: skip
MEASURE_UNITS_ZH: dict[str, str] = {
    "万千瓦时": "kWh", "千瓦时": "kWh", "兆瓦时": "MWh", "亿千瓦时": "kWh", "度": "kWh", "兆瓦": "MW", "千瓦": "kW",
    "吉瓦": "GW", "公里": "km", "千米": "km", "米": "m", "吨": "t", "公斤": "kg", "个月": "months", "年": "years",
    "周": "weeks", "天": "days", "日": "days", "小时": "hours", "分钟": "minutes", "秒": "seconds", "倍": "times",
    "平方米": "m2", "平方公里": "km2",
}  # fmt: skip
CLASSIFIERS_ZH = "位名个家人项次台座所篇场份款条种户辆架颗枚部"

APPROX_BEFORE = (
    r"more\s+than|over|roughly|nearly|about|approximately|around|almost|some|at\s+least|close\s+to|upwards\s+of"
    r"|in\s+excess\s+of|an\s+estimated|estimated|up\s+to|plus\s+de|près\s+de|pres\s+de|environ|quelque|quelques"
    r"|presque|au\s+moins|autour\s+de|jusqu['’]à|près\s+d['’]"
)
APPROX_BEFORE_ZH = r"大约|约|近|将近|超过|逾|接近|多达|达"
APPROX_AFTER_ZH = r"左右|以上|余|多"

WORD_NUMBERS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "half a": 0.5,
    "a dozen": 12, "dozen": 12,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100,
}  # fmt: skip
# "six" is both English and French; "sept" (French seven) is dropped in English text below.
FOLD_WORDS = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10, "hundredfold": 100}

IRREGULAR_PLURALS = {"people", "staff", "personnel", "children", "men", "women", "police", "cattle", "data", "media"}
NOT_COUNT_NOUNS = {"percent", "cent", "times", "its", "his", "this", "was", "has", "is", "as", "us", "thus",
                   "yes", "less", "unless", "various", "previous", "plus", "moins", "dans", "sous", "sans",
                   "après", "depuis", "vers", "chez", "alors", "ainsi", "tous", "toutes", "nos", "vos", "leurs",
                   "ses", "mes", "tes", "ces", "des", "les", "aux", "pas", "très", "jamais"}  # fmt: skip
PER_WORDS = r"per|a|an|each|every|par|chaque"

MAX_NOUN_WORDS = 4
_PLURAL_DURATIONS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades"}
# Whitespace inside one paragraph: spaces, or a single line break (wrapped text), never a blank line.
WS = r"(?:[ \t\u00a0\u202f]|\n(?![ \t]*\n))"
REFERENCE_WORDS = (
    r"figure|fig|table|chart|map|box|chapter|section|part|article|annex|appendix|note|page|p|pp|no|nos|number"
    r"|vol|volume|phase|tier|level|stage|round|item|paragraph|para|clause|rule|line|step|session|model|version"
    r"|tableau|graphique|encadré|chapitre|partie|annexe|numéro|n°|no\.|art"
)


# --------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(spacy_stop_words("fr" if language == "fr" else "en"))


def spacy_stop_words(language: str) -> set[str]:
    """spaCy's stop-word list of `language` (`spacy/lang/<language>/stop_words.py`), read without importing the
    language package: `import spacy.lang.fr` compiles the French tokenizer exceptions first (about 3 s of CPU),
    which a build without the French pipeline never needs."""
    import importlib.util

    package = importlib.util.find_spec("spacy.lang")
    path = Path(package.submodule_search_locations[0]) / language / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_spacy_stop_words_{language}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.STOP_WORDS)


def _digits_pattern(language: str) -> str:
    if language == "fr":
        # 350 000 / 350 000 / 2,4 / 1.200 ; decimal comma
        return r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
    return r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _to_float(number: str, language: str) -> float:
    if language == "fr":
        number = re.sub(r"[ \u00a0\u202f.](?=\d{3})", "", number).replace(",", ".")
    else:
        number = number.replace(",", "")
    return float(number)


@functools.lru_cache(maxsize=8)
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    words = {w: v for w, v in WORD_NUMBERS.items() if language == "fr" or w not in {"sept", "un", "une", "cent"}}
    if language != "fr":
        words = {w: v for w, v in words.items() if w not in {"deux", "trois", "quatre", "cinq", "huit", "neuf", "dix",
                                                               "onze", "douze", "quinze", "vingt", "trente", "quarante",
                                                               "cinquante", "soixante"}}  # fmt: skip
    word_alt = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))
    word_num = rf"(?:{word_alt})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    digits = _digits_pattern(language)
    scales = dict(SCALES)
    if language == "fr":
        scales.update(SCALES_FR_OVERRIDE)
    scale_alt = "|".join(sorted((re.escape(s) for s in scales), key=len, reverse=True))
    measure_alt = "|".join(sorted((re.escape(u) for u in MEASURE_UNITS if u != "minutes_fr"), key=len, reverse=True))
    cur_pre = "|".join(sorted((re.escape(c) for c in CURRENCY_PREFIX), key=len, reverse=True))
    cur_suf = "|".join(sorted((re.escape(c) for c in CURRENCY_SUFFIX if not re.search(r"[\u4e00-\u9fff]", c)),
                              key=len, reverse=True))  # fmt: skip
    zh_scale = "|".join(SCALES_ZH)
    zh_units = "|".join(sorted((re.escape(u) for u in MEASURE_UNITS_ZH), key=len, reverse=True))
    zh_cur = "|".join(sorted((re.escape(c) for c in CURRENCY_SUFFIX if re.search(r"[\u4e00-\u9fff]", c)),
                             key=len, reverse=True))  # fmt: skip
    return {
        "number": re.compile(rf"(?P<digits>{digits})|\b(?P<word>{word_num})\b", re.IGNORECASE),
        "digits": re.compile(digits),
        "word": re.compile(rf"\b(?:{word_num})\b", re.IGNORECASE),
        "scale": re.compile(rf"{WS}?(?:-)?(?P<scale>{scale_alt})\b", re.IGNORECASE),
        "zh_scale": re.compile(rf"(?P<scale>{zh_scale})"),
        "percent": re.compile(r"[ \u00a0\u202f]?(?:%|％|\s(?:percent|per\s+cent|pour\s+cent|pct)\b)", re.IGNORECASE),
        "cur_prefix": re.compile(rf"(?:^|(?<=[\s(\[“\"'‘—–-]))(?P<cur>{cur_pre})[ \u00a0]?$", re.IGNORECASE),
        "cur_suffix": re.compile(rf"{WS}+(?:(?:d['’]|de\s+|of\s+)?)(?P<cur>{cur_suf})\b", re.IGNORECASE),
        "measure": re.compile(rf"(?:{WS}|-)(?P<unit>{measure_alt})(?![\w-])", re.IGNORECASE),
        "times_x": re.compile(r"(?P<unit>x|×)(?![\w])", re.IGNORECASE),
        "fold": re.compile(r"-?(?P<unit>fold)\b", re.IGNORECASE),
        "zh_unit": re.compile(rf"(?P<approx>余|多)?(?:(?P<cur>{zh_cur})|(?P<unit>{zh_units})|(?P<cls>[{CLASSIFIERS_ZH}]))"),
        "zh_after": re.compile(rf"(?P<after>{APPROX_AFTER_ZH})"),
        "approx_before": re.compile(rf"(?:^|(?<=[\s(“\"‘]))(?P<approx>{APPROX_BEFORE})\s+$", re.IGNORECASE),
        "approx_before_zh": re.compile(rf"(?P<approx>{APPROX_BEFORE_ZH})$"),
        "reference": re.compile(rf"(?:^|(?<=[\s(]))(?:{REFERENCE_WORDS})\.?{WS}*$", re.IGNORECASE),
        "between": re.compile(r"(?:^|(?<=\s))(?P<b>between|from|de|entre)\s+$", re.IGNORECASE),
        "range_join": re.compile(r"\s*(?:–|—|-|~|～|to|and|à|et|au|至|到)\s*", re.IGNORECASE),
        "per": re.compile(rf"{WS}+(?:{PER_WORDS}){WS}+(?P<per>[^\W\d_]+)", re.IGNORECASE),
        "noun_word": re.compile(WS + r"+(?P<q>[“\"‘])?(?P<w>[^\W\d_][\w'’-]*)(?P<cq>[”\"’])?"),
    }


@dataclass
class _Candidate:
    start: int
    end: int
    value: float
    unit: str
    kind: str
    currency: str | None = None
    approximate: bool = False
    value_max: float | None = None  # upper bound of a range


def _masked_ranges(text: str) -> list[tuple[int, int]]:
    masks = [(d.start, d.end) for d in find_dates(text)]
    for pattern in (
        r"https?://\S+|www\.\S+|\S+@\S+\.\w+",
        r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)",  # times
        r"第\s*\d+",  # Chinese ordinals
        r"\b\d+(?:st|nd|rd|th|er|e|ème|eme|re)\b",  # ordinals
        r"\(\d{4}\s*[–-]\s*\d{4}\)|\b(?:19|20)\d\d\s*[–-]\s*(?:19|20)?\d\d\b",  # year ranges
    ):
        masks.extend((m.start(), m.end()) for m in re.finditer(pattern, text))
    return masks


def _overlaps(start: int, end: int, masks: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in masks)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def _glued_before(text: str, start: int) -> bool:
    """A number stuck to the preceding word or closing punctuation: footnote marker or identifier."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isspace() or prev in "($€£¥￥₹([“\"‘'«—–/~～" or _is_cjk(prev):
        return False
    if prev == "-" and (start < 2 or not text[start - 2].isalnum()):
        return False
    return True


def _number_value(token: str, language: str) -> float | None:
    low = " ".join(token.lower().split())
    if low in WORD_NUMBERS:
        return float(WORD_NUMBERS[low])
    if "-" in low and not low[0].isdigit():
        tens, _, ones = low.partition("-")
        if tens in WORD_NUMBERS and ones in WORD_NUMBERS:
            return float(WORD_NUMBERS[tens] + WORD_NUMBERS[ones])
        return None
    try:
        return _to_float(token, language)
    except ValueError:
        return None


def _is_plural(word: str, language: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    if low in NOT_COUNT_NOUNS or len(low) < 3:
        return False
    if language == "fr":
        return low.endswith(("s", "x"))
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))


def _count_noun(text: str, pos: int, language: str, pats: dict[str, re.Pattern[str]]) -> tuple[int, str] | None:
    """The counted noun phrase after a number: "internet users", "transactions per second"; None if absent."""
    stops = _stop_words(language)
    words: list[str] = []
    end = pos
    cursor = pos
    for _ in range(MAX_NOUN_WORDS):
        match = pats["noun_word"].match(text, cursor)
        if not match:
            break
        word = match["w"].strip("-'’")
        low = word.lower()
        if low in stops and low not in IRREGULAR_PLURALS or low in MEASURE_UNITS:
            break
        if low.endswith(("ing", "ed")) and words:
            break
        words.append(word)
        cursor = match.end()
        if _is_plural(word, language) and not (match["q"] and not match["cq"]):
            end = cursor
            # "countries and regions": a coordinated plural noun right after
            coord = re.compile(r"\s+(?:and|et|or|ou)\s+([^\W\d_][\w-]*)").match(text, end)
            if coord and _is_plural(coord[1], language) and coord[1].lower() not in stops:
                end = coord.end()
                words.extend(text[cursor : coord.end()].split())
            if language == "fr":
                # French adjectives follow the noun: "dossiers médicaux"
                adj = pats["noun_word"].match(text, end)
                if adj and adj["w"].lower() not in stops and _is_plural(adj["w"], language) and len(words) < 3:
                    end = adj.end()
                    words.append(adj["w"])
            break
        if match["cq"] and match["q"] is None and len(words) > 1:
            break
    if end == pos:
        return None
    phrase = text[pos:end].strip().strip("“”\"‘’")
    per = pats["per"].match(text, end)
    if per and per["per"].lower() in {"second", "day", "minute", "hour", "week", "month", "year", "person",
                                      "capita", "jour", "an", "mois", "seconde", "heure"}:  # fmt: skip
        end = per.end()
        phrase = phrase + " " + text[per.start() : per.end()].strip()
    return end, " ".join(phrase.split())


def extract_quantities(text: str, language: str) -> list[QuantitySpan]:
    """Money, percentages, counts and measures in `text`; offsets index `text` (`text[start:end] == span.text`).

    `language` is a BCP-47 tag ("en", "fr", "zh"); it selects number formats (decimal comma, French long
    scale "billion" = 1e12) and word lists. Other languages are read with the English conventions.
    """
    if not text:
        return []
    lang = (language or "en").split("-")[0].lower()
    pats = _patterns(lang)
    masks = _masked_ranges(text)
    found: list[_Candidate] = []
    taken_until = 0
    for match in pats["number"].finditer(text):
        start, end = match.span()
        if start < taken_until or _overlaps(start, end, masks) or _glued_before(text, start):
            continue
        candidate = _read_quantity(text, match, lang, pats)
        if candidate is None or _overlaps(candidate.start, candidate.end, masks) and not _allowed_over_mask(
            text, candidate, masks
        ):
            continue
        found.append(candidate)
        taken_until = candidate.end
    # fold words: "tenfold"
    for match in re.finditer(r"\b(" + "|".join(FOLD_WORDS) + r")\b", text, re.IGNORECASE):
        if not any(c.start < match.end() and match.start() < c.end for c in found):
            found.append(_Candidate(match.start(), match.end(), float(FOLD_WORDS[match[1].lower()]), "times", "measure"))
    found.sort(key=lambda c: c.start)
    return [
        QuantitySpan(
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            value=c.value,
            unit=c.unit,
            kind=c.kind,
            currency=c.currency,
            approximate=c.approximate,
            value_max=c.value_max,
        )
        for c in found
    ]


def _allowed_over_mask(text: str, candidate: _Candidate, masks: list[tuple[int, int]]) -> bool:
    """A quantity may run past a masked date only if the number itself is clear of it (never the case
    for the numbers we read), so any overlap rejects the candidate."""
    return False


def _read_quantity(text: str, match: re.Match[str], lang: str, pats: dict[str, re.Pattern[str]]) -> _Candidate | None:
    start, end = match.span()
    is_word = match["word"] is not None
    value = _number_value(match.group(0), lang)
    if value is None:
        return None
    integer_year = not is_word and re.fullmatch(r"(?:19|20)\d\d", match.group(0)) is not None
    if not is_word and re.fullmatch(r"(?:19|20)\d\d\.\d{1,3}", match.group(0)):
        return None  # a year followed by a footnote marker: "in 2024.12 Know-your-customer rules"
    if pats["reference"].search(text[max(0, start - 15) : start]):
        return None  # "Figure 1", "article 37", "Chapter 2 describes"
    high: float | None = None

    # currency prefix: "$", "US$", "USD ", "RMB "
    currency: str | None = None
    prefix_start = start
    window = text[max(0, start - 12) : start]
    cur = pats["cur_prefix"].search(window)
    if cur:
        currency = CURRENCY_PREFIX[cur["cur"].lower()]
        prefix_start = start - len(window) + cur.start()

    # range: "30–35", "10.7 to 14.5", "between 500 and 1,200", "between USD 6 and USD 11"
    before = text[max(0, prefix_start - 12) : prefix_start]
    between = pats["between"].search(before)
    join = pats["range_join"].match(text, end)
    if join:
        second_at = join.end()
        if currency:
            again = re.compile(r"(?:US\$|\$|€|£|¥|USD|EUR|GBP|RMB|CNY)[ \u00a0]?", re.IGNORECASE).match(text, second_at)
            second_at = again.end() if again else second_at
        second = pats["number"].match(text, second_at)
        word_join = join.group(0).strip().lower()
        if second and (word_join not in {"and", "et"} or between):
            second_value = _number_value(second.group(0), lang)
            if second_value is not None and second_value >= value and not (integer_year and word_join in "–-"):
                high = second_value
                end = second.end()
    if between and high is not None:
        prefix_start = prefix_start - len(before) + between.start()

    # approximation words before: "over", "more than", "plus de", "近"
    approx_left = text[max(0, prefix_start - 25) : prefix_start]
    approx = pats["approx_before"].search(approx_left) or (lang == "zh" and pats["approx_before_zh"].search(approx_left))
    approximate = bool(approx)
    span_start = prefix_start - len(approx_left) + approx.start() if approx else prefix_start

    scale = 1.0
    cursor = end
    if lang == "zh" or _is_cjk(text[end : end + 1] or " "):
        zs = pats["zh_scale"].match(text, cursor)
        if zs:
            scale = SCALES_ZH[zs["scale"]]
            cursor = zs.end()
    sm = pats["scale"].match(text, cursor)
    if sm and scale == 1.0:
        key = sm["scale"].lower()
        scales = dict(SCALES)
        if lang == "fr":
            scales.update(SCALES_FR_OVERRIDE)
        if not (key in {"thousands", "mille"} and is_word):
            scale = scales[key]
            cursor = sm.end()
            # "hundred million": a word number followed by a scale

    def build(kind: str, unit: str, stop: int, cur: str | None = None, approx_flag: bool = approximate) -> _Candidate:
        after = pats["zh_after"].match(text, stop) if lang == "zh" else None
        if after and after["after"] in ("左右", "以上"):
            stop = after.end()
            approx_flag = True
        return _Candidate(span_start, stop, value * scale, unit, kind, cur, approx_flag, high * scale if high is not None else None)

    # percent
    pm = pats["percent"].match(text, cursor)
    if pm and not is_word:
        return build("percent", "percent", pm.end())

    # Chinese: currency, unit, classifier after the number (and scale)
    if lang == "zh" or (text[cursor : cursor + 1] and _is_cjk(text[cursor])):
        zu = pats["zh_unit"].match(text, cursor)
        if zu:
            approx_flag = approximate or bool(zu["approx"])
            if zu["cur"]:
                return build("money", CURRENCY_SUFFIX[zu["cur"]], zu.end(), CURRENCY_SUFFIX[zu["cur"]], approx_flag)
            if zu["unit"]:
                unit_text = zu["unit"]
                if unit_text == "年" and integer_year:
                    return None
                if unit_text == "日" or (unit_text in {"年", "周"} and scale != 1.0):
                    return None
                local_scale = 1e4 if unit_text.startswith("万") else 1e8 if unit_text.startswith("亿") else 1.0
                cand = build("measure", MEASURE_UNITS_ZH[unit_text], zu.end(), None, approx_flag)
                cand.value *= local_scale
                cand.value_max = cand.value_max * local_scale if cand.value_max is not None else None
                return cand
            if zu["cls"] and not integer_year:
                noun = re.match(r"[\u4e00-\u9fff]{0,2}", text[zu.end() : zu.end() + 2]).group(0)
                return build("count", noun or zu["cls"], zu.end(), None, approx_flag)
        if currency is None:
            if scale != 1.0:
                return build("count", "", cursor)
            if lang == "zh":
                return None

    # currency before the number
    if currency:
        stop = cursor
        unit = currency
        per = pats["per"].match(text, stop)
        if per and per["per"].lower() in MEASURE_UNITS or per and per["per"].lower() in {"person", "capita", "unit"}:
            stop = per.end()
            per_unit = MEASURE_UNITS.get(per["per"].lower(), per["per"].lower())
            unit = f"{currency}/{per_unit[:-1] if per_unit in _PLURAL_DURATIONS else per_unit}"
        return build("money", unit, stop, currency)

    # currency after the number: "10 million dollars", "2,4 millions d'euros"
    cs = pats["cur_suffix"].match(text, cursor)
    if cs:
        code = CURRENCY_SUFFIX[cs["cur"].lower()]
        return build("money", code, cs.end(), code)

    # multipliers "11x", "-fold"
    if not is_word and cursor == end:
        tx = pats["times_x"].match(text, cursor)
        if tx:
            return build("measure", "times", tx.end())
    fd = pats["fold"].match(text, cursor)
    if fd:
        return build("measure", "times", fd.end())

    # measures: "36,000 kilometres", "19 days", "10-year", "two years", "50 times"
    mm = pats["measure"].match(text, cursor)
    if mm:
        surface = mm["unit"].lower()
        if surface in {"x", "fold"}:
            return None
        if surface in {"a", "an", "day", "second"} and is_word and value == 1:
            return None
        if integer_year and surface in {"year", "years", "an", "ans"}:
            return None
        if surface in {"m", "ms", "mb", "an"} and mm.group(0).startswith("-"):
            return None
        if mm["unit"][:1].isupper() and (mm.group(0).startswith("-") or match.group(0)[:1].isupper()):
            return None  # part of a name: "Five-Year Plan", "Nineteen-Month Review"
        unit = MEASURE_UNITS[surface]
        if surface == "minutes" and lang == "fr":
            unit = "minutes"
        stop = mm.end()
        if unit in {"km", "m", "GB", "MW", "kW"}:
            per = pats["per"].match(text, stop)
            if per and per["per"].lower() in MEASURE_UNITS:
                stop = per.end()
                unit = f"{unit}/{MEASURE_UNITS[per['per'].lower()]}"
        return build("measure", unit, stop)

    if integer_year:
        return None
    if is_word and scale == 1.0:
        return None  # small worded counts ("two sides") are not recorded

    # counts: "751 million internet users", "23 experts", "Plus de 40 représentants"
    noun = _count_noun(text, cursor, lang, pats)
    if noun:
        stop, phrase = noun
        if value == 1 and scale == 1.0 and lang != "fr" and phrase.lower() not in IRREGULAR_PLURALS:
            return None  # "1 compares": a singular number before a plural form is a verb, not a count
        return build("count", phrase, stop)
    if scale != 1.0:
        return build("count", "", cursor)  # "5.5 million": a large count whose noun is elsewhere
    return None
