"""Steps of the Qingdao password methods (FAQ 11 密码登录, FAQ 9 two factors): who is registered, each method, and
what a person sees once in. Controls the guide does not name come from `methods_labels`."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.enterprises import EnterpriseData, EnterpriseFactory
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect
from steps.common.sms import last_sms_code
from steps.liaoning.seed_steps import person_in
from steps.qingdao import methods_labels as label

#: How a scenario names the business a person is in after the login, and the words a portal may show for it.
BUSINESS_WORDS = {"企业业务": ("企业业务",), "个人业务": ("个人业务", "自然人业务"),
                  "自然人业务": ("自然人业务", "个人业务")}


def seed_qingdao_user(portal: PortalDriver, person: Identity, enterprises: list[EnterpriseData]) -> None:
    """A registered Qingdao user (四级: registered with the face check), with a 用户名, handling these enterprises."""
    portal.hook("qingdao.seed_user", {
        "document_type": person.document_type.value, "document_number": person.document_number,
        "name": person.name, "phone": person.phone, "password": person.password, "user_name": person.login_name,
        "level": 4})
    for enterprise in enterprises:
        portal.hook("qingdao.enterprise_handler", {"tax_id": enterprise.tax_id, "name": enterprise.name,
                                                   "document_number": person.document_number})


@given(parsers.parse("「{who}」已在青岛市电子税务局注册，是企业「{company}」的办税人员"))
def registered_handler(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                       enterprise_factory: EnterpriseFactory, enterprises: dict[str, EnterpriseData], who: str,
                       company: str) -> None:
    enterprises.setdefault(company, enterprise_factory.enterprise())
    seed_qingdao_user(portal, person_in(cast, identities, who), [enterprises[company]])


@given(parsers.parse("「{who}」已在青岛市电子税务局注册"))
def registered(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory, who: str) -> None:
    seed_qingdao_user(portal, person_in(cast, identities, who), [])


@given("打开青岛市电子税务局登录页面")
@when("打开青岛市电子税务局登录页面")
def open_login_page(portal: PortalDriver) -> None:
    portal.open_entry(label.ETAX)


@given(parsers.parse("选择{entry}入口"))
@when(parsers.parse("选择{entry}入口"))
def choose_entry(portal: PortalDriver, entry: str) -> None:
    if entry not in (label.ENTERPRISE, label.SPECIAL, label.NATURAL):
        raise ValueError(f"入口只能是企业业务、特定主体或自然人业务，而不是「{entry}」")
    portal.click(entry)


@when(parsers.parse("「{who}」以用户名和密码登录"))
def by_user_name(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    portal.click(label.USER_NAME_LOGIN)
    portal.fill(label.USER_NAME, cast[who].login_name)
    portal.fill(label.PASSWORD, cast[who].password)
    portal.click(label.LOG_IN)


@when(parsers.parse("「{who}」以证件号码和密码登录"))
def by_document_number(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    portal.click(label.DOCUMENT_LOGIN)
    portal.fill(label.DOCUMENT_NUMBER, cast[who].document_number)
    portal.fill(label.PASSWORD, cast[who].password)
    portal.click(label.LOG_IN)


@when(parsers.re(r"「(?P<who>[^」]+)」以手机号码和(?P<wrong>错误的)?短信验证码登录"))
def by_mobile(portal: PortalDriver, cast: dict[str, Identity], who: str, wrong: str | None) -> None:
    """A portal that also asks the password on this method (FAQ 1: 必须输入用户名密码) gets it."""
    person = cast[who]
    portal.click(label.SMS_LOGIN)
    portal.fill(label.MOBILE, person.phone)
    if portal.shows_field(label.PASSWORD):
        portal.fill(label.PASSWORD, person.password)
    portal.click(label.SEND_SMS)
    code = last_sms_code(portal, person.phone, who)
    portal.fill(label.SMS_CODE, code if not wrong else f"{(int(code) + 1) % 10**len(code):0{len(code)}d}")
    portal.click(label.LOG_IN)


@when(parsers.parse("「{who}」通过短信验证"))
def pass_sms(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    """FAQ 9's second factor by SMS to the person's phone."""
    portal.click(label.SEND_SMS)
    portal.fill(label.SMS_CODE, last_sms_code(portal, cast[who].phone, who))
    portal.click(label.CONFIRM_SMS)


@when(parsers.parse("「{who}」按门户要求完成第二验证因子"))
def second_factor_if_asked(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    """After a method that may be two factors by itself (手机验证码): the face check, or SMS, if the portal asks."""
    if portal.shows_control(label.FACE_CHECK):
        portal.click(label.FACE_CHECK)
        portal.click(label.CAPTURE)
    elif portal.shows_field(label.SMS_CODE) and portal.shows_control(label.CONFIRM_SMS):
        pass_sms(portal, cast, who)


def shows_logged_in(portal: PortalDriver, person: Identity, business: str) -> bool:
    words = BUSINESS_WORDS.get(business, (business,))
    return portal.shows_text(person.name) and any(portal.shows_text(w) for w in words)


@then(parsers.parse("「{who}」已登录，办理{business}"))
def logged_in(portal: PortalDriver, cast: dict[str, Identity], who: str, business: str) -> None:
    portal.refresh()
    expect(shows_logged_in(portal, cast[who], business) and not portal.is_refused(),
           f"「{who}」（{cast[who].name}）已登录电子税务局，办理{business}",
           f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then(parsers.parse("「{who}」尚未登录，页面要求第二验证因子"))
def second_factor_asked(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    """FAQ 9: the first factor passed, nothing is logged in: the portal asks for 短信验证 or 刷脸验证."""
    asks = portal.shows_field(label.SMS_CODE) or portal.shows_control(label.FACE_CHECK)
    expect(asks and not portal.is_refused() and not shows_logged_in(portal, cast[who], label.ENTERPRISE),
           "账号密码通过后仍须通过第二验证因子（短信验证或刷脸验证），尚未登录",
           f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then("登录被拒绝，仍在登录页面")
def refused_on_login(portal: PortalDriver) -> None:
    expect(portal.is_refused() and portal.shows_control(label.LOG_IN), "登录被拒绝，仍在登录页面",
           f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then("登录页面提供用户名、手机验证码、证件号码、税务数字证书登录和扫码登录")
def offers_methods(portal: PortalDriver) -> None:
    methods = (label.USER_NAME_LOGIN, label.SMS_LOGIN, label.DOCUMENT_LOGIN, label.CERTIFICATE_LOGIN,
               label.SCAN_LOGIN)
    missing = [m for m in methods if not portal.shows_control(m)]
    expect(not missing, "登录页面提供密码登录（用户名、手机验证码、证件号码、税务数字证书）和扫码登录",
           f"页面上没有：{'、'.join(missing)}")


@given(parsers.re(r"企业「(?P<company>[^」]+)」的(?P<device>金税盘|税控盘|税务UKey)插在电脑上，由「(?P<who>[^」]+)」使用"))
def device_plugged(portal: PortalDriver, enterprises: dict[str, EnterpriseData], cast: dict[str, Identity],
                   company: str, device: str, who: str) -> None:
    """The simulated device (hooks): its certificate is the enterprise's; its 证书密码 the enterprise's password."""
    found = enterprises[company]
    portal.hook("qingdao.certificate.plug", {"device": device, "tax_id": found.tax_id, "enterprise_name": found.name,
                                             "holder": cast[who].document_number, "password": found.password})


@when(parsers.re(r"「(?P<who>[^」]+)」以(?P<wrong>错误的证书密码|税务数字证书)登录"))
def by_certificate(portal: PortalDriver, enterprises: dict[str, EnterpriseData], who: str, wrong: str) -> None:
    """The 证书密码 of the device plugged in (the first enterprise of the scenario's), or a wrong one."""
    right = next(iter(enterprises.values()))
    portal.click(label.CERTIFICATE_LOGIN)
    portal.fill(label.CERTIFICATE_PASSWORD, right.wrong_password() if wrong.startswith("错误") else right.password)
    portal.click(label.LOG_IN)
