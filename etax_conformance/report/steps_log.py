"""Each scenario's steps as they ran (status, duration, error), kept on the test item for the outputs."""

from __future__ import annotations

import time
from typing import Any

import pytest

from drivers.protocol import NotVerifiable

#: The scenario's steps: keyword, name, line, status (passed|failed|skipped|undefined), duration (s), error.
STEPS = pytest.StashKey[list[dict[str, Any]]]()
_STARTED = pytest.StashKey[float]()
#: The real monotonic clock, kept in a mapping: freezegun (scenario time) replaces module attributes, not this.
_CLOCK = {"now": time.perf_counter}


def real_clock() -> float:
    """Monotonic seconds, whatever freezegun does to the scenario's time."""
    return _CLOCK["now"]()


def step_records(steps: list[Any]) -> list[dict[str, Any]]:
    """Not run yet: every step "skipped" until it runs (a scenario that never ran shows all its steps so)."""
    return [{"keyword": s.keyword.strip(), "name": s.name, "line": s.line_number, "status": "skipped",
             "duration": 0.0} for s in steps]


def _index(scenario: Any, step: Any) -> int:
    return next((i for i, s in enumerate(scenario.steps) if s is step), -1)


def _set(request: pytest.FixtureRequest, scenario: Any, step: Any, **values: Any) -> None:
    records = request.node.stash.get(STEPS, None)
    index = _index(scenario, step)
    if records is not None and 0 <= index < len(records):
        started = request.node.stash.get(_STARTED, _CLOCK["now"]())
        records[index].update(duration=round(_CLOCK["now"]() - started, 3), **values)


@pytest.hookimpl
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    request.node.stash[STEPS] = step_records(scenario.steps)


@pytest.hookimpl
def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                           step_func: object) -> None:
    request.node.stash[_STARTED] = _CLOCK["now"]()


@pytest.hookimpl
def pytest_bdd_after_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: object, step_func_args: dict[str, object]) -> None:
    _set(request, scenario, step, status="passed")


@pytest.hookimpl
def pytest_bdd_step_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: object, step_func_args: dict[str, object], exception: Exception) -> None:
    if isinstance(exception, NotVerifiable):
        _set(request, scenario, step, status="skipped", error=f"not verifiable: {exception}")
    else:
        _set(request, scenario, step, status="failed", error=f"{type(exception).__name__}: {exception}"[:4000])


@pytest.hookimpl
def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                                      exception: Exception) -> None:
    _set(request, scenario, step, status="undefined", error=str(exception)[:4000])
