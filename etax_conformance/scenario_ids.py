"""A scenario's id in results.json, `<feature path under features/>::<scenario name>[ | example values]`: one
definition for the results, the shards and anything else that names a collected scenario."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.scenario import scenario_wrapper_template_registry

from etax_conformance.paths import FEATURES_DIR


@dataclass(frozen=True)
class Scenario:
    """What a collected item is in the guides' terms: its feature file, its scenario (pytest-bdd's template), the
    values of its example row."""

    feature: str  # path under features/ (or the file name of a feature elsewhere)
    template: Any  # pytest_bdd.parser.ScenarioTemplate
    suffix: str  # " [v1 | v2]" for an example row, else ""

    @property
    def name(self) -> str:
        return f"{self.template.name}{self.suffix}"

    @property
    def id(self) -> str:
        return f"{self.feature}::{self.name}"


def scenario_of(item: pytest.Item) -> Scenario | None:
    """The scenario a pytest-bdd item runs; None for an item that is not one."""
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    if template is None:
        return None
    feature_path = Path(template.feature.filename).resolve()
    try:
        feature = feature_path.relative_to(FEATURES_DIR).as_posix()
    except ValueError:
        feature = feature_path.name
    example = getattr(item, "callspec", None)
    values = example.params.get("_pytest_bdd_example", {}) if example else {}
    return Scenario(feature, template, f" [{' | '.join(values.values())}]" if values else "")


def scenario_id(item: pytest.Item) -> str:
    """results.json's id of the item (its node id when it is not a scenario)."""
    found = scenario_of(item)
    return item.nodeid if found is None else found.id
