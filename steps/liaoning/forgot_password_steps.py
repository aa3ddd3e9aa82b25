"""Steps of the Liaoning 「忘记密码」: a new 企业密码 or login password, and logging in with the new or the old one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytest_bdd import parsers, then, when

from drivers.protocol import TICKED, PortalDriver
from fixtures.enterprises import EnterpriseData
from fixtures.identities import Identity, IdentityFactory
from steps.common.identity_fields import IDENTITY, fill_shown_identity
from steps.common.labels import SMS_CODE
from steps.common.refusals import absolve, blame, blamed, expect_refused_naming
from steps.common.sms import last_sms_code
from steps.liaoning.login_steps import ETAX, normal_login


@pytest.fixture
def new_passwords() -> dict[str, str]:
    """Passwords set through 「忘记密码」, by the enterprise's or the person's name in the scenario."""
    return {}


#: The suite's names for the recovery's controls, which no guide names; a profile maps them to the portal's own.
NEXT, CONFIRM, BACK_TO_LOGIN = "下一步", "确定", "返回登录"


@when(parsers.re(r"以「(?P<who>[^」]+)」登记的手机号码(?:为企业「(?P<name>[^」]+)」获取找回密码|获取找回登录密码)的短信验证码"))
def ask_code(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData], who: str,
             name: str | None) -> None:
    """问答7: 通过手机号码找回密码. Which account (纳税人识别号, 用户名) and which identity fields (姓名, 证件类型,
    证件号码 …) are asked for too is the portal's choice: each is typed where asked, from the person's data."""
    account = ("纳税人识别号", enterprises[name].tax_id) if name else ("用户名", cast[who].login_name)
    _ask_code(portal, cast[who], account, cast[who].phone)


@when(parsers.parse("以「{other}」的手机号码为「{who}」获取找回登录密码的短信验证码"))
def ask_code_with_other_phone(portal: PortalDriver, cast: dict[str, Identity], other: str, who: str) -> None:
    """问答7 不是登记的手机号码不能找回: everything the page asks is the person's, except the mobile number."""
    _ask_code(portal, cast[who], ("用户名", cast[who].login_name), cast[other].phone)


def _ask_code(portal: PortalDriver, person: Identity, account: tuple[str, str], phone: str) -> None:
    if portal.shows_field(account[0]):
        portal.fill(*account)
    fill_shown_identity(portal, person, tuple(f for f in IDENTITY if f != "手机号码"))
    portal.fill("手机号码", phone)
    # The guides fix no order: a code asked for beside the number, or sent when the number is submitted.
    portal.click("获取验证码" if portal.shows_control("获取验证码") else NEXT)


@when(parsers.re(r"输入(?:「(?P<who>[^」]+)」收到的|(?P<wrong>错误的))短信验证码，进行下一步"))
def enter_code(portal: PortalDriver, cast: dict[str, Identity], wrong_factor: dict[str, str], who: str | None,
               wrong: str | None) -> None:
    """A wrong code is blamed: the refusal that follows must name the SMS code (not a captcha or the account)."""
    if wrong:
        blame(wrong_factor, SMS_CODE)
    else:
        absolve(wrong_factor, SMS_CODE)
    if who:  # a portal may ask the identity again beside the code
        fill_shown_identity(portal, cast[who], tuple(f for f in IDENTITY if f != "手机号码"))
    portal.fill("短信验证码", "000000" if wrong else last_sms_code(portal, cast[who or ""].phone, who))
    portal.click(NEXT)


@then("找回被拒绝")
def recovery_refused(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    """Refused, and for the factor the scenario made wrong (the guides fix no screen nor wording)."""
    expect_refused_naming(portal, blamed(wrong_factor), "找回被拒绝")


@when("回到登录页面")
def back_to_login(portal: PortalDriver) -> None:
    portal.click(BACK_TO_LOGIN)


@when(parsers.re(r"「(?P<who>[^」]+)」(?:为企业「(?P<name>[^」]+)」设置新的企业密码|设置新的登录密码)并确认"))
def set_new_password(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                     new_passwords: dict[str, str], who: str, name: str | None) -> None:
    password = identities.new_password(cast[who])
    portal.fill("新密码", password)
    portal.fill("确认新密码", password)
    portal.click(CONFIRM)
    new_passwords[name or who] = password


@when(parsers.parse("在「新密码」和「确认新密码」中设置企业「{name}」的新企业密码"))
def type_enterprise_password(portal: PortalDriver, identities: IdentityFactory, new_passwords: dict[str, str],
                             name: str) -> None:
    """三(二)2 gives no rule for the 企业密码: the personal password's rule is the suite's assumption."""
    password = identities.new_password(identities.person())
    portal.fill("新密码", password)
    portal.fill("确认新密码", password)
    new_passwords[name] = password


@when(parsers.parse("以企业「{name}」的纳税人识别号和新的企业密码普通登录"))
def login_with_new(portal: PortalDriver, enterprises: dict[str, EnterpriseData], new_passwords: dict[str, str],
                   name: str) -> None:
    normal_login(portal, {name: replace(enterprises[name], password=new_passwords[name])}, name)


@when(parsers.re(r"「(?P<who>[^」]+)」以用户名和(?P<which>新的|原来的)登录密码进行自然人登录"))
def natural_login(portal: PortalDriver, cast: dict[str, Identity], new_passwords: dict[str, str], who: str,
                  which: str) -> None:
    """二(二): 用户名, 登录密码, 验证码, 服务协议, 【登录】."""
    portal.open_entry(ETAX)
    portal.click("自然人登录")
    portal.fill("用户名", cast[who].login_name)
    portal.fill("密码", new_passwords[who] if which == "新的" else cast[who].password)
    portal.fill("验证码", portal.current_captcha())
    portal.fill("服务协议", TICKED)
    portal.click("登录")


@when("选择自然人登录")
def natural_person_kind(portal: PortalDriver) -> None:
    """一: the login page's 自然人登录 (the manual does not bracket it as a button): a stable name a profile maps."""
    portal.click("自然人登录")
