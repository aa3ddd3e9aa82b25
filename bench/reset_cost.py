"""What the fast context reset and the lazy page clock save (issue 21): the same browser features through
`etax-conformance run --driver browser --workers 1`, today's former behaviour (`ETAX_RESET=full ETAX_CLOCK=eager`:
Playwright's reset of the reused context before every scenario, the page clock installed at every scenario start)
against the new default (the fast reset where it amounts to Playwright's, the clock installed at its first move),
alternating, in ONE run.

Per round and variant: the wall seconds of the whole command and the CPU seconds of its whole process tree — the
run, Playwright's node driver, the served simulator and every Chromium process — sampled from /proc every 0.25 s
per pid (the run's rusage misses Chromium's processes, reaped by nobody who waits for them): a process's last
sampled user + system time counts, so at most 0.25 s of a short-lived process's CPU is missed. Then the medians, the
ratios new / former, the statuses of both variants (identical, or the run is not a measure), and the load average
before and after (the machine may be shared: the ratio, measured alternating, is the figure to read).

`--compare leave` measures the fast reset's way out of the portal's document instead (issue 21, package `keep`):
the default (`page.goto("about:blank")`, a new renderer process per scenario on a portal sending COOP) against
`ETAX_LEAVE=keep` (the document leaves itself, its renderer kept). Each run also counts the renderer processes it
started (seen in /proc with `--type=renderer`; one living under 0.25 s may be missed) and its CPU per kind of
process. `--compare visitors`: the visitors
of an "at once" scenario each in a new context (`ETAX_VISITORS=new`) against the worker's visitor contexts reused.
`--compare pages`: the simulator's default pages as plain posts that load a page per press (`ETAX_PAGES=plain`)
against its pages updated in place (the default; profiles/simulator.yaml `busy`), on three features by default.

Usage: python bench/reset_cost.py [--compare reset|leave|visitors|pages] [--rounds 3] [--features F ...] [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ["features/liaoning/2.1_enterprise_normal_login.feature", "features/its/2.2_app_registration.feature"]
#: What each comparison runs, the former way first: variant -> (environment, what it is).
COMPARISONS: dict[str, dict[str, tuple[dict[str, str], str]]] = {
    "reset": {"former": ({"ETAX_RESET": "full", "ETAX_CLOCK": "eager"}, "ETAX_RESET=full ETAX_CLOCK=eager"),
              "new": ({}, "the default (fast reset, lazy clock)")},
    "leave": {"goto": ({}, "the default (page.goto('about:blank'): a new renderer per scenario)"),
              "keep": ({"ETAX_LEAVE": "keep"}, "ETAX_LEAVE=keep (the document leaves itself: renderer kept)")},
    "visitors": {"new": ({"ETAX_VISITORS": "new"}, "ETAX_VISITORS=new (a new context per visitor)"),
                 "pooled": ({}, "the default (the worker's visitor contexts, reset fast)")},
    "pages": {"plain": ({"ETAX_PAGES": "plain"}, "ETAX_PAGES=plain (a page loaded per press)"),
              "in-place": ({}, "the default (the simulator's pages updated in place)")},
}
#: The features each comparison runs by default (else FEATURES).
COMPARED_FEATURES = {"pages": [*FEATURES, "features/qingdao/2_registration.feature"]}
VARIABLES = ("ETAX_RESET", "ETAX_CLOCK", "ETAX_CONTEXT", "ETAX_LEAVE", "ETAX_VISITORS", "ETAX_PAGES")
TICKS = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        now = todo.pop()
        seen.append(now)
        todo += _children(now)
    return seen


def _cpu(pid: int) -> tuple[str, float] | None:
    """The process's start time (a pid reused is another process) and its CPU seconds (user + system) so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[19], (int(fields[11]) + int(fields[12])) / TICKS


def _kind(pid: int) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").split()  # Chromium rewrites it
    except OSError:
        return "?"
    for arg in argv:
        if arg.startswith(b"--type="):
            return arg[len(b"--type="):].decode()
    program = Path(argv[0].decode(errors="replace")).name
    if "chrom" in program or "headless" in program:
        return "browser"
    return "python" if program.startswith("python") else program


class TreeCpu(threading.Thread):
    """The CPU seconds of a process and all its descendants, each pid's last sample kept."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.last: dict[tuple[int, str], float] = {}
        self.kinds: dict[tuple[int, str], str] = {}
        self._done = threading.Event()

    @property
    def renderers(self) -> set[tuple[int, str]]:
        return {key for key, kind in self.kinds.items() if kind == "renderer"}

    def by_kind(self) -> dict[str, float]:
        """CPU seconds per kind of process (a Chromium process's --type, else its program)."""
        totals: dict[str, float] = {}
        for key, seconds in self.last.items():
            kind = self.kinds.get(key, "?")
            totals[kind] = round(totals.get(kind, 0.0) + seconds, 2)
        return totals

    def _sample(self) -> None:
        for pid in _tree(self.pid):
            sampled = _cpu(pid)
            if sampled is not None:
                key = (pid, sampled[0])
                if key not in self.kinds:
                    self.kinds[key] = _kind(pid)
                self.last[key] = sampled[1]

    def run(self) -> None:
        while not self._done.wait(self.interval):
            self._sample()

    def stop(self) -> float:
        self._sample()
        self._done.set()
        self.join()
        return sum(self.last.values())


def statuses(reports: Path, run_id: str) -> dict[str, str]:
    scenarios = json.loads((reports / run_id / "results.json").read_text(encoding="utf-8"))["scenarios"]
    return {s["id"]: s["status"] for s in scenarios}


def one_run(features: list[str], variant: str, setting: dict[str, str], reports: Path, index: int) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(setting)
    run_id = f"{variant}-{index}"
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "etax_conformance", "run", "--driver", "browser", "--workers", "1",
                              "--features", *features, "--reports-dir", str(reports), "--run-id", run_id], cwd=ROOT,
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sampler = TreeCpu(child.pid)
    sampler.start()
    code = child.wait()
    cpu = sampler.stop()
    wall = time.perf_counter() - started
    seen = statuses(reports, run_id)
    return {"variant": variant, "round": index, "wall_seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
            "renderers": len(sampler.renderers), "cpu_by_kind": sampler.by_kind(), "exit": code, "scenarios": len(seen),
            "passed": sum(1 for s in seen.values() if s == "passed"), "statuses": seen}


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", choices=sorted(COMPARISONS), default="reset")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--features", nargs="+", default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    args.features = args.features or COMPARED_FEATURES.get(args.compare, FEATURES)
    variants = COMPARISONS[args.compare]
    former, new = list(variants)
    before = load()
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(1, args.rounds + 1):
            order = list(variants) if index % 2 else list(reversed(variants))
            for variant in order:
                runs.append(one_run(args.features, variant, variants[variant][0], Path(folder), index))
                print(f"round {index} {variant:8} wall {runs[-1]['wall_seconds']:7.2f} s  cpu "
                      f"{runs[-1]['cpu_seconds']:7.2f} s  renderers {runs[-1]['renderers']:4}  passed "
                      f"{runs[-1]['passed']}/{runs[-1]['scenarios']}", flush=True)
    measures = ("wall_seconds", "cpu_seconds", "renderers")
    medians = {v: {k: statistics.median(r[k] for r in runs if r["variant"] == v) for k in measures}
               for v in variants}
    kinds = sorted({kind for r in runs for kind in r["cpu_by_kind"]})
    for v in variants:
        medians[v]["cpu_by_kind"] = {kind: statistics.median(r["cpu_by_kind"].get(kind, 0.0) for r in runs
                                                             if r["variant"] == v) for kind in kinds}
    scenarios = max(r["scenarios"] for r in runs)
    identical = all(r["statuses"] == runs[0]["statuses"] for r in runs)
    result = {
        "compare": args.compare, "features": args.features, "rounds": args.rounds, "workers": 1,
        "scenarios": scenarios, "variants": {v: what for v, (_, what) in variants.items()},
        "load_before": before, "load_after": load(), "statuses_identical": identical,
        "medians": medians,
        "per_scenario": {v: {k: round(medians[v][k] / scenarios, 3) for k in measures} for v in variants},
        f"ratio_{new}_over_{former}": {k: round(medians[new][k] / medians[former][k], 3) if medians[former][k]
                                        else None for k in measures},
        "runs": [{k: v for k, v in r.items() if k != "statuses"} for r in runs],
    }
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, ensure_ascii=False, indent=2))
    if args.json is not None:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
