"""What the Qingdao steps do again and again: reach the login page, log in by 证件号码 and password, pass the SMS.

Where the FAQ is silent a portal may ask more than the suite's default: a 税号 on the 企业业务 login (filled with the
person's enterprise), a captcha (answered when shown, never required), a screen picking the enterprise after the
login (the person's enterprise picked). Each is handled when the page shows it and never asserted."""

from __future__ import annotations

from drivers.protocol import PortalDriver
from steps.common.expect import expect, normalise
from steps.common.sms import last_sms_code
from steps.its.captcha import press_answering_captcha
from steps.qingdao import labels as qd
from steps.qingdao.people import QdUser

ENTRY = r"(?P<entry>企业业务|自然人业务|代理业务|特定主体)"
WHICH = r"(?P<which>个人用户密码|初始密码|新密码|原来的密码|错误的密码|证件号码后六位以外的六位数字)"


def to_login_page(portal: PortalDriver) -> None:
    """Open the portal and come back to its login page (log out, or go back, as the page offers)."""
    portal.open_entry(qd.ETAX)
    for _ in range(5):
        if normalise(portal.screen()) == normalise(qd.LOGIN_SCREEN):
            return
        portal.click(qd.LOG_OUT if portal.shows_control(qd.LOG_OUT) else qd.BACK)
    expect(False, "回到登录页面", lambda: portal.screen())


def choose_entry(portal: PortalDriver, entry: str) -> None:
    if entry == qd.SPECIAL:  # FAQ 12: 企业业务下的特定主体入口
        portal.click(qd.ENTERPRISE)
    portal.click(entry)


def fill_tax_id_if_asked(portal: PortalDriver, user: QdUser) -> None:
    """A 企业业务 login page that asks the enterprise's 税号 besides the person gets the person's enterprise's."""
    if user.enterprises and portal.shows_field(qd.TAX_ID):
        portal.fill(qd.TAX_ID, next(iter(user.enterprises.values())))


def password_for(user: QdUser, which: str) -> str:
    if which == "初始密码":
        return user.initial_password
    if which == "原来的密码":
        return user.passwords["原来的密码"]
    if which == "错误的密码":
        return user.password + "9"
    if which == "证件号码后六位以外的六位数字":
        return "".join(str((int(c) + 1) % 10) if c.isdigit() else "1" for c in user.initial_password)
    return user.password  # 个人用户密码 / 新密码: the one the person uses now


def password_login(portal: PortalDriver, user: QdUser, entry: str, password: str, *, right: bool = False) -> None:
    """The first factor: an entry, 证件号码登录, the document number and the password, 【登录】 (a captcha answered
    when the page shows one; right: the password is the person's, so a portal asking the captcha only on submitting
    it gets it once more — a wrong password is never sent twice)."""
    to_login_page(portal)
    choose_entry(portal, entry)
    portal.click(qd.DOCUMENT_LOGIN)

    def type_in() -> None:
        fill_tax_id_if_asked(portal, user)
        portal.fill(qd.NUMBER, user.document_number)
        portal.fill(qd.PASSWORD, password)

    type_in()
    press_answering_captcha(portal, qd.LOG_IN, type_in, right=right)


def choose_enterprise_if_asked(portal: PortalDriver, user: QdUser) -> None:
    """A portal that has the person pick the enterprise after a 企业业务 login: the person's enterprise."""
    if user.enterprises and normalise(portal.screen()) == normalise(qd.ENTERPRISE_SELECTION_SCREEN):
        portal.fill(qd.TAXPAYER, next(iter(user.enterprises)))
        portal.click(qd.CONFIRM)


def pass_sms(portal: PortalDriver, user: QdUser) -> None:
    portal.click(qd.SEND_SMS)
    portal.fill(qd.SMS_CODE, last_sms_code(portal, user.phone, user.name))
    portal.click(qd.CONFIRM)
    choose_enterprise_if_asked(portal, user)


def new_password(user: QdUser) -> str:
    """A password no rule of a reasonable portal refuses (upper, lower, digits, a special; 10 characters), new each
    time, and never the person's document number or its last six characters."""
    user.passwords["原来的密码"] = user.password
    user.passwords[f"第{len(user.passwords)}次"] = user.password
    return f"Qd#{len(user.passwords)}x{user.phone[-4:]}a"


def set_new_password(portal: PortalDriver, user: QdUser, *, old: bool = False) -> None:
    password = new_password(user)
    if old:
        portal.fill(qd.OLD_PASSWORD, user.password)
    portal.fill(qd.NEW_PASSWORD, password)
    portal.fill(qd.CONFIRM_PASSWORD, password)
    user.password = password


def on_home(portal: PortalDriver) -> bool:
    return normalise(portal.screen()) == normalise(qd.HOME_SCREEN)


def log_in(portal: PortalDriver, user: QdUser, entry: str = qd.NATURAL) -> None:
    """Both factors with the password the person uses now (the SMS as the second). A person still on the initial
    password (registered where the portal sets none) changes it when asked (FAQ 8) and logs in again."""
    password_login(portal, user, entry, user.password, right=True)
    pass_sms(portal, user)
    if user.password == user.initial_password and portal.shows_field(qd.NEW_PASSWORD):
        set_new_password(portal, user)
        portal.click(qd.CONFIRM)
        password_login(portal, user, entry, user.password, right=True)
        pass_sms(portal, user)
    expect(on_home(portal), f"「{user.name}」登录进电子税务局",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


def not_logged_in(portal: PortalDriver, who: str) -> None:
    """Proven, not inferred from "not the 首页": the login page is shown, or the second factor is still asked."""
    screen = normalise(portal.screen())
    asked = any(portal.shows_control(c) for c in (qd.SEND_SMS, qd.FACE_CHECK, qd.CAPTURE))
    expect(screen != normalise(qd.HOME_SCREEN) and (screen == normalise(qd.LOGIN_SCREEN) or asked),
           f"「{who}」没有登录进电子税务局：仍在登录页面，或仍要求第二验证因子",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
