"""`etax-conformance run`: the features through pytest-bdd with a chosen driver, into reports/<run>/."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest

from etax_conformance.paths import COLLECTOR, ROOT


def new_run_dir(reports_dir: Path, driver: str, run_id: str | None, replace: bool = False) -> Path:
    """reports/<run>: a given id, or a timestamp plus the driver; an earlier run is kept unless replaced."""
    name = run_id or f"{datetime.now():%Y%m%d-%H%M%S}-{driver}"
    if not name or "/" in name or name.startswith("."):
        raise ValueError(f"--run-id {name!r} must be a plain folder name")
    run_dir = reports_dir / name
    if run_dir.exists() and any(run_dir.iterdir()):
        if not replace:
            raise FileExistsError(f"run folder {run_dir} already holds results; choose another --run-id "
                                  "or pass --replace")
        shutil.rmtree(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    return run_dir


def run_suite(driver: str, run_dir: Path, *, portal_url: str | None = None, profile: str | None = None,
              hooks_token: str | None = None, browser_executable: str | None = None,
              features: str | Sequence[str] | None = None, select: str | None = None, plan: str | None = None,
              quiet: bool = True,
              variant: str | None = None, workers: int = 1, shard: str | None = None,
              browser_cdp_url: str | None = None, without_hooks: str | None = None,
              browser_ws_endpoint: str | None = None,
              expected_failures: str | None = None, signing_key: Path | None = None,
              guides: Path | None = None, ln_logins_only: bool = False, deviate: str | None = None,
              finish: bool = True) -> int:
    """Run the features (N workers: etax_conformance.parallel), re-run the failed ones with the Playwright trace
    (browser, ETAX_TRACE=rerun: etax_conformance.trace_rerun), then finish the bundle; 0 only when no scenario
    failed and at least one passed."""
    from etax_conformance.trace_rerun import check_settings

    trace_mode = check_settings()  # an unknown ETAX_TRACE / ETAX_TRACE_RERUNS: a ValueError before anything runs
    # The run's own options: the trace re-run's child run passes them too (same portal, profile, plans, browser…).
    options: list[str] = ["--driver", driver]
    for option, value in (("--portal-url", portal_url), ("--profile", profile), ("--hooks-token", hooks_token),
                          ("--browser-executable", browser_executable), ("-k", select), ("--variant", variant),
                          ("--plan", plan), ("--browser-cdp-url", browser_cdp_url),
                          ("--browser-ws-endpoint", browser_ws_endpoint),
                          ("--without-hooks", without_hooks), ("--expected-failures", expected_failures),
                          ("--deviate", deviate)):
        if value:
            options += [option, value]
    if ln_logins_only:
        options.append("--ln-logins-only")
    args = [*_base_args(run_dir), *options, "--progress", *(["--shard", shard] if shard else [])]
    args += ["-n", str(workers)] if workers > 1 else ["-p", "no:xdist"]
    # pytest-randomly (a dev tool) shuffles only when asked: scripts/random_order.sh sets ETAX_RANDOM_SEED.
    seed = os.environ.get("ETAX_RANDOM_SEED")
    args += ["-p", "pytest_randomly", "--randomly-seed", seed] if seed else ["-p", "no:randomly"]
    if quiet:
        args.append("-q")
    if features:  # one path, or several joined by os.pathsep (etax_conformance/suite/test_features.py splits them)
        paths = [features] if isinstance(features, str) else list(features)
        os.environ["ETAX_FEATURES"] = os.pathsep.join(str(Path(path).resolve()) for path in paths)
    code = int(pytest.main(args))
    if not finish:  # selfcheck's per-switch runs: results.json is all it reads (never a trace re-run)
        return honest_exit(code, run_dir / "results.json")
    if driver == "browser" and trace_mode == "rerun" and code in (0, 1):  # not after an interrupted or broken run
        from etax_conformance.trace_rerun import rerun_failed

        rerun_failed(run_dir, lambda child, ids: [*_base_args(child), *options, "--scenario-ids", str(ids),
                                                  "--keep-traces", "-p", "no:xdist", "-p", "no:randomly", "-q"])
    from etax_conformance.bundle.finish import finish_run

    finish_run(run_dir, signing_key, guides)  # masked, cucumber.json, report.html, manifest (signed with a key)
    return honest_exit(code, run_dir / "results.json")


def _base_args(run_dir: Path) -> list[str]:
    """pytest's arguments for a run into run_dir: the suite's collector and plugin, results and junit there."""
    return [str(COLLECTOR), "-p", "etax_conformance.plugin", "--rootdir", str(ROOT),
            "--run-dir", str(run_dir), "--junitxml", str(run_dir / "junit.xml"),
            "-o", "junit_family=xunit2", "-o", "testpaths=", "-p", "no:cacheprovider"]


def honest_exit(code: int, results_path: Path) -> int:
    """pytest's code, except that a run in which no scenario passed is never a success."""
    if code != 0:
        return code
    try:
        summary = json.loads(results_path.read_text(encoding="utf-8"))["summary"]
    except (OSError, ValueError, KeyError) as exc:
        print(f"etax-conformance run: no results were written ({exc}); nothing was verified", file=sys.stderr)
        return 1
    if summary.get("failed", 0) > 0:
        return 1
    if summary.get("passed", 0) > 0:
        return 0
    counts = ", ".join(f"{summary.get(k, 0)} {k.replace('_', ' ')}"
                       for k in ("passed", "failed", "not_verifiable", "not_applicable"))
    print(f"etax-conformance run: no scenario passed ({counts}): nothing was verified", file=sys.stderr)
    return 1
