"""A failed step explained in Chinese: the step, its rules, what was expected and what the portal showed."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import pytest

from drivers.failure_text import timed_out
from drivers.protocol import DriverError, NotVerifiable

#: The explanation of the step that failed, kept on the test item until its report is made.
STEP_FAILURE = pytest.StashKey[str]()


@dataclass
class _Crash:
    message: str


class Explained:
    """A report's longrepr: the Chinese explanation first (junit's message), then pytest's own text."""

    def __init__(self, detail: str, original: object) -> None:
        self.detail, self.original = detail, original
        self.reprcrash = _Crash(detail)

    def toterminal(self, out: Any) -> None:
        for line in self.detail.splitlines():
            out.line(line)
        out.line("")
        if hasattr(self.original, "toterminal"):
            self.original.toterminal(out)
        else:
            out.line(str(self.original))

    def __str__(self) -> str:
        return f"{self.detail}\n\n{self.original}"


def explain(step: str, rules: list[str], error: BaseException, portal: object | None) -> str:
    """步骤、需求 (the scenario's @REQ_ tags)、期望、实际 and what the portal shows now (page and message)."""
    lines = [f"步骤：{step}", f"需求：{'、'.join(rules) if rules else '（场景未标注需求）'}"]
    message = str(error).strip()
    if message.startswith("期望："):  # the step, the driver or the hooks client already says what it expected and saw
        lines += message.splitlines()
    elif _is_browser_timeout(error):  # a wait of the browser no driver turned into words: said in Chinese anyway
        lines += ["期望：这一步要操作的页面元素在时限内就绪", f"实际：{timed_out(error)}"]
    elif isinstance(error, DriverError):
        lines += ["期望：门户提供这一步所需的页面元素", f"实际：{message}"]
    elif isinstance(error, AssertionError):  # a check or a hook call that says what went wrong, in its own words
        lines += ["期望：这一步的检查成立", f"实际：{message or '检查不成立'}"]
    else:
        lines += ["期望：这一步能在门户上完成", f"实际：步骤出错（{type(error).__name__}）：{message}"]
    lines.append(f"门户显示：{shown(portal)}")
    return "\n".join(lines)


def _is_browser_timeout(error: BaseException) -> bool:
    kind = type(error)
    return kind.__name__ == "TimeoutError" and kind.__module__.startswith("playwright")


def shown(portal: object | None) -> str:
    """The portal's current page and message, as the driver reads them; never raises."""
    if portal is None:
        return "（场景尚未打开门户）"
    try:
        screen = _ask(portal, "screen")
        message = _ask(portal, "message")
    except Exception as exc:  # the portal may be what broke: say so instead of hiding the failure
        return f"（无法读取门户当前页面：{type(exc).__name__}）"
    return f"页面「{screen}」，提示「{message or '无'}」"


def _ask(portal: object, what: str) -> object:
    method: Callable[[], object] = getattr(portal, what)
    return method()


def _portal_of(request: pytest.FixtureRequest, step_args: dict[str, object]) -> object | None:
    """The scenario's driver, only if the scenario already made one (never start a browser to explain)."""
    if "portal" in step_args:
        return step_args["portal"]
    made = getattr(request, "_fixture_defs", {}).get("portal")
    cached = getattr(made, "cached_result", None)
    return cached[0] if cached else None


@pytest.hookimpl
def pytest_bdd_step_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: object, step_func_args: dict[str, object], exception: Exception) -> None:
    if isinstance(exception, NotVerifiable):
        return  # not a failure: the plugin turns it into "not verifiable"
    tags = set(getattr(scenario, "tags", ())) | set(getattr(feature, "tags", ()))
    rules = sorted(t.removeprefix("@")[4:] for t in tags if t.removeprefix("@").startswith("REQ_"))
    text = f"{step.keyword.strip()} {step.name}"
    request.node.stash[STEP_FAILURE] = explain(text, rules, exception, _portal_of(request, step_func_args))


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    """A failed scenario's report leads with the explanation, so junit's message and results.json say it."""
    report = yield
    detail = item.stash.get(STEP_FAILURE, None)
    if report.failed and report.when == "call" and detail is not None:
        report.longrepr = Explained(detail, report.longrepr)
    return report
