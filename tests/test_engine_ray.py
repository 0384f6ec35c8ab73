"""The Ray engine: same output as the local engine, input order kept, worker errors unchanged, clear message without Ray.

Tests that need Ray are skipped when it is not installed (pip install 'thinktank-corpus[ray]'); the
missing-Ray tests run either way. One local Ray instance (2 CPUs, 100 MB object store, no dashboard)
serves the module. The build comparison uses the three news seeds so it stays well under a minute on a
2-core machine; CORPUS_TEST_RAY_FULL=1 compares a build of every seed instead.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from corpus.build import BuildRequest, run_build
from corpus.cli import app
from corpus.engine import make_engine
from corpus.errors import EXIT_USAGE, CorpusError, SeedError

from .conftest import SEEDS, file_digests

NEWS_SEEDS = ("000_388883cc602cf40d.txt", "001_268f02a432f76a7c.txt", "002_12b8784aec2226cd.txt")


@pytest.fixture(scope="module")
def ray_session():
    ray = pytest.importorskip("ray")
    from ray import cloudpickle  # vendored in Ray

    # Workers cannot import this test module: ship its functions by value (corpus itself is installed).
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    ray.init(num_cpus=2, object_store_memory=100 * 1024**2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
    cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


# module-level so they pickle; they run on Ray workers


def double_slowly(n: int) -> int:
    time.sleep(0.05 * (n % 3))  # later items sometimes finish first
    return 2 * n


def fail_on_bad_items(n: int) -> int:
    if n in (3, 11):
        raise SeedError(f"seeds/{n:03d}.txt", "not-utf8", f"file {n} is not valid UTF-8")
    return n


def die_on_item_two(n: int) -> int:
    if n == 2:
        os._exit(1)  # the worker process dies, as on a segfault or an out-of-memory kill
    return n


def fail_with_value_error(n: int) -> int:
    if n == 2:
        raise ValueError(f"cannot handle {n}")
    return n


def test_engine_ray_map_keeps_input_order(ray_session):
    items = list(range(25))
    assert list(make_engine("ray", jobs=2).map(double_slowly, items)) == [2 * n for n in items]


def test_engine_ray_map_of_nothing_is_empty(ray_session):
    assert list(make_engine("ray", jobs=2).map(double_slowly, [])) == []


def test_engine_ray_map_raises_the_workers_seed_error_unchanged(ray_session):
    seen = []
    with pytest.raises(SeedError) as caught:
        for result in make_engine("ray", jobs=2).map(fail_on_bad_items, list(range(20))):
            seen.append(result)
    error = caught.value
    assert type(error) is SeedError  # not a RayTaskError wrapper
    assert str(error) == "seeds/003.txt: file 3 is not valid UTF-8 [not-utf8]"  # the first bad item in input order
    assert (error.path, error.code, error.problem, error.exit_code) == ("seeds/003.txt", "not-utf8", "file 3 is not valid UTF-8", EXIT_USAGE)
    assert seen == [0, 1, 2]  # what came before the bad item, as the local engine yields it
    assert any("Ray worker" in note for note in getattr(error, "__notes__", []))


def test_engine_ray_map_keeps_other_exception_types(ray_session):
    with pytest.raises(ValueError) as caught:
        list(make_engine("ray", jobs=2).map(fail_with_value_error, list(range(5))))
    assert type(caught.value) is ValueError and str(caught.value) == "cannot handle 2"


def test_engine_ray_map_leaves_a_session_it_did_not_start_running(ray_session):
    list(make_engine("ray", jobs=2).map(double_slowly, [1, 2]))
    assert ray_session.is_initialized()


@pytest.mark.parametrize("as_instance", [False, True])
def test_engine_ray_unwrap_finds_the_corpus_error_in_a_ray_task_error(as_instance):
    exceptions = pytest.importorskip("ray.exceptions")
    from corpus.engine_ray import _unwrap

    original = SeedError("seeds/a.txt", "empty-file", "file is empty")
    wrapped = exceptions.RayTaskError("process_document", "Traceback ...", original)
    assert _unwrap(wrapped.as_instanceof_cause() if as_instance else wrapped) is original


def test_engine_ray_unwrap_turns_other_ray_failures_into_a_corpus_error():
    exceptions = pytest.importorskip("ray.exceptions")
    from corpus.engine_ray import RayEngineError, _unwrap

    error = _unwrap(exceptions.WorkerCrashedError())
    assert isinstance(error, RayEngineError) and error.code == "ray-failed"
    assert str(error).startswith("Ray failed: The worker died unexpectedly")


def _seeds_subset(folder: Path, names: tuple[str, ...]) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copy(SEEDS / name, folder)
    manifest = yaml.safe_load((SEEDS / "manifest.yaml").read_text(encoding="utf-8"))
    manifest["documents"] = [entry for entry in manifest["documents"] if entry["file"] in names]
    (folder / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for extra in SEEDS.iterdir():  # the entity catalogue and anything else that is not a source or the manifest
        if extra.is_file() and extra.suffix != ".txt" and extra.name != "manifest.yaml":
            shutil.copy(extra, folder)
    return folder


def test_engine_ray_build_is_byte_identical_to_local(ray_session, tmp_path):
    if os.environ.get("CORPUS_TEST_RAY_FULL") == "1":
        seeds = SEEDS
    else:
        seeds = _seeds_subset(tmp_path / "seeds", NEWS_SEEDS)
    local = run_build(BuildRequest(seeds=seeds, out=tmp_path / "local" / "build"))
    on_ray = run_build(BuildRequest(seeds=seeds, out=tmp_path / "ray" / "build", engine="ray", jobs=2))
    assert on_ray.rows == local.rows
    assert on_ray.rows["documents"] == (len(list(SEEDS.glob("*.txt"))) if seeds == SEEDS else len(NEWS_SEEDS))
    assert file_digests(tmp_path / "ray" / "build") == file_digests(tmp_path / "local" / "build")


def test_engine_ray_dead_worker_fails_the_map_instead_of_retrying_forever(ray_session):
    from corpus.engine_ray import RayEngineError

    with pytest.raises(RayEngineError, match="Ray failed: The worker died unexpectedly") as caught:
        list(make_engine("ray", jobs=2).map(die_on_item_two, list(range(4))))
    assert caught.value.exit_code == EXIT_USAGE


# --- without Ray -------------------------------------------------------------------------------------


@pytest.fixture
def without_ray(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    monkeypatch.setitem(sys.modules, "ray.data", None)


def test_engine_ray_missing_ray_says_how_to_install(without_ray):
    with pytest.raises(CorpusError, match=r"pip install 'thinktank-corpus\[ray\]'") as caught:
        make_engine("ray", jobs=2)
    assert caught.value.exit_code == EXIT_USAGE


def test_engine_ray_missing_ray_cli_exits_non_zero_and_writes_nothing(without_ray, tmp_path):
    seeds = _seeds_subset(tmp_path / "seeds", NEWS_SEEDS[:1])
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), "--no-cache", "--engine", "ray"])
    assert result.exit_code == EXIT_USAGE, result.output
    assert "pip install 'thinktank-corpus[ray]'" in " ".join(result.output.split())
    assert not out.exists()
