"""Tests for `corpus.enrich.quantities.extract_quantities`.

tests/golden/quantities_seeds.json was written by reading the seeds before the extractor was tuned.
"""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.enrich.quantities import extract_quantities
from corpus.structure.news import structure_news

ROOT = Path(__file__).resolve().parents[1]
DEVSET = Path("/work/shared/devset")
SEEDS_GOLD = ROOT / "tests" / "golden" / "quantities_seeds.json"


def _report_body(raw: str) -> str:
    """Reader's body text of the report seed for this test only: notes, URLs and page numbers dropped,
    wrapped lines joined. (Report structuring belongs to `corpus.structure.report`.)"""
    kept = []
    for line in (s.strip() for s in raw.split("\n")):
        if not line or re.match(r"^\d+\.\s", line) or re.match(r"^(?:https?:|www\.|[\w.-]+/|\d\d$|\d+Samm Sacks$)", line):
            continue
        kept.append(line)
    return " ".join(kept)


def _same(a: str, b: str) -> bool:
    a, b = " ".join(a.split()), " ".join(b.split())
    return a in b or b in a


def _score(predicted, gold) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for q in predicted:
        for i, g in enumerate(gold):
            value = g["value"][0] if isinstance(g["value"], list) else g["value"]
            if i not in used and abs(q.value - value) <= 1e-6 * max(1.0, abs(value)) and _same(q.text, g["text"]):
                used.add(i)
                tp += 1
                break
    return tp, len(predicted) - tp, len(gold) - tp


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _seed_rows():
    gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))["documents"]
    for doc in gold:
        raw = (ROOT / "seeds" / doc["file"]).read_text(encoding="utf-8")
        if doc["file"].startswith("003"):
            yield doc, _report_body(raw), "en"
        else:
            yield doc, structure_news(raw).text, "fr" if doc["file"].startswith("001") else "en"


def test_quantities_seeds_gold_f1():
    tp = fp = fn = 0
    for doc, text, lang in _seed_rows():
        a, b, c = _score(extract_quantities(text, lang), doc["quantities"])
        tp, fp, fn = tp + a, fp + b, fn + c
    p, r, f1 = _prf(tp, fp, fn)
    assert tp + fn == 54
    assert p >= 0.95 and r >= 0.95 and f1 >= 0.95, (p, r, f1)


@pytest.mark.parametrize("file", ["001_268f02a432f76a7c.txt", "003_b2e28905b3ba221b.txt"])
def test_quantities_seeds_units_and_flags(file):
    rows = {doc["file"]: (doc, text, lang) for doc, text, lang in _seed_rows()}
    doc, text, lang = rows[file]
    found = {q.text: q for q in extract_quantities(text, lang)}
    for g in doc["quantities"]:
        if g["text"] in found:
            q = found[g["text"]]
            assert q.kind == g["kind"]
            assert q.approximate == g.get("approximate", False)
            if g["kind"] in ("money", "percent"):
                assert q.unit == g["unit"]


def test_quantities_devset_news_f1():
    gold = {r["file"]: r for r in json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))} if DEVSET.exists() else {}
    if not gold:
        pytest.skip("devset not available")
    tp = fp = fn = 0
    for name, record in gold.items():
        if record["genre"] != "news":
            continue
        text = structure_news((DEVSET / name).read_text(encoding="utf-8")).text
        a, b, c = _score(extract_quantities(text, record["language"]), record["quantities"])
        tp, fp, fn = tp + a, fp + b, fn + c
    p, r, f1 = _prf(tp, fp, fn)
    assert p >= 0.9 and f1 >= 0.85, (p, r, f1)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value", "unit", "kind", "currency", "approximate"),
    [
        ("a market over $5.5 trillion in size", "en", "over $5.5 trillion", 5.5e12, "USD", "money", "USD", True),
        ("acquired for $800 million.", "en", "$800 million", 8e8, "USD", "money", "USD", False),
        ("stakes worth US$4.3 billion", "en", "US$4.3 billion", 4.3e9, "USD", "money", "USD", False),
        ("a fund of €20 million", "en", "€20 million", 2e7, "EUR", "money", "EUR", False),
        ("invested RMB 10 billion in", "en", "RMB 10 billion", 1e10, "CNY", "money", "CNY", False),
        ("投资10亿元建设", "zh", "10亿元", 1e9, "CNY", "money", "CNY", False),
        ("a levy of USD 0.40 per metre", "en", "USD 0.40 per metre", 0.4, "USD/m", "money", "USD", False),
        ("coûté 2,4 millions d'euros.", "fr", "2,4 millions d'euros", 2.4e6, "EUR", "money", "EUR", False),
        ("soit 3 milliards d'euros", "fr", "3 milliards d'euros", 3e9, "EUR", "money", "EUR", False),
        ("stands at 54.3 percent, compared", "en", "54.3 percent", 54.3, "percent", "percent", None, False),
        ("increased over 30 percent from", "en", "over 30 percent", 30, "percent", "percent", None, True),
        ("fell by 40% last year", "en", "40%", 40, "percent", "percent", None, False),
        ("下降近40%。", "zh", "近40%", 40, "percent", "percent", None, True),
        ("Selon lui, 60 % de ce budget", "fr", "60 %", 60, "percent", "percent", None, False),
        ("environ 30 pour cent des cas", "fr", "environ 30 pour cent", 30, "percent", "percent", None, True),
        ("China has 751 million internet users— one-fifth", "en", "751 million internet users", 7.51e8,
         "internet users", "count", None, False),
        ("Alibaba processed 256,000 transactions per second and", "en", "256,000 transactions per second", 256000,
         "transactions per second", "count", None, False),
        ("handled 1.48 billion transactions in 24 hours", "en", "1.48 billion transactions", 1.48e9, "transactions",
         "count", None, False),
        ("brought together 23 experts from", "en", "23 experts", 23, "experts", "count", None, False),
        ("Plus de 40 représentants se sont réunis", "fr", "Plus de 40 représentants", 40, "représentants", "count",
         None, True),
        ("来自高校的30余位专家学者参加会议", "zh", "30余位", 30, "专家", "count", None, True),
        ("年节电约420万千瓦时，", "zh", "约420万千瓦时", 4.2e6, "kWh", "measure", None, True),
        ("took 19 days in 2024", "en", "19 days", 19, "days", "measure", None, False),
        ("a 10-year roadmap", "en", "10-year", 10, "years", "measure", None, False),
        ("roughly 50 times the size", "en", "roughly 50 times", 50, "times", "measure", None, True),
        ("between 500 and 1,200 kilometres", "en", "between 500 and 1,200 kilometres", 500, "km", "measure", None, False),
        ("30–35 million trips per day", "en", "30–35 million trips per day", 3e7, "trips per day", "count", None, False),
        ("le projet a duré 18 mois, concerné", "fr", "18 mois", 18, "months", "measure", None, False),
    ],
)  # fmt: skip
def test_quantities_examples(text, lang, surface, value, unit, kind, currency, approximate):
    spans = extract_quantities(text, lang)
    matching = [q for q in spans if q.text == surface]
    assert matching, [q.text for q in spans]
    (q,) = matching
    assert q.value == pytest.approx(value)
    assert (q.unit, q.kind, q.currency, q.approximate) == (unit, kind, currency, approximate)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The initiative was released in 2015 and revised in 2018.", "en"),
        ("On August 11, the team met; on 2024-12-20 and 20-12-2024 again.", "en"),
        ("It was published at 06:09:47 and updated at 14:30.", "en"),
        ("since the 19th Party Congress and the 13th Five-Year Plan", "en"),
        ("kidding themselves.”3 The second is that", "en"),
        ("in an opening Party Congress Speech.1 This is", "en"),
        ("According to article 37 of the CSL and Figure 1 compares", "en"),
        ("Grab in Southeast Asia, Ola in India, and 99 in Brazil", "en"),
        ("when it launches its Mate 10 smartphone", "en"),
        ("the two sides exchanged views", "en"),
        ("2024年全国新建大型数据中心，第19届会议", "zh"),
        ("Le 20 décembre, pour l'année 2025", "fr"),
        ("see https://example.org/2017/08/11/400-users.html", "en"),
    ],
)
def test_quantities_not_quantities(text, lang):
    assert extract_quantities(text, lang) == []


def test_quantities_picklable_and_deterministic():
    text = "Alibaba had over $25 billion in sales, compared to $12.8 billion."
    assert pickle.loads(pickle.dumps(extract_quantities)) is extract_quantities
    assert extract_quantities(text, "en") == extract_quantities(text, "en")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["en", "fr", "zh", "de", "", "und"]))
def test_quantities_offsets_hold_on_arbitrary_text(text, lang):
    spans = extract_quantities(text, lang)
    previous_end = 0
    for q in spans:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in {"money", "percent", "count", "measure"}
        assert q.start >= previous_end  # no overlaps, text order
        previous_end = q.end


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["over", "$", "5.5", "trillion", "30", "%", "million", "users", "2018", "在", "10", "亿元",
                         "约", "余位", "per", "second", ",", "Figure", "1", "between", "and", "2,4", "millions",
                         "d'euros", "\n", " ", "—", "years"]),
        max_size=25,
    ),
    st.sampled_from(["en", "fr", "zh"]),
)  # fmt: skip
def test_quantities_offsets_hold_on_number_soup(tokens, lang):
    text = " ".join(tokens)
    for q in extract_quantities(text, lang):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "lang", "surface", "low", "high"),
    [
        ("Some 30–35 million trips per day are made.", "en", "30–35 million trips per day", 3e7, 3.5e7),
        ("Approval takes one to two years in most cases.", "en", "one to two years", 1, 2),
        ("between 500 and 1,200 kilometres of cable", "en", "between 500 and 1,200 kilometres", 500, 1200),
        ("costs of between USD 6 and USD 11 billion", "en", "between USD 6 and USD 11 billion", 6e9, 1.1e10),
        ("un budget de 10 à 20 millions d'euros", "fr", "10 à 20 millions d'euros", 1e7, 2e7),
        ("年产3至5万吨", "zh", "3至5万吨", 3e4, 5e4),
    ],
)
def test_quantities_range_keeps_both_bounds(text, lang, surface, low, high):
    (q,) = [q for q in extract_quantities(text, lang) if q.text.endswith(surface)]
    assert (q.value, q.value_max) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(("text", "lang"), [("54.3 percent of users", "en"), ("751 million internet users", "en"), ("2 to 1 million users", "en")])
def test_quantities_single_number_has_no_upper_bound(text, lang):
    assert all(q.value_max is None for q in extract_quantities(text, lang))


def test_quantities_stop_words_are_spacys_lists_read_without_the_language_package():
    """The stop words come from spaCy's own lists, read from their file: the same sets as importing them,
    without importing `spacy.lang.fr` (which compiles the French tokenizer exceptions)."""
    import subprocess
    import sys

    from corpus.enrich.quantities import spacy_stop_words

    code = ("import sys; from corpus.enrich.quantities import spacy_stop_words; words = spacy_stop_words('fr'); "
            "print('spacy.lang.fr' in sys.modules, 'aux' in words)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split() == ["False", "True"]
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    assert spacy_stop_words("fr") == FR and spacy_stop_words("en") == EN
