"""Structure scoring against gold in the devset-real format (corpus.evaluate_structure)."""

from __future__ import annotations

import pytest

from corpus.evaluate_structure import PredictedStructure, date_matches, leaked_lines, score_report

GOLD = {
    "title": "Water and Power: A Regional Review",
    "authors": ["Ana Silva"],
    "date": "2023-06",
    "headings": [{"title": "1. Scope", "level": 1}, {"title": "1.1 Method", "level": 2}],
    "footnotes": [{"n": 1, "text": "A note  text."}],
    "markers_without_text": [2],
    "figures": [{"label": "Figure 1", "caption": "Dams by size", "source": "Survey"}],
    "furniture_lines": ["Water and Power", "3"],
    "cover_boilerplate": ["© Institute 2023"],
    "must_contain": ["Dams matter."],
}


def _perfect() -> PredictedStructure:
    return PredictedStructure(
        title="WATER AND POWER  A Regional Review", authors=("Ana Silva",), published_month="2023-06",
        text="1. Scope\n\nDams matter.\n\n1.1 Method", headings=(("1. Scope", 1), ("1.1 Method", 2)),
        footnotes=((1, "A note text.", True), (2, "", True)), figures=(("Figure 1", "Dams by size", "Survey"),),
    )


def test_evaluate_structure_perfect_prediction_scores_one():
    result = score_report(GOLD, _perfect(), raw="Water and Power\n3\n© Institute 2023\nDams matter.")
    assert {name: s.recall for name, s in result.measures.items()} == {name: 1.0 for name in result.measures}
    assert not result.misses


def test_evaluate_structure_wrong_level_and_leaked_footer_are_counted():
    predicted = PredictedStructure(text="Dams matter.\n\nWater and Power\n\n3", headings=(("1. Scope", 1), ("1.1 Method", 1)))
    result = score_report(GOLD, predicted, raw="Water and Power\n3\nDams matter.")
    assert result.measures["headings"].tp == 1 and result.measures["heading_text"].tp == 2
    assert result.measures["furniture_out"].tp == 0
    assert result.measures["title"].tp == 0 and result.measures["date"].tp == 0


def test_evaluate_structure_absent_keys_are_not_scored():
    result = score_report({"headings": []}, PredictedStructure())
    assert set(result.measures) == {"headings", "heading_text"}


@pytest.mark.parametrize(("gold", "day", "month", "ok"), [
    ("2023-06", None, "2023-06", True),
    ("2023-06", "2023-06-01", "2023-06", False),  # a day that was not printed
    ("2024-10-03", "2024-10-03", "2024-10", True),
    (None, None, None, True),
    (None, None, "2024-10", False),
])
def test_evaluate_structure_date_at_printed_precision(gold, day, month, ok):
    assert date_matches(gold, day, month) is ok


def test_evaluate_structure_furniture_repeating_real_body_text_is_allowed():
    # the raw has the line three times, only two are furniture: one body occurrence is allowed
    score, leaks = leaked_lines(["Summary", "Summary"], "Summary\n\nText.", "Summary\nSummary\nSummary\nText.")
    assert score.tp == 2 and not leaks


def test_evaluate_structure_page_number_and_a_numbered_heading_printed_as_one_line():
    raw = "2 Scope\nText of the scope.\n2"
    score, leaks = leaked_lines(["2"], "2 Scope\n\nText of the scope.", raw)
    assert score.tp == 1 and not leaks  # the heading's number is printed with its title: no leak
    score, leaks = leaked_lines(["2"], "2 Scope\n\n2 Text of the scope.", raw)
    assert score.tp == 0 and leaks == ("2",)  # the page number glued to the next paragraph is a leak


def test_evaluate_structure_cli_scores_seed_003_and_records_it(seeds_build, tmp_path):
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from corpus.cli import app

    gold = Path(__file__).resolve().parents[1] / "tests" / "golden" / "structure_seed_003.json"
    target = tmp_path / "quality.json"
    result = CliRunner().invoke(app, ["eval", str(seeds_build), "--structure-gold", str(gold), "--write", str(target),
                                      "--name", "structure"])
    assert result.exit_code == 0, result.output
    assert "| 003_b2e28905b3ba221b |" in result.output
    overall = json.loads(target.read_text())["structure"]["result"]["structure"]["overall"]
    assert overall["headings"]["value"] == 1.0 and overall["footnotes"]["value"] == 1.0


def test_evaluate_structure_cli_missing_structure_gold_exits_2(seeds_build, tmp_path):
    from typer.testing import CliRunner

    from corpus.cli import app

    result = CliRunner().invoke(app, ["eval", str(seeds_build), "--structure-gold", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
