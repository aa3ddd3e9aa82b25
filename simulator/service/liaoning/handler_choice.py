"""办税人员选择: 【同步办税人】, the synced persons (name and 身份), and picking one by the button with their name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.domain.enterprise import FIRST_LOGIN_ROLES, Handler, masked
from simulator.service.flow import Action, FlowBase, Form
from simulator.service.liaoning.handler_sync import HandlerSync
from simulator.service.liaoning.screens import FACTOR, HANDLER, SMS_LOGIN, Liaoning, LnScreen, logged_in_enterprise
from simulator.service.router import ANY_CONTROL, CONTROL
from simulator.service.sessions import PortalSession
from simulator.service.views import View, refused

SYNC = "同步办税人"
#: 三(一)2: a frozen handler (冻结) cannot log in; the manual's own words.
FROZEN = "您选择的办税人已经被锁定，请选择其他办税人"
FIRST_LOGIN = "初次普通登录须选择法定代表人(业主)或财务负责人"


class HandlerChoiceFlow(FlowBase):
    """The list shows each synced person; 【同步办税人】 stays offered so a changed registration can be re-synced."""

    def __init__(self, liaoning: Liaoning, sync: HandlerSync) -> None:
        self._ln, self._sync = liaoning, sync

    def screens(self) -> Iterable[str]:
        return (LnScreen.HANDLERS,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(LnScreen.HANDLERS, SYNC): self._synchronise, (LnScreen.HANDLERS, ANY_CONTROL): self._pick,
                (LnScreen.HANDLERS, "返回登录"): _back_to_login}

    def render(self, session: PortalSession) -> View:
        tax_id = logged_in_enterprise(session)
        account = self._ln.enterprises.find(tax_id)
        handlers = self._ln.enterprises.handlers(tax_id)
        hint = "" if handlers else "无办税人信息，请点击【同步办税人】"
        return View(LnScreen.HANDLERS, controls=(SYNC, *(h.name for h in handlers), "返回登录"),
                    message=session.message, greeting=None if account is None else account.name, template="ln_handlers",
                    rows=tuple((h.name, h.role.value, masked(h.sms_mobile)) for h in handlers),
                    extras={"hint": hint, "buttons": {h.name: h.id_number for h in handlers}})

    def _synchronise(self, session: PortalSession, _: Form) -> None:
        session.go(LnScreen.HANDLERS, self._sync.sync(logged_in_enterprise(session)))

    def _pick(self, session: PortalSession, form: Form) -> None:
        tax_id = logged_in_enterprise(session)
        handler = _chosen(self._ln.enterprises.handlers(tax_id), form.get(CONTROL, ""))
        if handler is None:
            session.go(LnScreen.HANDLERS, refused("请选择要登录的办税人员"))
            return
        account = self._ln.enterprises.find(tax_id)
        if handler.frozen:
            session.go(LnScreen.HANDLERS, refused(FROZEN))
            return
        if account is not None and not account.first_login_done and handler.role not in FIRST_LOGIN_ROLES:
            session.go(LnScreen.HANDLERS, refused(FIRST_LOGIN))
            return
        problem = self._sync.still_registered(handler)
        if problem is not None:
            session.go(LnScreen.HANDLERS, problem)
            return
        session.state.update({HANDLER: handler.id_number, FACTOR: SMS_LOGIN})  # 第3步: 自动跳转短信验证登录方式
        session.go(LnScreen.IDENTITY)


def _chosen(handlers: list[Handler], pressed: str) -> Handler | None:
    """The button posts the person's ID number; a press by name (in-process) finds the same person."""
    return next((h for h in handlers if pressed in (h.id_number, h.name)), None)


def _back_to_login(session: PortalSession, _: Form) -> None:
    session.state.clear()
    session.go(LnScreen.LOGIN)
