"""`pip install` of the wheel into a fresh venv outside the checkout works on its own: resources come from the
installed package, `athena demo` and `athena print safety-plan` run there (packaging/check_install.sh).
Slow (~1 min, needs the package index): `pytest -m slow tests/unit/test_install.py`, or `make install-check`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_installs_and_works_outside_the_checkout(tmp_path: Path) -> None:
    if os.environ.get("ATHENA_SKIP_INSTALL_CHECK") == "1":
        pytest.skip("ATHENA_SKIP_INSTALL_CHECK=1")
    if not list((ROOT / "resources" / "translations").glob("*.qm")):
        pytest.skip("no compiled translations (make translations)")
    dist = tmp_path / "dist"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
                       capture_output=True, text=True, cwd=tmp_path, timeout=600)
    if r.returncode != 0 and ("No matching distribution" in r.stderr or "Could not find a version" in r.stderr):
        pytest.skip("the package index cannot be reached")
    assert r.returncode == 0, r.stderr
    for leftover in [ROOT / "build" / "lib", *(ROOT / "build").glob("bdist.*")]:
        shutil.rmtree(leftover, ignore_errors=True)  # setuptools builds in the tree
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATHENA_", "PYTEST_", "VIRTUAL_ENV"))}
    env["ATHENA_INSTALL_CHECK_DIR"] = str(tmp_path / "installed")
    env["PYTHON"] = sys.executable
    r = subprocess.run(["bash", str(ROOT / "packaging" / "check_install.sh"), str(dist)], capture_output=True,
                       text=True, cwd=tmp_path, env=env, timeout=900)
    if r.returncode != 0 and ("No matching distribution" in r.stderr or "Could not find a version" in r.stderr):
        pytest.skip("the package index cannot be reached")
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert "install check ok" in r.stdout
