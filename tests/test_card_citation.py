"""The card's citation block, repository and contact, and a data version that follows the content."""

from __future__ import annotations

import dataclasses

import pytest

from corpus.card import render_card
from corpus.data_version import data_version
from tests.sample_build import sample_tables, write_sample_build


def test_card_citation_data_version_follows_the_rows():
    tables, _ = sample_tables()
    again, _ = sample_tables()
    assert data_version(tables) == data_version(again)  # same content, same version
    changed = dataclasses.replace(tables, quantities=[tables.quantities[0].model_copy(update={"value": tables.quantities[0].value + 1}), *tables.quantities[1:]])
    assert data_version(changed) != data_version(tables)
    fewer = dataclasses.replace(tables, figures=tables.figures[:-1])
    assert data_version(fewer) != data_version(tables)


@pytest.fixture(scope="module")
def card(tmp_path_factory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("build")
    tables, processed = write_sample_build(folder)
    return render_card(folder, tables, processed, seeds=tmp_path_factory.mktemp("seeds")), data_version(tables)


def test_card_citation_has_a_bibtex_block_naming_the_versions(card):
    from corpus import __version__
    from corpus.contract import version

    text, version_id = card
    block = text.split("```bibtex\n", 1)[1].split("```", 1)[0]
    assert block.startswith("@misc{thinktank_corpus,") and block.rstrip().endswith("}")
    assert f"schema {version()}" in block and f"data version {version_id}" in block and f"version      = {{{__version__}}}" in block
    assert block.count("{") == block.count("}")


def test_card_citation_names_data_version_repository_and_contact(card):
    text, version_id = card
    assert f"- **Data version:** `{version_id}`" in text
    assert "- **Repository:** " in text and "- **Contact:** " in text
