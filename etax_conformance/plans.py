"""Certification plans (catalog/plans.csv): what a portal certifies, as named sets of catalog requirements.

A plan is a guide's set of catalog rows, named by fnmatch patterns of requirement ids (`ITS-1.1-*`); every catalog
row is in exactly one plan. A scenario belongs to the plans of its @REQ_ tags. `run --plan A,B` (or a profile's
`plans:`) runs only the scenarios of those plans; results.json says per plan whether the portal is conformant.
"""

from __future__ import annotations

import csv
import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etax_conformance.beyond_guide import counts_for_conformance
from etax_conformance.paths import CATALOG_DIR

PLANS_FILE = "plans.csv"
COLUMNS = ("plan", "guide", "title", "requirements", "description")
PLAN_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQ_TAG = "REQ_"


class PlanError(ValueError):
    """A plans file, a plan id or a catalog row that cannot be placed in exactly one plan (said in plain words)."""


@dataclass(frozen=True)
class Plan:
    """One certification plan: its id (`its-login`), guide, Chinese title and description, and id patterns."""

    id: str
    guide: str
    title: str
    description: str
    patterns: tuple[str, ...]

    def covers(self, requirement_id: str) -> bool:
        """Whether the requirement id matches one of the plan's patterns."""
        return any(fnmatch.fnmatchcase(requirement_id, pattern) for pattern in self.patterns)


def load_plans(catalog_dir: Path | None = None) -> list[Plan]:
    """catalog/plans.csv in file order; ids unique, every plan with at least one pattern."""
    path = (CATALOG_DIR if catalog_dir is None else catalog_dir) / PLANS_FILE
    if not path.is_file():
        raise PlanError(f"no {PLANS_FILE} in {path.parent}")
    plans: list[Plan] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = tuple(next(reader, []))
        if header != COLUMNS:
            raise PlanError(f"{PLANS_FILE} line 1: the header must be exactly {','.join(COLUMNS)}")
        for values in reader:
            where = f"{PLANS_FILE} line {reader.line_num}"
            if not values:
                continue
            if len(values) != len(COLUMNS):
                raise PlanError(f"{where}: expected {len(COLUMNS)} fields, found {len(values)}")
            row = dict(zip(COLUMNS, values, strict=True))
            if not PLAN_ID.fullmatch(row["plan"]) or any(p.id == row["plan"] for p in plans):
                raise PlanError(f"{where}: plan id {row['plan']!r} is not lower-case words joined by -, "
                                "or is used twice")
            patterns = tuple(row["requirements"].split())
            if not patterns or not row["guide"].strip() or not row["title"].strip():
                raise PlanError(f"{where}: guide, title and requirements must not be empty")
            plans.append(Plan(row["plan"], row["guide"].strip(), row["title"].strip(),
                              row["description"].strip(), patterns))
    if not plans:
        raise PlanError(f"{PLANS_FILE} lists no plan")
    return plans


def plan_of(requirement_id: str, plans: Iterable[Plan] | None = None) -> Plan | None:
    """The plan a requirement id belongs to (the first that covers it), or None when no plan does."""
    for plan in load_plans() if plans is None else plans:
        if plan.covers(requirement_id):
            return plan
    return None


def plans_of_scenario(tags: Iterable[str], plans: Iterable[Plan] | None = None) -> list[str]:
    """The plan ids of a scenario's @REQ_ tags (with or without the leading @), in plans.csv order."""
    known = load_plans() if plans is None else list(plans)
    requirements = [tag.lstrip("@").removeprefix(REQ_TAG) for tag in tags if tag.lstrip("@").startswith(REQ_TAG)]
    return [plan.id for plan in known if any(plan.covers(req) for req in requirements)]


def placement_errors(requirement_ids: Iterable[str], plans: Iterable[Plan]) -> list[str]:
    """Each catalog id in no plan or in more than one, and each pattern that matches no id (plain words)."""
    known = list(plans)
    ids = list(requirement_ids)
    errors: list[str] = []
    for req in ids:
        owners = [plan.id for plan in known if plan.covers(req)]
        if len(owners) != 1:
            errors.append(f"{req} is in {len(owners)} plans ({', '.join(owners) or 'none'}); it must be in exactly one")
    for plan in known:
        for pattern in plan.patterns:
            if not any(fnmatch.fnmatchcase(req, pattern) for req in ids):
                errors.append(f"plan {plan.id}: pattern {pattern} matches no catalog row")
    return errors


def parse_plan_list(value: str | Iterable[str], plans: Iterable[Plan] | None = None) -> tuple[str, ...]:
    """`A,B` (or a list) → the plan ids in plans.csv order; PlanError naming an unknown id and the known ones."""
    known = [plan.id for plan in (load_plans() if plans is None else plans)]
    asked = [part.strip() for part in (value.split(",") if isinstance(value, str) else value) if part.strip()]
    if not asked:
        raise PlanError("no plan given (known plans: " + ", ".join(known) + ")")
    unknown = [plan for plan in asked if plan not in known]
    if unknown:
        raise PlanError(f"unknown plan {unknown[0]!r} (known plans: {', '.join(known)})")
    return tuple(plan for plan in known if plan in asked)


# --- The run's side: which scenarios a selection runs, and each plan's verdict (results.json `plans`) ---

CONFORMANT, NOT_CONFORMANT, NOT_VERIFIABLE, NOT_CERTIFIED = "conformant", "not conformant", "not verifiable", \
    "not certified"
COUNTED = ("passed", "failed", "not_verifiable", "not_applicable", "expected_failure")


def in_selection(scenario_plans: Iterable[str], selected: Iterable[str], every_plan: bool) -> bool:
    """Whether a scenario runs: all its plans are selected (it needs every part of the portal it cites).

    A run of every plan runs every scenario, also one citing no plan's rule.
    """
    if every_plan:
        return True
    plans = set(scenario_plans)
    return bool(plans) and plans <= set(selected)


def verdict_plan(scenario_plans: list[str]) -> str | None:
    """The plan whose verdict a scenario counts in: the last of its plans in plans.csv order.

    plans.csv lists each guide's plans so that each builds on those before it (log in, then maintain personnel):
    a scenario citing rules of two plans exercises the later one through the earlier (it runs only when both are
    selected), so its outcome is the later plan's — a portal without 企业人员维护 stays conformant to ln-logins.
    """
    return scenario_plans[-1] if scenario_plans else None


def plan_verdicts(scenarios: Iterable[Mapping[str, Any]], selected: Iterable[str],
                  partial: Mapping[str, tuple[str, str]],
                  plans: Iterable[Plan] | None = None) -> list[dict[str, object]]:
    """Per plan of plans.csv: {id, title, guide, selected, passed, failed, not_verifiable, not_applicable,
    expected_failure, status[, note, partial]}.

    scenarios: results.json's scenario entries (status, requirements), each counted in its verdict_plan.
    partial: plan id → (the option, why) when the run did not hold all of that plan's scenarios (-k, --features,
    --shard). A selected plan is
    "conformant" only when every scenario of it ran and passed or was declared not applicable (at least one
    passed); "not conformant" when any failed (an expected failure too); "not verifiable" otherwise. A plan not
    selected: "not certified" (its scenarios were not run).
    """
    known = load_plans() if plans is None else list(plans)
    chosen = set(selected)
    counts: dict[str, dict[str, int]] = {plan.id: dict.fromkeys(COUNTED, 0) for plan in known}
    for scenario in scenarios:
        if not counts_for_conformance(scenario):  # @BEYOND_GUIDE: reported apart, never for or against a plan
            continue
        requirements = scenario.get("requirements") or []
        status = str(scenario.get("status"))
        owner = verdict_plan(plans_of_scenario([f"{REQ_TAG}{r}" for r in requirements], known))
        if owner is not None and status in counts[owner]:
            counts[owner][status] += 1
    verdicts: list[dict[str, object]] = []
    for plan in known:
        tally = counts[plan.id]
        entry: dict[str, object] = {"id": plan.id, "title": plan.title, "guide": plan.guide,
                                    "selected": plan.id in chosen, **tally}
        note = ""
        if plan.id not in chosen:
            status, note = NOT_CERTIFIED, "本次运行未选择该认证计划（未运行、不计数）"
        elif tally["failed"] or tally["expected_failure"]:
            status = NOT_CONFORMANT
        elif plan.id in partial:
            status, note = NOT_VERIFIABLE, partial[plan.id][1]
            entry["partial"] = partial[plan.id][0]
        elif tally["not_verifiable"]:
            status, note = NOT_VERIFIABLE, "有场景无法验证（门户缺少所需的测试钩子能力）"
        elif not tally["passed"]:
            status, note = NOT_VERIFIABLE, "没有场景通过（均不适用或未运行）"
        else:
            status = CONFORMANT
        entry["status"] = status
        if note:
            entry["note"] = note
        verdicts.append(entry)
    return verdicts
