"""Entity scoring on small hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.evaluate import Score, evaluate_entities, format_table, normalise_name, score_document

GOLD = [{"name": "Zhang Qinkun", "type": "PERSON", "mentions": ["ZHANG Qinkun"]},
        {"name": "Center for International Security and Strategy", "type": "ORG",
         "mentions": ["Center for International Security and Strategy", "CISS", "CISS"]},
        {"name": "China", "type": "GPE", "mentions": ["China"]}]


@pytest.mark.parametrize("a,b,label", [("SU Zhong", "Zhong Su", "PERSON"), ("the Tencent Research Institute", "Tencent Research Institute", None),
                                       ("Alibaba’s", "Alibaba", None), ("Dr. Su Zhong", "Su Zhong", "PERSON")])
def test_evaluate_normalise_name_equal(a, b, label):
    assert normalise_name(a, label) == normalise_name(b, label)


def test_evaluate_perfect_prediction():
    pred = [{"name": "Zhang Qinkun", "label": "PERSON", "mentions": ["ZHANG Qinkun"]},
            {"name": "Center for International Security and Strategy", "label": "ORG", "aliases": ["CISS"],
             "mentions": ["Center for International Security and Strategy", "CISS", "CISS"]},
            {"name": "China", "label": "GPE", "mentions": ["China"]}]
    e, mm, missed, spurious = score_document(GOLD, pred)
    assert (e.f1, mm.f1, missed, spurious) == (1.0, 1.0, [], [])


def test_evaluate_wrong_label_is_miss_and_spurious():
    pred = [{"name": "China", "label": "ORG", "mentions": ["China"]}]
    e, mm, missed, spurious = score_document(GOLD, pred)
    assert e == Score(0, 1, 3) and mm == Score(0, 1, 5) and spurious == ["ORG:China"] and len(missed) == 3


def test_evaluate_match_by_alias_and_mention_multiset():
    pred = [{"name": "CISS", "label": "ORG", "mentions": ["CISS"]}]  # one CISS of two, no long form
    e, mm, _, _ = score_document(GOLD, pred)
    assert e == Score(1, 1, 3) and mm == Score(1, 1, 5)
    assert mm.precision == 1.0 and mm.recall == pytest.approx(1 / 5)


def test_evaluate_norp_not_scored():
    pred = [{"name": "Chinese", "label": "NORP", "mentions": ["Chinese"]}]
    e, _, _, spurious = score_document(GOLD, pred)
    assert e.n_pred == 0 and spurious == []


def test_evaluate_one_prediction_matches_one_gold_entity():
    gold = [{"name": "Tencent", "type": "ORG", "mentions": ["Tencent"]}, {"name": "Tencent", "type": "ORG", "mentions": ["Tencent"]}]
    e, _, _, _ = score_document(gold, [{"name": "Tencent", "label": "ORG", "mentions": ["Tencent"]}])
    assert e == Score(1, 1, 2)


def test_evaluate_report_per_language_and_table():
    gold = {"a": {"language": "en", "entities": GOLD}, "b": {"language": "fr", "entities": [
        {"name": "Beijing", "type": "GPE", "mentions": ["Beijing"]}]}}
    pred = {"a": [{"name": "China", "label": "GPE", "mentions": ["China"]}]}
    rep = evaluate_entities(gold, pred)
    assert rep.by_language["en"][0] == Score(1, 1, 3) and rep.by_language["fr"][0] == Score(0, 0, 1)
    table = format_table(rep)
    assert "language fr" in table and "overall" in table and len(table.splitlines()) == 2 + 2 + 1 + 2 + 1


@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_evaluate_gold_files_are_well_formed(seed):
    data = json.loads((Path(__file__).parent / "gold" / f"entities_{seed}.json").read_text(encoding="utf-8"))
    assert data["entities"]
    for ent in data["entities"]:
        assert ent["type"] in {"PERSON", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT"} and ent["mentions"]


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ent = st.fixed_dictionaries({"name": st.sampled_from(["China", "CISS", "Su Zhong", "Tencent"]),
                              "type": st.sampled_from(["PERSON", "ORG", "GPE"]),
                              "mentions": st.lists(st.sampled_from(["China", "CISS", "SU Zhong", "Tencent"]), max_size=4)})


@given(st.lists(_ent, max_size=6), st.lists(_ent, max_size=6))
def test_evaluate_scores_bounded_and_self_match_perfect(gold, pred):
    e, mm, _, _ = score_document(gold, pred)
    for s in (e, mm):
        assert 0.0 <= s.precision <= 1.0 and 0.0 <= s.recall <= 1.0 and s.tp <= min(s.n_pred, s.n_gold)
    e_self, m_self, missed, _ = score_document(gold, [dict(g, label=g["type"]) for g in gold])
    assert missed == [] and m_self.f1 == 1.0
