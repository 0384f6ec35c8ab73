"""Build report text in the layout of PDF-extracted reports (seed 003, devset-real) for constructed examples."""

from __future__ import annotations


def blank_layout(*pages: list[str]) -> str:
    """Every line followed by a blank line; a page starts with one space and is joined by a single newline."""
    return "\n".join(" " + "\n\n".join(page) for page in pages)


def filler(topic: str, n: int = 6) -> list[str]:
    """`n` wrapped body lines of plain prose, full width, the last one ending the paragraph. Digits in the topic
    are spelt as letters, so that no word of the prose reads as a footnote marker ("topic1")."""
    topic = topic.translate(str.maketrans("0123456789", "abcdefghij"))
    words = (f"The {topic} programme was reviewed by the committee in several sessions and the members agreed that the "
             "evidence gathered from regional offices supported a cautious expansion of the current arrangements").split()
    lines, k = [], 0
    for i in range(n):
        take = words[k % len(words):] + words
        line = " ".join(take[:14])
        k += 14
        lines.append(line + ("." if i == n - 1 else ""))
    return lines
