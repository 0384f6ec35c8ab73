"""Incremental rebuild: `python -m benchmarks.incremental [--size 40]`.

Synthesises the corpus at `--size`, builds it clean (filling the per-document cache), changes one
document (a sentence appended to its first paragraph), rebuilds with the cache, and builds the changed
corpus again with `--no-cache` into another folder: prints both times (wall and CPU), their ratios (target
<= 5% on wall clock), the 1-minute load average, and whether every Parquet file of the incremental build
equals the clean build's (sha256).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from benchmarks.run import SEEDS, corpus_command, log, parquet_digests, run_measured
from benchmarks.synth import synthesise

TARGET = 0.05


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.incremental", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=40)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="corpus-incremental-") as tmp:
        work = Path(tmp)
        corpus = synthesise(SEEDS, work / "seeds", args.size)
        build = corpus_command() + ["build", "--seeds", str(corpus.folder)]
        log(f"{args.size}x: clean build with the cache")
        clean = run_measured(build + ["--out", str(work / "out")])
        changed = sorted(corpus.folder.glob("*.txt"))[len(list(corpus.folder.glob("*.txt"))) // 2]
        text = changed.read_text(encoding="utf-8")
        cut = text.find("\n\n", len(text) // 3)
        changed.write_text(text[:cut] + " One sentence was added to this paragraph." + text[cut:], encoding="utf-8")
        log(f"changed {changed.name}; incremental build")
        incremental = run_measured(build + ["--out", str(work / "out")])
        log("clean build of the changed corpus (--no-cache)")
        reference = run_measured(build + ["--out", str(work / "out-clean"), "--no-cache"])
        same = parquet_digests(work / "out") == parquet_digests(work / "out-clean")
        result = {
            "size": f"{args.size}x",
            "documents": corpus.n_documents,
            "clean_s": round(clean.wall_s, 1),
            "incremental_s": round(incremental.wall_s, 1),
            "clean_no_cache_s": round(reference.wall_s, 1),
            "ratio": round(incremental.wall_s / clean.wall_s, 3),
            "clean_cpu_s": round(clean.cpu_s, 1),
            "incremental_cpu_s": round(incremental.cpu_s, 1),
            "cpu_ratio": round(incremental.cpu_s / clean.cpu_s, 3),
            "load_1min": [round(clean.load_before, 1), round(incremental.load_before, 1), round(reference.load_after, 1)],
            "target": TARGET,
            "identical_to_clean": same,
            "incremental_stages": [line for line in incremental.stdout.splitlines() if line.startswith(("seconds:", "peak RSS MB:", "cache:"))],
        }
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
