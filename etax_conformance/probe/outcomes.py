"""Identical outcomes across runs: each run folder's scenario id → status, compared with the first run's.

`python -m etax_conformance.probe.outcomes DIR…` prints "k/n identical" and, for each differing run, the
scenarios whose status differs; exit 0 only when every run is identical to the first.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def outcomes(run_dir: Path) -> dict[str, str]:
    """scenario id → status in a run folder's results.json ({} when the run wrote none)."""
    try:
        document = json.loads((run_dir / "results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {s["id"]: s["status"] for s in document.get("scenarios", [])}


def compare(run_dirs: list[Path]) -> tuple[int, list[str]]:
    """(runs identical to the first, counting it; a line per difference)."""
    first = outcomes(run_dirs[0])
    identical, lines = 0, []
    for run_dir in run_dirs:
        other = outcomes(run_dir)
        if other and other == first:
            identical += 1
            continue
        lines.append(f"{run_dir}: differs ({len(other)} scenarios)" if other else f"{run_dir}: no results.json")
        for scenario in sorted(set(first) | set(other)):
            if first.get(scenario) != other.get(scenario):
                lines.append(f"  {scenario}: {first.get(scenario)} → {other.get(scenario)}")
    return identical, lines


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m etax_conformance.probe.outcomes RUN_DIR…", file=sys.stderr)
        return 2
    dirs = [Path(a) for a in argv]
    identical, lines = compare(dirs)
    first = outcomes(dirs[0])
    statuses = {s: list(first.values()).count(s) for s in sorted(set(first.values()))}
    print("\n".join(lines))
    print(f"{identical}/{len(dirs)} identical outcomes ({len(first)} scenarios in the first run: {statuses})")
    return 0 if first and identical == len(dirs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
