"""Plain progress lines for logs: at most one per interval, always one at the end."""

from __future__ import annotations

from corpus.progress_lines import ProgressLines, format_seconds


def _run(times: list[float], total: int, every: float) -> list[str]:
    lines: list[str] = []
    clock = iter(times)
    progress = ProgressLines(lines.append, every=every, clock=lambda: next(clock))
    for done in range(total + 1):
        progress("process", done, total)
    return lines


def test_progress_lines_at_most_one_per_interval_and_one_at_the_end():
    lines = _run([0, 1, 2, 6, 7, 8], total=5, every=5)  # done 0..5 at these times
    assert lines == ["documents 3/5 (0.50 docs/s, elapsed 6.0s)", "documents 5/5 (0.62 docs/s, elapsed 8.0s)"]


def test_progress_lines_quiet_before_the_first_interval_except_the_last_line():
    assert _run([0, 1, 2, 3, 4, 4.5], total=5, every=5) == ["documents 5/5 (1.11 docs/s, elapsed 4.5s)"]


def test_progress_lines_format_seconds():
    assert [format_seconds(s) for s in (9.44, 75.2, 3725)] == ["9.4s", "1m15s", "1h02m05s"]
