"""A failed step's detail: in Chinese, the step, its rules, what was expected and what the portal showed."""

from __future__ import annotations

from drivers.protocol import DriverError
from etax_conformance.failures import Explained, explain, shown


class _Portal:
    def screen(self) -> str:
        return "单位办税验证"

    def message(self) -> str | None:
        return "申报密码错误"


class _BrokenPortal:
    def screen(self) -> str:
        raise TimeoutError("page closed")

    def message(self) -> str | None:
        return None


def test_an_expectation_keeps_its_words_and_adds_step_rules_and_screen() -> None:
    detail = explain("那么 进入扣缴客户端首页", ["ITS-1.3-02", "ITS-1.3-03"],
                     AssertionError("期望：进入扣缴客户端首页\n实际：页面「单位办税验证」"), _Portal())
    assert detail.splitlines() == ["步骤：那么 进入扣缴客户端首页", "需求：ITS-1.3-02、ITS-1.3-03",
                                   "期望：进入扣缴客户端首页", "实际：页面「单位办税验证」",
                                   "门户显示：页面「单位办税验证」，提示「申报密码错误」"]


def test_a_missing_control_says_the_portal_lacks_it() -> None:
    detail = explain("当 点击【CA校验】", [], DriverError("「单位办税验证」页面上没有【CA校验】"), _Portal())
    assert "需求：（场景未标注需求）" in detail
    assert "期望：门户提供这一步所需的页面元素" in detail
    assert "实际：「单位办税验证」页面上没有【CA校验】" in detail


def test_an_error_inside_a_step_is_named_and_a_broken_portal_does_not_hide_it() -> None:
    detail = explain("当 登录", ["ITS-1.1-01"], KeyError("账号"), _BrokenPortal())
    assert "实际：步骤出错（KeyError）：'账号'" in detail
    assert "门户显示：（无法读取门户当前页面：TimeoutError）" in detail
    assert shown(None) == "（场景尚未打开门户）"


def test_the_explanation_leads_the_report_and_keeps_pytests_text() -> None:
    report = Explained("步骤：当 登录", "Traceback …")
    assert report.reprcrash.message == "步骤：当 登录"
    assert str(report) == "步骤：当 登录\n\nTraceback …"


def test_a_failed_hook_call_is_what_happened_not_what_was_expected() -> None:
    detail = explain("假如 已有扣缴单位", [], AssertionError("hook 'seed.unit' failed with 400: 'name' missing"), None)
    assert "期望：这一步的检查成立\n实际：hook 'seed.unit' failed with 400: 'name' missing" in detail
