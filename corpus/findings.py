"""Quality findings: what extraction could not establish, per document.

These are expectations about the sources, not the contract: a finding never fails the build; it is
reported in the build summary and the card's known-defects section (the contract, checked by
`corpus.validate`, covers types, keys, offsets, surfaces and nesting).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    doc_id: str
    kind: str  # stable code, e.g. footnote-gap
    detail: str

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.detail} [{self.kind}]"


def footnote_findings(footnotes: Iterable) -> list[Finding]:
    """Gaps and repeats in each document's footnote numbering (markers or note texts extraction lost)."""
    numbers: dict[str, list[int]] = defaultdict(list)
    for note in footnotes:
        numbers[note.doc_id].append(note.number)
    findings = []
    for doc_id, found in sorted(numbers.items()):
        present = set(found)
        first = min(found)  # an excerpt may start at note 21
        missing = [n for n in range(first, max(found) + 1) if n not in present]
        if missing:
            shown = ", ".join(map(str, missing[:10])) + (" ..." if len(missing) > 10 else "")
            findings.append(Finding(doc_id, "footnote-gap", f"footnote numbers {first}..{max(found)} miss {shown} (marker and text not found)"))
        repeated = sorted(n for n in present if found.count(n) > 1)
        if repeated:
            findings.append(Finding(doc_id, "footnote-repeat", f"footnote number(s) {', '.join(map(str, repeated[:10]))} occur more than once"))
    return findings


def quality_findings(tables) -> list[Finding]:
    """Every finding of a build's tables, sorted."""
    return sorted(footnote_findings(tables.footnotes))
