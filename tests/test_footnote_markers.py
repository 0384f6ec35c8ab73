"""The footnotes' marker column: the validator's numbering rule and the structure scorer's comparison by printed mark."""

from __future__ import annotations

from corpus.evaluate_structure import PredictedStructure, gold_marker, score_report
from corpus.validate import _footnote_numbering_failures


def _note(number: int, marker: str) -> dict:
    return {"footnote_id": f"d/n{number:04d}", "number": number, "marker": marker}


def test_printed_numbers_or_ordinals_pass_the_numbering_rule():
    assert _footnote_numbering_failures([_note(21, "21"), _note(22, "22")]) == []  # an excerpt numbered as printed
    assert _footnote_numbering_failures([_note(1, "*"), _note(2, "1"), _note(3, "1")]) == []  # ordinals 1..N


def test_ordinal_numbering_with_a_gap_fails():
    failures = _footnote_numbering_failures([_note(1, "1"), _note(3, "1")])
    assert [(f.table, f.column) for f in failures] == [("footnotes", "number")]


def test_gold_marker_prefers_the_printed_mark():
    assert gold_marker({"n": 4, "marker": "†"}) == "†" and gold_marker({"n": 7}) == "7"


def test_restarted_numbers_count_twice_in_the_scores():
    gold = {"footnotes": [{"n": 1, "marker": "1", "text": "A."}, {"n": 2, "marker": "1", "text": "B."},
                          {"n": 3, "marker": "*", "text": "C."}], "markers_without_text": []}
    predicted = PredictedStructure(text="body", footnotes=(("1", "A.", True), ("1", "B.", True), ("2", "C.", True)))
    scores = score_report(gold, predicted, "body").measures
    assert (scores["footnotes"].tp, scores["markers"].tp) == (2, 2)
