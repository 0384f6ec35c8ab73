"""Engines that run the per-document step. The step itself never knows which one runs it.

An engine is anything with `map(fn, items) -> Iterable` that yields `fn(item)` in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Protocol


class Engine(Protocol):
    def map(self, fn: Callable, items: Sequence) -> Iterable: ...


@dataclass(frozen=True)
class LocalEngine:
    """This process (jobs=1) or a pool of `jobs` worker processes; results keep input order."""

    jobs: int = 1

    def map(self, fn: Callable, items: Sequence) -> Iterable:
        if self.jobs <= 1 or len(items) <= 1:
            yield from map(fn, items)
            return
        pool = ProcessPoolExecutor(max_workers=self.jobs)
        try:
            yield from pool.map(fn, items, chunksize=max(1, min(16, len(items) // (self.jobs * 4))))
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
