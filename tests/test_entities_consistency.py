"""Rule 7's name search (`name_occurrences`): the same places as one regex alternation of the names."""

from __future__ import annotations

import re
from random import Random

from corpus.enrich.entities.rules_en import name_occurrences


def _by_regex(text: str, names: list[str]) -> list[tuple[int, int]]:
    ordered = sorted(names, key=lambda t: (-len(t), t))
    pattern = re.compile(r"(?<![\w.\-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w])")
    return [m.span() for m in pattern.finditer(text)]


def test_name_occurrences_longest_first_standalone_and_not_overlapping():
    text = "Bank of Asia and Bank. e-Bank, Banks, x.Bank; (Bank) Bank of Asia Bank"
    names = ["Bank", "Bank of Asia", "Asia Bank"]
    found = name_occurrences(text, names)
    assert [text[s:e] for s, e in found] == ["Bank of Asia", "Bank", "Bank", "Bank of Asia", "Bank"]
    assert found == _by_regex(text, names)


def test_name_occurrences_agree_with_the_regex_on_random_texts():
    rng = Random("rule7")
    pieces = ["Li", "Li Wei", "Wei", "Wei Bank", "Bank", "Ré", "Ré-Li", " ", " ", ".", "-", "_", "é", "(", "2", "\n"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        names = rng.sample(["Li Wei", "Wei Bank", "Bank", "Li Wei Bank", "Ré-Li", "Wei", "Li W"], rng.randint(1, 5))
        assert name_occurrences(text, names) == _by_regex(text, names), (text, names)
