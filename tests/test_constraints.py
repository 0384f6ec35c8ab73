"""`constraints.txt` pins exact versions from the package index, never a path of one machine."""

from __future__ import annotations

import re

from .conftest import REPO


def test_constraints_pin_index_versions_without_local_paths():
    lines = [line.strip() for line in (REPO / "constraints.txt").read_text().splitlines() if line.strip() and not line.startswith("#")]
    local = [line for line in lines if "file:" in line or re.search(r"(^|[\s@=])/", line)]
    assert local == []
    assert all(re.fullmatch(r"[A-Za-z0-9._\[\],-]+==[A-Za-z0-9.+!-]+", line) for line in lines), [line for line in lines if "==" not in line]
    names = [line.split("==")[0].lower() for line in lines]
    assert len(names) == len(set(names))
