"""Benchmark: the browser suite with 1, 2 and 4 workers against ONE served simulator; CI's two browser runs laid out.

workers: one simulator is served (hooks on, namespaces on); `etax-conformance run --driver browser --portal-url …
--workers N` runs the same features for each N, one after the other; wall time per N and the ratio to 1 worker.
ci: the two browser runs of scripts/test.sh (default simulator, alt variant) on the same features, laid out three
ways: side by side with 1 worker each (before), side by side with 2 workers each, one after the other with 2 workers.
Prints JSON. Usage: python bench/parallel_workers.py [workers|ci|both] [--features features/its] [--counts 1,2,4]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etax_conformance.serving import ServedSimulator  # noqa: E402

ALT = ("--variant", "alt", "--profile", str(ROOT / "profiles" / "alt.yaml"))


def _run(reports: Path, run_id: str, features: str, *args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "etax_conformance", "run", "--driver", "browser", "--reports-dir",
               str(reports), "--run-id", run_id, "--features", features, *args]
    log = (reports / f"{run_id}.log").open("wb")
    return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def _summary(reports: Path, run_id: str) -> dict[str, int]:
    summary: dict[str, int] = json.loads((reports / run_id / "results.json").read_text("utf-8"))["summary"]
    return summary


def _timed(reports: Path, runs: list[tuple[str, tuple[str, ...]]], features: str) -> tuple[float, float]:
    """Start the runs together: (seconds until the last one ends, CPU seconds of the runs and their children).

    The CPU seconds (user + system of each run, its workers and their Chromiums, all reaped) do not depend on
    what else the machine runs; the wall time does (see the load averages printed with the figures).
    """
    start = time.monotonic()
    processes = [(run_id, _run(reports, run_id, features, *args)) for run_id, args in runs]
    cpu = 0.0
    for run_id, process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(f"run {run_id} failed: see {reports / (run_id + '.log')}")
        cpu += usage.ru_utime + usage.ru_stime
    return time.monotonic() - start, cpu


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a live process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_workers(reports: Path, features: str, counts: list[int]) -> dict[str, object]:
    served = ServedSimulator.start(reports / "served.sqlite3")
    try:
        portal = ("--portal-url", served.url, "--hooks-token", served.hooks_token)
        rows: list[dict[str, Any]] = []
        for n in counts:
            before = _process_cpu(served.process.pid)
            seconds, cpu = _timed(reports, [(f"workers-{n}", (*portal, "--workers", str(n)))], features)
            rows.append({"workers": n, "seconds": round(seconds, 1), "cpu seconds (runs)": round(cpu, 1),
                         "cpu seconds (served simulator)": round(_process_cpu(served.process.pid) - before, 1),
                         "load average": [round(x, 1) for x in os.getloadavg()],
                         "summary": _summary(reports, f"workers-{n}")})
    finally:
        served.stop()
    for row in rows:
        row["speed-up"] = round(rows[0]["seconds"] / row["seconds"], 2)
        row["cpu per scenario vs 1 worker"] = round(row["cpu seconds (runs)"] / rows[0]["cpu seconds (runs)"], 2)
    return {"features": features, "one served simulator": True, "runs": rows}


def bench_ci(reports: Path, features: str) -> dict[str, object]:
    layouts = {
        "side by side, 1 worker each (before)": [[("ci-d1", ()), ("ci-a1", ALT)]],
        "side by side, 2 workers each": [[("ci-d2", ("--workers", "2")), ("ci-a2", (*ALT, "--workers", "2"))]],
        "one after the other, 2 workers each": [[("ci-d3", ("--workers", "2"))], [("ci-a3", (*ALT, "--workers", "2"))]],
    }
    found = {}
    for name, stages in layouts.items():
        timed = [_timed(reports, stage, features) for stage in stages]
        found[name] = {"seconds": round(sum(t[0] for t in timed), 1), "cpu seconds": round(sum(t[1] for t in timed), 1),
                       "load average": [round(x, 1) for x in os.getloadavg()]}
    return {"features": features, "both browser runs": found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("part", nargs="?", choices=("workers", "ci", "both"), default="workers")
    parser.add_argument("--features", default="features/its")
    parser.add_argument("--ci-features", default="features/liaoning/2.1_enterprise_normal_login.feature")
    parser.add_argument("--counts", default="1,2,4")
    args = parser.parse_args()
    machine = {"cpus": os.cpu_count(), "machine": platform.machine(), "python": platform.python_version(),
               "load average at start": [round(x, 1) for x in os.getloadavg()]}
    result: dict[str, object] = {"machine": machine}
    with tempfile.TemporaryDirectory(prefix="bench-parallel-") as folder:
        reports = Path(folder)
        if args.part in ("workers", "both"):
            result["workers"] = bench_workers(reports, args.features, [int(n) for n in args.counts.split(",")])
        if args.part in ("ci", "both"):
            result["ci"] = bench_ci(reports, args.ci_features)
    machine["load average at end"] = [round(x, 1) for x in os.getloadavg()]
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
