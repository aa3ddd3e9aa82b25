"""办税人员选择: 【同步办税人】, the synced persons (name and 身份), and picking one by the button with their name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.router import ANY_CONTROL, CONTROL
from simulator.common.sessions import PortalSession
from simulator.common.views import View, refused
from simulator.domain.enterprise import FIRST_LOGIN_ROLES, Handler, masked
from simulator.liaoning.handler_sync import HandlerSync
from simulator.liaoning.screens import (
    AGENT_LOGIN,
    FACTOR,
    HANDLER,
    KIND,
    SMS_LOGIN,
    Liaoning,
    LnScreen,
    frozen_message,
    logged_in_enterprise,
)
from vocabulary.roles import Role

SYNC = "同步办税人"
FIRST_LOGIN = "初次普通登录须选择法定代表人(业主)或财务负责人"
#: LN-R03 added-first (manual 第8-9步, 常见问题9): a synced 办税人员 logs in once added in 企业人员维护.
NOT_ADDED = "该办税人员尚未在【企业人员维护】中添加，请联系法定代表人或财务负责人添加后再登录"


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
        plain = self._plain(session)  # 代理机构 第二步 of a variant: the persons at once, no 【同步办税人】
        if plain and not handlers:
            self._sync.sync(tax_id)
            handlers = self._ln.enterprises.handlers(tax_id)
        hint = "" if handlers or plain else "无办税人信息，请点击【同步办税人】"
        sync = () if plain else (SYNC,)
        return View(LnScreen.HANDLERS, controls=(*sync, *(h.name for h in handlers), "返回登录"),
                    message=session.message, greeting=None if account is None else account.name, template="ln_handlers",
                    rows=tuple((h.name, self._ln.variant.role_word(h.role), masked(h.sms_mobile)) for h in handlers),
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
        if handler.frozen and not deviations.on("LN_FROZEN_HANDLER_LOGS_IN"):
            session.go(LnScreen.HANDLERS, refused(frozen_message(self._ln.variant)))
            return
        first = account is not None and not account.first_login_done
        not_yet = self._reading_problem(session, handler, first=first)
        if not_yet is not None:
            session.go(LnScreen.HANDLERS, refused(not_yet))
            return
        problem = None if deviations.on("LN_CORE_MISMATCH_IGNORED") else self._sync.still_registered(handler)
        if problem is not None:
            session.go(LnScreen.HANDLERS, problem)
            return
        session.state.update({HANDLER: handler.id_number, FACTOR: SMS_LOGIN})  # 第3步: 自动跳转短信验证登录方式
        session.go(LnScreen.IDENTITY)


    def _reading_problem(self, session: PortalSession, handler: Handler, *, first: bool) -> str | None:
        """LN-R02 (who may do the first 普通登录), LN-R03 (a synced 办税人员 not added), as this portal reads them."""
        variant = self._ln.variant
        if first and handler.role not in FIRST_LOGIN_ROLES and not variant.reads("LN-R02", "any-synced-person") \
                and not deviations.on("LN_FIRST_LOGIN_ANY_HANDLER"):
            return FIRST_LOGIN
        if (not first and handler.role == Role.HANDLER and variant.reads("LN-R03", "added-first")
                and session.state.get(KIND) != AGENT_LOGIN
                and not handler.has_personal_password  # set at 【添加办税人员】 (kept when 权限管理 clears identities)
                and not self._ln.personnel.of(handler.tax_id, handler.id_number).added):
            return NOT_ADDED
        return None

    def _plain(self, session: PortalSession) -> bool:
        return self._ln.variant.agent_plain_step2 and session.state.get(KIND) == AGENT_LOGIN


def _chosen(handlers: list[Handler], pressed: str) -> Handler | None:
    """The button posts the person's ID number; a press by name (in-process) finds the same person."""
    return next((h for h in handlers if pressed in (h.id_number, h.name)), None)


def _back_to_login(session: PortalSession, _: Form) -> None:
    session.state.clear()
    session.go(LnScreen.LOGIN)
