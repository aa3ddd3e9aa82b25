"""The former logins (ITS 注意): 申报密码 login and 本市 CA login, valid only before 2020-01-01."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.clock import Clock
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Screen, View, refused
from simulator.domain.units import former_logins_valid
from simulator.its.declaration_password import DeclarationPasswords
from simulator.its.login_dates import CA_LOGIN, PASSWORD_LOGIN
from simulator.its.unit_pages import TAX_ID
from simulator.its.unit_sessions import enter_unit
from simulator.store.units import UnitStore

_ENDED = "自2020年1月1日起，扣缴客户端不再支持该登录方式，请使用【实名登录】"


class FormerLoginFlow(FlowBase):
    """申报密码 login (纳税人识别号 + 申报密码, no real-name login) and CA login, each from the login page."""

    def __init__(self, units: UnitStore, passwords: DeclarationPasswords, clock: Clock) -> None:
        self._units, self._passwords, self._clock = units, passwords, clock

    def screens(self) -> Iterable[str]:
        return (PASSWORD_LOGIN, CA_LOGIN)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        back: Action = lambda s, _: s.go(Screen.LOGIN)  # noqa: E731
        return {
            (Screen.LOGIN, PASSWORD_LOGIN): lambda s, _: s.go(PASSWORD_LOGIN),
            (Screen.LOGIN, CA_LOGIN): lambda s, _: s.go(CA_LOGIN),
            (PASSWORD_LOGIN, "登录"): self.password_login, (PASSWORD_LOGIN, "返回"): back,
            (CA_LOGIN, "登录"): self.ca_login, (CA_LOGIN, "返回"): back,
        }

    def render(self, session: PortalSession) -> View:
        fields: tuple[str, ...] = (TAX_ID,)
        if session.screen == PASSWORD_LOGIN:
            fields = (TAX_ID, "申报密码", "验证码") if session.captcha_required else (TAX_ID, "申报密码")
        return View(session.screen, fields=fields, controls=("登录", "返回"), message=session.message,
                    captcha_required=session.captcha_required, values=dict(session.values),
                    template="unit_verification",
                    extras={"intro": "请插入本市CA证书，输入单位纳税人识别号。" if session.screen == CA_LOGIN else
                            "请输入单位纳税人识别号和申报密码。"})

    def password_login(self, session: PortalSession, form: Form) -> None:
        tax_id = form.get(TAX_ID, "").strip().upper()
        unit = self._units.find(tax_id) if tax_id else None
        now = self._clock.now()
        if not former_logins_valid(now) and not deviations.on("ITS_FORMER_PASSWORD_LOGIN_IN_2020"):
            session.go(PASSWORD_LOGIN, refused(_ENDED), {TAX_ID: tax_id})
        elif unit is None:
            session.go(PASSWORD_LOGIN, refused("纳税人识别号或申报密码错误"), {TAX_ID: tax_id})
        elif unit.password_hash is None:
            session.go(PASSWORD_LOGIN, self._passwords.issue_temporary(unit), {TAX_ID: tax_id})
        else:
            problem = self._passwords.check(session, unit, form.get("申报密码", ""), form.get("验证码", ""), now)
            if problem is not None:
                session.go(PASSWORD_LOGIN, problem, {TAX_ID: tax_id})
            else:
                enter_unit(session, unit)

    def ca_login(self, session: PortalSession, form: Form) -> None:
        tax_id = form.get(TAX_ID, "").strip().upper()
        unit = self._units.find(tax_id) if tax_id else None
        now = self._clock.now()
        if not former_logins_valid(now) and not deviations.on("ITS_FORMER_CA_LOGIN_IN_2020"):
            session.go(CA_LOGIN, refused(_ENDED), {TAX_ID: tax_id})
        elif unit is None or not unit.ca_valid(now):
            session.go(CA_LOGIN, refused("未检测到该单位有效的本市CA证书"), {TAX_ID: tax_id})
        else:
            enter_unit(session, unit)
