"""Steps of the 申报密码 reset in the 个人所得税APP (Liaoning Q&A 3/9 方法二, ITS §1.3.1) and of the unit list."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from fixtures.units import UnitData
from steps.common.expect import expect, looking_for
from steps.common.labels import NEXT
from steps.common.refusals import absolve, blame, blamed, expect_refused_naming
from steps.common.sms import last_sms_code
from steps.its.unit_steps import _submit

APP = "个人所得税APP"
#: Labels the guides do not fix (the APP's login, the SMS request, the 安全中心's bind button): a portal with
#: other wording maps these names to its own controls in its profile (`controls:`).
LOG_IN, SEND_SMS, BIND = "登录", "获取验证码", "绑定手机号"
#: The APP's unit list as a field to pick from (the suite's name, for portals listing units as radio rows).
UNIT_PICK = "单位"
#: Q&A 9 第4步: "输入新密码并确认密码".
NEW, CONFIRM, SMS_CODE = "新密码", "确认密码", "短信验证码"
#: Q&A 5: an account without a bound phone must bind one first (the refusal names the phone).
PHONE = "手机号码"


@pytest.fixture
def new_declaration_passwords() -> dict[str, str]:
    """The new 申报密码 typed for each unit of the scenario (in force only once the reset succeeded)."""
    return {}


def _new_password(unit: UnitData) -> str:
    return "r" + (unit.declaration_password or unit.tax_id[-6:])[::-1] + "7"


def _sms_code(portal: PortalDriver, phone: str) -> str:
    """The code last sent to this phone; empty when none came (the gateway was down)."""
    return last_sms_code(portal, phone, required=False)


@given(parsers.parse("「{role}」的账号未绑定手机号"))
def no_bound_phone(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    portal.hook("seed.bound_phone", {"account": cast[role].login_name, "phone": None})


@given(parsers.parse("「{role}」登录个人所得税APP"))
@when(parsers.parse("「{role}」登录个人所得税APP"))
def app_login(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    """Q&A 9 第1步: the person's own account (登录名) and password."""
    portal.open_entry(APP)
    portal.click(LOG_IN)
    portal.fill("账号", cast[role].login_name)
    portal.fill("密码", cast[role].password)
    portal.click(LOG_IN)


@given(parsers.parse("「{role}」在个人所得税APP中点击「{unit}」的【重置申报密码】"))
@when(parsers.parse("「{role}」在个人所得税APP中点击「{unit}」的【重置申报密码】"))
def to_reset(portal: PortalDriver, cast: dict[str, Identity], unit_cast: dict[str, UnitData], role: str,
             unit: str) -> None:
    """Q&A 9 方法二 第1-3步: log in (unless still in), 【个人中心】-【企业办税权限】, the unit, 【重置申报密码】."""
    portal.open_entry(APP)
    if not portal.shows_control("个人中心"):
        app_login(portal, cast, role)
    for control in ("个人中心", "企业办税权限"):
        portal.click(control)
    click_unit(portal, unit_cast, unit)
    portal.click("重置申报密码")


@when(parsers.parse("「{role}」在个人所得税APP中重置「{unit}」的申报密码"))
def resets_declaration_password(portal: PortalDriver, cast: dict[str, Identity], unit_cast: dict[str, UnitData],
                                new_declaration_passwords: dict[str, str], wrong_factor: dict[str, str], role: str,
                                unit: str) -> None:
    """Q&A 9 方法二 第1-4步: up to the reset page, the new password twice, the SMS code, 【保存】."""
    to_reset(portal, cast, unit_cast, role, unit)
    type_new_password(portal, unit_cast, new_declaration_passwords, wrong_factor, unit)
    reset_sms_code(portal, cast, role)
    portal.click("保存")


@when(parsers.parse("点击「{unit}」"))
def click_unit(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    """Q&A 9 第2步: 点击要重置申报密码的单位 — the unit's name clicked, or (a list of radio rows) the unit picked in
    the suite's field 单位 and confirmed with 下一步: the Q&A fixes the choice, not the gesture."""
    name, picked = unit_cast[unit].name, portal.shows_field(UNIT_PICK)
    with looking_for(f"要重置申报密码的单位「{unit}」"):
        if picked:
            portal.fill(UNIT_PICK, name)
        else:
            portal.click(name)
    if picked:
        portal.click(NEXT)


@when(parsers.parse("双击「{unit}」"))
def double_click_unit(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    """ITS §1.3.2: 双击某家单位."""
    with looking_for(f"单位列表中的「{unit}」"):
        portal.double_click(unit_cast[unit].name)


@when(parsers.parse("「{role}」在安全中心绑定本人手机号"))
def bind_phone(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    phone = cast[role].phone
    portal.fill("手机号码", phone)
    portal.click(SEND_SMS)
    portal.fill(SMS_CODE, _sms_code(portal, phone))
    portal.click(BIND)


@when("获取短信验证码")
def ask_for_sms(portal: PortalDriver) -> None:
    portal.click(SEND_SMS)


@when(parsers.parse("「{role}」获取并填写绑定手机收到的短信验证码"))
def reset_sms_code(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    portal.click(SEND_SMS)
    portal.fill(SMS_CODE, _sms_code(portal, cast[role].phone))


@when(parsers.parse("输入「{unit}」的新申报密码并确认"))
def type_new_password(portal: PortalDriver, unit_cast: dict[str, UnitData],
                      new_declaration_passwords: dict[str, str], wrong_factor: dict[str, str], unit: str) -> None:
    absolve(wrong_factor, CONFIRM)
    new = new_declaration_passwords.setdefault(unit, _new_password(unit_cast[unit]))
    portal.fill(NEW, new)
    portal.fill(CONFIRM, new)


@when(parsers.parse("输入「{unit}」的新申报密码和不一致的确认密码"))
def type_mismatched_passwords(portal: PortalDriver, unit_cast: dict[str, UnitData],
                              new_declaration_passwords: dict[str, str], wrong_factor: dict[str, str],
                              unit: str) -> None:
    """Blamed: the refusal must say the two passwords differ (确认, 一致 …), not any refusal."""
    blame(wrong_factor, CONFIRM)
    new = new_declaration_passwords.setdefault(unit, _new_password(unit_cast[unit]))
    portal.fill(NEW, new)
    portal.fill(CONFIRM, new + "x")


@when(parsers.parse("输入「{unit}」的新申报密码并提交"))
def submit_new_password(portal: PortalDriver, unit_cast: dict[str, UnitData],
                        new_declaration_passwords: dict[str, str], unit: str) -> None:
    """In the 扣缴客户端's 单位办税验证: the password set by the reset (or meant to be)."""
    _submit(portal, unit_cast[unit], new_declaration_passwords.get(unit) or _new_password(unit_cast[unit]))


@then("进入申报密码重置页面")
def on_reset_page(portal: PortalDriver) -> None:
    expect(portal.shows_field(NEW) and portal.shows_field(CONFIRM), "进入申报密码重置页面（输入新密码并确认密码）",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then("未进入申报密码重置页面，需先绑定手机号")
def bind_first(portal: PortalDriver) -> None:
    """Q&A 5: refused for the missing phone (the message names it), and the reset page not shown."""
    expect(not portal.shows_field(NEW), "未进入申报密码重置页面", lambda: f"页面「{portal.screen()}」")
    expect_refused_naming(portal, PHONE, "未进入申报密码重置页面，并提示先绑定手机号")


@then("申报密码未被重置")
def not_reset(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    """Refused for the factor the scenario made wrong (确认密码, 短信验证码), not any refusal."""
    expect_refused_naming(portal, blamed(wrong_factor), "点击【保存】被拒绝，申报密码未被重置")
