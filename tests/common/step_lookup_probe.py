"""A pytest plugin for test_step_lookup: every step lookup of a run compared with pytest-bdd's own."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from etax_conformance import step_lookup


def _checked(step: Any, fixturemanager: Any, node: Any) -> Iterable[Any]:
    remembered = list(step_lookup.find_fixturedefs_for_step(step, fixturemanager, node))
    theirs = list(step_lookup.upstream(step, fixturemanager, node))
    assert remembered == theirs, f"step lookup differs for {step.type} {step.name!r}: {remembered} != {theirs}"
    assert remembered, f"no definition for {step.type} {step.name!r}"
    return remembered


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    setattr(step_lookup.bdd_scenario, "find_fixturedefs_for_step", _checked)  # noqa: B010
