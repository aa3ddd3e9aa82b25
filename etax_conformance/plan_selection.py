"""The run's certification plans (`run --plan A,B`, else the profile's `plans:`, else all): deselect the rest.

A scenario runs when every plan its @REQ_ tags belong to is selected (it needs each part of the portal it cites);
the others are deselected at collection, as `-k` does, before shards slice the suite, so every worker and shard
sees the same scenarios. results.json records the selection and, per plan, its verdict (etax_conformance.plans).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from etax_conformance.paths import FEATURES_DIR, ROOT
from etax_conformance.plans import PlanError, in_selection, load_plans, parse_plan_list, plans_of_scenario
from etax_conformance.scenario_ids import scenario_of

#: Where the selection came from, as results.json says it.
FROM_OPTION, FROM_PROFILE, EVERY_PLAN = "--plan", "profile", "all"


@dataclass(frozen=True)
class Selection:
    """The plans this run certifies (plans.csv order) and where that came from."""

    plans: tuple[str, ...]
    source: str

    @property
    def every_plan(self) -> bool:
        return self.source == EVERY_PLAN

    def as_json(self) -> dict[str, object]:
        return {"plans": list(self.plans), "source": self.source}


_KEY = pytest.StashKey[Selection]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("etax-conformance").addoption(
        "--plan", default=None, help="certification plans to run, e.g. ln-logins,its-login (catalog/plans.csv); "
                                     "default: the profile's plans:, else all")


def profile_plans(profile: Path) -> list[str] | None:
    """A profile's `plans:` (None when it declares none)."""
    try:
        document = yaml.safe_load(profile.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return None  # the profile's own loader reports a broken file
    value = document.get("plans") if isinstance(document, dict) else None
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PlanError(f"{profile}: `plans` must be a list of plan ids (catalog/plans.csv)")
    return value


def resolve(option: str | None, profile: Path | None) -> Selection:
    """--plan overrides the profile's `plans:`; neither: every plan."""
    every = tuple(plan.id for plan in load_plans())
    if option:
        return Selection(parse_plan_list(option), FROM_OPTION)
    declared = profile_plans(profile) if profile is not None else None
    if declared is not None:
        return Selection(parse_plan_list(declared), FROM_PROFILE)
    return Selection(every, EVERY_PLAN)


def pytest_configure(config: pytest.Config) -> None:
    from etax_conformance.applicability import run_profile

    try:
        config.stash[_KEY] = resolve(config.getoption("--plan"), run_profile(config))
    except PlanError as exc:
        raise pytest.UsageError(f"etax-conformance run: {exc}") from None


def selection(config: pytest.Config) -> Selection:
    """The run's selection (every plan when the plugin did not configure one, e.g. a bare pytest)."""
    found = config.stash.get(_KEY, None)
    return found if found is not None else Selection(tuple(p.id for p in load_plans()), EVERY_PLAN)


def item_requirements(item: pytest.Item) -> list[str]:
    """The requirement ids of a bound scenario's @REQ_ tags (its own and its feature's, as results.json lists)."""
    scenario = scenario_of(item)
    if scenario is None:
        return []
    tags = scenario.template.tags | scenario.template.feature.tags
    return sorted(tag[4:] for tag in tags if tag.startswith("REQ_"))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> object:
    """Out-of-plan scenarios leave before -k, the readings and the shards see the items."""
    chosen = selection(config)
    if not chosen.every_plan:
        plans = load_plans()
        kept: list[pytest.Item] = []
        dropped: list[pytest.Item] = []
        for item in items:
            owners = plans_of_scenario([f"REQ_{r}" for r in item_requirements(item)], plans)
            (kept if in_selection(owners, chosen.plans, False) else dropped).append(item)
        if dropped:
            config.hook.pytest_deselected(items=dropped)
        items[:] = kept
    return (yield)


def partial_plans(config: pytest.Config, chosen: Selection) -> dict[str, tuple[str, str]]:
    """Selected plans whose scenarios this run may not all hold: plan → (-k, --features or --shard; why)."""
    reasons: dict[str, tuple[str, str]] = {}
    features = os.environ.get("ETAX_FEATURES")
    files = _plan_files(chosen) if features else {}
    given = [Path(p).resolve() for p in features.split(os.pathsep)] if features else []
    for plan in chosen.plans:
        if config.getoption("keyword", default=""):
            reasons[plan] = ("-k", "本次运行以 -k 只选了部分场景")
        elif any(not any(f == g or g in f.parents for g in given) for f in files.get(plan, ())):
            reasons[plan] = ("--features", "本次运行的 --features 没有包含该计划的全部特性文件")
        elif config.getoption("--shard", default=None):
            reasons[plan] = ("--shard", f"本次运行只是分片 {config.getoption('--shard')}（合并全部分片后再判断）")
    return reasons


def _plan_files(chosen: Selection) -> dict[str, set[Path]]:
    """Plan → the feature files holding scenarios of it that the selection runs (the whole suite, features/)."""
    from etax_conformance.coverage import scan_features

    plans = load_plans()
    scenarios, _ = scan_features(FEATURES_DIR)
    found: dict[str, set[Path]] = {}
    for scenario in scenarios:
        owners = plans_of_scenario(scenario.tags, plans)
        if not in_selection(owners, chosen.plans, chosen.every_plan):
            continue
        for plan in owners:
            found.setdefault(plan, set()).add((ROOT / scenario.path).resolve())
    return found
