"""Steps of the 申报密码 lock under concurrency (ITS §1.3.1): many wrong 申报密码 at once against one unit.

Each visitor is a new person at the portal (its own session; in a browser its own context) who signs in as the
unit's handler and reaches 单位办税验证 with a wrong 申报密码 typed; then all submit at the same moment, answering the
captcha when the portal asks for one (密码输入错误后还需输入验证码进行验证), as a person would.
"""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from fixtures.units import UnitData
from steps.common.expect import expect
from steps.common.labels import NEXT, SUBMIT, UNIT_SCREEN
from steps.its.captcha import press_answering_captcha
from steps.its.concurrent_lock_steps import MAX_PASSWORD_FAILURES, evidence, right_password
from steps.its.login_steps import to_login_form
from steps.its.unit_steps import PASSWORD, TAX_ID, _in_business


def _to_password(portal: PortalDriver, person: Identity, unit: UnitData, password: str) -> None:
    """Signed in as the handler (when not yet), the unit's 纳税人识别号 where asked, the 申报密码 typed."""
    if portal.screen() != UNIT_SCREEN:
        right_password(portal, person, "登录名")
    if portal.shows_field(TAX_ID):
        portal.fill(TAX_ID, unit.tax_id)
        if not portal.shows_field(PASSWORD):
            portal.click(NEXT)
    portal.fill(PASSWORD, password)


def _submit(portal: PortalDriver, password: str, *, right: bool) -> str:
    """Submit, answering the captcha when shown (steps.its.captcha): a right 申报密码 is typed and submitted again
    when the portal newly asks for a captcha; a wrong one is never sent twice (one counted attempt)."""
    press_answering_captcha(portal, SUBMIT, lambda: portal.fill(PASSWORD, password), right=right)
    return f"{portal.screen()}：{portal.message() or '（无提示）'}{'〔锁定〕' if portal.is_locked() else ''}"


@when(parsers.parse("{visitors:d}个访客同时以「{role}」的身份输入「{unit}」的错误申报密码并提交"))
def at_once_wrongly(portal: PortalDriver, cast: dict[str, Identity], unit_cast: dict[str, UnitData],
                    seen_at_once: list[str], visitors: int, role: str, unit: str) -> None:
    person, data = cast[role], unit_cast[unit]
    wrong = data.wrong_password()

    def prepare(visitor: PortalDriver) -> None:
        to_login_form(visitor)
        _to_password(visitor, person, data, wrong)

    seen_at_once[:] = portal.at_once(visitors, prepare, lambda visitor: _submit(visitor, wrong, right=False))


@then(parsers.parse("「{role}」输入「{unit}」的申报密码被拒绝：申报密码已锁定"))
def right_refused(portal: PortalDriver, cast: dict[str, Identity], unit_cast: dict[str, UnitData],
                  seen_at_once: list[str], role: str, unit: str) -> None:
    data = unit_cast[unit]
    _to_password(portal, cast[role], data, data.declaration_password or "")
    _submit(portal, data.declaration_password or "", right=True)
    expect(portal.screen() == UNIT_SCREEN and portal.is_locked(),
           f"第{MAX_PASSWORD_FAILURES}次错误申报密码（含同时输入的）即锁定：正确申报密码也被拒绝，提示锁定",
           lambda: evidence(portal, seen_at_once))


@then(parsers.parse("「{role}」输入「{unit}」的申报密码进入「{unit2}」的办税业务"))
def right_accepted(portal: PortalDriver, cast: dict[str, Identity], unit_cast: dict[str, UnitData],
                   seen_at_once: list[str], role: str, unit: str, unit2: str) -> None:
    data = unit_cast[unit]
    _to_password(portal, cast[role], data, data.declaration_password or "")
    _submit(portal, data.declaration_password or "", right=True)
    expect(_in_business(portal, data.name),
           f"错误申报密码不足{MAX_PASSWORD_FAILURES}次或锁定已过：正确申报密码进入「{data.name}」的办税业务",
           lambda: evidence(portal, seen_at_once))
