"""Steps of the 个人所得税APP registration (ITS §2.2); hall codes and refusals come from registration_steps."""

from __future__ import annotations

from dataclasses import replace

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.expect import expect, expect_text
from steps.login_steps import logs_in
from steps.people_steps import attribute
from steps.registration_steps import FINISH, SEND_SMS, hall_code
from steps.sms import last_sms_code

APP = "个人所得税APP"
#: Labels the guide does not fix (the agreement, the camera, the SMS request, the last button): a portal
#: with other wording maps these names to its own controls in its profile (`controls:`).
AGREE, CAPTURE, SMS_CODE = "同意", "拍摄", "短信验证码"
LOGIN_SETTINGS = "登录设置"  # ITS §2.2.2(5): "验证通过后会跳转到登录设置页面"
IDENTITY_FIELDS = ("注册码", "证件类型", "证件号码", "姓名", "国籍")


@when("阅读并同意用户注册协议")
def agree(portal: PortalDriver) -> None:
    portal.click(AGREE)


@given(parsers.parse("「{role}」在个人所得税APP选择【{method}】并同意用户注册协议"))
@when(parsers.parse("「{role}」在个人所得税APP选择【{method}】并同意用户注册协议"))
def choose_method(portal: PortalDriver, role: str, method: str) -> None:
    portal.open_entry(APP)
    portal.click("注册")
    portal.click(method)
    portal.click(AGREE)


@when(parsers.parse("如实填写「{role}」的身份信息"))
def fill_identity(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str], role: str) -> None:
    """Every identity field the form asks for (§2.2.1(5), §2.2.2(4)), from the person's documents."""
    fill_identity_with_code_of(portal, cast, hall_codes, role, role)


@when(parsers.parse("以「{other}」的注册码如实填写「{role}」的身份信息"))
def fill_identity_with_code_of(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                               role: str, other: str) -> None:
    person = cast[role]
    known = {"注册码": hall_codes.get(other, ""), "国籍": person.nationality}
    for field in IDENTITY_FIELDS:
        if portal.shows_field(field):
            portal.fill(field, known[field] if field in known else attribute(person, field))


@when("垂直握紧手机进行拍摄")
def capture_face(portal: PortalDriver) -> None:
    portal.click(CAPTURE)


@given(parsers.parse("「{role}」通过人脸识别认证进入登录设置页面"))
def face_verified(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str], role: str) -> None:
    choose_method(portal, role, "人脸识别认证注册")
    fill_identity(portal, cast, hall_codes, role)
    portal.click("开始人脸识别")
    capture_face(portal)
    expect_text(LOGIN_SETTINGS, portal.screen(), "人脸识别通过后的页面")


@given(parsers.parse("「{role}」通过大厅注册码验证进入登录设置页面"))
def hall_code_verified(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str], role: str) -> None:
    hall_code(portal, cast, hall_codes, role)
    choose_method(portal, role, "大厅注册码注册")
    fill_identity(portal, cast, hall_codes, role)
    portal.click("下一步")
    expect(portal.shows_field("登录名"), "注册码验证通过，页面要求设置登录名", f"提示「{portal.message()}」")


@given(parsers.parse("「{role}」设置登录名、密码和手机号码并完成短信校验"))
@when(parsers.parse("「{role}」设置登录名、密码和手机号码并完成短信校验"))
def set_login(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    """§2.2.1(7)/§2.2.2(6). Without an SMS (gateway down) the code stays empty: the portal must refuse."""
    person = cast[role]
    portal.fill("手机号码", person.phone)
    portal.click(SEND_SMS)
    code = last_sms_code(portal, person.phone, required=False)
    portal.fill("登录名", person.login_name)
    portal.fill("密码", person.password)
    portal.fill(SMS_CODE, code)
    portal.click(FINISH)


@when(parsers.parse("「{role}」以{what}「{value}」完成登录设置"))
def set_login_with(portal: PortalDriver, cast: dict[str, Identity], role: str, what: str, value: str) -> None:
    if what not in ("登录名", "密码"):
        raise ValueError(f"只能指定登录名或密码，而不是「{what}」")
    person = cast[role]
    cast[role] = replace(person, login_name=value) if what == "登录名" else replace(person, password=value)
    set_login(portal, cast, role)


@then("未进入登录设置页面")
def not_on_login_settings(portal: PortalDriver) -> None:
    screen = portal.screen()
    expect(screen != LOGIN_SETTINGS, "停留在人脸识别，未进入登录设置页面", f"页面「{screen}」")


@then(parsers.parse("「{role}」可以用{kind}登录扣缴客户端"))
def can_log_in(portal: PortalDriver, cast: dict[str, Identity], role: str, kind: str) -> None:
    """The account exists with what the person set: the client's account-password login accepts it."""
    portal.open_login()
    logs_in(portal, cast, role, kind)
    expect_text("单位办税验证", portal.screen(), f"以{kind}登录后的页面")
