"""Tests for `corpus.structure.language.detect_language`."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.structure.language import CANDIDATE_LANGUAGES, UNDETERMINED, detect_language

ROOT = Path(__file__).resolve().parents[1]
DEVSET = Path("/work/shared/devset")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (ROOT / "seeds" / "000_388883cc602cf40d.txt", "en"),
        (ROOT / "seeds" / "001_268f02a432f76a7c.txt", "fr"),
        (ROOT / "seeds" / "002_12b8784aec2226cd.txt", "en"),
        (ROOT / "seeds" / "003_b2e28905b3ba221b.txt", "en"),
        (DEVSET / "202_cable_repair_roundtable_en.txt", "en"),
        (DEVSET / "203_donnees_sante_fr.txt", "fr"),
        (DEVSET / "204_green_compute_zh.txt", "zh"),
        (ROOT / "tests" / "data" / "news_zh_date.txt", "zh"),
        (ROOT / "tests" / "data" / "news_fr_date_label.txt", "fr"),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else v,
)
def test_language_documents(path, expected):
    if not path.exists():
        pytest.skip(f"source not available: {path}")
    assert detect_language(path.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le séminaire a réuni des chercheurs et des juristes à Lyon.", "fr"),
        ("The workshop brought together researchers and regulators in London.", "en"),
        ("研究院在杭州举办专题研讨会。", "zh"),
        ("Die Konferenz fand in Berlin statt und war gut besucht.", "de"),
    ],
)
def test_language_sentences(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "123 456 789", "!!! ??? ...", "ab", "\n\n"])
def test_language_undetermined(text):
    assert detect_language(text) == UNDETERMINED


def test_language_deterministic_and_picklable():
    text = "La Conférence mondiale de l'Internet a organisé un symposium."
    assert len({detect_language(text) for _ in range(5)}) == 1
    assert pickle.loads(pickle.dumps(detect_language)) is detect_language


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_language_always_a_known_tag(text):
    assert detect_language(text) in (*CANDIDATE_LANGUAGES, UNDETERMINED)
