"""Chinese script normalisation for matching: Traditional characters are read as Simplified (OpenCC's
`t2s` table applied character by character, so every offset in the converted text is the offset in the
original). Rules match on the converted text and report spans of the original."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _char(ch: str) -> str:
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """`text` with each Traditional character replaced by its Simplified form; same length as `text`."""
    return "".join(_char(ch) if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" else ch for ch in text)
