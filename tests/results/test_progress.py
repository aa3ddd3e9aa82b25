"""Progress lines: plain (one per feature) off a terminal, one redrawn line on a terminal."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

from etax_conformance.report.progress import Progress, eta


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _report(nodeid: str, when: str, failed: bool = False) -> Any:
    return SimpleNamespace(nodeid=nodeid, when=when, failed=failed)


def _drive(progress: Progress) -> None:
    progress.total = 3
    progress.features = {"a": "its/1.1.feature", "b": "its/1.1.feature", "c": "liaoning/2.feature"}
    for nodeid, failed in (("a", False), ("b", True), ("c", False)):
        progress.pytest_runtest_logstart(nodeid, None)
        progress.pytest_runtest_logreport(_report(nodeid, "call", failed))
        progress.pytest_runtest_logreport(_report(nodeid, "teardown"))
    progress.pytest_sessionfinish()


def test_plain_output_has_one_line_per_feature() -> None:
    out = io.StringIO()
    _drive(Progress(out))
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("场景 1/3 · 指引 its · its/1.1.feature · 失败 0")
    assert lines[1].startswith("场景 3/3 · 指引 liaoning · liaoning/2.feature · 失败 1")


def test_a_terminal_gets_one_redrawn_line() -> None:
    out = _Tty()
    _drive(Progress(out))
    text = out.getvalue()
    assert text.count("\r\x1b[K") == 3
    assert "场景 3/3" in text
    assert text.endswith("\n")


def test_time_left() -> None:
    assert eta(60.0, 1, 3) == "2 分 00 秒"
    assert eta(10.0, 5, 10) == "10 秒"
    assert eta(1.0, 0, 10) == "—"
