"""Steps of the account-password login (ITS §1.1): accounts, passwords, captcha, lock, 【忘记密码】."""

from __future__ import annotations

from dataclasses import replace

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity, IdentityFactory
from steps.expect import expect, expect_refused_on
from steps.people_steps import attribute

LOGIN_SCREEN = "实名登录"


def _attempt(portal: PortalDriver, account: str, password: str) -> None:
    """One login as a person would: account, password, the captcha when asked for it, 【登录】."""
    portal.fill("账号", account)
    portal.fill("密码", password)
    if portal.shows_field("验证码"):
        portal.fill("验证码", portal.current_captcha())
    portal.click("登录")


@when(parsers.parse("以「{role}」的{kind}作为账号"))
def account_of(portal: PortalDriver, cast: dict[str, Identity], role: str, kind: str) -> None:
    portal.fill("账号", attribute(cast[role], kind))


@when(parsers.parse("输入「{role}」的密码"))
def password_of(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    portal.fill("密码", cast[role].password)


@when(parsers.parse("输入「{role}」的错误密码"))
def wrong_password_of(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                      role: str) -> None:
    portal.fill("密码", identities.wrong_password(cast[role]))


@when("输入正确的验证码")
def right_captcha(portal: PortalDriver) -> None:
    portal.fill("验证码", portal.current_captcha())


@when("不输入验证码")
def no_captcha(portal: PortalDriver) -> None:
    portal.fill("验证码", "")


@when("输入错误的验证码")
def wrong_captcha(portal: PortalDriver) -> None:
    answer = portal.current_captcha()
    # Same length, every character different: a portal limiting the field's length still gets a wrong one.
    portal.fill("验证码", "".join("3" if ch.upper() == "2" else "2" for ch in answer))


@given(parsers.parse("「{role}」以{kind}和正确密码登录"))
@when(parsers.parse("「{role}」以{kind}和正确密码登录"))
def logs_in(portal: PortalDriver, cast: dict[str, Identity], role: str, kind: str) -> None:
    _attempt(portal, attribute(cast[role], kind), cast[role].password)


@given(parsers.parse("「{role}」以{kind}连续{times:d}次输入错误密码登录"))
@when(parsers.parse("「{role}」以{kind}连续{times:d}次输入错误密码登录"))
def logs_in_wrongly(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                    role: str, kind: str, times: int) -> None:
    person = cast[role]
    for _ in range(times):
        _attempt(portal, attribute(person, kind), identities.wrong_password(person))


@when(parsers.parse("「{role}」通过【忘记密码】验证身份并设置新密码"))
def resets_password(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                    role: str) -> None:
    person = cast[role]
    portal.click("忘记密码")
    for field in ("姓名", "证件类型", "证件号码", "手机号码"):
        portal.fill(field, attribute(person, field))
    portal.click("下一步")
    new_password = identities.new_password(person)
    portal.fill("新密码", new_password)
    portal.fill("确认密码", new_password)
    portal.click("确定")
    cast[role] = replace(person, password=new_password)


@then("登录被拒绝")
def login_refused(portal: PortalDriver) -> None:
    expect_refused_on(portal, LOGIN_SCREEN, "登录被拒绝，停留在登录页面")


@then("账号被锁定")
def account_locked(portal: PortalDriver) -> None:
    expect_refused_on(portal, LOGIN_SCREEN, "登录被拒绝：账号已锁定", locked=True)


@then("账号未被锁定")
def account_not_locked(portal: PortalDriver) -> None:
    expect(not portal.is_locked(), "账号未被锁定", f"提示「{portal.message()}」")
