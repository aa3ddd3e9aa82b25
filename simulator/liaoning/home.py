"""After the login: the 电子税务局首页 (enterprise and person), or for a 纯社保户 the 社保费征收系统."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import View
from simulator.liaoning.handler_login import current_handler
from simulator.liaoning.screens import CLIENT, NATURAL_PERSON, Liaoning, LnScreen, logged_in_enterprise
from simulator.store.sqlite import SqliteStore


class HomeFlow(FlowBase):
    """Both pages name the enterprise; the 首页 also the person and 身份 who logged in. 【退出】 ends the session."""

    def __init__(self, liaoning: Liaoning, accounts: SqliteStore) -> None:
        self._ln, self._accounts = liaoning, accounts

    def screens(self) -> Iterable[str]:
        return (LnScreen.HOME, LnScreen.SOCIAL_SECURITY)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(screen, "退出"): _log_out for screen in self.screens()}

    def render(self, session: PortalSession) -> View:
        natural = session.state.get(NATURAL_PERSON)
        if natural:  # 自然人登录: the person's own 首页
            person = self._accounts.find_by_document_number(str(natural))
            name = "" if person is None else person.person.name
            return View(session.screen, controls=("退出",), message=session.message, greeting=f"欢迎，{name}",
                        rows=(("自然人", name),), template="ln_home")
        client = session.state.get(CLIENT)  # 代理机构登录: the enterprise acted for, and the agency acting
        account = self._ln.enterprises.find(str(client) if client else logged_in_enterprise(session))
        rows: list[tuple[str, ...]] = []
        if account is not None:
            rows.append(("纳税人名称", account.name))
            rows.append(("纳税人识别号", account.tax_id))
        agency = self._ln.enterprises.find(logged_in_enterprise(session)) if client else None
        if agency is not None:
            rows.append(("代理机构", agency.name))
        handler = current_handler(self._ln, session) if session.screen == LnScreen.HOME else None
        if handler is not None:
            rows.append(("办税人", handler.name, self._ln.variant.role_word(handler.role)))
        greeting = None if account is None else f"欢迎，{account.name}"
        return View(session.screen, controls=("退出",), message=session.message, greeting=greeting, rows=tuple(rows),
                    template="ln_home")


def _log_out(session: PortalSession, _: Form) -> None:
    session.state.clear()
    session.go(LnScreen.LOGIN)
