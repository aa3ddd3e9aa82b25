"""The run's side of declared readings: check the tags at start-up, mark scenarios of other readings not applicable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_bdd.scenario import scenario_wrapper_template_registry

from etax_conformance.paths import CATALOG_DIR, FEATURES_DIR, PROFILES_DIR
from etax_conformance.readings import (
    Declared,
    Reading,
    ReadingsError,
    load_declared,
    load_flows,
    load_readings,
    not_applicable,
    split_tag,
    tag_errors,
)


@dataclass(frozen=True)
class RunReadings:
    """The catalog's readings and flows, and what this run's profile declares of them."""

    readings: dict[str, Reading]
    flows: dict[str, str]
    declared: Declared
    profile: Path


_KEY = pytest.StashKey[RunReadings]()


def run_profile(config: pytest.Config) -> Path:
    """The profile whose readings hold: --profile, else the simulator's (the in-process driver runs the simulator)."""
    given = config.getoption("--profile", default=None)
    return Path(given) if given else PROFILES_DIR / "simulator.yaml"


def configure_readings(config: pytest.Config) -> None:
    """Load and check everything before collection; an unknown reading, slug or flow stops the run in plain words."""
    from etax_conformance.coverage import scan_features

    try:
        readings, flows = load_readings(CATALOG_DIR), load_flows(CATALOG_DIR)
        profile = run_profile(config)
        declared = load_declared(profile, readings, flows)
    except ReadingsError as exc:
        raise pytest.UsageError(str(exc)) from None
    # ETAX_FEATURES: one feature file or folder, or several joined by os.pathsep (`run --features A B`).
    tags: set[str] = set()
    for path in (os.environ.get("ETAX_FEATURES") or str(FEATURES_DIR)).split(os.pathsep):
        features = Path(path)
        scenarios, _ = scan_features(features if features.is_dir() else features.parent)
        tags |= {tag for scenario in scenarios for tag in scenario.tags if split_tag(tag)}
    errors = tag_errors(tags, readings, flows)
    if errors:
        raise pytest.UsageError("feature tags name readings or flows the catalog does not know:\n  "
                                + "\n  ".join(errors))
    for tag in sorted(tags):
        # A tag on an Examples block becomes a pytest mark: register it so pytest knows the name.
        config.addinivalue_line("markers", f"{tag}: declared reading or flow (etax-conformance)")
    config.stash[_KEY] = RunReadings(readings, flows, declared, profile)


def run_readings(config: pytest.Config) -> RunReadings | None:
    return config.stash.get(_KEY, None)


def beyond_guide(item: pytest.Item) -> bool:
    """Whether a bound scenario, its rule or its feature is tagged @BEYOND_GUIDE (etax_conformance.beyond_guide)."""
    from etax_conformance.beyond_guide import tagged

    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    if template is None:
        return False
    rule = template.rule.tags if template.rule is not None else set()
    return tagged(template.tags | template.feature.tags | rule)


def scenario_tags(item: pytest.Item) -> set[str]:
    """The reading and flow tags of a bound scenario: its own, its feature's, its rule's and its Examples block's."""
    tags = {mark.name for mark in item.iter_markers() if split_tag(mark.name)}
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    if template is not None:
        rule = template.rule.tags if template.rule is not None else set()
        tags |= {tag for tag in template.tags | template.feature.tags | rule if split_tag(tag)}
    return tags


def mark_not_applicable(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip ("not applicable: …") each scenario of a reading the profile does not declare, of an absent flow, or
    beyond the guides when the profile leaves those out."""
    run = run_readings(config)
    if run is None:
        return
    from etax_conformance.beyond_guide import OPTED_OUT

    for item in items:
        reason = not_applicable(scenario_tags(item), run.declared, run.readings, run.flows)
        if reason is None and not run.declared.beyond_guide and beyond_guide(item):
            reason = OPTED_OUT
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=reason))
