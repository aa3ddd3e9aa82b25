"""pytest plugin of the benchmark: times the run phase (wall and CPU) and every step, as JSON to $ETAX_BENCH_TIMES.

Uses time.perf_counter captured at import, before freezegun patches anything (in-process runs freeze time).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Generator
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

import pytest

_clock, _cpu = perf_counter, process_time
_times: dict[str, Any] = {"steps": [], "scenarios": 0}
_started: dict[int, float] = {}


@pytest.hookimpl(wrapper=True)
def pytest_runtestloop(session: pytest.Session) -> Generator[None, object, object]:
    start, cpu = _clock(), _cpu()
    try:
        return (yield)
    finally:
        _times["run_seconds"], _times["run_cpu_seconds"] = _clock() - start, _cpu() - cpu
        _times["scenarios"] = len(session.items)
        phases = sys.modules.get("phase_timer")  # loaded beside: the per-phase breakdown of each scenario
        if phases is not None:
            _times["breakdown"] = phases.scenarios
        out = os.environ.get("ETAX_BENCH_TIMES")
        if out:
            Path(out).write_text(json.dumps(_times), encoding="utf-8")


def pytest_bdd_before_step(step: Any) -> None:
    _started[id(step)] = _clock()


def pytest_bdd_after_step(request: pytest.FixtureRequest, step: Any) -> None:
    started = _started.pop(id(step), None)
    if started is not None:
        _times["steps"].append([request.node.nodeid, step.keyword + " " + step.name, _clock() - started])
