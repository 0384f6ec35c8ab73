"""Long texts are processed in pieces whose spans map back exactly (spaCy refuses texts over max_length)."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.enrich import pieces
from corpus.enrich.pieces import detect_in_pieces, split_text


@given(st.text(alphabet=st.sampled_from("ab .\n。"), max_size=3000), st.integers(min_value=5, max_value=400))
@settings(max_examples=200, deadline=None)
def test_pieces_concatenate_to_the_text_and_respect_the_limit(text, limit):
    parts = split_text(text, limit)
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= limit for _, p in parts)
    assert all(text[o : o + len(p)] == p for o, p in parts)


def test_pieces_cut_at_paragraph_breaks_when_there_are_some():
    text = "\n\n".join(f"Paragraph {i} about Beijing." for i in range(100))
    assert all(p.endswith("\n\n") or p == split_text(text, 200)[-1][1] for _, p in split_text(text, 200))


@dataclasses.dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str


def capitalised_words(texts):
    return [[Word(m.start(), m.end(), m.group()) for m in re.finditer(r"[A-Z][a-z]+", t)] for t in texts]


def test_spans_found_in_pieces_point_into_the_whole_text():
    text = " ".join(["the meeting in Paris with Lee and Tanaka."] * 500)
    (spans,) = detect_in_pieces([text], capitalised_words, limit=300)
    assert [s.text for s in spans] == [w.text for w in capitalised_words([text])[0]]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_a_document_longer_than_the_model_limit_builds_with_entities(tmp_path, monkeypatch):
    from corpus.build import BuildRequest, run_build
    from corpus.enrich.entities import _load
    from corpus.validate import validate_build

    nlp = _load("en")
    monkeypatch.setattr(nlp, "max_length", 3_000)  # stands for spaCy's 1,000,000 on a long report
    monkeypatch.setattr(pieces, "PIECE_CHARS", 2_000)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    paragraph = "Alibaba and Tencent met regulators of the Cyberspace Administration of China in Beijing in 2021."
    (seeds / "long.txt").write_text("Platforms under review\n\n" + "\n\n".join([paragraph] * 120) + "\n")
    result = run_build(BuildRequest(seeds=seeds, out=tmp_path / "build"))
    assert validate_build(tmp_path / "build") == []
    assert result.rows["mentions"] >= 120
