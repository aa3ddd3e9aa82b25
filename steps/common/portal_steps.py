"""Generic steps of any screen: open, click 【…】, fill 「…」, time, and what the screen shows."""

from __future__ import annotations

from datetime import timedelta

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.common.expect import expect, expect_text, normalise
from steps.common.people_steps import attribute


@given("打开扣缴客户端登录界面")
@when("打开扣缴客户端登录界面")
def open_login(portal: PortalDriver) -> None:
    portal.open_login()


@given(parsers.parse("打开「{entry}」"))
@when(parsers.parse("打开「{entry}」"))
def open_entry(portal: PortalDriver, entry: str) -> None:
    portal.open_entry(entry)


@when(parsers.parse("点击【{control}】"))
def click(portal: PortalDriver, control: str) -> None:
    portal.click(control)


@when("点击软键盘图标")
def click_keyboard_icon(portal: PortalDriver) -> None:
    portal.click("软键盘图标")


@when(parsers.parse("在「{field}」中输入「{role}」的{what}"))
def fill_from_person(portal: PortalDriver, cast: dict[str, Identity], field: str, role: str, what: str) -> None:
    portal.fill(field, attribute(cast[role], what))


@given(parsers.parse("时间过去 {minutes:d} 分钟"))
@when(parsers.parse("时间过去 {minutes:d} 分钟"))
def time_passes(portal: PortalDriver, minutes: int) -> None:
    portal.advance_clock(timedelta(minutes=minutes))


@given(parsers.parse("时间过去 {days:d} 天"))
@when(parsers.parse("时间过去 {days:d} 天"))
def days_pass(portal: PortalDriver, days: int) -> None:
    portal.advance_clock(timedelta(days=days))


@then(parsers.parse("进入「{screen}」"))
@then(parsers.parse("进入【{screen}】界面"))
@then(parsers.parse("页面为「{screen}」"))
def on_screen(portal: PortalDriver, screen: str) -> None:
    expect_text(screen, portal.screen(), "当前页面")


@then(parsers.parse("页面默认显示【{tab}】"))
def default_tab(portal: PortalDriver, tab: str) -> None:
    expect_text(tab, portal.active_tab(), "默认登录方式")


@then(parsers.parse("页面提供【{control}】"))
def offers_control(portal: PortalDriver, control: str) -> None:
    expect(portal.shows_control(control), f"页面提供【{control}】", lambda: f"「{portal.screen()}」页面上没有")


@then(parsers.parse("页面提示「{message}」"))
def shows_message(portal: PortalDriver, message: str) -> None:
    expect_text(message, portal.message(), "页面提示")


@then(parsers.parse("页面提示包含「{words}」"))
def message_mentions(portal: PortalDriver, words: str) -> None:
    shown = portal.message()
    expect(normalise(words) in normalise(shown), f"页面提示包含「{words}」", f"「{shown}」")


@then(parsers.parse("页面要求输入「{field}」"))
def asks_for(portal: PortalDriver, field: str) -> None:
    expect(portal.shows_field(field), f"页面要求输入「{field}」", "页面上没有该输入项")


@then(parsers.parse("页面不要求输入「{field}」"))
def does_not_ask_for(portal: PortalDriver, field: str) -> None:
    expect(not portal.shows_field(field), f"页面不要求输入「{field}」", "页面上有该输入项")


@then(parsers.parse("软键盘处于{state}状态"))
def soft_keyboard_state(portal: PortalDriver, state: str) -> None:
    if state not in ("打开", "关闭"):
        raise ValueError(f"软键盘状态只能是「打开」或「关闭」，而不是「{state}」")
    is_open = portal.soft_keyboard_open()
    expect(is_open == (state == "打开"), f"软键盘处于{state}状态", "打开" if is_open else "关闭")
