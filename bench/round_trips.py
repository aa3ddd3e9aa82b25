"""pytest plugin of the benchmark: the browser driver's acting and observing calls, each with its wall time and its
Playwright round trips (issue 21, "per-step round trips").

Load it alone or beside step_timer (PYTEST_PLUGINS=round_trips); at the end of the run it writes to
$ETAX_BENCH_ROUND_TRIPS (JSON), per driver method: calls, seconds, round trips (the messages the Python client sent
to Playwright's driver, `__waitInfo__` and the trace's `…NoReply` bookkeeping left out) and how many of each protocol
method. Calls nest (a click inside an action): each counts in the outermost driver call only. It wraps the driver
from outside; the driver is not changed for it.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from time import perf_counter
from typing import Any

import pytest

_clock = perf_counter
METHODS = ("open_login", "open_entry", "try_open", "refresh", "fill", "click", "double_click", "click_in_row",
           "screen", "active_tab", "message", "is_refused", "is_locked", "shows_field", "shows_control", "choices",
           "ticked", "shows_text", "shows_row", "soft_keyboard_open", "hook", "current_captcha", "session_id")
totals: dict[str, dict[str, float]] = {}
_depth = [0]
_sent = [0]
_outer: list[str] = []  # the driver call under way, if any


def _wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _depth[0]:
            return function(*args, **kwargs)
        _depth[0] += 1
        _outer.append(name)
        start, sent = _clock(), _sent[0]
        try:
            return function(*args, **kwargs)
        finally:
            _depth[0] -= 1
            _outer.pop()
            row = totals.setdefault(name, {"calls": 0, "seconds": 0.0, "round_trips": 0})
            row["calls"] += 1
            row["seconds"] += _clock() - start
            row["round_trips"] += _sent[0] - sent

    return wrapper


def _instrument() -> None:
    from playwright._impl.connection import Connection

    from drivers.browser import BrowserDriver

    send = Connection.send_message_to_server

    @functools.wraps(send)
    def counted(self: Any, obj: Any, method: str, *args: Any, **kwargs: Any) -> Any:
        if method != "__waitInfo__" and not method.endswith("NoReply"):
            _sent[0] += 1
            if _outer:  # which protocol methods each driver call sends
                sent = totals.setdefault(_outer[0], {"calls": 0, "seconds": 0.0, "round_trips": 0})
                sent[method] = sent.get(method, 0) + 1
        return send(self, obj, method, *args, **kwargs)

    Connection.send_message_to_server = counted  # type: ignore[method-assign]
    for name in METHODS:
        setattr(BrowserDriver, name, _wrap(name, getattr(BrowserDriver, name)))


def pytest_configure(config: pytest.Config) -> None:
    _instrument()


def pytest_unconfigure(config: pytest.Config) -> None:
    out = os.environ.get("ETAX_BENCH_ROUND_TRIPS")
    if out:
        Path(out).write_text(json.dumps(totals, indent=1, sort_keys=True), encoding="utf-8")
