"""Steps of the Qingdao login: an entry, the password login by 证件号码, the second factor, what the user sees after."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from steps.common.expect import expect, normalise
from steps.common.refusals import expect_refused_for
from steps.common.shortcuts import taken_over
from steps.common.sms import last_sms_code
from steps.its.captcha import press_answering_captcha
from steps.qingdao import labels as qd
from steps.qingdao.actions import (
    ENTRY,
    WHICH,
    choose_enterprise_if_asked,
    choose_entry,
    log_in,
    not_logged_in,
    on_home,
    pass_sms,
    password_for,
    password_login,
    to_login_page,
)
from steps.qingdao.people import QdUser


@when(parsers.re(rf"「(?P<who>[^」]+)」在{ENTRY}入口登录电子税务局"))
def logged_in(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, entry: str) -> None:
    log_in(portal, qd_users[who], entry)


@given(parsers.re(rf"「(?P<who>[^」]+)」已在{ENTRY}入口登录电子税务局"))
def was_logged_in(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, entry: str) -> None:
    """History, not the rule under test: at 自然人业务, through the optional `qingdao.logged_in` where the portal
    offers it (a person on the initial password changes it on the pages), else the pages; then on the 首页."""
    if entry != qd.NATURAL or not logged_in_by_hooks(portal, qd_users[who]):
        log_in(portal, qd_users[who], entry)


def logged_in_by_hooks(portal: PortalDriver, user: QdUser) -> bool:
    """Both factors at 自然人业务 on the portal's side, taken over on its 首页, which must show the person; False
    (nothing done) where the portal lacks the capability or the person still has the initial password (FAQ 8)."""
    if user.password == user.initial_password:
        return False
    if not taken_over(portal, "qingdao.logged_in", {"document_number": user.document_number,
                                                     "password": user.password}, qd.ETAX):
        return False
    expect(on_home(portal) and portal.shows_text(user.name), f"「qingdao.logged_in」打开「{user.name}」的首页",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
    return True


@given("打开青岛市电子税务局登录页面")
@when("打开青岛市电子税务局登录页面")
def open_login_page(portal: PortalDriver) -> None:
    to_login_page(portal)


@when(parsers.re(rf"选择{ENTRY}入口"))
def pick_entry(portal: PortalDriver, entry: str) -> None:
    choose_entry(portal, entry)


@when(parsers.re(rf"「(?P<who>[^」]+)」在{ENTRY}入口以证件号码和{WHICH}登录"))
def first_factor(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, entry: str, which: str) -> None:
    user = qd_users[who]
    password = password_for(user, which)
    password_login(portal, user, entry, password, right=password == user.password)


@when(parsers.re(r"「(?P<who>[^」]+)」通过(?P<how>短信验证|刷脸验证)"))
def second_factor(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, how: str) -> None:
    if how == "短信验证":
        pass_sms(portal, qd_users[who])
        return
    portal.click(qd.FACE_CHECK)
    portal.click(qd.CAPTURE)
    choose_enterprise_if_asked(portal, qd_users[who])


@when(parsers.re(r"「(?P<who>[^」]+)」(?P<how>短信验证码输错|刷脸验证未通过)"))
def second_factor_fails(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, how: str) -> None:
    if how == "短信验证码输错":
        portal.click(qd.SEND_SMS)
        right = last_sms_code(portal, qd_users[who].phone, who)
        portal.fill(qd.SMS_CODE, f"{(int(right) + 1) % 10**6:06d}")
        portal.click(qd.CONFIRM)
        return
    portal.hook("face.next_result", {"match": False})
    portal.click(qd.FACE_CHECK)
    portal.click(qd.CAPTURE)


@when(parsers.re(r"「(?P<who>[^」]+)」退出青岛市电子税务局"))
def leave(portal: PortalDriver) -> None:
    to_login_page(portal)


@then(parsers.re(r"登录页面提供(?P<entry>企业业务|自然人业务|代理业务|特定主体)入口"))
def offers_entry(portal: PortalDriver, entry: str) -> None:
    expect(portal.shows_control(entry), f"登录页面提供{entry}入口", lambda: f"页面「{portal.screen()}」上没有")


@then(parsers.re(r"「(?P<who>[^」]+)」已登录进电子税务局(?:，页面显示企业「(?P<enterprise>[^」]+)」)?"))
def is_in(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, enterprise: str | None) -> None:
    name = qd_users[who].name
    expect(on_home(portal) and portal.shows_text(name),
           f"「{who}」（{name}）登录进电子税务局", lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
    if enterprise:
        expect(portal.shows_text(enterprise), f"页面显示企业「{enterprise}」", "页面上没有")


@then(parsers.re(r"「(?P<who>[^」]+)」没有登录进电子税务局"))
def is_not_in(portal: PortalDriver, who: str) -> None:
    not_logged_in(portal, who)


@then(parsers.re(r"(?P<factor>短信验证码|刷脸验证)被拒绝，「(?P<who>[^」]+)」没有登录进电子税务局"))
def second_factor_refused(portal: PortalDriver, factor: str, who: str) -> None:
    expect_refused_for(portal, factor, "第二验证因子")
    not_logged_in(portal, who)


@then("页面要求通过第二验证因子（短信验证或刷脸验证）")
def asks_second_factor(portal: PortalDriver) -> None:
    asked = portal.shows_control(qd.SEND_SMS) or portal.shows_control(qd.FACE_CHECK)
    expect(asked and normalise(portal.screen()) not in (normalise(qd.LOGIN_SCREEN), normalise(qd.HOME_SCREEN)),
           "页面要求短信验证或刷脸验证", lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then(parsers.re(r"登录被拒绝，提示指明(?P<factor>密码|短信验证码|证书密码|税务数字证书)，停留在登录页面"))
def refused_at_login(portal: PortalDriver, factor: str) -> None:
    expect_refused_for(portal, factor, "登录")
    expect(normalise(portal.screen()) == normalise(qd.LOGIN_SCREEN), "停留在登录页面",
           lambda: f"页面「{portal.screen()}」")


@then(parsers.re(r"登录页面(?P<no>不再)?提供旧版登录"))
def offers_old_login(portal: PortalDriver, no: str | None) -> None:
    shown = portal.shows_control(qd.OLD_LOGIN)
    expect(shown != bool(no), f"登录页面{'不再' if no else ''}提供旧版登录", "有" if shown else "没有")


#: The field a portal that still had the old enterprise login would show (FAQ 8: 企业业务登录入口取消了企业密码).
ENTERPRISE_PASSWORD = "企业密码"


@when(parsers.parse("以企业「{company}」的税号和企业密码在企业业务入口登录"))
def by_enterprise_password(portal: PortalDriver, qd_users: dict[str, QdUser], company: str) -> None:
    """The old way in: the enterprise's 税号 and its 企业密码, no person. Typed where this page takes an account: a
    企业密码 field if the page still has one, else its 税号 (or, without one, 证件号码) and 密码 fields."""
    tax_id = next(user.enterprises[company] for user in qd_users.values() if company in user.enterprises)
    to_login_page(portal)
    choose_entry(portal, qd.ENTERPRISE)
    portal.click(qd.DOCUMENT_LOGIN)

    def type_in() -> None:
        portal.fill(qd.TAX_ID if portal.shows_field(qd.TAX_ID) else qd.NUMBER, tax_id)
        portal.fill(ENTERPRISE_PASSWORD if portal.shows_field(ENTERPRISE_PASSWORD) else qd.PASSWORD, f"Qy{tax_id[-6:]}")

    type_in()
    press_answering_captcha(portal, qd.LOG_IN, type_in)


@then("登录被拒绝，停留在登录页面，企业密码不能登录")
def enterprise_password_refused(portal: PortalDriver) -> None:
    expect(portal.is_refused() and normalise(portal.screen()) == normalise(qd.LOGIN_SCREEN),
           "企业业务入口不能以税号和企业密码登录：被拒绝，停留在登录页面",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
