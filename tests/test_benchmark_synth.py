"""The benchmark's corpus synthesiser (benchmarks/synth.py): deterministic, varied, valid seeds."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # benchmarks/ is not part of the installed package
    sys.path.insert(0, str(REPO))

from benchmarks.synth import Seed, excerpt, load_seeds, synthesise, synthesise_short  # noqa: E402
from corpus.read import read_seeds  # noqa: E402

SEEDS = REPO / "seeds"


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus_3x(tmp_path_factory):
    return synthesise(SEEDS, tmp_path_factory.mktemp("synth") / "seeds", 3)


def test_benchmark_synth_same_seed_same_bytes(corpus_3x, tmp_path):
    again = synthesise(SEEDS, tmp_path / "again", 3)
    assert _digests(again.folder) == _digests(corpus_3x.folder)


def test_benchmark_synth_other_seed_other_text(corpus_3x, tmp_path):
    other = synthesise(SEEDS, tmp_path / "other", 3, seed=1)
    mine, theirs = _digests(corpus_3x.folder), _digests(other.folder)
    assert all(mine[name] != theirs[name] for name in mine if name.endswith(".txt"))


def test_benchmark_synth_every_copy_differs(corpus_3x):
    texts = [p.read_text(encoding="utf-8") for p in corpus_3x.folder.glob("*.txt")]
    originals = {seed.text for seed in load_seeds(SEEDS)}
    assert len(set(texts)) == len(texts) == 3 * len(originals)
    assert not originals & set(texts)


def test_benchmark_synth_size_and_line_structure(corpus_3x):
    seeds = {seed.file: seed for seed in load_seeds(SEEDS)}
    seed_bytes = sum(len(seed.text.encode()) for seed in seeds.values())
    assert 0.9 * 3 * seed_bytes <= corpus_3x.n_bytes <= 1.1 * 3 * seed_bytes
    for path in corpus_3x.folder.glob("*.txt"):
        original = seeds[path.name.split("_", 1)[1]].text
        assert path.read_text(encoding="utf-8").count("\n") == original.count("\n")


def test_benchmark_synth_output_is_valid_seeds_folder(corpus_3x):
    sources = read_seeds(corpus_3x.folder)
    seeds = {seed.file: seed for seed in load_seeds(SEEDS)}
    assert len(sources) == corpus_3x.n_documents
    for source in sources:
        seed = seeds[source.source_file.split("_", 1)[1]]
        assert source.entry is not None
        assert (source.entry.genre, source.entry.language) == (seed.entry.get("genre"), seed.entry.get("language"))


def test_benchmark_synth_excerpt_keeps_news_head_and_a_run_of_blocks_in_order():
    body = [f"Paragraph {i} " + "word " * 60 for i in range(6)]
    seed = Seed("n.txt", "Headline\n\nBy Someone\n\n" + "\n\n".join(body) + "\n", {"genre": "news"})
    from random import Random

    text = excerpt(seed, 100, Random("x"))
    blocks = text.strip("\n").split("\n\n")
    assert blocks[:2] == ["Headline", "By Someone"]
    kept = [int(b.split()[1]) for b in blocks[2:]]
    assert len(kept) == 2  # 62 words a block: two reach 100
    assert kept == sorted(kept) and set(kept) <= set(range(6))


def test_benchmark_synth_short_corpus_is_deterministic_valid_and_news_sized(tmp_path):
    corpus = synthesise_short(SEEDS, tmp_path / "a", 10)
    again = synthesise_short(SEEDS, tmp_path / "b", 10)
    assert _digests(corpus.folder) == _digests(again.folder)
    sources = read_seeds(corpus.folder)
    assert len(sources) == corpus.n_documents == 10
    seeds = {seed.file: seed for seed in load_seeds(SEEDS)}
    texts = [s.raw for s in sources]
    assert len(set(texts)) == 10 and not set(texts) & {seed.text for seed in seeds.values()}
    for source in sources:
        seed = seeds[source.source_file.split("_", 1)[1]]
        assert (source.entry.genre, source.entry.language) == (seed.entry.get("genre"), seed.entry.get("language"))
        assert len(source.raw.split()) < min(len(seed.text.split()), 1000) + 200


def test_benchmark_structure_step_structures_every_text_source_and_nothing_else(tmp_path):
    """The structure-step baseline structures each `.txt` source (not other files) and times its work apart from
    its loading."""
    from benchmarks.baselines import structure_step

    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "001_a.txt").write_text("A title\n\nPublished: 3 March 2024\n\nOne paragraph about data.\n", encoding="utf-8")
    (folder / "002_b.txt").write_text("Another title\n\nA body paragraph.\n", encoding="utf-8")
    (folder / "notes.md").write_text("not a source\n", encoding="utf-8")
    result = structure_step(folder)
    assert result["texts"] == 2
    assert result["sections"] >= 2
    assert result["work_s"] >= 0 and result["work_cpu_s"] >= 0 and result["load_s"] > 0
