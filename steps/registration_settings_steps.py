"""Steps of the WEB registration's login settings (ITS §2.1 ③): SMS code, login name, password, outcome."""

from __future__ import annotations

from dataclasses import replace

from pytest_bdd import parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.expect import expect
from steps.login_steps import logs_in
from steps.registration_steps import BACK, LOGIN_SCREEN, SEND_SMS
from steps.sms import last_sms_code
from vocabulary.regions import PROVINCES


def _received_code(portal: PortalDriver, phone: str) -> str:
    return last_sms_code(portal, phone)


@when(parsers.parse("「{role}」以「{owner}」的手机号码获取并填写短信验证码"))
def sms_for_phone_of(portal: PortalDriver, cast: dict[str, Identity], role: str, owner: str) -> None:
    phone = cast[owner].phone
    portal.fill("手机号码", phone)
    portal.click(SEND_SMS)
    portal.fill("短信验证码", _received_code(portal, phone))


@when(parsers.parse("「{role}」获取并填写短信验证码"))
def sms_code(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    sms_for_phone_of(portal, cast, role, role)


@when(parsers.parse("「{role}」填写错误的短信验证码"))
def wrong_sms_code(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    """Every digit of the code received changed, so it is wrong whatever the code was."""
    received = _received_code(portal, cast[role].phone)
    portal.fill("短信验证码", "".join("1" if ch != "1" else "2" for ch in received))


@when("不输入短信验证码")
def no_sms_code(portal: PortalDriver) -> None:
    portal.fill("短信验证码", "")


def _household(person: Identity) -> str:
    """户籍所在地: the province the ID number was issued in (GB/T 2260 prefix), else the first one."""
    return PROVINCES.get(person.document_number[:2], next(iter(PROVINCES.values())))


def _settings(portal: PortalDriver, person: Identity) -> None:
    portal.fill("登录名", person.login_name)
    portal.fill("密码", person.password)
    portal.fill("户籍所在地", _household(person))


@when(parsers.parse("「{role}」设置登录名、密码和户籍所在地"))
def settings(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    _settings(portal, cast[role])


@when(parsers.parse("「{role}」设置登录名为「{value}」"))
def settings_with_login_name(portal: PortalDriver, cast: dict[str, Identity], role: str, value: str) -> None:
    cast[role] = replace(cast[role], login_name=value)
    _settings(portal, cast[role])


@when(parsers.parse("「{role}」设置密码为「{value}」"))
def settings_with_password(portal: PortalDriver, cast: dict[str, Identity], role: str, value: str) -> None:
    cast[role] = replace(cast[role], password=value)
    _settings(portal, cast[role])


@when(parsers.parse("「{role}」设置与「{other}」相同的登录名"))
def settings_with_login_name_of(portal: PortalDriver, cast: dict[str, Identity], role: str, other: str) -> None:
    _settings(portal, replace(cast[role], login_name=cast[other].login_name))


@when(parsers.parse("「{role}」改变登录名的字母大小写后以正确密码登录"))
def logs_in_with_other_case(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    person = cast[role]
    expect(person.login_name.swapcase() != person.login_name, "登录名含字母", person.login_name)
    logs_in(portal, {role: replace(person, login_name=person.login_name.swapcase())}, role, "登录名")


@then("注册成功")
def registered(portal: PortalDriver) -> None:
    """§2.1 ③ 完成注册后登录: no refusal, and the login page is where the person goes on."""
    expect(not portal.is_refused() and portal.screen() == LOGIN_SCREEN, "注册成功，回到登录页面",
           f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then("注册被拒绝")
def registration_refused(portal: PortalDriver) -> None:
    expect(portal.is_refused() and portal.screen() != LOGIN_SCREEN, "注册被拒绝，并提示原因",
           f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then(parsers.parse("「{role}」的账号未被创建"))
def no_account(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    """Nothing half-created: none of the person's names logs in."""
    if portal.shows_control(BACK):
        portal.click(BACK)
    for kind in ("手机号码", "登录名", "证件号码"):
        logs_in(portal, cast, role, kind)
        expect(portal.screen() == LOGIN_SCREEN and portal.is_refused(), f"以{kind}登录被拒绝（账号不存在）",
               f"页面「{portal.screen()}」，提示「{portal.message()}」")
