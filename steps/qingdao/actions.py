"""What the Qingdao steps do again and again: reach the login page, log in by 证件号码 and password, pass the SMS."""

from __future__ import annotations

from drivers.protocol import PortalDriver
from steps.common.expect import expect, normalise
from steps.common.sms import last_sms_code
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


def password_login(portal: PortalDriver, user: QdUser, entry: str, password: str) -> None:
    """The first factor: an entry, 证件号码登录, the document number and the password, 【登录】."""
    to_login_page(portal)
    choose_entry(portal, entry)
    portal.click(qd.DOCUMENT_LOGIN)
    portal.fill(qd.NUMBER, user.document_number)
    portal.fill(qd.PASSWORD, password)
    portal.click(qd.LOG_IN)


def pass_sms(portal: PortalDriver, user: QdUser) -> None:
    portal.click(qd.SEND_SMS)
    portal.fill(qd.SMS_CODE, last_sms_code(portal, user.phone, user.name))
    portal.click(qd.CONFIRM)


def log_in(portal: PortalDriver, user: QdUser, entry: str = qd.NATURAL) -> None:
    """Both factors with the password the person uses now (the SMS as the second)."""
    password_login(portal, user, entry, user.password)
    pass_sms(portal, user)
    expect(normalise(portal.screen()) == normalise(qd.HOME_SCREEN), f"「{user.name}」登录进电子税务局",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
