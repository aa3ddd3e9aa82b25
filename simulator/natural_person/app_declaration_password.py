"""个人所得税APP 【企业办税权限】 → 【企业办税人员列表】 → 【重置申报密码】 (Liaoning Q&A 3/9 方法二, ITS §1.3.1)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.sms_codes import SmsCodes
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.units import Unit, UnitHandler
from simulator.its.unit_sessions import end_sessions_in
from simulator.natural_person import app_unit_pages
from simulator.natural_person.app_account import (
    PERSONAL_CENTER,
    SEND_SMS,
    UNIT_PERMISSIONS,
    AccountScreen,
    go_to,
    sign_in_again,
    signed_in,
)
from simulator.natural_person.app_unit_pages import FIELDS, MAY_RESET, OPEN_UNIT, RESET, SAVE, UNIT, UnitScreen
from simulator.store.password_locks import unit_lock
from simulator.store.phone_bindings import PhoneBindings
from simulator.store.sqlite import SqliteStore
from simulator.store.units import UnitStore
from simulator.variant import Variant

_KEY = "app_declaration_password"


class AppDeclarationPasswordFlow(FlowBase):
    """Only a 法定代表人 or 财务负责人 of the unit resets; without a bound phone, first the 安全中心."""

    def __init__(self, store: SqliteStore, units: UnitStore, bindings: PhoneBindings, sms_codes: SmsCodes,
                 sessions: SessionRegistry | None = None, variant: Variant | None = None) -> None:
        self._store, self._units, self._bindings, self._sms = store, units, bindings, sms_codes
        variant = variant or Variant.default()
        #: A variant ends the 扣缴客户端's sessions in the unit once its 申报密码 is reset here.
        self._ends = sessions if variant.app_reset_ends_client_sessions else None

    def screens(self) -> Iterable[str]:
        return tuple(UnitScreen)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        pc = AccountScreen.PERSONAL_CENTER
        return {
            (pc, UNIT_PERMISSIONS): go_to(UnitScreen.PERMISSIONS),
            **{(screen, PERSONAL_CENTER): go_to(pc) for screen in UnitScreen},
            (UnitScreen.PERMISSIONS, OPEN_UNIT): self.open_unit, (UnitScreen.PERMISSIONS, "返回"): go_to(pc),
            (UnitScreen.STAFF, RESET): self.start_reset, (UnitScreen.STAFF, "返回"): go_to(UnitScreen.PERMISSIONS),
            (UnitScreen.RESET, SEND_SMS): self.send_code, (UnitScreen.RESET, SAVE): self.save,
            (UnitScreen.RESET, "返回"): go_to(UnitScreen.STAFF),
        }

    def render(self, session: PortalSession) -> View:
        screen, message = UnitScreen(session.screen), session.message
        if screen is UnitScreen.PERMISSIONS:
            return app_unit_pages.permissions(tuple(unit.name for unit, _ in self._mine(session)), message)
        current = self._current(session)
        if current is None:
            session.go(UnitScreen.PERMISSIONS, message)
            return self.render(session)
        unit, handler = current
        if screen is UnitScreen.STAFF:
            return app_unit_pages.staff(unit, handler, self._units.handlers_of(unit.tax_id), message)
        return app_unit_pages.reset(unit, self._phone(session), message, session.values)

    def open_unit(self, session: PortalSession, form: Form) -> None:
        name = form.get(UNIT, "").strip()
        for unit, _ in self._mine(session):
            if name in (unit.name, unit.tax_id):
                self._state(session)["unit"] = unit.tax_id
                session.go(UnitScreen.STAFF)
                return
        session.go(UnitScreen.PERMISSIONS, refused("请选择单位"))

    def start_reset(self, session: PortalSession, _: Form) -> None:
        """Q&A 9 第3步: 判断该账号是否有绑定的手机; without one, the 安全中心 comes first."""
        if self._resettable(session) is None:
            return
        if self._phone(session) is None and not deviations.on("ITS_DECLARATION_RESET_WITHOUT_PHONE"):
            session.go(UnitScreen.STAFF, refused("该账号未绑定手机号，请先到【个人中心】-【安全中心】绑定手机号"))
            return
        session.go(UnitScreen.RESET)

    def send_code(self, session: PortalSession, form: Form) -> None:
        """【获取验证码】 after the passwords were typed (Q&A 9 第4步): they stay on the page."""
        unit, phone = self._resettable(session), self._phone(session)
        if unit is not None and phone is not None:
            typed = {field: form[field] for field in FIELDS[:2] if form.get(field)}
            session.go(UnitScreen.RESET, self._sms.send(phone, _purpose(unit)), typed)

    def save(self, session: PortalSession, form: Form) -> None:
        """Q&A 9 第4步: every field filled, the two passwords equal, the SMS code right; else nothing changes."""
        unit, phone = self._resettable(session), self._phone(session)
        if unit is None or phone is None:
            return
        new, again, code = (form.get(field, "") for field in FIELDS)
        problem = ("请输入新密码并确认密码" if not new or not again else
                   "申报密码不能包含空格" if any(c.isspace() for c in new) else
                   "两次输入的密码不一致" if new != again else
                   "请输入短信验证码" if not code.strip() else
                   None if deviations.on("ITS_DECLARATION_RESET_SMS_SKIPPED") else
                   self._sms.check(phone, _purpose(unit), code))
        if problem is not None:
            session.go(UnitScreen.RESET, refused(problem))
            return
        self._units.save(unit.with_reset_password(hash_password(new)))
        unit_lock(self._units.store).release(unit.tax_id)
        if self._ends is not None:
            end_sessions_in(self._ends, unit)
        session.go(UnitScreen.STAFF, Message("重置成功", MessageKind.SUCCESS))

    # Helpers.
    def _state(self, session: PortalSession) -> dict[str, Any]:
        state: dict[str, Any] = session.state.setdefault(_KEY, {})
        return state

    def _mine(self, session: PortalSession) -> list[tuple[Unit, UnitHandler]]:
        return self._units.units_of(session.account_document or "")

    def _current(self, session: PortalSession) -> tuple[Unit, UnitHandler] | None:
        chosen = self._state(session).get("unit")
        return next(((u, h) for u, h in self._mine(session) if u.tax_id == chosen), None)

    def _resettable(self, session: PortalSession) -> Unit | None:
        """The chosen unit when this user may reset its 申报密码 (checked on every press, not only shown)."""
        if session.account_document is None:
            sign_in_again(session)
            return None
        current = self._current(session)
        if current is None:
            session.go(UnitScreen.PERMISSIONS, refused("请选择单位"))
            return None
        unit, handler = current
        if handler.role not in MAY_RESET and not deviations.on("ITS_DECLARATION_RESET_ANY_ROLE"):
            session.go(UnitScreen.STAFF, refused("只有法定代表人或财务负责人可以重置申报密码"))
            return None
        return unit

    def _phone(self, session: PortalSession) -> str | None:
        account = signed_in(self._store, session)
        return None if account is None else self._bindings.bound_phone(account)


def _purpose(unit: Unit) -> str:
    return f"declaration_password_reset:{unit.tax_id}"
