"""The Playwright trace recorded lazily (ETAX_TRACE=rerun, the default; drivers/evidence.py): after a browser run,
its failed scenarios run once more, with the trace on, and each re-run's trace joins the first run's evidence.

Tracing every scenario costs ≈ 13 % of a browser run's wall time and CPU and, since nearly every scenario passes,
buys nothing; Playwright Test itself recommends `trace: 'on-first-retry'`. A certification run's verdict never
changes on a re-run, so here the re-run only brings the trace:

- the failed scenarios (status "failed" in results.json, at most ETAX_TRACE_RERUNS of them, 20 by default, the first
  in results order) run in one child pytest: the run's own options (portal, profile, hooks token, variant,
  plans, browser…), one worker, `--scenario-ids` (etax_conformance/scenario_filter.py) and `--keep-traces`, into a
  scratch run folder inside the run folder, removed afterwards;
- each re-run's trace.zip is copied into the scenario's own evidence folder (the folder is named after the pytest
  node id, the same in both runs: etax_conformance/report/evidence.py) and added to its `evidence`;
- each scenario records how its re-run ended, `trace_rerun`: {"status": "failed", "same_step": true, "step": …},
  {"status": "passed"} (the failure did not repeat), or {"status": "not_run", "note": …} (over the cap, or the
  re-run itself could not run). Its status, steps, duration and detail stay the first run's.

Nothing here changes the run's statuses or exit code: a re-run that crashes, times out or cannot reach the portal
is noted in results.json and on stderr in plain words. The run folder is finished afterwards (bundle/finish.py),
so the copied traces are masked and listed in the manifest like any other evidence.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The scratch run folder of the re-run, inside the run folder (removed before the folder is finished).
SCRATCH = ".trace-rerun"
DEFAULT_CAP = 20
#: Seconds the child run may take: a start-up allowance plus a bound per scenario (a stuck portal never hangs a run).
TIMEOUT_BASE, TIMEOUT_PER_SCENARIO = 300, 180


def rerun_cap() -> int:
    """ETAX_TRACE_RERUNS: how many failed scenarios are re-run at most (20 by default; 0: none)."""
    value = os.environ.get("ETAX_TRACE_RERUNS", "").strip()
    if not value:
        return DEFAULT_CAP
    if not value.isdigit():
        raise ValueError(f"ETAX_TRACE_RERUNS={value!r} must be a whole number ≥ 0: how many failed scenarios are "
                         f"re-run with the Playwright trace (default {DEFAULT_CAP}; 0: none)")
    return int(value)


def check_settings() -> str:
    """ETAX_TRACE's mode and ETAX_TRACE_RERUNS, checked before anything runs (a ValueError says what is wrong)."""
    from drivers.evidence import trace_mode

    mode = trace_mode()
    rerun_cap()
    return mode


def first_failed_step(steps: list[dict[str, Any]]) -> tuple[int, str] | None:
    """(index, "keyword name") of the first failed or undefined step; None when no step failed."""
    for index, step in enumerate(steps):
        if step.get("status") in ("failed", "undefined"):
            return index, f"{step.get('keyword', '')} {step.get('name', '')}".strip()
    return None


def rerun_failed(run_dir: Path, child_args: Callable[[Path, Path], list[str]], err: Any = None) -> None:
    """Re-run the run's failed scenarios with the trace and record it in results.json; never raises.

    child_args(scratch run folder, ids file) gives pytest's arguments for the child run."""
    err = err if err is not None else sys.stderr
    try:
        _rerun(run_dir, child_args, err)
    except Exception as exc:  # the re-run only adds evidence: it never breaks the run it follows
        print(f"trace re-run: could not be done ({type(exc).__name__}: {exc}); the run's results are unchanged",
              file=err)
    finally:
        shutil.rmtree(run_dir / SCRATCH, ignore_errors=True)


def _rerun(run_dir: Path, child_args: Callable[[Path, Path], list[str]], err: Any) -> None:
    results_path = run_dir / "results.json"
    try:
        document = json.loads(results_path.read_text(encoding="utf-8"))
        failed = [s for s in document["scenarios"] if s.get("status") == "failed"]
    except (OSError, ValueError, KeyError, TypeError):
        return  # no results: nothing ran, nothing to trace
    if not failed:
        return
    cap = rerun_cap()
    chosen, over = failed[:cap], failed[cap:]
    for scenario in over:
        scenario["trace_rerun"] = {"status": "not_run", "note": f"not re-run: over ETAX_TRACE_RERUNS={cap} (the "
                                   f"first {cap} failed scenarios are re-run with the trace)"}
    if chosen:
        outcome = _run_child(run_dir, chosen, child_args)
        _record(run_dir, chosen, outcome, err)
    results_path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _run_child(run_dir: Path, chosen: list[dict[str, Any]],
               child_args: Callable[[Path, Path], list[str]]) -> dict[str, Any] | str:
    """The child run's results.json scenarios by id with its scratch folder, or why there are none (plain words)."""
    scratch = run_dir / SCRATCH
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    ids_file = scratch / "scenario-ids.txt"
    ids_file.write_text("".join(s["id"] + "\n" for s in chosen), encoding="utf-8")
    run = scratch / "run"
    env = {**os.environ, "ETAX_TRACE": "on"}
    env.pop("ETAX_RANDOM_SEED", None)
    timeout = TIMEOUT_BASE + TIMEOUT_PER_SCENARIO * len(chosen)
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", *child_args(run, ids_file)], env=env,
                              capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return f"the re-run did not end within {timeout} s and was stopped"
    except OSError as exc:
        return f"the re-run could not start ({exc})"
    try:
        child = json.loads((run / "results.json").read_text(encoding="utf-8"))
        by_id = {s["id"]: s for s in child["scenarios"]}
    except (OSError, ValueError, KeyError, TypeError):
        tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
        said = f": {' / '.join(line.strip() for line in tail)}" if tail else ""
        return f"the re-run ended (exit code {done.returncode}) without results{said}"
    return {"scenarios": by_id, "folder": run}


def _record(run_dir: Path, chosen: list[dict[str, Any]], outcome: dict[str, Any] | str, err: Any) -> None:
    """Each chosen scenario's trace_rerun and its trace in its evidence; one line on stderr."""
    if isinstance(outcome, str):
        for scenario in chosen:
            scenario["trace_rerun"] = {"status": "not_run", "note": outcome}
        print(f"trace re-run: {outcome}; the {len(chosen)} failed scenario(s) keep their screenshot and hooks "
              "exchanges, without a trace (the run's results are unchanged)", file=err)
        return
    counts: dict[str, int] = {}
    for scenario in chosen:
        record = _one(run_dir, scenario, outcome["scenarios"].get(scenario["id"]), outcome["folder"])
        scenario["trace_rerun"] = record
        counts[record["status"]] = counts.get(record["status"], 0) + 1
    said = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in sorted(counts.items()))
    print(f"trace re-run: {len(chosen)} failed scenario(s) run again with the Playwright trace ({said}); "
          "the run's results are the first run's", file=err)


def _one(run_dir: Path, first: dict[str, Any], again: dict[str, Any] | None, child_dir: Path) -> dict[str, Any]:
    """The trace_rerun record of one scenario; its trace (if the re-run left one) copied into its evidence."""
    if again is None:
        return {"status": "not_run", "note": "the re-run did not collect this scenario"}
    record: dict[str, Any] = {"status": again.get("status", "")}
    if record["status"] == "failed":
        before, after = first_failed_step(first.get("steps", [])), first_failed_step(again.get("steps", []))
        record["same_step"] = before is not None and after is not None and before[0] == after[0]
        if after is not None:
            record["step"] = after[1]
        else:  # it broke outside any step (e.g. the portal could not be reached): what it said
            record["detail"] = str(again.get("detail", ""))[:500]
    elif record["status"] == "passed":
        record["note"] = "the re-run passed: the failure did not repeat"
    traces = [name for name in again.get("evidence", []) if name.endswith("/trace.zip")]
    if not traces or not (child_dir / traces[0]).is_file():
        record["trace"] = None
        record.setdefault("note", "the re-run left no trace (it ended before its first step)")
        return record
    target = run_dir / traces[0]  # evidence/<node id hash>/trace.zip: the first run's folder of the scenario
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(child_dir / traces[0], target)
    record["trace"] = traces[0]
    evidence = first.setdefault("evidence", [])
    if traces[0] not in evidence:
        evidence.append(traces[0])
    return record
