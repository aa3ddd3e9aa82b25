"""Steps of passwords (FAQ 8, 10), 【账户中心】 (FAQ 5, 10, 13), real-name levels (FAQ 5) and failures (FAQ 14)."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from drivers.protocol import PortalDriver
from steps.common.expect import expect, normalise
from steps.common.refusals import names
from steps.common.sms import last_sms_code
from steps.qingdao import labels as qd
from steps.qingdao.actions import ENTRY, password_login, set_new_password, to_login_page
from steps.qingdao.app_actions import scan_level_code_in_app
from steps.qingdao.people import QdUser


def open_account_page(portal: PortalDriver, page: str) -> None:
    """【账户中心】 then one of its pages, from wherever the person is (back to where 【账户中心】 is)."""
    for _ in range(3):
        if portal.shows_control("账户中心"):
            break
        portal.click(qd.BACK)
    portal.click("账户中心")
    portal.click(page)


def not_refused(portal: PortalDriver, what: str) -> None:
    expect(not portal.is_refused(), what, lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@when(parsers.re(r"「(?P<who>[^」]+)」按提示重新设置新密码"))
def forced_change(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    set_new_password(portal, qd_users[who])
    portal.click(qd.CONFIRM)
    not_refused(portal, "新密码设置成功")


@then(parsers.re(r"系统要求「(?P<who>[^」]+)」修改密码"))
def asked_to_change(portal: PortalDriver, who: str) -> None:
    """FAQ 8/10: 登录后系统会要求…修改密码 / 弹出提示框 — after the login, on a page of its own or a dialog over the
    首页: the new password is asked, wherever."""
    expect(portal.shows_field(qd.NEW_PASSWORD), f"登录后系统要求「{who}」修改密码（提示重新设置新密码）",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then(parsers.re(r"「(?P<who>[^」]+)」需要重新登录"))
def must_log_in_again(portal: PortalDriver, who: str) -> None:
    """FAQ 8: 修改完成后用户需要重新登录 — the portal, opened again, shows its login page (he logs in again)."""
    portal.open_entry(qd.ETAX)
    expect(normalise(portal.screen()) == normalise(qd.LOGIN_SCREEN), f"修改完成后「{who}」需要重新登录",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@when(parsers.re(r"「(?P<who>[^」]+)」在登录页面通过【忘记密码】以(?P<how>短信验证|扫脸验证)设置新密码"))
def forgot_password(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, how: str) -> None:
    user = qd_users[who]
    to_login_page(portal)
    portal.click("忘记密码")
    portal.fill(qd.NUMBER, user.document_number)
    if how == "短信验证":
        portal.fill(qd.PHONE, user.phone)
        portal.click(qd.SEND_SMS)
        portal.fill(qd.SMS_CODE, last_sms_code(portal, user.phone, who))
        portal.click(qd.NEXT)
    else:
        portal.click(qd.FORGOT_FACE)
        portal.click(qd.CAPTURE)
    set_new_password(portal, user)
    portal.click(qd.CONFIRM)
    not_refused(portal, "新密码设置成功")


@when(parsers.re(r"「(?P<who>[^」]+)」在【账户中心】的【个人密码修改】中修改个人用户密码"))
def change_in_account_center(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    portal.click("账户中心")
    portal.click("个人密码修改")
    set_new_password(portal, qd_users[who], old=True)
    portal.click(qd.SAVE)
    not_refused(portal, "个人用户密码修改成功")


@when(parsers.re(r"「(?P<who>[^」]+)」在【账户中心】的【个人信息管理模块】中将用户名(?:添加|修改)为「(?P<name>[^」]+)」"))
def set_user_name(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, name: str) -> None:
    open_account_page(portal, "个人信息管理模块")
    portal.fill(qd.USER_NAME, name)
    portal.click(qd.SAVE)
    if not portal.is_refused():
        qd_users[who].user_name = name  # the name a later login by 用户名 types (qd-methods' step)


@then(parsers.re(r"用户名保存成功，页面显示「(?P<name>[^」]+)」"))
def user_name_saved(portal: PortalDriver, name: str) -> None:
    not_refused(portal, "用户名保存成功")
    expect(portal.shows_text(name), f"页面显示用户名「{name}」", "页面上没有")


@then(parsers.re(r"用户名修改被拒绝，用户名仍为「(?P<name>[^」]+)」"))
def user_name_refused(portal: PortalDriver, name: str) -> None:
    expect(portal.is_refused() and names(portal, "用户名一年可修改一次"), "用户名修改因一年只能修改一次被拒绝",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
    expect(portal.shows_text(name), f"用户名仍为「{name}」", "页面上没有")


@when(parsers.re(r"「(?P<who>[^」]+)」在【账户中心】-【个人实名等级】中查看实名等级"))
def open_level(portal: PortalDriver) -> None:
    portal.click("账户中心")
    portal.click("个人实名等级")


@when(parsers.re(r"「(?P<who>[^」]+)」用青岛税务APP（手机税税通）扫码完成扫脸认证"))
def app_scan(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    """FAQ 5: the scan and the face check happen in the simulated 青岛税务APP (steps.qingdao.app_actions.py); the page
    then shows the level again."""
    scan_level_code_in_app(portal, qd_users[who], who)
    portal.refresh()


@when(parsers.re(r"「(?P<who>[^」]+)」在首页办理关键业务"))
def key_business(portal: PortalDriver) -> None:
    portal.click(qd.KEY_BUSINESS)


@then("系统提示进行扫脸认证")
def asked_for_face(portal: PortalDriver) -> None:
    shown = portal.screen()
    expect(normalise(shown) == normalise(qd.FACE_SCREEN), "系统提示进行扫脸认证", f"页面「{shown}」")


@when(parsers.re(r"「(?P<who>[^」]+)」完成扫脸认证"))
def face_done(portal: PortalDriver) -> None:
    portal.click(qd.CAPTURE)


@then(parsers.re(r"「(?P<who>[^」]+)」可以办理该关键业务"))
def key_business_open(portal: PortalDriver, who: str) -> None:
    expect(normalise(portal.screen()) == normalise(qd.KEY_BUSINESS_SCREEN), f"「{who}」进入关键业务",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@when(parsers.re(rf"「(?P<who>[^」]+)」在{ENTRY}入口连续(?P<times>\d+)次以错误的密码登录"))
def wrong_passwords(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, entry: str, times: str) -> None:
    user = qd_users[who]
    for attempt in range(1, int(times) + 1):
        password_login(portal, user, entry, user.password + "9")
        expect((portal.is_locked() or (portal.is_refused() and names(portal, "密码")))
               and normalise(portal.screen()) == normalise(qd.LOGIN_SCREEN),
               f"第{attempt}次错误的密码被拒绝（提示指明密码），停留在登录页面",
               lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then(parsers.re(r"页面显示「(?P<who>[^」]+)」的用户名"))
def shows_user_name(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    name = qd_users[who].user_name
    expect(portal.shows_text(name), f"页面显示「{who}」的用户名「{name}」", "页面上没有")


@then(parsers.re(r"页面显示实名等级为「(?P<level>三级|四级)」"))
def shows_level(portal: PortalDriver, level: str) -> None:
    """FAQ 5: the level shown is this one and not the other (a 三级 page's own 「提升至四级」 does not show 四级)."""
    other = "三级" if level == "四级" else "四级"
    shown = portal.shows_text(level) and not portal.shows_text(other)
    expect(shown, f"页面显示实名等级为「{level}」",
           lambda: f"「{portal.screen()}」页面上{'有「' + other + '」' if portal.shows_text(other) else '没有'}")
