"""What the Liaoning pages show: the synced handlers and their 身份, a person's name, SMS received (the enterprise's
name on the 首页: steps/liaoning/quick_steps.py)."""

from __future__ import annotations

from pytest_bdd import parsers, then

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.common.expect import expect, expect_refused_on, normalise
from steps.common.refusals import blamed
from steps.common.sms import sms_messages

#: Every name the guides give a role: the manual writes 法定代表人(业主)/法人(业主) and 办税员 beside 办税人员.
ROLE_NAMES = {"法定代表人": ("法定代表人", "法定代表人（业主）", "法定代表人(业主)", "法人（业主）", "法人(业主)",
                       "法人"),
              "财务负责人": ("财务负责人",), "办税人员": ("办税人员", "办税员")}


def role_names(role: str) -> tuple[str, ...]:
    """The role's wordings any of which a portal may show (or offer to pick)."""
    return ROLE_NAMES.get(role, (role,))


@then(parsers.parse("页面列出办税人「{who}」，身份为「{role}」"))
def listed(portal: PortalDriver, cast: dict[str, Identity], who: str, role: str) -> None:
    name, names = cast[who].name, role_names(role)
    expect(any(portal.shows_row((name, shown)) for shown in names),
           f"办税人员列表中有「{name}」，身份为「{'」或「'.join(names)}」", "没有这一行")


@then("页面提示同步成功")
def synced(portal: PortalDriver) -> None:
    """Summary 普通登录: 点击【同步办税人】按钮，提示同步成功后… — the words 同步成功, whatever else it says."""
    shown = portal.message() or ""
    expect(not portal.is_refused() and "同步成功" in normalise(shown), "页面提示同步成功", f"「{shown}」")


@then(parsers.parse("页面未列出办税人「{who}」"))
def not_listed(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    name = cast[who].name
    expect(not portal.shows_text(name) and not portal.shows_control(name), f"页面上没有「{name}」", "页面上有")


@then(parsers.parse("页面显示「{text}」"))
def shows(portal: PortalDriver, text: str) -> None:
    expect(portal.shows_text(text), f"页面显示「{text}」", lambda: f"「{portal.screen()}」页面上没有")


@then(parsers.re(r"「(?P<who>[^」]+)」的手机(?P<got>收到|未收到)短信验证码"))
def sms_received(portal: PortalDriver, cast: dict[str, Identity], sms_baseline: dict[str, int], who: str,
                 got: str) -> None:
    """Counts what came after the scenario's history (a first login in a 假如 step sends codes too)."""
    phone = cast[who].phone
    count = len(sms_messages(portal, phone)) - sms_baseline.get(phone, 0)
    expect((count > 0) == (got == "收到"), f"「{who}」的手机{got}短信验证码", f"新收到 {count} 条")


@then(parsers.parse("被拒绝，停留在「{screen}」"))
def refused_on(portal: PortalDriver, wrong_factor: dict[str, str], screen: str) -> None:
    expect_refused_on(portal, screen, f"被拒绝，停留在「{screen}」", naming=blamed(wrong_factor))


@then(parsers.re(r"页面显示「(?P<who>[^」]+)」的姓名"))
def shows_name(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    name = cast[who].name
    expect(portal.shows_text(name), f"页面显示「{name}」", lambda: f"「{portal.screen()}」页面上没有")


@then(parsers.parse("没有被拒绝，离开了「{screen}」"))
def moved_on(portal: PortalDriver, screen: str) -> None:
    """Where the portal goes next is not fixed by the guide: only that it accepted and left this screen."""
    shown = portal.screen()
    expect(not portal.is_refused() and normalise(shown) != normalise(screen), f"没有被拒绝，离开了「{screen}」",
           lambda: f"页面「{shown}」，提示「{portal.message()}」")


@then(parsers.re(r"「(?P<group>[^」]+)」中(?:没有可勾选的项目|可勾选「(?P<option>[^」]+)」)"))
def group_choices(portal: PortalDriver, group: str, option: str | None) -> None:
    """常见问题4 身份类型是空的: an empty group, or none drawn at all, both leave nothing to tick."""
    offered = portal.choices(group) if option or portal.shows_field(group) else ()
    wanted = f"「{group}」中可勾选「{option}」" if option else f"「{group}」中没有可勾选的项目"
    expect(option in offered if option else not offered, wanted, lambda: f"可勾选：{'、'.join(offered) or '无'}")


@then(parsers.re(r"「(?P<where>[^」]+)」(?:中(?P<state>已|未)勾选「(?P<box>[^」]+)」|(?P<alone>已|未)勾选)"))
def shown_ticked(portal: PortalDriver, where: str, state: str | None, box: str | None, alone: str | None) -> None:
    """A box of a group (「身份类型」中已勾选「全量办税」) or a box alone (「管理权限」已勾选), as the page shows it."""
    shown = portal.ticked(box or where)
    wanted = f"「{where}」中{state}勾选「{box}」" if box else f"「{where}」{alone}勾选"
    expect(shown == ((state or alone) == "已"), wanted, "已勾选" if shown else "未勾选")


@then("被拒绝，没有添加办税人员")
def not_added(portal: PortalDriver) -> None:
    """常见问题4: no 身份类型 to tick, so 【确定】 is refused (the page it stays on is the portal's)."""
    expect(portal.is_refused(), "被拒绝，没有添加办税人员",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then(parsers.re(r"页面(?P<no>不)?提供(?P<function>历史办税操作查找|【变更税务登记】)功能"))
def offers_function(portal: PortalDriver, no: str | None, function: str) -> None:
    """常见问题6: the functions a handler's identities give him, offered on the 首页 (as a menu entry or link)."""
    name = function.strip("【】")
    shown = portal.shows_control(name)
    expect(shown != bool(no), f"页面{no or ''}提供「{name}」功能", "有" if shown else "没有")
