"""代理机构登录 第三步 (summary): pick the client enterprise (待办的目标企业) and enter its 协议密码."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import View, refused
from simulator.liaoning.screens import CLIENT, Liaoning, LnScreen, logged_in_enterprise

CLIENT_FIELD, AGREEMENT_PASSWORD = "待办企业", "协议密码"


class AgentClientsFlow(FlowBase):
    """Only enterprises that certified the agency (代理机构认定管理) are listed; cancelling removes them."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return (LnScreen.CLIENTS,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        if not self._ln.variant.clients_logout:
            return {(LnScreen.CLIENTS, "确定"): self._enter}
        return {(LnScreen.CLIENTS, "确定"): self._enter, (LnScreen.CLIENTS, "退出"): _log_out}

    def render(self, session: PortalSession) -> View:
        clients = self._ln.agencies.clients(logged_in_enterprise(session))
        hint = "" if clients else "暂无认定本代理机构的企业（由企业在「代理机构认定管理」中认定）"
        variant = self._ln.variant
        controls = ("确定", "退出") if variant.clients_logout else ("确定",)
        picker = {"picker": "radio"} if variant.choice_tables else {}
        return View(LnScreen.CLIENTS, fields=(CLIENT_FIELD, AGREEMENT_PASSWORD), controls=controls,
                    message=session.message, values=dict(session.values),
                    options={CLIENT_FIELD: tuple(name for _, name in clients)},
                    rows=tuple((name, tax_id) for tax_id, name in clients), extras={"hint": hint, **picker},
                    template="ln_clients")

    def _enter(self, session: PortalSession, form: Form) -> None:
        agency = logged_in_enterprise(session)
        chosen = form.get(CLIENT_FIELD, "").strip()
        client = next((tax_id for tax_id, name in self._ln.agencies.clients(agency) if chosen in (tax_id, name)), None)
        if client is None:
            session.go(LnScreen.CLIENTS, refused("请选择要代办的企业"))
            return
        stored = self._ln.agencies.agreement_password_hash(agency, client)
        if stored is None or (not verify_password(form.get(AGREEMENT_PASSWORD, ""), stored)
                              and not deviations.on("LN_AGREEMENT_PASSWORD_IGNORED")):
            session.go(LnScreen.CLIENTS, refused("协议密码错误"), {CLIENT_FIELD: chosen})
            return
        session.state[CLIENT] = client
        session.go(LnScreen.HOME)


def _log_out(session: PortalSession, _: Form) -> None:
    session.state.clear()
    session.go(LnScreen.LOGIN)
