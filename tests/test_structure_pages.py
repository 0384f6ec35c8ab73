"""Page numbers recovered from the few printed ones: consistent with every printed number, never backwards."""

from __future__ import annotations

import pytest

from corpus.structure.report import _infer_page_numbers


@pytest.mark.parametrize(
    ("count", "evidence", "expected"),
    [
        (5, {}, [None] * 5),
        (5, {1: 3}, [2, 3, 4, 5, 6]),
        # two extra page breaks between printed 4 (page index 2) and 6 (index 6): spread evenly
        (8, {2: 4, 6: 6}, [2, 3, 4, 4, 5, 6, 6, 7]),
        # a missed page break: printed numbers jump by more than the pages between them
        (4, {0: 1, 2: 5}, [1, 3, 5, 6]),
    ],
)
def test_structure_pages_inferred_from_printed_numbers(count, evidence, expected):
    assert _infer_page_numbers(count, evidence) == expected


def test_structure_pages_never_run_backwards():
    numbers = _infer_page_numbers(30, {1: 3, 2: 4, 27: 25})
    assert numbers == sorted(numbers)
    assert numbers[1] == 3 and numbers[2] == 4 and numbers[27] == 25
