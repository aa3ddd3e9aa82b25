"""单位办税验证 (ITS §1.3, 前言): after the real-name login, the handler verifies the unit it acts for."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from simulator import deviations
from simulator.clock import Clock
from simulator.common.flow import Action, FlowBase, Form, Hook
from simulator.common.sessions import PortalSession
from simulator.common.views import Screen, View, refused
from simulator.domain.units import Unit, UnitHandler, authorization_in_force, former_logins_valid
from simulator.its import unit_pages
from simulator.its.declaration_password import DeclarationPasswords
from simulator.its.login import back_to_login
from simulator.its.unit_hooks import ca_credential, unit_hooks
from simulator.its.unit_pages import CA_PIN_FIELD, FORGOT, HOME, TAX_ID, UNIT_FIELD
from simulator.its.unit_sessions import KEY as _KEY
from simulator.its.unit_sessions import enter_unit
from simulator.store.sqlite import SqliteStore
from simulator.store.units import UnitStore
from simulator.variant import Variant
from vocabulary.roles import Role


class UnitVerificationFlow(FlowBase):
    """One unit: its 申报密码 at once; several: choose one (【进入】); none known yet: 纳税人识别号 + 申报密码."""

    def __init__(self, store: SqliteStore, units: UnitStore, passwords: DeclarationPasswords, clock: Clock,
                 variant: Variant | None = None) -> None:
        self._store, self._units, self._passwords, self._clock = store, units, passwords, clock
        variant = variant or Variant.default()
        #: 前言 first 实名办税: 纳税人识别号 and 申报密码 on one screen, or (the variant) one after the other.
        self._two_screens = variant.unit_id_then_password
        #: ITS-R02: CA 校验 of a unit still offered after 2020-01-01, or withdrawn with the CA login (注意).
        self._ca_withdrawn = variant.reads("ITS-R02", "ca-withdrawn")
        self._tables = variant.choice_tables

    def screens(self) -> Iterable[str]:
        return (Screen.UNIT_VERIFICATION, HOME, FORGOT)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        uv = Screen.UNIT_VERIFICATION
        return {
            (uv, "进入"): self.enter_selected, (uv, "提交"): self.submit, (uv, "CA校验"): self.verify_by_ca,
            (uv, "下一步"): self.identify_unit,
            (uv, "忘记申报密码"): lambda s, _: s.go(FORGOT), (uv, "返回"): self.back_to_list,
            (uv, "退出"): back_to_login, (HOME, "退出"): back_to_login,
            (FORGOT, "返回"): lambda s, _: s.go(Screen.UNIT_VERIFICATION),
        }

    def hooks(self) -> Mapping[str, Hook]:
        return unit_hooks(self._store, self._units, self._passwords)

    def reset_state(self) -> None:
        self._passwords.forget()

    def render(self, session: PortalSession) -> View:
        if session.screen == Screen.UNIT_VERIFICATION and self._state(session).get("for") != session.account_document:
            self._arrive(session)
        if session.screen == HOME:
            return unit_pages.home(session, self._units.find(self._state(session).get("home") or ""))
        if session.screen == FORGOT:
            return unit_pages.forgot(session)
        linked = self._linked(session)
        selected = self._selected(session)
        if selected is None:
            if not linked and self._two_screens:
                return unit_pages.tax_id_only(session)
            return unit_pages.choose(session, [unit for unit, _ in linked], radio=self._tables)
        first = self._state(session).get("first", False)
        return unit_pages.password(session, selected, several=len(linked) > 1 or first,
                                   ca=self._ca_offered(selected) and not first)

    # Actions.
    def enter_selected(self, session: PortalSession, form: Form) -> None:
        """ITS §1.3.2: 选中该单位点击【进入】 (the browser's double-click posts the same)."""
        name = form.get(UNIT_FIELD, "").strip()
        for unit, handler in self._linked(session):
            if name in (unit.name, unit.tax_id):  # a radio row may post either
                self._choose(session, unit, handler)
                return
        session.go(Screen.UNIT_VERIFICATION, refused("请选择办税单位"))

    def identify_unit(self, session: PortalSession, form: Form) -> None:
        """The variant's first screen of a first 实名办税: the 纳税人识别号 alone, then its 申报密码."""
        typed_id = form.get(TAX_ID, "").strip().upper()
        unit = self._units.find(typed_id) if typed_id else None
        if unit is None:
            session.go(Screen.UNIT_VERIFICATION, refused("未找到该纳税人识别号对应的扣缴单位"), {TAX_ID: typed_id})
            return
        self._state(session).update(selected=unit.tax_id, first=True)
        if unit.password_hash is None:
            session.go(Screen.UNIT_VERIFICATION, self._passwords.issue_temporary(unit))
            return
        session.go(Screen.UNIT_VERIFICATION)

    def submit(self, session: PortalSession, form: Form) -> None:
        unit = self._selected(session)
        typed_id = form.get(TAX_ID, "").strip().upper()
        if unit is None:  # 前言: first real-name 办税 — 纳税人识别号 and 申报密码
            unit = self._units.find(typed_id) if typed_id else None
            if unit is None:
                session.go(Screen.UNIT_VERIFICATION, refused("未找到该纳税人识别号对应的扣缴单位"), {TAX_ID: typed_id})
                return
            if unit.password_hash is None:
                session.go(Screen.UNIT_VERIFICATION, self._passwords.issue_temporary(unit), {TAX_ID: typed_id})
                return
        problem = self._passwords.check(session, unit, form.get("申报密码", ""), form.get("验证码", ""),
                                        self._clock.now())
        if problem is not None:
            session.go(Screen.UNIT_VERIFICATION, problem, {TAX_ID: typed_id} if typed_id else None)
            return
        if not any(linked.tax_id == unit.tax_id for linked in self._handlers(session)):
            self._units.link(UnitHandler(session.account_document or "", unit.tax_id, Role.HANDLER))
        enter_unit(session, unit)

    def verify_by_ca(self, session: PortalSession, form: Form) -> None:
        """§1.3.1/§1.3.2: 本市单位也可通过CA进行校验 while the certificate is valid (a typed PIN must be right)."""
        unit = self._selected(session)
        if unit is None or not self._ca_offered(unit) or self._state(session).get("first", False):
            session.go(Screen.UNIT_VERIFICATION, refused("该单位无有效的CA证书，请输入申报密码"))
            return
        pin = form.get(CA_PIN_FIELD, "").strip()
        if pin and pin != ca_credential(unit.tax_id)["pin"]:  # not typed: the simulated key presents itself
            session.go(Screen.UNIT_VERIFICATION, refused("证书密码错误"))
            return
        enter_unit(session, unit)

    def back_to_list(self, session: PortalSession, _: Form) -> None:
        self._state(session).update(selected=None, first=False)
        session.go(Screen.UNIT_VERIFICATION)

    # Helpers.
    def _ca_offered(self, unit: Unit) -> bool:
        now = self._clock.now()
        return (unit.ca_valid(now) or (deviations.on("ITS_CA_NOT_LOCAL") and unit.has_ca)) \
            and (former_logins_valid(now) or not self._ca_withdrawn)

    def _state(self, session: PortalSession) -> dict[str, Any]:
        state: dict[str, Any] = session.state.setdefault(_KEY, {})
        return state

    def _arrive(self, session: PortalSession) -> None:
        """The hand-over from a real-name login: one unit is chosen at once."""
        session.state[_KEY] = {"for": session.account_document, "selected": None, "home": None}
        linked = self._linked(session)
        if len(linked) == 1:
            self._choose(session, *linked[0])

    def _choose(self, session: PortalSession, unit: Unit, handler: UnitHandler) -> None:
        self._state(session)["selected"] = unit.tax_id
        if (handler.authorized and authorization_in_force(self._clock.now())
                and not deviations.on("ITS_AUTHORIZATION_IGNORED")) or deviations.on("ITS_NO_DECLARATION_PASSWORD"):
            enter_unit(session, unit)  # 前言: 有办税授权关系的 needs no 申报密码 from 2020-01-01
        elif unit.password_hash is None and deviations.on("ITS_UNIT_WITHOUT_PASSWORD_ENTERS"):
            enter_unit(session, unit)
        elif unit.password_hash is None:
            session.go(Screen.UNIT_VERIFICATION, self._passwords.issue_temporary(unit))
        else:
            session.go(Screen.UNIT_VERIFICATION)

    def _linked(self, session: PortalSession) -> list[tuple[Unit, UnitHandler]]:
        return self._units.units_of(session.account_document or "")

    def _handlers(self, session: PortalSession) -> list[UnitHandler]:
        return [handler for _, handler in self._linked(session)]

    def _selected(self, session: PortalSession) -> Unit | None:
        tax_id = self._state(session).get("selected")
        return None if tax_id is None else self._units.find(tax_id)
