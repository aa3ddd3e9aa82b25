"""Steps of the account-password login (ITS §1.1): accounts, passwords, captcha, lock, 【忘记密码】."""

from __future__ import annotations

from dataclasses import replace

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect, expect_refused_on
from steps.common.labels import (
    BACK_TO_LOGIN,
    CONFIRM_PASSWORD,
    CONFIRM_RESET,
    LOG_OUT,
    LOGIN_SCREEN,
    NEW_PASSWORD,
    UNIT_SCREEN,
)
from steps.common.people_steps import attribute
from steps.common.refusals import absolve, blame, blamed
from steps.its.captcha import press_answering_captcha
from steps.its.reset_password import verify_identity

__all__ = ["LOGIN_SCREEN", "logs_in", "to_login_form"]


def to_login_form(portal: PortalDriver) -> None:
    """The login page's account form, from wherever the portal left the person (signing out when still in)."""
    if portal.screen() == LOGIN_SCREEN and portal.shows_field("账号"):
        return
    portal.open_login()
    for leave in (BACK_TO_LOGIN, LOG_OUT):
        if portal.shows_field("账号"):
            break
        if portal.shows_control(leave):
            portal.click(leave)
    expect(portal.shows_field("账号"),
           f"回到登录界面，页面要求输入「账号」（重新打开登录入口后仍在别的页面时，步骤按「{BACK_TO_LOGIN}」或「{LOG_OUT}」"
           "离开：门户可在 profile 中把该页面上自己的控件映射为这两个名称之一）", lambda: f"页面「{portal.screen()}」")


def _attempt(portal: PortalDriver, account: str, password: str, *, right: bool = False) -> None:
    """One login as a person would: account, password, the captcha when asked for it, 【登录】 (right: the right
    password, see press_answering_captcha)."""

    def again() -> None:  # the refused page may or may not keep the account typed
        if portal.shows_field("账号"):
            portal.fill("账号", account)
        portal.fill("密码", password)

    portal.fill("账号", account)
    portal.fill("密码", password)
    press_answering_captcha(portal, "登录", again, right=right)


@when(parsers.parse("以「{role}」的{kind}作为账号"))
def account_of(portal: PortalDriver, cast: dict[str, Identity], role: str, kind: str) -> None:
    portal.fill("账号", attribute(cast[role], kind))


@when(parsers.parse("输入「{role}」的密码"))
def password_of(portal: PortalDriver, cast: dict[str, Identity], wrong_factor: dict[str, str], role: str) -> None:
    portal.fill("密码", cast[role].password)
    absolve(wrong_factor, "密码")


@when(parsers.parse("输入「{role}」的错误密码"))
def wrong_password_of(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                      wrong_factor: dict[str, str], role: str) -> None:
    portal.fill("密码", identities.wrong_password(cast[role]))
    blame(wrong_factor, "密码")


@when("输入正确的验证码")
def right_captcha(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    portal.fill("验证码", portal.current_captcha())
    absolve(wrong_factor, "验证码")


@when("不输入验证码")
def no_captcha(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    portal.fill("验证码", "")
    blame(wrong_factor, "验证码")


@when("输入错误的验证码")
def wrong_captcha(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    blame(wrong_factor, "验证码")
    answer = portal.current_captcha()
    # Same length, every character different: a portal limiting the field's length still gets a wrong one.
    portal.fill("验证码", "".join("3" if ch.upper() == "2" else "2" for ch in answer))


@given(parsers.parse("「{role}」以{kind}和正确密码登录"))
@when(parsers.parse("「{role}」以{kind}和正确密码登录"))
def logs_in(portal: PortalDriver, cast: dict[str, Identity], role: str, kind: str) -> None:
    """From the login page (reached from wherever the person is: the guide fixes no screen after other flows)."""
    to_login_form(portal)
    _attempt(portal, attribute(cast[role], kind), cast[role].password, right=True)


@given(parsers.parse("「{role}」以{kind}连续{times:d}次输入错误密码登录"))
@when(parsers.parse("「{role}」以{kind}连续{times:d}次输入错误密码登录"))
def logs_in_wrongly(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                    role: str, kind: str, times: int) -> None:
    person = cast[role]
    to_login_form(portal)
    for _ in range(times):
        _attempt(portal, attribute(person, kind), identities.wrong_password(person))


@when(parsers.parse("「{role}」尝试以{kind}和正确密码实名登录"))
def tries_real_name_login(portal: PortalDriver, cast: dict[str, Identity], role: str, kind: str) -> None:
    """Before the launch date the login page may offer no real-name login at all: try it only where offered."""
    portal.open_login()
    if portal.shows_field("账号") and portal.shows_field("密码"):
        _attempt(portal, attribute(cast[role], kind), cast[role].password, right=True)


@when(parsers.parse("「{role}」通过【忘记密码】验证身份并设置新密码"))
def resets_password(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                    role: str) -> None:
    """§2.1(3): 进行身份验证 (whatever the portal asks, an SMS code included), 再进行密码重置."""
    person = cast[role]
    to_login_form(portal)
    portal.click("忘记密码")
    verify_identity(portal, person)
    expect(portal.shows_field(NEW_PASSWORD) and not portal.is_refused(), "身份验证通过，可以设置新密码",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
    new_password = identities.new_password(person)
    portal.fill(NEW_PASSWORD, new_password)
    if portal.shows_field(CONFIRM_PASSWORD):  # the guide names neither field; a confirmation is the portal's choice
        portal.fill(CONFIRM_PASSWORD, new_password)
    portal.click(CONFIRM_RESET)
    cast[role] = replace(person, password=new_password)


@then("登录被拒绝")
def login_refused(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    expect_refused_on(portal, LOGIN_SCREEN, "登录被拒绝，停留在登录页面", naming=blamed(wrong_factor))


@then("账号被锁定")
def account_locked(portal: PortalDriver) -> None:
    expect_refused_on(portal, LOGIN_SCREEN, "登录被拒绝：账号已锁定", locked=True)


@then("账号未被锁定")
def account_not_locked(portal: PortalDriver) -> None:
    expect(not portal.is_locked(), "账号未被锁定", lambda: f"提示「{portal.message()}」")


@then("未能实名登录")
def not_logged_in(portal: PortalDriver) -> None:
    screen = portal.screen()
    expect(screen != UNIT_SCREEN, "实名登录未成功：没有进行单位办税验证",
           lambda: f"页面「{screen}」，提示「{portal.message()}」")
