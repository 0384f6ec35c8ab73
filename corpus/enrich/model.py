"""Typed output of the enrich step: entity and quantity spans over one text.

Offsets are half-open Python string offsets into the text the span was found in (the document's clean
body text, or one footnote's text).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntitySpan:
    """One named-entity mention as detected in a text, before cross-document canonicalisation."""

    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | NORP | EVENT | LAW | PRODUCT
    role: str | None = None  # e.g. "Secretary-General", when the text states it next to a PERSON
    affiliation: str | None = None  # surface form of the organisation the role belongs to
    canonical_hint: str | None = None  # a better name for grouping (expansion of an acronym, full name)
    parent: tuple[int, int] | None = None  # (start, end) of the longer name this one is part of, in the same text


@dataclass(frozen=True)
class QuantitySpan:
    """A number with a unit stated in a text, normalised."""

    start: int
    end: int
    text: str
    value: float  # in base units: "$4.3 billion" -> 4.3e9, "54.3 percent" -> 54.3
    unit: str  # "USD", "percent", "internet users", "transactions per second", ...
    kind: str  # money | percent | count | measure
    currency: str | None = None
    approximate: bool = False  # "over", "roughly", "nearly", "about", "近", "约" ...
    value_max: float | None = None  # upper bound of a range ("30–35 million" -> 3.5e7); value is the lower
