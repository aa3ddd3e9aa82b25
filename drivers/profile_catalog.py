"""A profile's declared readings, absent flows and plans, checked against the catalog's readings.csv, flows.csv
and plans.csv."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

CATALOG = Path(__file__).resolve().parent.parent / "catalog"


def _rows(path: Path) -> list[dict[str, str]] | None:
    """The file's rows, or None when the catalog has no such file (then nothing is checked)."""
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _slugs(choices: str) -> set[str]:
    return {part.split("=", 1)[0].strip() for part in choices.split("|") if part.strip()}


def readings(value: Any, catalog: Path = CATALOG) -> dict[str, str]:
    """`readings: {id: slug}`; ValueError naming an unknown id or slug."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError("'readings' must map reading ids (ITS-R01 …) to a slug")
    declared = {str(k): v for k, v in value.items()}
    rows = _rows(catalog / "readings.csv")
    if rows is not None:
        known = {row["id"]: _slugs(row.get("choices") or "") for row in rows}
        for reading, slug in declared.items():
            if reading not in known:
                raise ValueError(f"'readings': {reading} is not a reading of catalog/readings.csv")
            if slug not in known[reading]:
                raise ValueError(f"'readings': {reading} has no reading '{slug}' "
                                 f"(choices: {', '.join(sorted(known[reading]))})")
    return declared


def plans(value: Any, catalog: Path = CATALOG) -> tuple[str, ...]:
    """`plans: [plan id, …]`; ValueError naming a plan catalog/plans.csv does not list."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("'plans' must be a list of plan ids")
    rows = _rows(catalog / "plans.csv")
    if rows is not None:
        known = [row["plan"] for row in rows]
        for plan in value:
            if plan not in known:
                raise ValueError(f"'plans': {plan} is not a plan of catalog/plans.csv (known: {', '.join(known)})")
    return tuple(value)


def absent(value: Any, catalog: Path = CATALOG) -> tuple[str, ...]:
    """`absent: [flow id, …]`; ValueError naming a flow catalog/flows.csv does not list."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("'absent' must be a list of flow ids")
    rows = _rows(catalog / "flows.csv")
    if rows is not None:
        known = {row["id"] for row in rows}
        for flow in value:
            if flow not in known:
                raise ValueError(f"'absent': {flow} is not a flow of catalog/flows.csv")
    return tuple(value)
