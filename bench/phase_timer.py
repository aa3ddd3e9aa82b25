"""pytest plugin of the benchmark: where a browser scenario's wall time goes, phase by phase (issue 21).

Load it with step_timer (PYTEST_PLUGINS=step_timer,phase_timer); it adds "scenarios" to $ETAX_BENCH_TIMES: per
scenario its whole wall time (setup, call, teardown) and the exclusive seconds of each phase —

- context: a context and page for the scenario (drivers/browser_session.lease: reused and reset, or new);
- clock: the page clock installed (Playwright's clock.install);
- trace: the Playwright trace started (drivers/evidence.start_tracing);
- hooks: every conformance-hooks call (reset, seeding, captcha reads, clock moves), in steps or fixtures;
- steps: the Gherkin steps, less the hooks calls made inside them;
- evidence: a failed scenario's evidence saved;
- teardown: the driver closed (trace stopped, context given back or closed);
- other: the rest (pytest, fixtures, Python) — the scenario's wall time less the phases above.

Phases nest (a hooks call inside a step): each second counts once, in the innermost phase. It measures by wrapping
the driver's functions from outside; the driver is not changed for it. One worker only (one process).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Generator
from time import perf_counter
from typing import Any

import pytest

_clock = perf_counter
PHASES = ("context", "clock", "trace", "hooks", "steps", "evidence", "teardown")
_scenario: dict[str, float] = {}
_stack: list[list[float]] = []  # [start, seconds spent in inner phases]
_step_started: dict[int, list[float]] = {}
scenarios: list[dict[str, Any]] = []


def _enter() -> list[float]:
    frame = [_clock(), 0.0]
    _stack.append(frame)
    return frame


def _leave(phase: str, frame: list[float]) -> None:
    _stack.remove(frame)
    spent = _clock() - frame[0]
    _scenario[phase] = _scenario.get(phase, 0.0) + spent - frame[1]
    if _stack:
        _stack[-1][1] += spent


def timed(phase: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        frame = _enter()
        try:
            return function(*args, **kwargs)
        finally:
            _leave(phase, frame)

    return wrapper


def _instrument() -> None:
    from playwright.sync_api._generated import Clock

    from drivers import browser_session, evidence
    from drivers.browser import BrowserDriver
    from drivers.hooks_client import HooksClient

    browser_session.lease = timed("context", browser_session.lease)  # type: ignore[assignment]
    Clock.install = timed("clock", Clock.install)  # type: ignore[method-assign]
    evidence.start_tracing = timed("trace", evidence.start_tracing)  # type: ignore[assignment]
    evidence.save = timed("evidence", evidence.save)  # type: ignore[assignment]
    HooksClient._call = timed("hooks", HooksClient._call)  # type: ignore[method-assign]
    BrowserDriver.close = timed("teardown", BrowserDriver.close)  # type: ignore[method-assign]


def pytest_configure(config: pytest.Config) -> None:
    _instrument()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    _scenario.clear()
    _stack.clear()
    start = _clock()
    try:
        return (yield)
    finally:
        total = _clock() - start
        phases = {p: _scenario.get(p, 0.0) for p in PHASES}
        phases["other"] = total - sum(phases.values())
        scenarios.append({"id": item.nodeid, "seconds": total, "steps": int(_scenario.get("_steps", 0)),
                          "phases": phases})


def pytest_bdd_before_step(step: Any) -> None:
    _step_started[id(step)] = _enter()


def pytest_bdd_after_step(step: Any) -> None:
    frame = _step_started.pop(id(step), None)
    if frame is not None:
        _leave("steps", frame)
        _scenario["_steps"] = _scenario.get("_steps", 0.0) + 1


def pytest_bdd_step_error(step: Any) -> None:
    pytest_bdd_after_step(step)
