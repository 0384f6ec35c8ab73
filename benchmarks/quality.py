"""Re-record every quality figure in `seeds/quality.json` from fresh builds of this code.

`seeds/quality.json` is the one source of the README's and the datacard's quality figures. Each key is a
corpus built on its own (a temporary copy of its input files, so nothing next to them is written) and
scored by `corpus eval --write`:

    .venv/bin/python -m benchmarks.quality [--only KEY ...] [--shared ../shared]

The dev sets live outside the repository (`../shared`); keys whose input is missing are skipped with a
message, and the others are still recorded. README's quality table is rewritten from the file; run `corpus
build` afterwards to regenerate the datacard.
"""

from __future__ import annotations

import argparse
import glob
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUALITY = REPO / "seeds" / "quality.json"


@dataclass(frozen=True)
class Recording:
    """One key of seeds/quality.json: which files are built together and which gold scores them."""

    name: str
    description: str
    inputs: tuple[str, ...]  # globs; "{shared}" is the shared material folder
    gold: tuple[str, ...] = ()  # --gold files (empty: the default seed gold unless structure_gold alone)
    structure_gold: str | None = None
    catalog: bool = True  # copy seeds/entities.yaml and seeds/manifest.yaml along (the seeds' curation)
    extra: tuple[str, ...] = field(default=())  # further files copied (manifests of a dev set)


RECORDINGS = (
    Recording(
        "seeds",
        "The seed documents against the gold in tests/gold and tests/golden/quantities_seeds.json.",
        ("seeds/*.txt",),
    ),
    Recording(
        "seeds_without_catalog",
        "The same seed documents built WITHOUT the entity catalog (a copy of seeds/ without entities.yaml): what a new "
        "document, which has no catalog entry, can expect.",
        ("seeds/*.txt",),
        catalog=False,
    ),
    Recording(
        "seed-003-structure",
        "Report structure of seed 003 against tests/golden/structure_seed_003.json (the golden structure of "
        "tests/golden/report_003.json in the devset-real format).",
        ("seeds/*.txt",),
        structure_gold="tests/golden/structure_seed_003.json",
    ),
    Recording(
        "devset",
        "The five development-set documents (../shared/devset, built as their own corpus with corpus build --seeds) "
        "against the devset's gold.json. Entity rules were tuned on the seeds and on these five documents.",
        ("{shared}/devset/*.txt",),
        gold=("{shared}/devset/gold.json",),
        catalog=False,
    ),
    Recording(
        "devset-real",
        "Report structure of the six real report excerpts in ../shared/devset-real (their text versions, built as their "
        "own corpus) against their gold.json, read from the pages. First rules tuned on 300, 301, 302 and 304; the "
        "general rules of the second round developed on 301, 302, 303 and 305, with 300 and 304 held out (only their "
        "totals measured); third round (covers, alternating running heads, box and infographic labels, figure notes, "
        "wrapped title-case headings) checked on all six, with three constructed excerpts in tests/data/structure_unseen "
        "kept out of tuning.",
        ("{shared}/devset-real/*.txt",),
        structure_gold="{shared}/devset-real/gold.json",
        catalog=False,
    ),
    Recording(
        "devset_real",
        "Six real report excerpts (../shared/devset-real, their text versions), entities of the one annotated section "
        "of each (located by its heading; sections_scored gives the span). 303 and 305 were held out of the first rounds; "
        "the third entity round (session 5) looked at the errors of all six. "
        "Footnote text the structure step leaves in the body is scored as body text.",
        ("{shared}/devset-real/*.txt",),
        gold=("{shared}/devset-real/gold.json",),
        catalog=False,
    ),
    Recording(
        "devset_news",
        "Ten real news pages (../shared/devset-news: 4 en, 3 fr, 3 zh) against their gold (all entities of title and "
        "body; each distinct surface form counted once; borderline entities optional). 402, 406 and 409 were held out "
        "of the first rounds; the third entity round (session 5) looked at the errors of all ten. Boilerplate lines the news structure step leaves in the body text "
        "count as predictions.",
        ("{shared}/devset-news/*.txt",),
        gold=("{shared}/devset-news/gold.json",),
        catalog=False,
    ),
    Recording(
        "heldout",
        "Two documents written for this check (tests/data/heldout_*.txt) with gold written before any tuning "
        "(tests/gold/heldout_*.json); never tuned on.",
        ("tests/data/heldout_*.txt",),
        gold=("tests/gold/heldout_300_mekong_water_data.json", "tests/gold/heldout_301_drone_patrols_news.json"),
        catalog=False,
    ),
)


def corpus(*args: str) -> None:
    command = [sys.executable, "-m", "corpus", *args]
    print("$", " ".join(command[2:]), flush=True)
    subprocess.run(command, cwd=REPO, check=True)


def record(r: Recording, shared: Path, work: Path) -> bool:
    """Build `r`'s inputs in `work` and record their scores; False when an input is missing."""
    expand = lambda pattern: pattern.replace("{shared}", str(shared))  # noqa: E731
    files = sorted(Path(p) for pattern in r.inputs for p in glob.glob(str(REPO / expand(pattern))))
    golds = [expand(g) for g in r.gold] + ([expand(r.structure_gold)] if r.structure_gold else [])
    if not files or any(not (REPO / g).exists() for g in golds):
        print(f"skipped {r.name}: input or gold missing ({', '.join(r.inputs)})", file=sys.stderr)
        return False
    seeds = work / r.name / "seeds"
    seeds.mkdir(parents=True)
    for path in files:
        shutil.copy2(path, seeds / path.name)
    if r.catalog:
        for name in ("entities.yaml", "manifest.yaml"):
            shutil.copy2(REPO / "seeds" / name, seeds / name)
    out = work / r.name / "build"
    corpus("build", "--seeds", str(seeds), "--out", str(out), "--no-cache")
    scoring = [arg for g in r.gold for arg in ("--gold", expand(g))]
    if r.structure_gold:
        scoring += ["--structure-gold", expand(r.structure_gold)]
    corpus("eval", str(out), *scoring, "--write", str(QUALITY), "--name", r.name, "--description", r.description)
    return True


# README's quality table: row label prefix -> (key in seeds/quality.json, language or "overall")
README_ROWS = {
    "seeds, English (": ("seeds", "en"),
    "seeds, French": ("seeds", "fr"),
    "seeds, English, without the catalog": ("seeds_without_catalog", "en"),
    "dev set": ("devset", "overall"),
    "devset-news": ("devset_news", "overall"),
    "devset-real": ("devset_real", "overall"),
    "held-out": ("heldout", "overall"),
}
README_TABLE = "| documents | distinct-entity P / R / F1 | mention F1 | quantity F1 |"


def update_readme(readme: Path = REPO / "README.md", quality: Path = QUALITY) -> None:
    """Rewrite the entity and mention cells of README's quality table from `quality` (the card's source)."""
    scores_of = json.loads(quality.read_text(encoding="utf-8"))
    lines = readme.read_text(encoding="utf-8").split("\n")
    start = lines.index(README_TABLE) + 2
    for i in range(start, len(lines)):
        if not lines[i].startswith("|"):
            break
        cells = lines[i].split("|")
        label = cells[1].strip()
        matches = [p for p in README_ROWS if label.startswith(p)]
        if not matches or README_ROWS[max(matches, key=len)][0] not in scores_of:
            continue
        key, scope = README_ROWS[max(matches, key=len)]
        entities = scores_of[key]["result"]["entities"]
        scores = entities["overall"] if scope == "overall" else entities["by_language"][scope]
        cells[2] = " " + " / ".join(f"{scores['entities'][m]:.3f}" for m in ("precision", "recall", "f1")) + " "
        cells[3] = f" {scores['mentions']['f1']:.3f} "
        lines[i] = "|".join(cells)
    readme.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="keys to record (default: all)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="folder holding devset, devset-real, devset-news")
    args = parser.parse_args(argv)
    chosen = [r for r in RECORDINGS if not args.only or r.name in args.only]
    with tempfile.TemporaryDirectory(prefix="quality-") as tmp:
        done = [r.name for r in chosen if record(r, args.shared.resolve(), Path(tmp))]
    update_readme()
    print(f"recorded {', '.join(done) or 'nothing'} in {QUALITY.relative_to(REPO)}")
    return 0 if done else 1


if __name__ == "__main__":
    sys.exit(main())
