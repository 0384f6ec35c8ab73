"""Engines that run the per-document step. The step itself never knows which one runs it.

An engine is anything with `map(fn, items) -> Iterable` that yields `fn(item)` in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Protocol


AHEAD = 4  # tasks queued per worker beyond the running one


class Engine(Protocol):
    def map(self, fn: Callable, items: Sequence) -> Iterable: ...


@dataclass(frozen=True)
class LocalEngine:
    """This process (jobs=1) or a pool of `jobs` worker processes; results keep input order."""

    jobs: int = 1

    @property
    def inherits_parent_memory(self) -> bool:
        """True when workers are forked: what the parent loaded first (models) they share for free."""
        return self.jobs > 1 and multiprocessing.get_start_method() == "fork"

    def map(self, fn: Callable, items: Sequence) -> Iterable:
        if self.jobs <= 1 or len(items) <= 1:
            yield from map(fn, items)
            return
        pool = ProcessPoolExecutor(max_workers=self.jobs)
        try:
            # one document per task: documents differ a lot in size, so small tasks balance the workers;
            # at most AHEAD tasks per worker are submitted beyond the one awaited, so finished results
            # waiting for an earlier, slower document stay few whatever the corpus size
            pending: deque = deque()
            ahead = self.jobs * (1 + AHEAD)
            for item in items:
                pending.append(pool.submit(fn, item))
                if len(pending) >= ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


ENGINES = ("local", "ray")


def make_engine(name: str, jobs: int = 1, address: str | None = None) -> Engine:
    """The engine called `name`; `ray` needs the optional extra (thinktank-corpus[ray])."""
    if name == "local":
        return LocalEngine(jobs)
    if name == "ray":
        from corpus.engine_ray import RayEngine

        return RayEngine(address=address, num_cpus=jobs)
    raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
