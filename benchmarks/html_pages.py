"""Pages per second for HTML pages against the text path, on the ten devset-news pages (tests/data/html).

    python -m benchmarks.html_pages [--rounds 20] [--texts ../shared/devset-news] [--output FILE]

Three runs over the same articles, each page read `--rounds` times (a warm-up round first, not timed):

- `read`: decode + `corpus.readers.html.read_html` (trafilatura main text and metadata, htmldate, markup
  origins, captions): the HTML reader alone;
- `read + structure`: the reader, then the news structuring and the markup metadata (`apply_markup`):
  what a build does per page before NER and quantities;
- `text structure`: `structure_news` on the stored text version of the same item (the text path).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import platform
import time
from collections.abc import Callable
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "html"


def _timed(label: str, work: Callable[[], int], rounds: int) -> tuple[str, int, float]:
    work()  # warm-up: imports, model tables, lxml parsers
    start = time.perf_counter()
    pages = sum(work() for _ in range(rounds))
    return label, pages, time.perf_counter() - start


def run(rounds: int, texts: Path) -> list[tuple[str, int, float]]:
    from corpus.readers.html import decode_html, read_html
    from corpus.structure.news import structure_news
    from corpus.structure.news_html import apply_markup, page_text

    pages = [(p, p.read_bytes()) for p in sorted(PAGES.glob("*.html"))]
    stored = [(texts / (p.stem + ".txt")).read_text(encoding="utf-8") for p, _ in pages if (texts / (p.stem + ".txt")).exists()]

    def read() -> int:
        for path, data in pages:
            read_html(path, decode_html(path, data))
        return len(pages)

    def read_and_structure() -> int:
        for path, data in pages:
            layout = read_html(path, decode_html(path, data))
            apply_markup(structure_news(page_text(layout)), layout)
        return len(pages)

    def text_structure() -> int:
        for raw in stored:
            structure_news(raw)
        return len(stored)

    results = [_timed("read (decode + trafilatura + metadata)", read, rounds),
               _timed("read + structure (HTML path, no NER)", read_and_structure, rounds)]
    if stored:
        results.append(_timed("text structure (structure_news on the .txt)", text_structure, rounds))
    return results


def report(results: list[tuple[str, int, float]]) -> str:
    versions = ", ".join(f"{n} {importlib.metadata.version(n)}" for n in ("trafilatura", "htmldate", "lxml"))
    lines = [f"HTML pages ({versions}; Python {platform.python_version()}, {platform.machine()})", "",
             "| run | pages | seconds | pages/s |", "|---|--:|--:|--:|"]
    lines += [f"| {label} | {n} | {seconds:.2f} | {n / seconds:.1f} |" for label, n, seconds in results]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--texts", type=Path, default=Path("/work/shared/devset-news"))
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    text = report(run(args.rounds, args.texts))
    print(text, end="")
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
