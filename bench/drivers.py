"""Benchmark: the whole suite in the in-process and the browser driver, as ratios taken in one run.

Each run is a child process (`etax-conformance run`), timed with a monotonic clock; its peak memory is
the child's max RSS. Runs alternate (in-process, browser, in-process, …) so machine noise hits both.
Usage: python bench/drivers.py [--rounds 3] [--out bench/DRIVERS.md]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_run(driver: str, reports: Path, tag: str) -> tuple[float, float, int]:
    """(seconds, peak RSS of the runner process in MiB, scenarios passed) of one run."""
    log = reports / f"{tag}.log"
    start = time.monotonic()
    with log.open("wb") as out:
        child = subprocess.Popen([sys.executable, "-m", "etax_conformance", "run", "--driver", driver,
                                  "--reports-dir", str(reports), "--run-id", tag], cwd=ROOT, stdout=out,
                                 stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage, not all children's
    seconds = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{driver} run failed:\n{log.read_text(encoding='utf-8')}")
    results = json.loads((reports / tag / "results.json").read_text(encoding="utf-8"))
    return seconds, usage.ru_maxrss / 1024, int(results["summary"]["passed"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "DRIVERS.md")
    args = parser.parse_args()
    times: dict[str, list[float]] = {"inprocess": [], "browser": []}
    peaks: dict[str, float] = {}
    passed: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for round_no in range(args.rounds):
            for driver in times:
                seconds, peak, count = one_run(driver, Path(folder), f"{driver}-{round_no}")
                times[driver].append(seconds)
                peaks[driver], passed[driver] = max(peaks.get(driver, 0.0), peak), count
                print(f"round {round_no + 1} {driver:<9} {seconds:6.1f} s  {count} passed", flush=True)
    med = {d: statistics.median(t) for d, t in times.items()}
    per = {d: med[d] / passed[d] for d in med}
    ratio = med["browser"] / med["inprocess"]
    lines = [
        "# Driver benchmark",
        "",
        f"`python bench/drivers.py --rounds {args.rounds}`: the whole suite, each driver in a child process,",
        "alternating, on one machine in one run. Absolute seconds depend on the machine; the ratio is the figure.",
        "",
        "| driver | scenarios | median wall time (s) | per scenario (s) | max RSS of a run (MiB)* |",
        "|---|---|---|---|---|",
        *(f"| {d} | {passed[d]} | {med[d]:.1f} | {per[d]:.3f} | {peaks[d]:.0f} |" for d in med),
        "",
        f"**browser / in-process wall-time ratio: {ratio:.1f}×**",
        "",
        "*max RSS of the `etax-conformance run` process (the browser run's Chromium and served simulator are",
        "separate processes and not included).",
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
