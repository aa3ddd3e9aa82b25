"""Steps of the WEB registration's login settings (ITS §2.1 ③): SMS code, login name, password, outcome."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.common.expect import expect
from steps.common.labels import FINISH, LOGIN_SCREEN, SEND_SMS, SMS_CODE, UNIT_SCREEN
from steps.common.refusals import absolve, blame, blamed, expect_refused_naming
from steps.common.sms import last_sms_code
from steps.its.login_steps import logs_in
from steps.natural_person.registration_steps import identity_verified
from vocabulary.regions import PROVINCES


def _received_code(portal: PortalDriver, phone: str) -> str:
    return last_sms_code(portal, phone)


#: The factors a registration step makes wrong on purpose (注册被拒绝 asks the message to name the one blamed).
PHONE, LOGIN_NAME, PASSWORD = "手机号码", "登录名", "密码"


@when(parsers.parse("「{role}」以「{owner}」的手机号码获取并填写短信验证码"))
def sms_for_phone_of(portal: PortalDriver, cast: dict[str, Identity], wrong_factor: dict[str, str], role: str,
                     owner: str) -> None:
    """Another person's number is blamed; the person's own (and the code it got) clears an earlier blame."""
    if owner == role:
        absolve(wrong_factor, PHONE, SMS_CODE)
    else:
        blame(wrong_factor, PHONE)
    phone = cast[owner].phone
    portal.fill("手机号码", phone)
    portal.click(SEND_SMS)
    portal.fill(SMS_CODE, _received_code(portal, phone))


@when(parsers.parse("「{role}」以本人手机号码获取短信验证码"))
def asks_for_sms(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    portal.fill("手机号码", cast[role].phone)
    portal.click(SEND_SMS)


@when("完成注册")
def finish(portal: PortalDriver) -> None:
    """The last press of the registration (§2.1 ③ 完成注册; the guide names no control)."""
    portal.click(FINISH)


@when(parsers.parse("「{role}」获取并填写短信验证码"))
def sms_code(portal: PortalDriver, cast: dict[str, Identity], wrong_factor: dict[str, str], role: str) -> None:
    sms_for_phone_of(portal, cast, wrong_factor, role, role)


@when(parsers.parse("「{role}」填写错误的短信验证码"))
def wrong_sms_code(portal: PortalDriver, cast: dict[str, Identity], wrong_factor: dict[str, str], role: str) -> None:
    """Every digit of the code received changed, so it is wrong whatever the code was."""
    blame(wrong_factor, SMS_CODE)
    received = _received_code(portal, cast[role].phone)
    portal.fill(SMS_CODE, "".join("1" if ch != "1" else "2" for ch in received))


@when("不输入短信验证码")
def no_sms_code(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    blame(wrong_factor, SMS_CODE)
    portal.fill(SMS_CODE, "")


def _household(person: Identity) -> str:
    """户籍所在地: the province the ID number was issued in (GB/T 2260 prefix), else the first one."""
    return PROVINCES.get(person.document_number[:2], next(iter(PROVINCES.values())))


@pytest.fixture
def registrant() -> dict[str, str]:
    """Who set the login settings in this scenario ("role"): the account 「注册成功」 logs in with."""
    return {}


def _settings(portal: PortalDriver, person: Identity) -> None:
    portal.fill("登录名", person.login_name)
    portal.fill("密码", person.password)
    portal.fill("户籍所在地", _household(person))


@when(parsers.parse("「{role}」设置登录名、密码和户籍所在地"))
def settings(portal: PortalDriver, cast: dict[str, Identity], registrant: dict[str, str],
             wrong_factor: dict[str, str], role: str) -> None:
    absolve(wrong_factor, LOGIN_NAME, PASSWORD)
    registrant["role"] = role
    _settings(portal, cast[role])


@when(parsers.parse("「{role}」设置登录名为「{value}」"))
def settings_with_login_name(portal: PortalDriver, cast: dict[str, Identity], registrant: dict[str, str],
                             wrong_factor: dict[str, str], role: str, value: str) -> None:
    """Tried against §2.1 ③'s rule: if refused, the message must name the 登录名."""
    blame(wrong_factor, LOGIN_NAME)
    cast[role] = replace(cast[role], login_name=value)
    registrant["role"] = role
    _settings(portal, cast[role])


@when(parsers.parse("「{role}」设置密码为「{value}」"))
def settings_with_password(portal: PortalDriver, cast: dict[str, Identity], registrant: dict[str, str],
                           wrong_factor: dict[str, str], role: str, value: str) -> None:
    """Tried against §2.1 ③'s rule: if refused, the message must name the 密码."""
    blame(wrong_factor, PASSWORD)
    cast[role] = replace(cast[role], password=value)
    registrant["role"] = role
    _settings(portal, cast[role])


@when(parsers.parse("「{role}」设置与「{other}」相同的登录名"))
def settings_with_login_name_of(portal: PortalDriver, cast: dict[str, Identity], registrant: dict[str, str],
                                wrong_factor: dict[str, str], role: str, other: str) -> None:
    blame(wrong_factor, LOGIN_NAME)
    registrant["role"] = role
    _settings(portal, replace(cast[role], login_name=cast[other].login_name))


@when(parsers.parse("「{role}」改变登录名的字母大小写后以正确密码登录"))
def logs_in_with_other_case(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    person = cast[role]
    expect(person.login_name.swapcase() != person.login_name, "登录名含字母", person.login_name)
    logs_in(portal, {role: replace(person, login_name=person.login_name.swapcase())}, role, "登录名")


@given(parsers.parse("「{role}」已在WEB端以大厅注册码完成注册"))
def registered_on_web(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                      registrant: dict[str, str], wrong_factor: dict[str, str], role: str) -> None:
    """§2.1 ①–③ in one go, for scenarios about what follows the registration."""
    identity_verified(portal, cast, hall_codes, role)
    sms_code(portal, cast, wrong_factor, role)
    settings(portal, cast, registrant, wrong_factor, role)
    finish(portal)
    expect(not portal.is_refused(), "注册成功", lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then("注册成功")
def registered(portal: PortalDriver, cast: dict[str, Identity], registrant: dict[str, str],
               wrong_factor: dict[str, str]) -> None:
    """§2.1 ③/§2.2 设置完成后即可…登录: no refusal, and the new account logs in by its 登录名 from the login page
    (wherever the portal shows the person next: the guide fixes no screen). The values tried were right: no blame
    is left for a later refusal."""
    blamed(wrong_factor)
    expect(not portal.is_refused(), "注册成功（没有拒绝提示）",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
    expect("role" in registrant, "场景中有人设置了登录名和密码", "没有")
    logs_in(portal, cast, registrant["role"], "登录名")
    expect(portal.screen() == UNIT_SCREEN, "注册后可以用登录名登录，进行单位办税验证",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then("注册被拒绝")
def registration_refused(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    """Refused with a reason; where a step made one factor wrong (注册码, 登录名, 密码, 手机号码, 短信验证码), the
    message names it: the guides fix no wording, so a refusal for another reason (a captcha's) does not pass."""
    expect_refused_naming(portal, blamed(wrong_factor), "注册被拒绝，并提示原因")


@then(parsers.parse("「{role}」的账号未被创建"))
def no_account(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    """Nothing half-created: none of the person's names logs in."""
    for kind in ("手机号码", "登录名", "证件号码"):
        logs_in(portal, cast, role, kind)
        expect(portal.screen() == LOGIN_SCREEN and portal.is_refused(), f"以{kind}登录被拒绝（账号不存在）",
               lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
