"""Steps of the lock rules under concurrency (ITS §1.1): many wrong passwords at once against one account.

Each visitor is a new person at the portal (its own session; in a browser its own context), prepared on the login
page with the account and a wrong password typed, then all press 【登录】 at the same moment. A visitor answers the
captcha when the portal shows one (§1.1 密码输入错误的还需输入验证码), as a person would; a wrong password is never
sent twice (a portal that asks for the captcha only after it has the refusal counts each press).
What each saw is kept for the evidence of a later failure.
"""

from __future__ import annotations

import pytest
from pytest_bdd import parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect
from steps.common.labels import LOGIN_SCREEN, UNIT_SCREEN
from steps.common.people_steps import attribute
from steps.its.captcha import press_answering_captcha
from steps.its.login_steps import to_login_form

#: ITS §1.1: 密码错误超过5次（含）后会被锁定.
MAX_PASSWORD_FAILURES = 5

CAPTCHA = "验证码"


@pytest.fixture
def seen_at_once() -> list[str]:
    """What each visitor of the last 「同时」 step saw (page, message), for a failure's evidence."""
    return []


def _press_login(portal: PortalDriver, password: str, *, right: bool) -> str:
    """【登录】, answering the captcha when the page shows one (steps.its.captcha): a right password is typed and
    pressed again when the portal newly asks for a captcha; a wrong one is never sent twice (one counted attempt)."""
    press_answering_captcha(portal, "登录", lambda: portal.fill("密码", password), right=right)
    return f"{portal.screen()}：{portal.message() or '（无提示）'}{'〔锁定〕' if portal.is_locked() else ''}"


@when(parsers.parse("{visitors:d}个访客同时以「{role}」的{kind}和错误密码登录"))
def at_once_wrongly(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                    seen_at_once: list[str], visitors: int, role: str, kind: str) -> None:
    person = cast[role]
    account, wrong = attribute(person, kind), identities.wrong_password(person)

    def prepare(visitor: PortalDriver) -> None:
        to_login_form(visitor)
        visitor.fill("账号", account)
        visitor.fill("密码", wrong)

    seen_at_once[:] = portal.at_once(visitors, prepare, lambda visitor: _press_login(visitor, wrong, right=False))


def right_password(portal: PortalDriver, person: Identity, kind: str) -> None:
    """The person, on the login page, types the account and the right password (and a captcha when asked)."""
    to_login_form(portal)
    portal.fill("账号", attribute(person, kind))
    portal.fill("密码", person.password)
    _press_login(portal, person.password, right=True)


def evidence(portal: PortalDriver, seen: list[str]) -> str:
    lines = "\n".join(f"  访客{i + 1}：{line}" for i, line in enumerate(seen))
    return f"页面「{portal.screen()}」，提示「{portal.message()}」；同时登录的各访客看到：\n{lines}"


@then(parsers.parse("「{role}」以{kind}和正确密码登录被拒绝：账号已锁定"))
def right_password_refused(portal: PortalDriver, cast: dict[str, Identity], seen_at_once: list[str], role: str,
                           kind: str) -> None:
    """Nothing is accepted while locked, not even the right password (from the main visitor's page)."""
    right_password(portal, cast[role], kind)
    expect(portal.screen() == LOGIN_SCREEN and portal.is_locked(),
           f"第{MAX_PASSWORD_FAILURES}次错误密码（含同时输入的）即锁定账号：正确密码也被拒绝，提示锁定",
           lambda: evidence(portal, seen_at_once))


@then(parsers.parse("「{role}」以{kind}和正确密码登录进入「单位办税验证」"))
def right_password_accepted(portal: PortalDriver, cast: dict[str, Identity], seen_at_once: list[str], role: str,
                            kind: str) -> None:
    """Not locked: fewer wrong passwords than the guide's number were checked (none counted twice)."""
    right_password(portal, cast[role], kind)
    expect(portal.screen() == UNIT_SCREEN,
           f"错误密码不足{MAX_PASSWORD_FAILURES}次，账号未锁定：正确密码进入「单位办税验证」",
           lambda: evidence(portal, seen_at_once))
