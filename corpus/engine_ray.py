"""Ray engine: the per-document step on Ray Data, on a local Ray instance or an existing cluster.

The step itself never imports Ray: items and results travel as pickles in an Arrow binary column, and
workers import `corpus` from the installed package (so every node needs `thinktank-corpus` and the
pinned spaCy model packages, or a runtime_env that provides them; see docs/ray.md).

A failure inside the step comes back as data, not as a Ray task error: the worker packs the exception
(its class, args and attributes) and the driver re-raises the same exception type with the same
message, at the same position in the input order as the local engine would. So a bad document gives
the caller the usual `CorpusError` (e.g. `SeedError`) and `run_build` writes nothing.
"""

from __future__ import annotations

import logging
import os
import pickle
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from corpus.errors import CorpusError

INSTALL_HINT = "pip install 'thinktank-corpus[ray]'"
DEFAULT_OBJECT_STORE_BYTES = 256 * 1024**2  # a local instance only; Ray's minimum is ~75 MB
MAX_BLOCKS = 1_000  # one document per block up to this many; more blocks only add scheduling cost
TASK_RETRIES = 2  # a task whose worker process dies is retried this often (Ray Data's default: forever)
_PICKLE = pickle.HIGHEST_PROTOCOL


class RayUnavailable(CorpusError):
    """`--engine ray` without Ray installed."""

    code = "ray-unavailable"


class RayEngineError(CorpusError):
    """Ray itself failed (cannot connect, a worker died); not a problem with one document."""

    code = "ray-failed"


class RayEngine:
    """Map a function over items with Ray Data, yielding results in input order.

    `address=None` starts a local Ray instance with `num_cpus` CPUs (and stops it when the map ends);
    an address (`ray://host:10001`, `host:6379` or `auto`) connects to that cluster and uses all of it
    (`num_cpus` is ignored there). Without an address, a RAY_ADDRESS environment variable (set inside
    `ray job submit`) counts as one. When Ray is already initialised in this process, that session is
    used as it is and left running.
    """

    def __init__(
        self,
        address: str | None = None,
        num_cpus: int | None = None,
        object_store_memory: int = DEFAULT_OBJECT_STORE_BYTES,
        runtime_env: dict[str, Any] | None = None,
    ):
        try:
            import ray  # noqa: F401
            import ray.data  # noqa: F401
        except ImportError as error:
            raise RayUnavailable(f"the ray engine needs Ray, which is not installed; install it with: {INSTALL_HINT}") from error
        self.address = address
        self.num_cpus = num_cpus
        self.object_store_memory = object_store_memory
        self.runtime_env = runtime_env

    # items travel to workers that may be on other machines, without the seeds folder: send texts, not paths
    needs_loaded_items = True

    def __repr__(self) -> str:
        return f"RayEngine(address={self.address!r}, num_cpus={self.num_cpus!r})"

    def map(self, fn: Callable, items: Sequence) -> Iterator:
        items = list(items)
        if not items:
            return
        import ray

        started = self._connect()
        try:
            yield from self._run(fn, items)
        finally:
            if started:
                ray.shutdown()

    def _connect(self) -> bool:
        """Initialise Ray unless it already is; True when this call started the session."""
        import ray

        if ray.is_initialized():
            return False
        options: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "ignore_reinit_error": True,
            "logging_level": logging.WARNING,
            "runtime_env": self.runtime_env,
        }
        address = self.address or os.environ.get("RAY_ADDRESS") or None
        if address is None:
            options |= {"num_cpus": self.num_cpus, "object_store_memory": self.object_store_memory}
        else:
            options |= {"address": address}
        try:
            ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as error:
            where = f"the Ray cluster at {address}" if address else "a local Ray instance"
            raise RayEngineError(f"cannot start or reach {where}: {_first_line(error)}") from error
        return True

    def _run(self, fn: Callable, items: list) -> Iterator:
        import pyarrow as pa
        import ray
        import ray.data

        context = ray.data.DataContext.get_current()
        saved = (context.execution_options.preserve_order, context.enable_progress_bars)
        loggers = {name: logging.getLogger(name) for name in ("ray.data", "ray.data._internal.progress")}
        saved_levels = {name: logger.level for name, logger in loggers.items()}
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False  # the CLI draws its own progress bar
        loggers["ray.data"].setLevel(logging.WARNING)  # not the per-dataset INFO lines
        loggers["ray.data._internal.progress"].setLevel(logging.ERROR)  # not "progress bars disabled"
        try:
            table = pa.table(
                {
                    "index": pa.array(range(len(items)), pa.int64()),
                    "payload": pa.array([pickle.dumps(item, protocol=_PICKLE) for item in items], pa.large_binary()),
                }
            )
            dataset = ray.data.from_arrow(_blocks(table, min(len(items), MAX_BLOCKS)))
            dataset = dataset.map_batches(_apply_batch, batch_size=None, batch_format="pyarrow", fn_kwargs={"fn": fn}, max_retries=TASK_RETRIES)
            pending: dict[int, tuple[bool, bytes]] = {}
            expected = 0
            for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
                for index, ok, payload in zip(batch["index"].to_pylist(), batch["ok"].to_pylist(), batch["payload"].to_pylist()):
                    pending[index] = (ok, payload)
                # preserve_order already delivers rows in order; the buffer only guards that promise
                while expected in pending:
                    ok, payload = pending.pop(expected)
                    if not ok:
                        raise _unpack_error(payload, expected)
                    yield pickle.loads(payload)
                    expected += 1
            if expected != len(items):
                raise RayEngineError(f"Ray returned {expected} of {len(items)} results")
        except ray.exceptions.RayError as error:
            raise _unwrap(error) from error
        finally:
            context.execution_options.preserve_order, context.enable_progress_bars = saved
            for name, logger in loggers.items():
                logger.setLevel(saved_levels[name])


def _blocks(table, count: int) -> list:
    """`table` cut into `count` consecutive slices of near-equal length (one Ray block each)."""
    size, extra = divmod(table.num_rows, count)
    slices, start = [], 0
    for i in range(count):
        length = size + (1 if i < extra else 0)
        slices.append(table.slice(start, length))
        start += length
    return slices


# --- on the workers -------------------------------------------------------------------------------


def _apply_batch(batch, fn: Callable):
    """Apply `fn` to each pickled item of an Arrow batch; the first exception is packed and ends the batch."""
    import pyarrow as pa

    indices: list[int] = []
    oks: list[bool] = []
    payloads: list[bytes] = []
    for index, data in zip(batch["index"].to_pylist(), batch["payload"].to_pylist()):
        indices.append(index)
        try:
            payloads.append(pickle.dumps(fn(pickle.loads(data)), protocol=_PICKLE))
            oks.append(True)
        except Exception as error:  # noqa: BLE001 - every failure is shipped to the driver and re-raised there
            payloads.append(_pack_error(error))
            oks.append(False)
            break  # later items of this batch would never be read: the driver raises at this one
    return pa.table({"index": pa.array(indices, pa.int64()), "ok": pa.array(oks, pa.bool_()), "payload": pa.array(payloads, pa.large_binary())})


def _pack_error(error: BaseException) -> bytes:
    """The exception as (class, args, attributes, traceback): rebuilt without calling `__init__`.

    Pickling the exception itself is not enough: `SeedError(path, code, problem)` pickles as
    `SeedError(message)`, which fails to unpickle.
    """
    trace = traceback.format_exc()
    state = {}
    for name, value in vars(error).items():
        try:
            pickle.dumps(value, protocol=_PICKLE)
        except Exception:  # noqa: BLE001
            continue
        state[name] = value
    try:
        return pickle.dumps(("exception", type(error), error.args, state, trace), protocol=_PICKLE)
    except Exception:  # noqa: BLE001 - class or args not picklable: keep the text
        name = f"{type(error).__module__}.{type(error).__qualname__}"
        return pickle.dumps(("text", name, str(error), trace), protocol=_PICKLE)


# --- on the driver --------------------------------------------------------------------------------


class RemoteError(RuntimeError):
    """A worker exception whose class could not be rebuilt here; carries its name and message."""


def _unpack_error(payload: bytes, index: int) -> BaseException:
    try:
        kind, *rest = pickle.loads(payload)
    except Exception as error:  # noqa: BLE001 - e.g. the class does not import on the driver
        return RemoteError(f"item {index} failed on a Ray worker and its exception could not be read here: {error}")
    if kind == "exception":
        cls, args, state, trace = rest
        rebuilt = cls.__new__(cls, *args)
        rebuilt.args = args
        rebuilt.__dict__.update(state)
    else:
        name, message, trace = rest
        rebuilt = RemoteError(f"{name}: {message}")
    rebuilt.add_note(f"raised on a Ray worker while processing item {index}:\n{trace.rstrip()}")
    return rebuilt


def _unwrap(error: BaseException) -> BaseException:
    """The original exception inside a Ray exception chain when it is a CorpusError, else a RayEngineError.

    `RayTaskError.cause` is the worker's exception; `as_instanceof_cause()` only dresses it up as a
    subclass of both, so the chain is followed to the innermost cause before the type is checked.
    """
    seen: set[int] = set()
    current = error
    while id(current) not in seen:
        seen.add(id(current))
        cause = getattr(current, "cause", None)
        following = cause if isinstance(cause, BaseException) else current.__cause__
        if following is None:
            break
        current = following
    if isinstance(current, CorpusError) and not isinstance(current, RayEngineError):
        return current
    inner = "" if current is error else f"{type(current).__name__}: "
    return RayEngineError(f"Ray failed: {inner}{_first_line(current)}")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
