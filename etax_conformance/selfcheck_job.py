"""One run of selfcheck in its own process: the given features with a deviation switch on (no report, no manifest).

`--batch FILE` runs several such runs (a JSON list of {run_dir, deviate, features, log}) from one process: the heavy
imports (pytest and its plugins, the drivers, the simulator, the steps) are made once, then each run is a fork of
that warm process, so every switch still starts from a fresh simulator and fresh pytest collection (the collector
module is never imported before the fork) but not from a cold interpreter (issue 20: the CI time of selfcheck).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import pkgutil
import sys
import time
import traceback
from pathlib import Path

from etax_conformance.paths import PROFILES_DIR
from etax_conformance.runner import run_suite


def _one(driver: str, run_dir: Path, deviate: str | None, variant: str | None, features: list[str] | None) -> int:
    # The conformant run (no switch) keeps its report.html: selfcheck's report links to it.
    return run_suite(driver, run_dir, features=features or None, deviate=deviate, variant=variant,
                     finish=not deviate, profile=str(PROFILES_DIR / "alt.yaml") if variant == "alt" else None)


def _preload() -> None:
    """What every run imports anyway, imported once before the forks (never the collector module)."""
    for name in ("etax_conformance.plugin", "drivers.inprocess", "simulator.bootstrap", "hypothesis", "schemathesis"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    import steps

    for module in pkgutil.walk_packages(steps.__path__, "steps."):
        importlib.import_module(module.name)


def run_batch(driver: str, variant: str | None, batch: Path) -> int:
    """Each run of the batch in a fork of this (warm) process, one after the other; 0 when every run wrote
    its results (a switch's scenarios failing is its purpose, not an error)."""
    jobs = json.loads(batch.read_text(encoding="utf-8"))
    _preload()
    worst = 0
    for job in jobs:
        started = time.monotonic()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: its own log, its own pytest session
            code = 70
            try:
                log = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(log, 1)
                os.dup2(log, 2)
                # The preloaded plugins (pytest_bdd…) cannot be assertion-rewritten any more: say nothing of it.
                os.environ["PYTEST_ADDOPTS"] = (os.environ.get("PYTEST_ADDOPTS", "")
                                                + " -W ignore::pytest.PytestAssertRewriteWarning").strip()
                code = _one(driver, Path(job["run_dir"]), job.get("deviate"), variant, job.get("features"))
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        os.waitpid(pid, 0)
        (Path(job["run_dir"]) / "seconds.txt").write_text(f"{time.monotonic() - started:.2f}\n", encoding="utf-8")
        if not (Path(job["run_dir"]) / "results.json").exists():
            worst = 1
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etax_conformance.selfcheck_job")
    parser.add_argument("--driver", choices=("inprocess", "browser"), default="inprocess")
    parser.add_argument("--run-dir", type=Path)
    parser.add_argument("--deviate")
    parser.add_argument("--variant")
    parser.add_argument("--features", nargs="*")
    parser.add_argument("--batch", type=Path, help="a JSON list of runs, each forked from this warm process")
    args = parser.parse_args(argv)
    if args.batch:
        return run_batch(args.driver, args.variant, args.batch)
    if args.run_dir is None:
        parser.error("--run-dir or --batch is required")
    return _one(args.driver, args.run_dir, args.deviate, args.variant, args.features)


if __name__ == "__main__":
    sys.exit(main())
