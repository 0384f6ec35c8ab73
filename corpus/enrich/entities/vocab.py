"""Rule vocabularies, kept as data files (`data/<name>.txt`: one entry per line, `#` starts a comment)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of `data/<name>.txt` in file order (blank lines and comments skipped)."""
    out = []
    for line in (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)


def words(name: str) -> frozenset[str]:
    """The entries of `data/<name>.txt` as a set."""
    return frozenset(entries(name))
