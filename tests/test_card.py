"""The dataset card: escaping, front matter, provenance, defects, quality, determinism, freshness."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from corpus.card import md_cell, md_code, md_url, render_card, render_scores, size_category
from corpus.records import TABLES
from tests.sample_build import HOSTILE_TITLE, write_sample_build

REPO = Path(__file__).resolve().parent.parent
COMMAND = "corpus build"  # what `corpus build` records (paths are left out: they do not change the content)

HOSTILE = [
    "a|b",
    "a \\| b",
    "trailing backslash \\",
    "line one\nline two\r\nline three\u2028four",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "`code | span`",
    "**bold** _em_ [link](javascript:alert(1)) ~~del~~ $x$",
    "&lt;already escaped&gt; &amp;",
    "tab\there\x00nul\x1bescape",
    "| leading and trailing |",
    "---",
]


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _tables(html: str) -> list[tuple[int, list[int]]]:
    """(header cell count, [cell count per body row]) for every HTML table."""
    result = []
    for table in re.findall(r"<table>(.*?)</table>", html, flags=re.S):
        head = re.search(r"<thead>(.*?)</thead>", table, flags=re.S).group(1)
        body = re.search(r"<tbody>(.*?)</tbody>", table, flags=re.S)
        rows = re.findall(r"<tr>(.*?)</tr>", body.group(1), flags=re.S) if body else []
        result.append((head.count("<th"), [r.count("<td") for r in rows]))
    return result


@pytest.mark.parametrize("value", HOSTILE)
def test_card_md_cell_keeps_a_table_intact(value):
    cell = md_cell(value)
    assert "\n" not in cell and "\r" not in cell
    assert "<" not in cell and ">" not in cell
    assert re.search(r"(?<!\\)\|", cell) is None  # every pipe escaped
    html = _markdown().render(f"| a | b |\n|---|---|\n| {cell} | {md_code(value)} |\n")
    assert _tables(html) == [(2, [2])]
    assert "<script" not in html and "<img" not in html


@pytest.mark.parametrize("value", HOSTILE)
def test_card_md_cell_renders_back_to_the_text(value):
    html = _markdown().render(md_cell(value))
    text = re.sub(r"<[^>]+>", "", html).strip()
    import html as html_lib

    expected = " ".join("".join(" " if ord(c) < 32 or c == "\u2028" else c for c in value).split())
    assert html_lib.unescape(text) == expected


def test_card_md_cell_none_and_limit():
    assert md_cell(None) == ""
    assert md_cell("x" * 50, limit=10) == "x" * 9 + "…"


def test_card_md_url_only_links_plain_urls():
    assert md_url("https://example.org/a_b?c=1") == "<https://example.org/a_b?c=1>"
    assert md_url("javascript:alert(1)") == "javascript:alert(1)"
    assert "<" not in md_url("https://x.org/<script>")


@pytest.mark.parametrize("n, bucket", [(0, "n<1K"), (999, "n<1K"), (1000, "1K<n<10K"), (250_000, "100K<n<1M")])
def test_card_size_category(n, bucket):
    assert size_category(n) == bucket


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("build")
    tables, processed = write_sample_build(folder)
    seeds = tmp_path_factory.mktemp("seeds")  # an empty seeds folder: no manifest, no quality.json
    card = render_card(folder, tables, processed, command=COMMAND, seeds=seeds)
    return folder, tables, processed, card


def _front_matter(card: str) -> dict:
    assert card.startswith("---\n")
    return yaml.safe_load(card.split("---\n", 2)[1])


def test_card_front_matter_describes_every_table(sample):
    folder, tables, _, card = sample
    meta = _front_matter(card)
    assert meta["language"] == ["en", "fr"]
    assert meta["license"] == "other"
    assert meta["size_categories"] == ["n<1K"]
    assert [c["config_name"] for c in meta["configs"]] == list(TABLES)
    split_tables = {name for name, model in TABLES.items() if "split" in model.model_fields}
    assert split_tables == {"paragraphs", "ner"}
    for c in meta["configs"]:
        expected = [f"{c['config_name']}/{s}-*.parquet" for s in sorted({r.split for r in getattr(tables, c["config_name"])})] if c["config_name"] in split_tables else [f"{c['config_name']}/*.parquet"]
        assert sorted(f["path"] for f in c["data_files"]) == expected
    rows = {name: len(records) for name, records in tables.items()}
    for info in meta["dataset_info"]:
        assert sum(s["num_examples"] for s in info["splits"]) == rows[info["config_name"]]
        assert [f["name"] for f in info["features"]] == list(TABLES[info["config_name"]].model_fields)


def test_card_every_markdown_table_is_well_formed(sample):
    html = _markdown().render(sample[3].split("---\n", 2)[2])
    tables = _tables(html)
    assert len(tables) > 10
    for header, rows in tables:
        assert all(n == header for n in rows), (header, rows)
    assert "<script" not in html and "<b>" not in html and "<i>" not in html and "<em>big" not in html


def test_card_has_provenance_defects_and_column_dictionary(sample):
    folder, tables, _, card = sample
    for doc in tables.documents:
        assert f"`{doc.source_file}`" in card and doc.sha256 in card
    assert md_cell(HOSTILE_TITLE, limit=120) in card
    assert "`001_report/n0002` | missing\\_text" in card
    assert "`001_report/n0003` | truncated" in card
    assert "footnote 2: marker found, note text missing" in card  # ProcessedDocument.notes
    for name, model in TABLES.items():
        assert f"#### `{name}` ({len(getattr(tables, name))} rows)" in card
        for column in model.model_fields:
            assert f"| `{column}` |" in card
    for heading in ("## Motivation", "## Uses", "### Out-of-scope use", "## Composition", "## Collection and extraction process",
                    "## Preprocessing and cleaning", "## Bias, risks and limitations", "## Distribution and licences", "## Maintenance",
                    "## Build environment and reproducibility", "## Measured extraction quality"):
        assert heading in card
    assert "unknown (not recorded)" in card
    assert "Quality has not been measured for this build" in card


def test_card_lists_output_files_with_checksums_and_no_absolute_paths(sample):
    from corpus.metadata import output_files

    folder, _, _, card = sample
    for f in output_files(folder):
        assert f"| `{f.path}` | {f.n_bytes} | `{f.sha256}` |" in card
    assert str(folder) not in card and "/tmp" not in card
    assert f"Built with: `{COMMAND}`" in card


def test_card_is_deterministic(sample, tmp_path):
    folder, tables, processed, card = sample
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    assert render_card(folder, tables, processed, command=COMMAND, seeds=seeds) == card
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    assert render_card(other, tables, processed, command=COMMAND, seeds=seeds) == card


def test_card_renders_quality_json_and_manifest_licences(sample, tmp_path):
    folder, tables, processed, _ = sample
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for doc in tables.documents:  # the manifest loader checks that named files exist
        (seeds / doc.source_file).write_text("x", encoding="utf-8")
    (seeds / "manifest.yaml").write_text(
        yaml.safe_dump({"documents": [{"file": "001_report.txt", "license": "CC BY | 4.0 <i>x</i>"}]}), encoding="utf-8"
    )
    quality = {"entities": {"en": {"precision": 0.8123, "recall": 0.5, "f1": 0.62}, "fr": {"precision": 0.7, "recall": 0.4}}, "n_docs": 4, "notes|x": "a<b"}
    (seeds / "quality.json").write_text(json.dumps(quality), encoding="utf-8")
    import dataclasses

    licensed = [d.model_copy(update={"license": "CC BY | 4.0 <i>x</i>"}) if d.doc_id == "001_report" else d for d in tables.documents]
    card = render_card(folder, dataclasses.replace(tables, documents=licensed), processed, command=COMMAND, seeds=seeds)
    assert "Quality has not been measured" not in card
    assert "| en | 0.620 | 0.812 | 0.500 |" in card
    assert "| fr |  | 0.700 | 0.400 |" in card
    assert "| notes\\|x | a&lt;b |" in card
    assert "| `001_report` | CSIS \\| Center &lt;b&gt;for&lt;/b&gt; Strategic | CC BY \\| 4.0 &lt;i&gt;x&lt;/i&gt; | no | included |" in card
    html = _markdown().render(card.split("---\n", 2)[2])
    assert all(all(n == h for n in rows) for h, rows in _tables(html))


def test_card_render_scores_handles_any_shape():
    lines = render_scores({"a": [{"x": 1}, {"x": 2.5}], "b": {"deep": {"deeper": {"x": 1}}}, "c": True})
    text = "\n".join(lines)
    assert "| c | True |" in text and "| 0 | 1 |" in text and "| 1 | 2.500 |" in text
    assert "deeper" in text


# --- freshness: the committed datacard.md must be what the current code and seeds produce ---------------

PIPELINE_READY = all(
    importlib.util.find_spec(m) is not None
    for m in ("corpus.structure.report", "corpus.enrich.entities", "corpus.enrich.quantities", "corpus.enrich.canonical")
)


@pytest.mark.skipif(not PIPELINE_READY, reason="the structure/enrich modules are not all present yet")
def test_card_committed_datacard_is_fresh(tmp_path):
    """FRESHNESS TEST: rebuild from seeds/ into a temporary folder; the committed datacard.md must match.

    On failure run `corpus build` (default --out build) and commit the regenerated datacard.md.
    """
    from corpus.build import BuildRequest, run_build

    committed = REPO / "datacard.md"
    assert committed.is_file(), "datacard.md is missing: run `corpus build` and commit it"
    out = tmp_path / "build"
    card_path = tmp_path / "datacard.md"
    run_build(BuildRequest(seeds=REPO / "seeds", out=out, card_path=card_path, command=COMMAND))
    fresh = card_path.read_text(encoding="utf-8")
    assert fresh == (out / "README.md").read_text(encoding="utf-8")
    assert fresh == committed.read_text(encoding="utf-8"), "datacard.md is stale: run `corpus build` and commit datacard.md"


def test_card_renders_scores_recorded_by_corpus_eval(sample, tmp_path):
    folder, tables, processed, _ = sample
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for doc in tables.documents:
        (seeds / doc.source_file).write_text("x", encoding="utf-8")
    score = {"tp": 9, "pred": 10, "gold": 12, "precision": 0.9, "recall": 0.75, "f1": 0.8182}
    result = {
        "entities": {"documents": [], "by_language": {"en": {"entities": score, "mentions": score}}, "overall": {"entities": score, "mentions": score}},
        "quantities": {"overall": score},
        "documents_scored": ["001_report"],
    }
    (seeds / "quality.json").write_text(json.dumps({"devset": {"description": "held out | docs", "result": result}}), encoding="utf-8")
    card = render_card(folder, tables, processed, command=COMMAND, seeds=seeds)
    assert "### devset" in card and "held out \\| docs" in card
    assert "| language en | 0.900 | 0.750 | 0.818 |" in card
    assert "| overall | 0.900 | 0.750 | 0.818 | 12 | 10 |" in card
