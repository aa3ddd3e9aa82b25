"""Progress of a long run: scenario n of N, the current guide and feature, failures so far, the time left.

On a terminal one line is redrawn (on stderr); elsewhere (CI logs) a plain line is printed whenever a new feature
starts. The per-guide summary still comes at the end (etax_conformance.results). `run` turns it on (--progress).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

import pytest
from pytest_bdd.scenario import scenario_wrapper_template_registry

from etax_conformance.paths import FEATURES_DIR

#: The real monotonic clock, kept in a mapping: freezegun (scenario time) replaces module attributes, not this.
_CLOCK = {"now": time.monotonic}


def _feature_of(item: pytest.Item) -> str:
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    if template is None:
        return ""
    path = Path(template.feature.filename).resolve()
    return path.relative_to(FEATURES_DIR).as_posix() if path.is_relative_to(FEATURES_DIR) else path.name


def eta(elapsed: float, done: int, total: int) -> str:
    if not done or total <= done:
        return "—"
    left = int(elapsed / done * (total - done))
    return f"{left // 60} 分 {left % 60:02d} 秒" if left >= 60 else f"{left} 秒"


class Progress:
    def __init__(self, out: TextIO = sys.stderr) -> None:
        self.out, self.tty = out, out.isatty()
        self.total, self.done, self.failed = 0, 0, 0
        self.features: dict[str, str] = {}
        self.current, self.started = "", _CLOCK["now"]()
        self._failed_ids: set[str] = set()

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.total = len(session.items)
        self.features = {item.nodeid: _feature_of(item) for item in session.items}
        self.started = _CLOCK["now"]()

    def pytest_runtest_logstart(self, nodeid: str, location: object) -> None:
        feature = self.features.get(nodeid, "")
        if feature != self.current:
            self.current = feature
            if not self.tty:
                self._show(plain=True)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed and report.nodeid not in self._failed_ids:
            self._failed_ids.add(report.nodeid)
            self.failed += 1
        if report.when == "teardown":
            self.done += 1
            if self.tty:
                self._show(plain=False)

    def line(self) -> str:
        guide = self.current.split("/", 1)[0] if "/" in self.current else "—"
        total = self.total or "?"
        left = eta(_CLOCK["now"]() - self.started, self.done, self.total)
        return f"场景 {self.done + (0 if self.tty else 1)}/{total} · 指引 {guide} · {self.current or '—'} · " \
               f"失败 {self.failed} · 预计剩余 {left}"

    def _show(self, plain: bool) -> None:
        if plain:
            self.out.write(self.line() + "\n")
        else:
            self.out.write("\r\x1b[K" + self.line())
        self.out.flush()

    def pytest_sessionfinish(self) -> None:
        if self.tty and self.done:
            self.out.write("\n")
            self.out.flush()
