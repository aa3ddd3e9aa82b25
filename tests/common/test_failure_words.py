"""What a vendor reads when the browser cannot do a step: Chinese 步骤 / 需求 / 期望 (through which profile key)
/ 实际 (the page, its message, what it offers) — a browser timeout, a missing option, a missing field, a hook error."""

from __future__ import annotations

from typing import Any

import pytest
import responses

from drivers.failure_text import Missing
from drivers.hooks_client import HooksClient
from drivers.protocol import DriverError, NotVerifiable
from etax_conformance.failures import explain
from steps.common.expect import looking_for
from tests.common.static_portal import Make, chromium, static_portal

__all__ = ["chromium", "static_portal"]

PROFILE = """messages: {area: '.toast'}
screens: {注册页: {url: "/*"}}
fields:
  国籍: "#country"
aliases: {中国香港: 香港}
controls:
  下一步: "#next"
"""
PAGE = """<p class='toast'>请填写国籍</p>
<label for='country'>国籍</label><select id='country'><option>中国</option><option>香港</option></select>
<label for='name'>姓名</label><input id='name'>
<button id='next' disabled>下一步</button><a href='#'>返回</a>"""


def _explained(error: BaseException, driver: Any = None) -> list[str]:
    return explain("当 在「国籍」中选择「中国澳门」", ["REG-01"], error, driver).splitlines()


def test_a_missing_option_names_the_field_the_profile_alias_and_the_options_there(static_portal: Make) -> None:
    driver = static_portal(PROFILE, {"/": PAGE})
    with pytest.raises(Missing) as failed:
        driver.fill("国籍", "中国澳门")
    lines = _explained(failed.value, driver)
    assert lines[:2] == ["步骤：当 在「国籍」中选择「中国澳门」", "需求：REG-01"]
    assert lines[2] == "期望：「国籍」中可以选「中国澳门」（profile 未给别名，按选项文字「中国澳门」查找）"
    assert lines[3] == "实际：页面「注册页」，提示「请填写国籍」；「国籍」的选项：「中国」「香港」"
    driver.fill("国籍", "中国香港")  # through aliases: the portal's 香港
    assert driver.page.locator("#country").input_value() == "香港"


def test_a_missing_field_names_the_profile_key_tried_and_the_labels_the_page_shows(static_portal: Make) -> None:
    driver = static_portal(PROFILE, {"/": PAGE})
    with pytest.raises(Missing) as failed:
        driver.fill("证件号码", "110101199003070000")
    assert str(failed.value).splitlines() == [
        "期望：页面上有输入项「证件号码」（profile 未映射，按标签「证件号码」查找）",
        "实际：页面「注册页」，提示「请填写国籍」；页面上的输入项标签：「国籍」「姓名」"]
    with pytest.raises(Missing, match=r"「证件号码」.*profile 未映射"):
        driver.choices("证件号码")


def test_a_browser_timeout_is_said_in_chinese_with_the_key_and_the_page(static_portal: Make) -> None:
    driver = static_portal(PROFILE, {"/": PAGE})
    with pytest.raises(Missing) as failed:
        driver.click("下一步")  # the button is there but disabled: Playwright waits, then times out
    lines = _explained(failed.value, driver)
    assert lines[2] == "期望：点击【下一步】（经 profile 的 controls.下一步）"
    assert lines[3].startswith("实际：浏览器等待3000毫秒后超时：元素一直不可用（disabled）；页面「注册页」")
    assert all("Timeout" not in line and "exceeded" not in line for line in lines)


def test_a_missing_control_lists_the_pages_buttons_and_a_step_names_the_guides_entry(static_portal: Make) -> None:
    driver = static_portal(PROFILE, {"/": PAGE})
    with pytest.raises(Missing) as failed, looking_for("右上角的纳税人名称（【企业人员维护】的入口）"):
        driver.click("创联世纪信息有限公司")  # a generated company's name: the step names the guide's entry point
    text = str(failed.value)
    assert text.startswith("期望：右上角的纳税人名称（【企业人员维护】的入口）（profile 未映射，按按钮或链接的名称")
    assert "页面上的按钮和链接：【下一步】【返回】" in text
    assert "创联世纪" not in text.splitlines()[0].split("（profile")[0]


def test_an_old_style_driver_error_inside_a_step_gets_the_guides_words() -> None:
    with pytest.raises(Missing) as failed, looking_for("办税人列表中的办税人「办税人甲」"):
        raise DriverError("「首页」页面上没有【张三】")
    assert str(failed.value) == "期望：办税人列表中的办税人「办税人甲」\n实际：「首页」页面上没有【张三】"


@responses.activate
def test_a_hook_error_and_a_missing_hook_are_said_in_chinese() -> None:
    responses.post("http://portal.test/hooks/capabilities/seed.unit", status=400, json={"error": "'name' missing"})
    responses.post("http://portal.test/hooks/capabilities/clock.set", status=404)
    hooks = HooksClient("http://portal.test/hooks", "token")
    with pytest.raises(AssertionError) as failed:
        hooks.hook("seed.unit", {"tax_id": "91210000MA0000000X"})
    lines = explain("假如 已有扣缴单位「甲」", [], failed.value, None).splitlines()
    assert lines[1] == "需求：（场景未标注需求）"
    assert lines[2].startswith("期望：测试接口「seed.unit」按 simulator/hooks/openapi.yaml 接受请求并完成准备")
    assert '"tax_id": "91210000MA0000000X"' in lines[2]
    assert lines[3] == "实际：测试接口返回 HTTP 400：'name' missing"
    with pytest.raises(NotVerifiable, match=r"^门户缺少测试接口（conformance hook）「clock.set」（HTTP 404）$"):
        hooks.hook("clock.set", {})


def test_a_playwright_timeout_no_driver_explained_is_still_chinese() -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    error = PlaywrightTimeoutError("Locator.select_option: Timeout 10000ms exceeded.\nCall log:\n"
                                   "  - did not find some options")
    lines = _explained(error)
    assert lines[2:4] == ["期望：这一步要操作的页面元素在时限内就绪",
                          "实际：浏览器等待10000毫秒后超时：下拉框里没有要选的选项"]
