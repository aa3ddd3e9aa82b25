"""What the reference simulator's in-place pages save (issue 21): the same browser features through
`etax-conformance run --driver browser --workers 1` on the simulator serving its pages as plain posts that load a
page per press (`ETAX_PAGES=plain`, as before) against its pages updated in place (the default: a press posts with
fetch and the next page is put into the same document; profiles/simulator.yaml `busy`), alternating, in ONE run.

Measured as bench/reset_cost.py measures (whole command's wall seconds, CPU seconds of its whole process tree sampled
from /proc), with the statuses of both variants (identical, or the run is not a measure) and the load average.

Usage: python bench/in_place_cost.py [--rounds 3] [--features F ...] [--json bench/in_place_cost-latest.json]
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reset_cost import TreeCpu, load, statuses

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ["features/liaoning/2.1_enterprise_normal_login.feature", "features/its/2.2_app_registration.feature",
            "features/qingdao/2_registration.feature"]
VARIANTS = {"plain": {"ETAX_PAGES": "plain"}, "in-place": {}}


def one_run(features: list[str], variant: str, reports: Path, index: int) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "ETAX_PAGES"}
    env.update(VARIANTS[variant])
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
            "exit": code, "scenarios": len(seen), "passed": sum(1 for s in seen.values() if s == "passed"),
            "statuses": seen}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--features", nargs="+", default=FEATURES)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    before = load()
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(1, args.rounds + 1):
            order = list(VARIANTS) if index % 2 else list(reversed(VARIANTS))
            for variant in order:
                runs.append(one_run(args.features, variant, Path(folder), index))
                print(f"round {index} {variant:8} wall {runs[-1]['wall_seconds']:7.2f} s  cpu "
                      f"{runs[-1]['cpu_seconds']:7.2f} s  passed {runs[-1]['passed']}/{runs[-1]['scenarios']}",
                      flush=True)
    medians = {v: {k: statistics.median(r[k] for r in runs if r["variant"] == v)
                   for k in ("wall_seconds", "cpu_seconds")} for v in VARIANTS}
    scenarios = max(r["scenarios"] for r in runs)
    identical = all(r["statuses"] == runs[0]["statuses"] for r in runs)
    result = {
        "features": args.features, "rounds": args.rounds, "workers": 1, "scenarios": scenarios,
        "variants": {"plain": "ETAX_PAGES=plain (a page loaded per press)", "in-place": "the default"},
        "load_before": before, "load_after": load(), "statuses_identical": identical,
        "medians": medians,
        "per_scenario": {v: {k: round(m / scenarios, 3) for k, m in medians[v].items()} for v in VARIANTS},
        "ratio_in_place_over_plain": {k: round(medians["in-place"][k] / medians["plain"][k], 3)
                                      for k in ("wall_seconds", "cpu_seconds")},
        "runs": [{k: v for k, v in r.items() if k != "statuses"} for r in runs],
    }
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, ensure_ascii=False, indent=2))
    if args.json is not None:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
