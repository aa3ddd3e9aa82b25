"""Steps of the Liaoning enterprise login: 普通登录, 【同步办税人】, the handler's 短信登录 / 「密码登录」, 个人密码."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, when

from drivers.protocol import TICKED, NotVerifiable, PortalDriver
from fixtures.enterprises import EnterpriseData
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect_text, looking_for, normalise
from steps.common.refusals import absolve, blame
from steps.common.sms import last_sms_code, sms_messages

ETAX = "辽宁省电子税务局"
HOME = "电子税务局首页"
#: The suite's names for controls no guide names (回到首页, 退出登录); a profile maps them to the portal's own.
BACK_HOME, LOG_OUT = "返回首页", "退出"


@pytest.fixture
def sms_baseline() -> dict[str, int]:
    """Messages each phone had got when the scenario's history (its 假如 steps) was done, by phone."""
    return {}


@pytest.fixture
def personal_passwords() -> dict[str, str]:
    """个人密码 each person of the scenario set, by role."""
    return {}


def _log_in(portal: PortalDriver, enterprise: EnterpriseData) -> None:
    portal.open_entry(ETAX)
    portal.click("企业登录")
    portal.click("普通登录")
    portal.fill("纳税人识别号", enterprise.tax_id)
    portal.fill("企业密码", enterprise.password)
    portal.fill("验证码", portal.current_captcha())
    portal.fill("同意协议", TICKED)
    portal.click("登录")


def log_out(portal: PortalDriver) -> None:
    """Back to the 首页 if elsewhere, then log out: navigation the guides leave to the portal."""
    if normalise(portal.screen()) != normalise(HOME):
        portal.click(BACK_HOME)
    portal.click(LOG_OUT)


def password_login_as(portal: PortalDriver, enterprise: EnterpriseData, person: Identity, password: str) -> None:
    """普通登录, the person, 「密码登录」 with this password, 【确定】."""
    _log_in(portal, enterprise)
    with looking_for("办税人列表中要登录的办税人"):
        portal.click(person.name)
    portal.click("密码登录")
    portal.fill("密码", password)
    portal.click("确定")


def _sms_code(portal: PortalDriver, person: Identity) -> str:
    return last_sms_code(portal, person.phone, person.name)


@given(parsers.parse("以企业「{name}」的纳税人识别号和企业密码普通登录"))
@when(parsers.parse("以企业「{name}」的纳税人识别号和企业密码普通登录"))
def normal_login(portal: PortalDriver, enterprises: dict[str, EnterpriseData], name: str) -> None:
    _log_in(portal, enterprises[name])


@when(parsers.re(r"填写企业「(?P<name>[^」]+)」的(?P<what>纳税人识别号|企业密码|错误的企业密码|校验位错误的统一社会信用代码)"))
def type_enterprise(portal: PortalDriver, enterprises: dict[str, EnterpriseData], wrong_factor: dict[str, str],
                    name: str, what: str) -> None:
    enterprise = enterprises[name]
    field = "企业密码" if "密码" in what else "纳税人识别号"
    value = {"纳税人识别号": enterprise.tax_id, "企业密码": enterprise.password,
             "错误的企业密码": enterprise.wrong_password(),
             "校验位错误的统一社会信用代码": enterprise.tax_id_with_wrong_check_digit()}[what]
    portal.fill(field, value)
    if what.startswith(("错误", "校验位错误")):
        blame(wrong_factor, field)
    else:
        absolve(wrong_factor, field)


@when(parsers.re(r"(?P<no>不)?勾选「(?P<field>[^」]+)」"))
def tick(portal: PortalDriver, wrong_factor: dict[str, str], no: str | None, field: str) -> None:
    portal.fill(field, "" if no else TICKED)
    if no:
        blame(wrong_factor, field)
    else:
        absolve(wrong_factor, field)


@when("在「短信验证码」中填写错误的验证码")
def wrong_sms_code(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    blame(wrong_factor, "短信验证码")
    portal.fill("短信验证码", "000000")  # six digits, never issued: codes are drawn as random six digits


@when(parsers.parse("点击办税人「{who}」"))
def pick(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    with looking_for(f"办税人列表中的办税人「{who}」"):
        portal.click(cast[who].name)


@when(parsers.parse("在「短信验证码」中输入「{who}」收到的验证码并点击【确定】"))
def sms_confirm(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    portal.fill("短信验证码", _sms_code(portal, cast[who]))
    portal.click("确定")


@when(parsers.parse("「{who}」设置个人密码并点击【保存】"))
def set_personal_password(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                          personal_passwords: dict[str, str], who: str) -> None:
    password = identities.new_password(cast[who])
    portal.fill("新密码", password)
    portal.fill("确认密码", password)
    portal.click("保存")
    personal_passwords[who] = password


@when(parsers.parse("在「新密码」和「确认密码」中输入「{password}」并点击【保存】"))
def set_given_password(portal: PortalDriver, password: str) -> None:
    portal.fill("新密码", password)
    portal.fill("确认密码", password)
    portal.click("保存")


@when(parsers.parse("在「新密码」和「确认密码」中输入企业「{name}」的企业密码并点击【保存】"))
def set_enterprise_password_as_personal(portal: PortalDriver, enterprises: dict[str, EnterpriseData],
                                        name: str) -> None:
    """LN-R07: the 企业密码 (which obeys the personal password's rule) typed as the new personal password."""
    set_given_password(portal, enterprises[name].password)


@given(parsers.parse("「{who}」已完成企业「{name}」的初次普通登录"))
def first_login_done(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                     enterprises: dict[str, EnterpriseData], personal_passwords: dict[str, str],
                     sms_baseline: dict[str, int], who: str, name: str) -> None:
    """History, not the rule under test: through the optional `enterprise.first_login` where the portal offers it,
    else its pages (普通登录, 【同步办税人】, the person, 短信登录, 个人密码, then 【退出】 from the 首页)."""
    person, enterprise = cast[who], enterprises[name]
    password = identities.new_password(person)
    try:
        portal.hook("enterprise.first_login", {"tax_id": enterprise.tax_id, "id_number": person.document_number,
                                               "personal_password": password})
        personal_passwords[who] = password
    except NotVerifiable:
        first_login_by_pages(portal, cast, identities, enterprise, personal_passwords, who)
    sms_baseline[person.phone] = len(sms_messages(portal, person.phone))


def first_login_by_pages(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                         enterprise: EnterpriseData, personal_passwords: dict[str, str], who: str) -> None:
    """初次普通登录 第1-4步 on the portal's pages, then 【退出】 from the 首页."""
    _log_in(portal, enterprise)
    portal.click("同步办税人")
    with looking_for(f"办税人列表中的办税人「{who}」"):
        portal.click(cast[who].name)
    portal.click("获取验证码")
    sms_confirm(portal, cast, who)
    set_personal_password(portal, cast, identities, personal_passwords, who)
    expect_text(HOME, portal.screen(), "当前页面")
    log_out(portal)


@when(parsers.re(r"在「(?P<field>[^」]+)」中填写(?:「(?P<who>[^」]+)」的个人密码|企业「(?P<name>[^」]+)」的企业密码)"))
def type_password(portal: PortalDriver, personal_passwords: dict[str, str], enterprises: dict[str, EnterpriseData],
                  field: str, who: str | None, name: str | None) -> None:
    portal.fill(field, personal_passwords[who] if who else enterprises[name or ""].password)


@when(parsers.parse("在「{field}」中填写「{value}」"))
def type_value(portal: PortalDriver, field: str, value: str) -> None:
    portal.fill(field, value)


@when(parsers.parse("记下「{who}」原来的个人密码"))
def remember_old(personal_passwords: dict[str, str], who: str) -> None:
    personal_passwords[f"{who}（原）"] = personal_passwords[who]


@when(parsers.re(r"「(?P<who>[^」]+)」以(?P<which>个人密码|原来的个人密码|自然人电子税务局登录密码|个人密码「(?P<given>[^」]+)」)"
                 r"登录企业「(?P<name>[^」]+)」"))
def password_login(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
                   personal_passwords: dict[str, str], who: str, which: str, given: str | None, name: str) -> None:
    kept = {"个人密码": personal_passwords.get(who, ""), "原来的个人密码": personal_passwords.get(f"{who}（原）", "")}
    password = given or kept.get(which) or cast[who].password  # 自然人电子税务局登录密码: the account's own
    password_login_as(portal, enterprises[name], cast[who], password)


@when(parsers.re(r"「(?P<who>[^」]+)」退出登录"))
@when("退出登录")
def leave(portal: PortalDriver) -> None:
    log_out(portal)

