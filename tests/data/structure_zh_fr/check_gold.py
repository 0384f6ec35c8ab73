#!/usr/bin/env python3
"""Check that every gold string in gold.json occurs in its .txt file.

Usage: python3 check_gold.py [gold.json] [-v]

Strings are compared after collapsing all whitespace (line wraps, the blank line
after every text line, the single newline plus leading space at page joins) into
one space, so a heading or sentence wrapped over several lines still matches.
Checked: headings, footnote starts, figure captions and sources, furniture lines
(each must also be a whole line of the .txt), cover_boilerplate lines,
must_contain sentences and entity mentions (each surface form must occur at least
as often as it is listed). A miss whose string is listed in the record's
"known_misses" (with the reason in "notes") is reported as explained.
Exit status 1 if any unexplained miss remains.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path


_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"


def collapse(s: str) -> str:
    """Whitespace collapsed to one space; none left next to a CJK character or full-width punctuation (wrapped
    Chinese lines are joined without a space)."""
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(rf"(?<=[{_CJK}]) | (?=[{_CJK}])", "", s)


def check_record(rec: dict, base: Path, verbose: bool) -> tuple[int, int, int]:
    txt_raw = (base / rec["file"]).read_text(encoding="utf-8")
    txt = collapse(txt_raw)
    lines = {l.strip() for l in txt_raw.split("\n") if l.strip()}
    known = set(rec.get("known_misses", []))
    hits = misses = explained = 0
    report = []

    def probe(kind: str, s: str | None, whole_line: bool = False, need: int = 1) -> None:
        nonlocal hits, misses, explained
        if s is None or s == "":
            return
        if whole_line:
            ok = s.strip() in lines
        else:
            ok = txt.count(collapse(s)) >= need
        if ok:
            hits += 1
            if verbose:
                report.append(f"  hit   {kind}: {s[:90]}")
        elif s in known:
            explained += 1
            report.append(f"  known {kind}: {s[:90]}")
        else:
            misses += 1
            report.append(f"  MISS  {kind}: {s[:90]}" + (f" (needed {need}x)" if need > 1 else ""))

    for h in rec.get("headings", []):
        probe("heading", h["title"])
    for fn in rec.get("footnotes", []):
        probe(f"footnote {fn['n']} start", fn["starts"])
    for fig in rec.get("figures", []):
        probe("caption", fig.get("caption"))
        probe("source", fig.get("source"))
    for line in rec.get("furniture_lines", []):
        probe("furniture", line, whole_line=True)
    for line in rec.get("cover_boilerplate", []):
        probe("cover", line)
    for s in rec.get("must_contain", []):
        probe("must_contain", s)
    for ent in rec.get("entities", {}).get("items", []):
        for surface, n in Counter(ent["mentions"]).items():
            probe(f"entity {ent['type']}", surface, need=n)

    print(f"{rec['file']}: {hits} hits, {misses} misses, {explained} explained")
    for r in report:
        print(r)
    return hits, misses, explained


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv[1:]
    gold_path = Path(args[0]) if args else Path(__file__).with_name("gold.json")
    records = json.loads(gold_path.read_text(encoding="utf-8"))
    total = [0, 0, 0]
    for rec in records:
        for i, v in enumerate(check_record(rec, gold_path.parent, verbose)):
            total[i] += v
    print(f"TOTAL: {total[0]} hits, {total[1]} misses, {total[2]} explained")
    return 1 if total[1] else 0


if __name__ == "__main__":
    sys.exit(main())
