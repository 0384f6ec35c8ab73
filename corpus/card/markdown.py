"""Markdown that cannot break: table cells, code and URLs escaped, tables and score tables."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any


# --- Markdown escaping --------------------------------------------------------------------------------

_MD_PUNCT = re.compile(r"([\\`*_\[\]~$|])")
_SAFE_URL = re.compile(r"^https?://[^\s<>|`\\\"']+$")


def _one_line(value: object) -> str:
    text = "" if value is None else str(value)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return " ".join(text.split())


def md_cell(value: object, limit: int | None = None) -> str:
    """`value` as one line of inert Markdown text, safe inside a table cell.

    Newlines and control characters become spaces; Markdown punctuation (`|`, backticks, emphasis,
    brackets, `$`, backslash) is backslash-escaped; `&`, `<`, `>` become entities so no HTML survives.
    `limit` cuts the text to that many characters (before escaping) with an ellipsis.
    """
    text = _one_line(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCT.sub(r"\\\1", text)
    # A leading block marker would start a list, heading or rule where the text begins a line.
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-+#=])", r"\\\1", text))


def md_code(value: object) -> str:
    """An identifier or file name as a code span; falls back to `md_cell` when it holds a backtick."""
    text = _one_line(value)
    if not text:
        return ""
    if "`" in text:
        return md_cell(text)
    return "`" + text.replace("|", "\\|") + "`"


def md_url(value: object) -> str:
    """A plain http(s) URL as an autolink; anything else as inert text."""
    text = _one_line(value)
    if _SAFE_URL.match(text):
        return f"<{text}>"
    return md_cell(text)


def md_table(headers: Sequence[str], rows: Iterable[Sequence[str]], align: str | None = None) -> list[str]:
    """Lines of a Markdown table; cells must already be escaped. `align`: one of 'l'/'r' per column."""
    align = align or "l" * len(headers)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(rule) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


# --- rendering helpers --------------------------------------------------------------------------------


def _fmt_number(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return md_cell(value)
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (dict, list)):
        return md_cell(json.dumps(value, sort_keys=True, ensure_ascii=False))
    return md_cell(value)


def render_scores(data: Any, level: int = 3) -> list[str]:
    """A free JSON structure of scores as Markdown: dicts of dicts become tables, scalars bullets."""
    lines: list[str] = []
    if not isinstance(data, dict):
        return [_fmt_number(data), ""]
    scalars = {k: v for k, v in data.items() if not isinstance(v, (dict, list))}
    if scalars:
        lines += md_table(["measure", "value"], [[md_cell(k), _fmt_number(v)] for k, v in sorted(scalars.items())], "lr")
        lines.append("")
    for key in sorted(k for k, v in data.items() if isinstance(v, (dict, list))):
        value = data[key]
        lines += [f"{'#' * min(level, 6)} {md_cell(key)}", ""]
        rows = value if isinstance(value, dict) else {str(i): v for i, v in enumerate(value)}
        if rows and all(isinstance(v, dict) and not any(isinstance(x, dict) for x in v.values()) for v in rows.values()):
            cols = sorted({c for v in rows.values() for c in v})
            body = [[md_cell(k)] + [_fmt_number(v.get(c)) if c in v else "" for c in cols] for k, v in sorted(rows.items())]
            lines += md_table([""] + [md_cell(c) for c in cols], body, "l" + "r" * len(cols))
            lines.append("")
        elif rows and all(not isinstance(v, (dict, list)) for v in rows.values()):
            lines += md_table(["measure", "value"], [[md_cell(k), _fmt_number(v)] for k, v in sorted(rows.items())], "lr")
            lines.append("")
        else:
            lines += render_scores(rows, level + 1)
    return lines
