"""The wheel ships the schema contract: build it, install it into a target folder, validate a build with it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from tests.conftest import REPO
from tests.sample_build import write_sample_build


def test_wheel_ships_the_schema_and_validates_a_build_when_installed(tmp_path):
    wheels, site, build = tmp_path / "wheels", tmp_path / "site", tmp_path / "build"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-w", str(wheels)], check=True, cwd=tmp_path, capture_output=True)
    (wheel,) = wheels.glob("*.whl")
    shipped = {n.removeprefix("corpus/_schema/") for n in zipfile.ZipFile(wheel).namelist() if n.startswith("corpus/_schema/")}
    committed = {p.relative_to(REPO / "schema").as_posix() for p in (REPO / "schema").rglob("*") if p.is_file()}
    assert shipped == committed
    subprocess.run([*pip, "install", "--no-deps", "--no-compile", "--target", str(site), str(wheel)], check=True, cwd=tmp_path, capture_output=True)
    write_sample_build(build)
    env = {**os.environ, "PYTHONPATH": str(site), "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    where = subprocess.run([sys.executable, "-c", "import corpus.contract as c; print(c.__file__); print(c.SCHEMA_DIR)"],
                           env=env, cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split()
    assert where == [str(site / "corpus" / "contract.py"), str(site / "corpus" / "_schema")]
    result = subprocess.run([sys.executable, "-m", "corpus", "validate", str(build)], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:] + result.stdout[-2000:]
