"""The remembered step lookup finds, for every step of every scenario, what pytest-bdd's own lookup finds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from etax_conformance.paths import COLLECTOR, ROOT

HERE = Path(__file__).resolve().parent


def test_every_step_of_the_suite_finds_the_same_definitions(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", str(COLLECTOR), "-p", "etax_conformance.plugin", "-p", "step_lookup_probe",
         "--rootdir", str(ROOT), "--driver", "inprocess", "-o", "testpaths=", "-p", "no:cacheprovider", "-q",
         "-x", "--basetemp", str(tmp_path / "t")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout


def test_the_lookup_is_installed_in_runs() -> None:
    from etax_conformance import step_lookup

    step_lookup.install()
    assert step_lookup.bdd_scenario.find_fixturedefs_for_step is step_lookup.find_fixturedefs_for_step
