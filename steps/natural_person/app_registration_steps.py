"""Steps of the 个人所得税APP registration (ITS §2.2); hall codes and refusals come from registration_steps."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.common.expect import expect, expect_text
from steps.common.labels import AGREE, CAPTURE, FINISH, NEXT, SEND_SMS, SMS_CODE, UNIT_SCREEN
from steps.common.people_steps import attribute
from steps.common.refusals import blame
from steps.common.sms import last_sms_code
from steps.its.login_steps import logs_in
from steps.natural_person.registration_steps import hall_code, verified_by_hooks

APP = "个人所得税APP"
HALL, FACE = "大厅注册码注册", "人脸识别认证注册"
LOGIN_SETTINGS = "登录设置"  # ITS §2.2.2(5): "验证通过后会跳转到登录设置页面"
#: The identity each method's guide step lists (§2.2.1(5), §2.2.2(4)): every one must be asked and is typed.
IDENTITY_FIELDS = {HALL: ("注册码", "证件类型", "证件号码", "姓名", "国籍"), FACE: ("证件类型", "证件号码", "姓名")}
#: The control that goes on after the identity, per method (【开始人脸识别】 is the guide's; 下一步 the suite's).
GO_ON = {HALL: NEXT, FACE: "开始人脸识别"}


@pytest.fixture
def app_method() -> dict[str, str]:
    """The registration method chosen in the APP ("method"), so identity steps know which fields the guide lists."""
    return {}


#: The guide's own words for the step (§2.2.1(4)): a profile may name an `actions:` sequence after them.
AGREEMENT = "阅读并同意用户注册协议"


@when("阅读并同意用户注册协议")
def agree(portal: PortalDriver) -> None:
    """One guide step however many gestures: the profile's action named after the guide's words where the portal
    offers one (e.g. tick a box, then go on), else the suite's single control 同意."""
    portal.click(AGREEMENT if portal.shows_control(AGREEMENT) else AGREE)


def _open_method(portal: PortalDriver, app_method: dict[str, str], method: str) -> None:
    if method not in IDENTITY_FIELDS:
        raise ValueError(f"注册方式只能是{'或'.join(IDENTITY_FIELDS)}，而不是「{method}」")
    portal.open_entry(APP)
    portal.click("注册")
    portal.click(method)
    app_method["method"] = method


@given(parsers.parse("「{role}」在个人所得税APP选择【{method}】并同意用户注册协议"))
@when(parsers.parse("「{role}」在个人所得税APP选择【{method}】并同意用户注册协议"))
def choose_method(portal: PortalDriver, app_method: dict[str, str], role: str, method: str) -> None:
    _open_method(portal, app_method, method)
    agree(portal)


@given(parsers.parse("「{role}」在个人所得税APP选择【{method}】，未同意用户注册协议"))
def choose_without_agreeing(portal: PortalDriver, app_method: dict[str, str], role: str, method: str) -> None:
    _open_method(portal, app_method, method)


def _identity(person: Identity, code: str) -> dict[str, str]:
    return {"注册码": code, "国籍": person.nationality,
            **{field: attribute(person, field) for field in ("证件类型", "证件号码", "姓名")}}


@when(parsers.parse("如实填写「{role}」的身份信息"))
def fill_identity(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                  app_method: dict[str, str], role: str) -> None:
    """Every identity field the method's guide step lists; a missing one fails (the guide names it)."""
    _fill_identity(portal, cast, hall_codes, app_method, role, role)


@when(parsers.parse("以「{other}」的注册码如实填写「{role}」的身份信息"))
def fill_identity_with_code_of(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                               app_method: dict[str, str], wrong_factor: dict[str, str], role: str,
                               other: str) -> None:
    """Another person's 注册码: blamed, the refusal 注册被拒绝 asks the message to name the 注册码."""
    blame(wrong_factor, "注册码")
    _fill_identity(portal, cast, hall_codes, app_method, role, other)


def _fill_identity(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                   app_method: dict[str, str], role: str, other: str) -> None:
    values = _identity(cast[role], hall_codes.get(other, ""))
    for field in IDENTITY_FIELDS[app_method.get("method", HALL)]:
        portal.fill(field, values[field])


@when(parsers.parse("「{role}」不同意协议，尝试如实填写身份信息并继续"))
def goes_on_without_agreeing(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                             app_method: dict[str, str], role: str) -> None:
    """§2.2.1(4)/§2.2.2(3) as a gate, proven only by really going on: the method's identity screen by its address
    where the portal has one (a portal keeping the agreement only in its links fails), every field the page offers
    typed, and every control that goes on pressed (the agreement page's own, else the identity's submit)."""
    method = app_method["method"]
    if not portal.shows_field("证件号码"):
        portal.try_open(method)  # the identity screen is named after the method (§2.2.1(5), §2.2.2(4))
    values = _identity(cast[role], hall_codes.get(role, ""))
    for field in IDENTITY_FIELDS[method]:
        if portal.shows_field(field):
            portal.fill(field, values[field])
    for control in dict.fromkeys((NEXT, GO_ON[method], CAPTURE)):
        if portal.shows_control(control):
            portal.click(control)


@when(parsers.parse("「{role}」尝试以其证件开始人脸识别"))
def tries_face_with(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                    app_method: dict[str, str], role: str) -> None:
    """§2.2 仅支持居民身份证: a portal may not even offer another 证件类型 here — then there is nothing to try."""
    document = attribute(cast[role], "证件类型")
    app_method["offered"] = str(document in portal.choices("证件类型"))
    if app_method["offered"] == "True":
        fill_identity(portal, cast, hall_codes, app_method, role)
        portal.click(GO_ON[FACE])
        if portal.shows_control(CAPTURE):
            capture_face(portal)


@then("不能以该证件进行人脸识别认证注册")
def face_refused(portal: PortalDriver, app_method: dict[str, str]) -> None:
    screen = portal.screen()
    expect(app_method.get("offered") == "False" or (portal.is_refused() and screen != LOGIN_SETTINGS),
           "该证件类型不可选，或开始人脸识别被拒绝（提示原因）",
           lambda: f"页面「{screen}」，提示「{portal.message()}」")


@when("提交身份信息并继续")
def go_on(portal: PortalDriver, app_method: dict[str, str]) -> None:
    portal.click(GO_ON[app_method.get("method", HALL)])


@when("垂直握紧手机进行拍摄")
def capture_face(portal: PortalDriver) -> None:
    portal.click(CAPTURE)


@given(parsers.parse("「{role}」通过人脸识别认证进入登录设置页面"))
def face_verified(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                  app_method: dict[str, str], role: str) -> None:
    """§2.2.2(1)-(5); through the optional `registration.verified` where the portal offers it, else its pages."""
    app_method["method"] = FACE
    if not verified_by_hooks(portal, cast[role], APP, "人脸识别", None, APP):
        choose_method(portal, app_method, role, FACE)
        fill_identity(portal, cast, hall_codes, app_method, role)
        portal.click(GO_ON[FACE])
        capture_face(portal)
    expect_text(LOGIN_SETTINGS, portal.screen(), "人脸识别通过后的页面")


@given(parsers.parse("「{role}」通过大厅注册码验证进入登录设置页面"))
def hall_code_verified(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                       app_method: dict[str, str], role: str) -> None:
    """§2.2.1(1)-(6) with a code just issued; through the optional `registration.verified` where the portal offers
    it, else its pages."""
    hall_code(portal, cast, hall_codes, role)
    app_method["method"] = HALL
    if not verified_by_hooks(portal, cast[role], APP, "大厅注册码", hall_codes[role], APP):
        choose_method(portal, app_method, role, HALL)
        fill_identity(portal, cast, hall_codes, app_method, role)
        portal.click(GO_ON[HALL])
    expect(portal.shows_field("登录名"), "注册码验证通过，页面要求设置登录名", lambda: f"提示「{portal.message()}」")


@given(parsers.parse("「{role}」设置登录名、密码和手机号码并完成短信校验"))
@when(parsers.parse("「{role}」设置登录名、密码和手机号码并完成短信校验"))
def set_login(portal: PortalDriver, cast: dict[str, Identity], registrant: dict[str, str], role: str) -> None:
    """§2.2.1(7)/§2.2.2(6). Without an SMS (gateway down) the code stays empty: the portal must refuse."""
    person = cast[role]
    registrant["role"] = role
    portal.fill("手机号码", person.phone)
    portal.click(SEND_SMS)
    code = last_sms_code(portal, person.phone, required=False)
    portal.fill("登录名", person.login_name)
    portal.fill("密码", person.password)
    portal.fill(SMS_CODE, code)
    portal.click(FINISH)


@when(parsers.parse("「{role}」以{what}「{value}」完成登录设置"))
def set_login_with(portal: PortalDriver, cast: dict[str, Identity], registrant: dict[str, str],
                   wrong_factor: dict[str, str], role: str, what: str, value: str) -> None:
    """The value tried against §2.2.1(7)'s rule: if refused, the message must name the 登录名 or the 密码."""
    if what not in ("登录名", "密码"):
        raise ValueError(f"只能指定登录名或密码，而不是「{what}」")
    blame(wrong_factor, what)
    person = cast[role]
    cast[role] = replace(person, login_name=value) if what == "登录名" else replace(person, password=value)
    set_login(portal, cast, registrant, role)


@then("未进入登录设置页面")
def not_on_login_settings(portal: PortalDriver) -> None:
    screen = portal.screen()
    expect(screen != LOGIN_SETTINGS, "停留在人脸识别，未进入登录设置页面", f"页面「{screen}」")


@then(parsers.parse("「{role}」可以用{kind}登录扣缴客户端"))
def can_log_in(portal: PortalDriver, cast: dict[str, Identity], role: str, kind: str) -> None:
    """The account exists with what the person set: the client's account-password login accepts it."""
    logs_in(portal, cast, role, kind)
    expect_text(UNIT_SCREEN, portal.screen(), f"以{kind}登录后的页面")
