"""Steps of the Qingdao password methods (FAQ 11 密码登录, FAQ 9 two factors) besides qd-core's 证件号码 login: the
用户名, the 手机验证码 and the 税务数字证书 (a simulated device), and the business a person is in once logged in.
Controls the guide does not name come from `login_method_labels`; the people are qd-core's (`qd_users`)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from steps.common.expect import expect, normalise
from steps.common.sms import last_sms_code
from steps.its.captcha import press_answering_captcha
from steps.qingdao import labels as qd
from steps.qingdao import login_method_labels as label
from steps.qingdao.actions import choose_enterprise_if_asked, fill_tax_id_if_asked, pass_sms
from steps.qingdao.people import QdUser, tax_id_of

#: How a scenario names the business a person is in after the login, and the words a portal may show for it.
BUSINESS_WORDS = {"企业业务": ("企业业务",), "个人业务": ("个人业务", "自然人业务")}
#: The 证书密码 of the scenario's simulated device (the guide gives none; any portal takes what the hooks set).
CERTIFICATE_PASSWORD = "88888888"


@given(parsers.parse("「{who}」设置了用户名"))
def has_user_name(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    """FAQ 13: 用户名 set (at registration or in 【个人信息管理模块】): the existing user seeded again with one."""
    user = qd_users[who]
    portal.hook("qingdao.seed_user", {
        "document_type": user.document_type, "document_number": user.document_number, "name": user.name,
        "phone": user.phone, "password": user.password, "level": 4, "user_name": user.user_name})


@dataclass
class FactorsSeen:
    """What a 手机验证码 login asked besides the code: a password on its page, a second factor after it."""

    password: bool = False
    second_factor: bool = False


@pytest.fixture
def qd_factors() -> FactorsSeen:
    return FactorsSeen()


@when(parsers.parse("「{who}」以用户名和密码登录"))
def by_user_name(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    user = qd_users[who]
    portal.click(label.USER_NAME_LOGIN)

    def type_in() -> None:
        fill_tax_id_if_asked(portal, user)
        portal.fill(label.USER_NAME, user.user_name)
        portal.fill(label.PASSWORD, user.password)

    type_in()
    press_answering_captcha(portal, label.LOG_IN, type_in, right=True)


@when(parsers.re(r"「(?P<who>[^」]+)」以手机号码和(?P<wrong>错误的)?短信验证码登录"))
def by_mobile(portal: PortalDriver, qd_users: dict[str, QdUser], qd_factors: FactorsSeen, who: str,
              wrong: str | None) -> None:
    """The code is requested first (a portal whose 【获取验证码】 reloads the page clears what was typed), then every
    field the page asks is filled: the mobile again, the password where the page asks one (FAQ 1: 必须输入用户名密码),
    the 税号 where a 企业业务 page asks it, the code, a captcha when shown."""
    user = qd_users[who]
    portal.click(label.SMS_LOGIN)
    portal.fill(label.MOBILE, user.phone)
    portal.click(label.SEND_SMS)
    code = last_sms_code(portal, user.phone, who)

    def type_in() -> None:
        portal.fill(label.MOBILE, user.phone)
        fill_tax_id_if_asked(portal, user)
        if portal.shows_field(label.PASSWORD):
            qd_factors.password = True
            portal.fill(label.PASSWORD, user.password)
        portal.fill(label.SMS_CODE, code if not wrong else f"{(int(code) + 1) % 10**len(code):0{len(code)}d}")

    type_in()
    press_answering_captcha(portal, label.LOG_IN, type_in, right=not wrong)


@when(parsers.parse("「{who}」按门户要求完成第二验证因子"))
def second_factor_if_asked(portal: PortalDriver, qd_users: dict[str, QdUser], qd_factors: FactorsSeen,
                           who: str) -> None:
    """After a method that may be two factors by itself (手机验证码 with a password): the face check, or SMS, if the
    portal asks one; then the enterprise where a portal has the person pick it."""
    if portal.shows_control(label.FACE_CHECK):
        qd_factors.second_factor = True
        portal.click(label.FACE_CHECK)
        portal.click(label.CAPTURE)
    elif portal.shows_field(label.SMS_CODE) and portal.shows_control(label.CONFIRM_SMS):
        qd_factors.second_factor = True
        pass_sms(portal, qd_users[who])
    choose_enterprise_if_asked(portal, qd_users[who])


@then("手机验证码之外，门户还要求了密码或第二验证因子（双因子）")
def two_factors(qd_factors: FactorsSeen) -> None:
    """FAQ 1/9: 密码加短信或密码加扫脸双因子验证 — the code alone never logs in: a password with it, or a second factor
    after it (which, the FAQ does not say for this method)."""
    expect(qd_factors.password or qd_factors.second_factor, "手机验证码登录要求密码或第二验证因子",
           "门户只凭手机号码和短信验证码即登录")


@then(parsers.re(r"「(?P<who>[^」]+)」已登录进电子税务局，办理(?P<business>企业业务|个人业务)"))
def in_business(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, business: str) -> None:
    """FAQ 11 注意: the business the web session is in (a portal may call 个人业务 自然人业务, its entry's name)."""
    portal.refresh()
    choose_enterprise_if_asked(portal, qd_users[who])
    name, words = qd_users[who].name, BUSINESS_WORDS[business]
    expect(normalise(portal.screen()) == normalise(qd.HOME_SCREEN) and portal.shows_text(name)
           and any(portal.shows_text(w) for w in words),
           f"「{who}」（{name}）登录进电子税务局，办理{business}",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then("登录页面提供用户名、手机验证码、证件号码、税务数字证书登录和扫码登录")
def offers_methods(portal: PortalDriver) -> None:
    methods = (label.USER_NAME_LOGIN, label.SMS_LOGIN, label.DOCUMENT_LOGIN, label.CERTIFICATE_LOGIN,
               label.SCAN_LOGIN)
    missing = [m for m in methods if not portal.shows_control(m)]
    expect(not missing, "登录页面提供密码登录（用户名、手机验证码、证件号码、税务数字证书）和扫码登录",
           lambda: f"页面上没有：{'、'.join(missing)}")


@given(parsers.re(r"企业「(?P<company>[^」]+)」的(?P<device>金税盘|税控盘|税务UKey)插在电脑上，由「(?P<who>[^」]+)」使用"))
def device_plugged(portal: PortalDriver, qd_users: dict[str, QdUser], company: str, device: str, who: str) -> None:
    """The simulated device (hooks): the enterprise's certificate, used by this person."""
    user = qd_users[who]
    portal.hook("qingdao.certificate.plug", {
        "device": device, "tax_id": tax_id_of(user, company),
        "enterprise_name": company, "holder": user.document_number, "password": CERTIFICATE_PASSWORD})


@when(parsers.re(r"「(?P<who>[^」]+)」以(?P<how>错误的证书密码|税务数字证书)登录"))
def by_certificate(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, how: str) -> None:
    wrong = how.startswith("错误")
    portal.click(label.CERTIFICATE_LOGIN)

    def type_in() -> None:
        portal.fill(label.CERTIFICATE_PASSWORD, CERTIFICATE_PASSWORD[::-1] + "1" if wrong else CERTIFICATE_PASSWORD)

    type_in()
    press_answering_captcha(portal, label.LOG_IN, type_in, right=not wrong)
