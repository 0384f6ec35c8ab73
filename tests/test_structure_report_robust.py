"""No quirk of a report fails the corpus: gaps, no title, odd layouts build and validate (issue 12)."""

from __future__ import annotations

from pathlib import Path

from corpus.build import BuildRequest, run_build
from corpus.pipeline import Options
from corpus.structure.report import structure_report
from tests.report_text import blank_layout, filler


def _odd_report() -> str:
    """Notes 21-23 with 22 missing, no cover, no running head, a lone chart, a contents-like page."""
    page1 = [*filler("grid", 6), "the council agreed. 21 Then the ministry acted.23", "21", "First note.", "23",
             "Third note.", "5"]
    page2 = ["Contents", "Scope ........ 3", "Method ....... 4", "6"]
    page3 = ["12", "34", "56", "78", *filler("tail", 10), "7"]
    return blank_layout(page1, page2, page3, *[filler(f"x{k}", 10) + [str(8 + k)] for k in range(3)])


def test_robust_odd_report_structures_with_statuses_not_errors():
    doc = structure_report(_odd_report())
    notes = {n.number: n for n in doc.footnotes}
    assert sorted(notes) == [21, 22, 23] and notes[22].status == "skipped"
    assert doc.title is None and any("title" in note for note in doc.notes)


def test_robust_odd_report_builds_and_validates(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "odd_report.txt").write_text(_odd_report(), encoding="utf-8")
    result = run_build(BuildRequest(seeds=seeds, out=tmp_path / "build", options=Options(ner=False)))
    assert result.rows["documents"] == 1 and result.rows["footnotes"] == 3


def test_robust_unforeseen_error_degrades_to_plain_text_with_a_note(monkeypatch):
    import corpus.structure.report as report

    def broken(*args, **kwargs):
        raise ValueError("unforeseen layout")

    monkeypatch.setattr(report, "separate_notes", broken)
    doc = report.structure_report(_odd_report())
    assert "First note." in doc.text and not doc.sections
    assert "unforeseen layout" in doc.notes[0]


REPORTS = [Path(__file__).resolve().parents[1] / "seeds" / "003_b2e28905b3ba221b.txt",
           *sorted(Path("/work/shared/devset-real").glob("*.txt")), *sorted(Path("/work/shared/devset").glob("20[01]_*.txt"))]


def test_robust_known_reports_never_need_the_plain_text_fallback():
    """The fallback must not hide a bug: every report we know is read by the rules."""
    for path in REPORTS:
        doc = structure_report(path.read_text(encoding="utf-8"))
        assert not any("could not be read" in note for note in doc.notes), path.name
