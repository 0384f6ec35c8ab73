"""Build progress as plain lines, for logs and CI where a redrawn progress bar is noise.

A line every `every` seconds (and one at the end): documents done/total, rate and elapsed time. The
clock is injected so tests need no sleeping; the caller decides where lines go (the CLI: stderr).
"""

from __future__ import annotations

import time
from collections.abc import Callable


class ProgressLines:
    """A `progress(stage, done, total)` callback that writes a line at most every `every` seconds."""

    def __init__(self, write: Callable[[str], None], every: float = 5.0, clock: Callable[[], float] = time.monotonic):
        self.write = write
        self.every = every
        self.clock = clock
        self.started: float | None = None
        self.last: float | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:  # noqa: ARG002 - one stage is reported
        now = self.clock()
        if self.started is None:
            self.started = self.last = now
            return
        if done < total and now - self.last < self.every:
            return
        self.last = now
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        self.write(f"documents {done}/{total} ({rate:.2f} docs/s, elapsed {format_seconds(elapsed)})")


def format_seconds(seconds: float) -> str:
    """`75.2` -> `1m15s`; under a minute `9.4s`."""
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}m{secs:02d}s" if minutes < 60 else f"{minutes // 60}h{minutes % 60:02d}m{secs:02d}s"
