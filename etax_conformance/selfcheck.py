"""`etax-conformance selfcheck`: the suite's detection power, measured like mutation testing (issue 20).

1. The whole suite on the conformant simulator: nothing may fail.
2. For every deviation switch (simulator/deviation_list.py), the features carrying the switch's rows (@REQ_ tags) on
   the simulator with that switch on, each in its own process, N side by side.
3. For a sample of switches, the whole suite with the switch on (does it break anything it should not name?).

Verdicts: `killed` (a failed scenario carries one of the switch's rows), `elsewhere` (only scenarios not tagged with
its rows failed), `survived` (nothing failed), `error` (the run did not finish). "Not verifiable" and "not applicable"
never count as caught. Written to the run folder: selfcheck.json (switch → failing scenarios → requirement ids) and
report.html (a table, Chinese headings). Exit 1 unless every switch is killed and the conformant run failed nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from etax_conformance.coverage import scan_features
from etax_conformance.paths import FEATURES_DIR, ROOT
from simulator.deviations import Deviation, load

KILLED, ELSEWHERE, SURVIVED, ERROR = "killed", "elsewhere", "survived", "error"
VERDICT_ZH = {KILLED: "已检出", ELSEWHERE: "仅被无关场景发现", SURVIVED: "未检出（存活）", ERROR: "运行出错"}


@dataclass
class SwitchResult:
    """What the suite did with one switch on (features run; failing scenarios with their requirement ids)."""

    deviation: Deviation
    features: list[str]
    verdict: str = ERROR
    failing: list[dict[str, Any]] = field(default_factory=list)
    whole_run: dict[str, Any] | None = None
    seconds: float = 0.0
    error: str = ""

    def as_json(self) -> dict[str, Any]:
        d = self.deviation
        return {"name": d.name, "rows": list(d.rows), "kind": d.kind, "zh": d.zh, "en": d.en,
                "features": self.features, "verdict": self.verdict, "failing": self.failing,
                "whole_run": self.whole_run, "seconds": round(self.seconds, 2),
                **({"error": self.error} if self.error else {})}


def features_for(rows: Sequence[str], features_dir: Path = FEATURES_DIR) -> list[str]:
    """The feature files (paths under the project) with a scenario tagged with any of these rows."""
    scenarios, _ = scan_features(features_dir)
    wanted = set(rows)
    return sorted({s.path for s in scenarios if wanted & set(s.requirement_ids)})


def classify(rows: Sequence[str], scenarios: Sequence[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Verdict from a run's scenarios (results.json): only `failed` counts as caught."""
    wanted = set(rows)
    failing = [{"id": s["id"], "requirements": s.get("requirements", []),
                "carries_rows": bool(wanted & set(s.get("requirements", [])))}
               for s in scenarios if s.get("status") == "failed"]
    if not failing:
        return SURVIVED, failing
    return (KILLED if any(f["carries_rows"] for f in failing) else ELSEWHERE), failing


def _job(driver: str, run_dir: Path, deviate: str | None, features: Sequence[str], variant: str | None) -> str:
    """One suite run in a child process (fresh imports, its own simulator); "" or what went wrong."""
    command = [sys.executable, "-m", "etax_conformance.selfcheck_job", "--driver", driver, "--run-dir", str(run_dir)]
    if deviate:
        command += ["--deviate", deviate]
    if variant:
        command += ["--variant", variant]
    command += ["--features", *features] if features else []
    with (run_dir.parent / f"{run_dir.name}.log").open("wb") as log:
        process = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=False,
                                 env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if not (run_dir / "results.json").exists():
        return f"no results.json (exit {process.returncode}; see {run_dir.name}.log)"
    return ""


def _scenarios(run_dir: Path) -> list[dict[str, Any]]:
    document = json.loads((run_dir / "results.json").read_text(encoding="utf-8"))
    scenarios: list[dict[str, Any]] = document.get("scenarios", [])
    return scenarios


def run_switch(deviation: Deviation, folder: Path, driver: str, variant: str | None,
               whole: bool) -> SwitchResult:
    """The switch's features (and, when whole, the whole suite) with the switch on, each in its own process."""
    started = time.monotonic()
    result = SwitchResult(deviation, features_for(deviation.rows))
    if result.features:
        run_dir = _switch_dir(folder, deviation)
        result.error = _job(driver, run_dir, deviation.name, result.features, variant)
        if whole and not result.error:
            whole_dir = _whole_dir(folder, deviation)
            _job(driver, whole_dir, deviation.name, (), variant)
    _read_switch(result, folder, whole)
    result.seconds = time.monotonic() - started
    return result


def _switch_dir(folder: Path, deviation: Deviation) -> Path:
    run_dir = folder / "switches" / deviation.name
    run_dir.mkdir(parents=True, exist_ok=True)
    return run_dir


def _whole_dir(folder: Path, deviation: Deviation) -> Path:
    whole_dir = folder / "whole" / deviation.name
    whole_dir.mkdir(parents=True, exist_ok=True)
    return whole_dir


def _read_switch(result: SwitchResult, folder: Path, whole: bool) -> None:
    """The verdict from the switch's run folder (and its whole run's, when there is one)."""
    if not result.features:
        result.error = "no feature carries its rows"
        return
    run_dir = folder / "switches" / result.deviation.name
    if not (run_dir / "results.json").exists():
        result.error = result.error or f"no results.json (see {run_dir.name}.log)"
        return
    result.error = ""
    result.verdict, result.failing = classify(result.deviation.rows, _scenarios(run_dir))
    if whole:
        whole_dir = folder / "whole" / result.deviation.name
        if not (whole_dir / "results.json").exists():
            result.whole_run = {"error": f"no results.json (see whole/{whole_dir.name}.log)"}
        else:
            verdict, failing = classify(result.deviation.rows, _scenarios(whole_dir))
            result.whole_run = {"verdict": verdict, "failing": failing}


def run_batched(chosen: Sequence[Deviation], whole: set[str], folder: Path, variant: str | None, workers: int,
                conformant: bool) -> list[SwitchResult]:
    """In-process driver: the runs spread over `workers` processes, each forking every run from one warm
    interpreter (etax_conformance.selfcheck_job --batch), so a switch costs its scenarios, not a cold start."""
    results = [SwitchResult(d, features_for(d.rows)) for d in chosen]
    jobs: list[dict[str, Any]] = []
    if conformant:
        (folder / "conformant").mkdir(exist_ok=True)
        jobs.append({"run_dir": str(folder / "conformant"), "deviate": None, "features": [],
                     "log": str(folder / "conformant.log")})
    for result in results:
        if not result.features:
            continue
        name = result.deviation.name
        run_dir = _switch_dir(folder, result.deviation)
        jobs.append({"run_dir": str(run_dir), "deviate": name, "features": result.features,
                     "log": str(run_dir.parent / f"{name}.log")})
        if name in whole:
            whole_dir = _whole_dir(folder, result.deviation)
            jobs.append({"run_dir": str(whole_dir), "deviate": name, "features": [],
                         "log": str(whole_dir.parent / f"{name}.log")})
    batches = [jobs[i::max(1, workers)] for i in range(max(1, workers))]

    def run(number: int, batch: list[dict[str, Any]]) -> None:
        path = folder / f"batch-{number}.json"
        path.write_text(json.dumps(batch, ensure_ascii=False, indent=1), encoding="utf-8")
        command = [sys.executable, "-m", "etax_conformance.selfcheck_job", "--driver", "inprocess",
                   "--batch", str(path)] + (["--variant", variant] if variant else [])
        with (folder / f"batch-{number}.log").open("wb") as log:
            subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=False,
                           env={**os.environ, "PYTHONUNBUFFERED": "1"})

    with ThreadPoolExecutor(max_workers=len(batches)) as pool:
        for future in [pool.submit(run, n, b) for n, b in enumerate(batches) if b]:
            future.result()
    for result in results:
        _read_switch(result, folder, result.deviation.name in whole)
        seconds = folder / "switches" / result.deviation.name / "seconds.txt"
        result.seconds = float(seconds.read_text(encoding="utf-8")) if seconds.exists() else 0.0
    return results


def sample(names: Sequence[str], size: int) -> set[str]:
    """A stable sample: evenly spread over the registry's order."""
    if size <= 0 or not names:
        return set()
    step = max(1, len(names) // size)
    return set(list(names)[::step][:size])


def run_selfcheck(out: TextIO, folder: Path, *, driver: str = "inprocess", only: Sequence[str] = (),
                  workers: int = 2, whole_sample: int = 3, variant: str | None = None,
                  skip_conformant: bool = False) -> int:
    """Everything above; 0 only when the conformant run failed nothing and every switch was killed."""
    started = time.monotonic()
    registry = load()
    unknown = [name for name in only if name not in registry]
    if unknown:
        raise ValueError(f"unknown deviation(s): {', '.join(unknown)}")
    chosen = [registry[name] for name in (only or list(registry))]
    whole = sample([d.name for d in chosen], whole_sample)
    folder.mkdir(parents=True, exist_ok=True)
    conformant: dict[str, Any] = {"skipped": True}
    if driver == "inprocess":
        results = run_batched(chosen, whole, folder, variant, workers, not skip_conformant)
        for number, result in enumerate(results, 1):
            _print_result(out, number, len(results), result)
        if not skip_conformant:
            conformant = _conformant(folder, "" if (folder / "conformant" / "results.json").exists() else
                                     "no results.json (see conformant.log)")
    else:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            baseline = None
            if not skip_conformant:
                (folder / "conformant").mkdir(exist_ok=True)
                baseline = pool.submit(_job, driver, folder / "conformant", None, (), variant)
            futures = [pool.submit(run_switch, d, folder, driver, variant, d.name in whole) for d in chosen]
            results = []
            for number, future in enumerate(futures, 1):
                result = future.result()
                results.append(result)
                _print_result(out, number, len(futures), result)
            if baseline is not None:
                conformant = _conformant(folder, baseline.result())
    seconds = time.monotonic() - started
    summary = _summary(results, registry, conformant, seconds, driver, workers)
    document = {"summary": summary, "conformant": conformant, "switches": [r.as_json() for r in results]}
    (folder / "selfcheck.json").write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
    from etax_conformance.selfcheck_report import write_report

    write_report(folder / "report.html", document)
    _print_summary(out, summary, conformant, results, folder)
    return 0 if summary["ok"] else 1


def _print_result(out: TextIO, number: int, total: int, result: SwitchResult) -> None:
    print(f"[{number}/{total}] {result.deviation.name}: {result.verdict}"
          + (f" ({result.error})" if result.error else
             f" ({sum(f['carries_rows'] for f in result.failing)} of {len(result.failing)} failing "
             f"scenarios carry {' '.join(result.deviation.rows)})"), file=out, flush=True)


def _conformant(folder: Path, problem: str) -> dict[str, Any]:
    """The conformant run's figures (or what went wrong with it)."""
    if problem:
        return {"error": problem}
    scenarios = _scenarios(folder / "conformant")
    failed = [s["id"] for s in scenarios if s.get("status") == "failed"]
    return {"passed": sum(s.get("status") == "passed" for s in scenarios), "failed": failed}


def _summary(results: Sequence[SwitchResult], registry: dict[str, Deviation], conformant: dict[str, Any],
             seconds: float, driver: str, workers: int) -> dict[str, Any]:
    counts = {verdict: sum(r.verdict == verdict for r in results) for verdict in VERDICT_ZH}
    whole_bad = [r.deviation.name for r in results if r.whole_run and r.whole_run.get("verdict") != KILLED]
    conformant_ok = bool(conformant.get("skipped")) or (not conformant.get("error") and not conformant.get("failed")
                                                        and conformant.get("passed", 0) > 0)
    return {"driver": driver, "workers": workers, "switches": len(results), "registered": len(registry),
            **counts, "whole_runs": sum(r.whole_run is not None for r in results), "whole_runs_not_killed": whole_bad,
            "rows_broken": sorted({row for r in results for row in r.deviation.rows}),
            "seconds": round(seconds, 1), "conformant_ok": conformant_ok,
            "ok": conformant_ok and counts[KILLED] == len(results) and not whole_bad}


def _print_summary(out: TextIO, summary: dict[str, Any], conformant: dict[str, Any],
                   results: Sequence[SwitchResult], folder: Path) -> None:
    if conformant.get("error") or conformant.get("failed"):
        print(f"the CONFORMANT simulator failed: {conformant.get('error') or ', '.join(conformant['failed'])}",
              file=out)
    for result in results:
        if result.verdict != KILLED:
            print(f"NOT KILLED {result.deviation.name} ({' '.join(result.deviation.rows)}): {result.verdict}"
                  + (f" — {result.error}" if result.error else
                     "" if not result.failing else " — failing: " + ", ".join(f["id"] for f in result.failing)),
                  file=out)
    for name in summary["whole_runs_not_killed"]:
        print(f"whole run with {name}: not killed by a scenario carrying its rows", file=out)
    print(f"selfcheck: {summary['switches']} switches, {summary['killed']} killed, {summary['survived']} survived, "
          f"{summary['elsewhere']} caught only elsewhere, {summary['error']} errors; "
          f"{len(summary['rows_broken'])} rows broken; {summary['seconds']} s; "
          f"conformant run {'ok' if summary['conformant_ok'] else 'FAILED'} → {folder}", file=out)
