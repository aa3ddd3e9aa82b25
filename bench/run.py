"""Benchmark of issue 12, measured in ONE run, printed as JSON: in-process vs its floor, browser driver vs plain
Playwright, memory.

- inprocess: the whole suite in-process, and its floor — the same features and step definitions with bodies
  that do nothing (noop_steps.py) — alternating, each a child `etax-conformance run`; figures are medians.
  "run_seconds" is the run phase (first scenario to last, step_timer.py); "wall_seconds" the whole command.
- browser: the reference scenarios (plain_playwright.py) through the browser driver (a child run) and as plain
  Playwright scripts on a served simulator: seconds per Gherkin step of each, and their ratio.
- memory: peak RSS of the in-process run, of the served simulator and of Chromium (memory.py) in the browser run.

- breakdown (issue 21): the per-phase breakdown of each browser scenario of a sample (phase_timer.py), as run
  now and as before issue 21 (a new context per scenario, full Chromium), alternating; the whole suite with 2
  workers (run with --whole-suite, else extrapolated from the sample run with 2 workers); the three goals of
  issue 21 printed met/missed.

Usage: python bench/run.py [--rounds 3] [--browser-rounds 3] [--skip-browser] [--markdown bench/RESULTS.md]
       python bench/run.py --skip-inprocess --browser-rounds 1 --sample-k EXPR --suite-scenarios 444
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from memory import PeakSampler  # noqa: E402

GOALS = {"scenarios_per_second": 100.0, "suite_over_floor": 3.0, "browser_over_plain": 1.3,
         # issue 21: whole browser suite with 2 workers (s), median scenario over its steps' plain cost, CI (s)
         "whole_suite_2_workers_seconds": 300.0, "median_scenario_over_plain_steps": 3.0, "ci_seconds": 1500.0}
#: The browser as configured before issue 21 (a new context per scenario, the full Chromium), for the ratio.
BEFORE = {"ETAX_CONTEXT": "new"}
BEFORE_ARGS = ["--browser-executable", "/usr/bin/chromium"]
#: 2 browser workers over 1 on this 2-core machine (RESULTS.md, parallel workers: 1.21× quiet, 1.04–1.25× busy).
TWO_WORKER_SPEED_UP = 1.21


def _env(plugins: str, times: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as a new user's machine
    env |= extra or {}
    env["PYTHONPATH"] = os.pathsep.join([str(BENCH), env.get("PYTHONPATH", "")])
    env["PYTEST_PLUGINS"], env["ETAX_BENCH_TIMES"] = plugins, str(times)
    return env


def child_run(folder: Path, tag: str, plugins: str, extra: list[str], sample: bool = False,
              env: dict[str, str] | None = None) -> dict[str, Any]:
    """One `etax-conformance run` in a child process: wall time, its peak RSS, the step timer's figures."""
    times = folder / f"{tag}.times.json"
    command = [sys.executable, "-m", "etax_conformance", "run", "--reports-dir", str(folder), "--run-id", tag,
               *extra]
    log = (folder / f"{tag}.log").open("wb")
    start = time.monotonic()
    child = subprocess.Popen(command, cwd=ROOT, env=_env(plugins, times, env), stdout=log, stderr=subprocess.STDOUT)
    sampler = PeakSampler(child.pid) if sample else None
    if sampler:
        sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    if sampler:
        sampler.stop()
    log.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{tag} failed:\n{(folder / f'{tag}.log').read_text(encoding='utf-8')[-3000:]}")
    summary = json.loads((folder / tag / "results.json").read_text(encoding="utf-8"))["summary"]
    timed = json.loads(times.read_text(encoding="utf-8"))
    out = {"wall_seconds": wall, "cpu_seconds": usage.ru_utime + usage.ru_stime,
           "run_seconds": timed["run_seconds"], "run_cpu_seconds": timed.get("run_cpu_seconds", 0.0),
           "scenarios": timed["scenarios"],
           "passed": summary["passed"], "counted": sum(v for v in summary.values() if isinstance(v, int)),
           "peak_rss_mib": usage.ru_maxrss / 1024, "steps": timed["steps"]}
    if sampler:
        out |= {"simulator_peak_rss_mib": sampler.simulator_mib, "chromium_peak_pss_mib": sampler.chromium_mib}
    return out


def inprocess(folder: Path, rounds: int) -> dict[str, Any]:
    kinds = {"suite": "step_timer", "floor": "step_timer,noop_steps"}
    for kind, plugins in kinds.items():  # warm-up: bytecode caches, page cache
        child_run(folder, f"warm-{kind}", plugins, ["--driver", "inprocess"])
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    for n in range(rounds):
        for kind, plugins in kinds.items():
            runs[kind].append(child_run(folder, f"{kind}-{n}", plugins, ["--driver", "inprocess"]))
    measures = ("wall_seconds", "cpu_seconds", "run_seconds", "run_cpu_seconds", "peak_rss_mib")
    med = {k: {m: statistics.median(r[m] for r in v) for m in measures} for k, v in runs.items()}
    scenarios = runs["suite"][0]["scenarios"]
    return {
        "scenarios": scenarios, "passed": runs["suite"][0]["passed"], "rounds": rounds,
        "suite": med["suite"], "floor": med["floor"],
        "scenarios_per_second": scenarios / med["suite"]["run_seconds"],
        "scenarios_per_second_whole_command": scenarios / med["suite"]["wall_seconds"],
        "floor_scenarios_per_second": scenarios / med["floor"]["run_seconds"],
        "suite_over_floor": med["suite"]["run_seconds"] / med["floor"]["run_seconds"],
        "suite_over_floor_whole_command": med["suite"]["wall_seconds"] / med["floor"]["wall_seconds"],
        "suite_over_floor_cpu": med["suite"]["cpu_seconds"] / med["floor"]["cpu_seconds"],
        # On a machine shared with other work the wall clock mostly measures the others; a run is one thread,
        # so its CPU time is what it takes on a quiet machine.
        "scenarios_per_cpu_second": scenarios / med["suite"]["run_cpu_seconds"],
        "suite_over_floor_run_cpu": med["suite"]["run_cpu_seconds"] / med["floor"]["run_cpu_seconds"],
    }


def browser(folder: Path, rounds: int) -> dict[str, Any]:
    from plain_playwright import FEATURE, SCENARIOS, SELECT, warm_up
    from playwright.sync_api import sync_playwright

    from drivers.chromium import launch
    from etax_conformance.serving import ServedSimulator

    arguments = ["--driver", "browser", "--features", str(ROOT / FEATURE), "-k", SELECT]
    # The driver as run by default and with ETAX_TRACE=0. Since issue 21's lazy trace the default records the
    # Playwright trace only in a re-run of a failed scenario, so for these passing scenarios the two are the same
    # work (kept as a check); bench/trace_cost.py measures the always-on trace (ETAX_TRACE=1) against the default.
    kinds = {"driver": {}, "driver_without_trace": {"ETAX_TRACE": "0"}}
    driver_runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    plain: dict[str, list[tuple[float, int]]] = {name: [] for name in SCENARIOS}
    for n in range(rounds):
        for kind, env in kinds.items():
            driver_runs[kind].append(child_run(folder, f"{kind}-{n}", "step_timer", arguments, sample=True, env=env))
        served = ServedSimulator.start(folder / f"plain-{n}.sqlite3")
        try:
            with sync_playwright() as playwright:
                chromium = launch(playwright, None)
                warm_up(chromium, served.url, served.hooks_token)
                for name, (script, _) in SCENARIOS.items():
                    plain[name].append(script(chromium, served.url, served.hooks_token))
                chromium.close()
        finally:
            served.stop()
    per_scenario: dict[str, dict[str, Any]] = {}
    for name, (_, marker) in SCENARIOS.items():
        plain_steps = plain[name][0][1]
        p = statistics.median(s for s, _ in plain[name])
        row: dict[str, Any] = {"steps": plain_steps, "plain_s_per_step": p / plain_steps}
        for kind, runs in driver_runs.items():
            seconds, steps = [], 0
            for run in runs:
                mine = [s for s in run["steps"] if marker in s[0]]
                steps = len(mine)
                seconds.append(sum(s[2] for s in mine))
            if steps != plain_steps:
                raise SystemExit(f"{name}: the driver ran {steps} steps, the plain script stands for {plain_steps}")
            d = statistics.median(seconds)
            row |= {f"{kind}_s_per_step": d / steps, f"{kind}_ratio": d / p}
        row["ratio"] = row["driver_ratio"]
        per_scenario[name] = row
    steps = sum(v["steps"] for v in per_scenario.values())
    total_p = sum(v["plain_s_per_step"] * v["steps"] for v in per_scenario.values())
    totals = {kind: sum(v[f"{kind}_s_per_step"] * v["steps"] for v in per_scenario.values()) for kind in kinds}
    every = [r for runs in driver_runs.values() for r in runs]
    return {"rounds": rounds, "scenarios": per_scenario, "driver_s_per_step": totals["driver"] / steps,
            "driver_without_trace_s_per_step": totals["driver_without_trace"] / steps,
            "plain_s_per_step": total_p / steps, "browser_over_plain": totals["driver"] / total_p,
            "browser_over_plain_without_trace": totals["driver_without_trace"] / total_p,
            "memory": {"browser_run_peak_rss_mib": max(r["peak_rss_mib"] for r in every),
                       "simulator_peak_rss_mib": max(r["simulator_peak_rss_mib"] for r in every),
                       "chromium_peak_pss_mib": max(r["chromium_peak_pss_mib"] for r in every)},
            "wall_seconds_of_a_run": driver_runs["driver"][-1]["wall_seconds"]}


def _phase_table(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per phase: mean and median seconds per scenario over the runs' scenarios; the scenarios themselves."""
    from phase_timer import PHASES

    rows = [row for run in runs for row in run["breakdown"]]
    phases = (*PHASES, "other")
    return {"scenarios": len(rows),
            "median_seconds": statistics.median(r["seconds"] for r in rows),
            "mean_seconds": statistics.mean(r["seconds"] for r in rows),
            "mean": {p: statistics.mean(r["phases"][p] for r in rows) for p in phases},
            "median": {p: statistics.median(r["phases"][p] for r in rows) for p in phases},
            "rows": rows}


def breakdown(folder: Path, rounds: int, sample: str, select: str | None, plain_s_per_step: float | None,
              suite_scenarios: int | None, whole_suite: bool, ci_seconds: float | None) -> dict[str, Any]:
    """Issue 21: where a browser scenario's time goes (phase_timer.py), now and as before, alternating in one run;
    the whole suite with 2 workers (run, or extrapolated from the sample with 2 workers); the three goals."""
    arguments = ["--driver", "browser", "--features", str(ROOT / sample), *(["-k", select] if select else [])]
    kinds = {"now": ({}, []), "before": (BEFORE, BEFORE_ARGS)}
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    for n in range(rounds):
        for kind, (env, extra) in kinds.items():
            run = child_run(folder, f"phases-{kind}-{n}", "step_timer,phase_timer", arguments + extra, env=env)
            runs[kind].append(json.loads((folder / f"phases-{kind}-{n}.times.json").read_text(encoding="utf-8"))
                              | {"passed": run["passed"], "wall_seconds": run["wall_seconds"]})
    out: dict[str, Any] = {"sample": sample, "select": select, "rounds": rounds,
                           **{kind: _phase_table(r) for kind, r in runs.items()}}
    out["now_over_before_median"] = out["now"]["median_seconds"] / out["before"]["median_seconds"]
    if plain_s_per_step:
        ratios = [r["seconds"] / (r["steps"] * plain_s_per_step) for r in out["now"]["rows"] if r["steps"]]
        out["median_scenario_over_plain_steps"] = statistics.median(ratios)
        out["median_scenario_over_plain_steps_before"] = statistics.median(
            r["seconds"] / (r["steps"] * plain_s_per_step) for r in out["before"]["rows"] if r["steps"])
    if whole_suite:
        run = child_run(folder, "whole-2", "step_timer", ["--driver", "browser", "--workers", "2"])
        out["whole_suite"] = {"measured": True, "seconds": run["wall_seconds"], "scenarios": run["counted"]}
    elif suite_scenarios:
        # One worker's mean scenario (the breakdown) times the suite, over what 2 workers gave on this 2-core
        # machine (TWO_WORKER_SPEED_UP); a sample run with 2 workers is mostly their start-up, so not used.
        one = out["now"]["mean_seconds"] * suite_scenarios
        out["whole_suite"] = {"measured": False, "seconds": one / TWO_WORKER_SPEED_UP, "one_worker_seconds": one,
                              "sample_scenarios": out["now"]["scenarios"], "scenarios": suite_scenarios,
                              "speed_up": TWO_WORKER_SPEED_UP}
    out["ci_seconds"] = ci_seconds
    for row in (*out["now"]["rows"], *out["before"]["rows"]):
        row["id"] = row["id"].split("::")[-1][:80]
    return out


def goals(result: dict[str, Any]) -> list[str]:
    """The three goals of issue 21, met or missed (or not measured)."""
    b, g = result.get("breakdown", {}), GOALS
    busy = result["machine"]["load_average_at_start"][0] > (result["machine"]["cpus"] or 1)
    lines = []
    whole = b.get("whole_suite")
    if whole:
        how = "measured" if whole["measured"] else (
            f"extrapolated: the mean of {whole['sample_scenarios']} sample scenarios × {whole['scenarios']}, "
            f"over a 2-worker speed-up of {whole['speed_up']}×"
            + (" — the machine was busy (load above its CPUs)" if busy else ""))
        met = "met" if whole["seconds"] <= g["whole_suite_2_workers_seconds"] else "missed"
        lines.append(f"whole suite in the browser, 2 workers: {whole['seconds'] / 60:.1f} min ({how}) — {met} "
                     f"(goal ≤ {g['whole_suite_2_workers_seconds'] / 60:.0f} min)")
    else:
        lines.append("whole suite in the browser, 2 workers: not measured")
    ratio = b.get("median_scenario_over_plain_steps")
    if ratio is not None:
        met = "met" if ratio <= g["median_scenario_over_plain_steps"] else "missed"
        lines.append(f"median browser scenario / its steps' plain-Playwright cost: {ratio:.2f}× — {met} (goal ≤ "
                     f"{g['median_scenario_over_plain_steps']:g}×; before: "
                     f"{b['median_scenario_over_plain_steps_before']:.2f}×)")
    else:
        lines.append("median browser scenario / plain-Playwright steps: not measured (needs the browser section)")
    ci = b.get("ci_seconds")
    lines.append("CI (.ci/run on a fresh clone): " + (
        f"{ci / 60:.1f} min — {'met' if ci <= g['ci_seconds'] else 'missed'} (goal ≤ 25 min)" if ci
        else "not measured by this script (give --ci-seconds from a fresh-clone run)"))
    return lines


def print_breakdown(b: dict[str, Any]) -> None:
    from phase_timer import PHASES

    phases = (*PHASES, "other")
    print(f"\nPer-phase breakdown, {b['sample']} ({b['now']['scenarios'] // b['rounds']} scenarios, "
          f"{b['rounds']} rounds), mean s per scenario:", file=sys.stderr)
    print(f"{'':8}" + "".join(f"{p:>10}" for p in (*phases, "total", "median")), file=sys.stderr)
    for kind in ("now", "before"):
        t = b[kind]
        print(f"{kind:8}" + "".join(f"{t['mean'][p]:10.3f}" for p in phases)
              + f"{t['mean_seconds']:10.3f}{t['median_seconds']:10.3f}", file=sys.stderr)
    print(f"now / before (median scenario): {b['now_over_before_median']:.2f}×", file=sys.stderr)


def machine() -> dict[str, Any]:
    load = os.getloadavg()
    return {"cpus": os.cpu_count(), "cpu": platform.processor() or platform.machine(),
            "python": platform.python_version(), "system": f"{platform.system()} {platform.release()}",
            "load_average_at_start": [round(x, 2) for x in load]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--browser-rounds", type=int, default=3)
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-inprocess", action="store_true", help="browser figures only (for trying them)")
    parser.add_argument("--markdown", type=Path, help="also write the figures as Markdown to this file")
    parser.add_argument("--phase-rounds", type=int, default=1, help="rounds of the per-phase breakdown (0: none)")
    parser.add_argument("--sample", default="features/its/1.1_account_password_login.feature",
                        help="feature (or folder) of the per-phase breakdown")
    parser.add_argument("--sample-k", help="-k expression selecting the breakdown's scenarios")
    parser.add_argument("--whole-suite", action="store_true",
                        help="run the whole browser suite with 2 workers (else extrapolated from the sample)")
    parser.add_argument("--suite-scenarios", type=int, help="scenarios of the whole suite (default: the in-process "
                        "run's count)")
    parser.add_argument("--ci-seconds", type=float, help="wall time of .ci/run on a fresh clone, to judge the goal")
    args = parser.parse_args()
    result: dict[str, Any] = {"machine": machine(), "goals": GOALS,
                              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if not args.skip_inprocess:
            result["inprocess"] = inprocess(folder, args.rounds)
        if not args.skip_browser:
            result["browser"] = browser(folder, args.browser_rounds)
        if args.phase_rounds:
            plain = result.get("browser", {}).get("plain_s_per_step")
            suite = args.suite_scenarios or result.get("inprocess", {}).get("scenarios")
            result["breakdown"] = breakdown(folder, args.phase_rounds, args.sample, args.sample_k, plain, suite,
                                            args.whole_suite, args.ci_seconds)
            print_breakdown(result["breakdown"])
    result["issue_21_goals"] = goals(result)
    for line in result["issue_21_goals"]:
        print(line, file=sys.stderr)
    result["memory"] = {"inprocess_run_peak_rss_mib": result.get("inprocess", {}).get("suite", {}).get("peak_rss_mib"),
                        **(result.get("browser", {}).pop("memory", {}))}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.markdown and "inprocess" in result:
        from report import markdown

        args.markdown.write_text(markdown(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
