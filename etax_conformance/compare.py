"""Compare two runs: the same scenario ids must pass (e.g. in-process and browser drivers); every requirement and
scenario whose status changed is listed (A's status → B's)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO


def _load(path: Path) -> dict[str, Any]:
    path = path / "results.json" if path.is_dir() else path
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not JSON: {exc}") from None
    if data.get("schema") != "etax-conformance/results@1":
        raise ValueError(f"{path} is not an etax-conformance results.json")
    return data


def compare_runs(out: TextIO, first: Path, second: Path) -> int:
    """0 when both runs passed the same ids and neither failed anything; else 1, with the differences."""
    a, b = _load(first), _load(second)
    passed_a = {s["id"] for s in a["scenarios"] if s["status"] == "passed"}
    passed_b = {s["id"] for s in b["scenarios"] if s["status"] == "passed"}
    label_a, label_b = a["portal"]["driver"], b["portal"]["driver"]
    out.write(f"{label_a}: {len(passed_a)} passed, {a['summary']['failed']} failed; "
              f"{label_b}: {len(passed_b)} passed, {b['summary']['failed']} failed\n")
    for only, where in ((passed_a - passed_b, label_a), (passed_b - passed_a, label_b)):
        for scenario_id in sorted(only):
            out.write(f"  passed only in {where}: {scenario_id}\n")
    for kind in ("requirements", "scenarios"):
        for line in status_changes(a[kind], b[kind]):
            out.write(f"  {kind[:-1]} {line}\n")
    same = passed_a == passed_b and not a["summary"]["failed"] and not b["summary"]["failed"] and passed_a
    out.write("same scenario ids passed, 0 failed\n" if same else "runs differ\n")
    return 0 if same else 1


def status_changes(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[str]:
    """'<id>: <status in A> → <status in B>' for every id whose status differs (absent: 'not run')."""
    a = {entry["id"]: entry["status"] for entry in first}
    b = {entry["id"]: entry["status"] for entry in second}
    return [f"{i}: {a.get(i, 'not run')} → {b.get(i, 'not run')}" for i in sorted(a.keys() | b.keys())
            if a.get(i) != b.get(i)]
