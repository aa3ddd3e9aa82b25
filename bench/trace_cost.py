"""What the Playwright trace recorded lazily saves (issue 21): one feature through `etax-conformance run --driver
browser` (1 worker), ETAX_TRACE=1 (every scenario traced while it runs, the former default) against the default
ETAX_TRACE=rerun (no trace while the run runs; failed scenarios re-run with it), alternating, in ONE run.

Prints, per round and mode, the wall seconds of the whole command and the CPU seconds of its process tree (the
run, Playwright's node driver, Chromium), then the medians and the ratio rerun / on, and the load average before
and after (the machine may be shared: the ratio, measured alternating, is the figure to read).

Usage: python bench/trace_cost.py [--rounds 3] [--features features/its/1.1_account_password_login.feature]
       [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MODES = {"on": "1", "rerun": None}  # None: ETAX_TRACE unset (the default)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one_run(features: str, mode: str, reports: Path, index: int) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "ETAX_TRACE"}
    if MODES[mode] is not None:
        env["ETAX_TRACE"] = str(MODES[mode])
    cpu, started = children_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "etax_conformance", "run", "--driver", "browser", "--features",
                           features, "--reports-dir", str(reports), "--run-id", f"{mode}-{index}"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    summary = json.loads((reports / f"{mode}-{index}" / "results.json").read_text(encoding="utf-8"))["summary"]
    return {"mode": mode, "round": index, "wall_seconds": round(wall, 2),
            "cpu_seconds": round(children_cpu() - cpu, 2), "exit": done.returncode,
            "passed": summary.get("passed", 0), "failed": summary.get("failed", 0)}


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--features", default="features/its/1.1_account_password_login.feature")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    started, load_before = time.strftime("%Y-%m-%d %H:%M:%S %Z"), load()
    runs = []
    with tempfile.TemporaryDirectory(prefix="trace-cost-") as tmp:
        for index in range(1, args.rounds + 1):
            for mode in (("on", "rerun") if index % 2 else ("rerun", "on")):  # alternating which goes first
                runs.append(one_run(args.features, mode, Path(tmp), index))
                print(json.dumps(runs[-1]), file=sys.stderr)
    medians = {mode: {key: statistics.median(r[key] for r in runs if r["mode"] == mode)
                      for key in ("wall_seconds", "cpu_seconds")} for mode in MODES}
    result = {"features": args.features, "started": started, "ended": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
              "load_before": load_before, "load_after": load(), "runs": runs, "medians": medians,
              "rerun_over_on": {key: round(medians["rerun"][key] / medians["on"][key], 3)
                                for key in ("wall_seconds", "cpu_seconds")}}
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
