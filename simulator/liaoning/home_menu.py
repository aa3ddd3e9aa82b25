"""The 首页's 右上角纳税人名称 (its menu: 【企业人员维护】, 【修改密码】) and the functions the person may use.

The 法定代表人 and 财务负责人 have every function of the 功能树 and 【企业人员维护】; a 办税人员 has only what the
identities given in 企业人员维护 tick (常见问题6) and no 【企业人员维护】 (summary 温馨提示1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.router import ANY_CONTROL, CONTROL
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.enterprise import FIRST_LOGIN_ROLES, Handler
from simulator.liaoning.personnel_screens import (
    CHANGE_PASSWORD,
    FUNCTION_TREE,
    PERSONNEL,
    StaffScreen,
    logged_in_person,
    manager,
    refuse_non_manager,
)
from simulator.liaoning.screens import Liaoning, LnScreen

MENU_OPEN = "liaoning.menu_open"


class HomeMenuFlow(FlowBase):
    """Adds to the 首页 (HomeFlow's page) through page_links; owns no screen of its own."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return ()

    def render(self, session: PortalSession) -> View:  # owns no screen: never asked
        raise LookupError(session.screen)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        table: dict[tuple[str, str], Action] = {(LnScreen.HOME, f): self._function(f) for f in FUNCTION_TREE}
        table[(LnScreen.HOME, ANY_CONTROL)] = self._toggle
        if self._ln.variant.liaoning_personnel:  # else a control of that name is one the page does not show
            table[(LnScreen.HOME, PERSONNEL)] = self._personnel
        return table

    def page_links(self, session: PortalSession, view: View) -> tuple[str, ...]:
        person = logged_in_person(self._ln, session) if view.screen == LnScreen.HOME else None
        if person is None:
            return ()
        menu: tuple[str, ...] = ()
        if session.state.get(MENU_OPEN) and self._ln.variant.liaoning_personnel:
            menu = (PERSONNEL, CHANGE_PASSWORD) if person.role in FIRST_LOGIN_ROLES \
                or deviations.on("LN_HANDLER_REACHES_PERSONNEL") else (CHANGE_PASSWORD,)
        return (self._enterprise_name(person), *menu, *self._functions(person))

    def _toggle(self, session: PortalSession, form: Form) -> None:
        """右上角纳税人名称: opens (or closes) its drop-down menu."""
        person = logged_in_person(self._ln, session)
        if person is None or form.get(CONTROL) != self._enterprise_name(person):
            session.go(LnScreen.HOME, refused("页面上没有该功能"))
            return
        session.state[MENU_OPEN] = not session.state.get(MENU_OPEN)
        session.go(LnScreen.HOME)

    def _personnel(self, session: PortalSession, _: Form) -> None:
        session.state.pop(MENU_OPEN, None)
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return
        session.go(StaffScreen.PERSONNEL)

    def _function(self, function: str) -> Action:
        """A function of the tree: the guides stop at the login, so the page only says which one was opened."""
        def open_function(session: PortalSession, _: Form) -> None:
            person = logged_in_person(self._ln, session)
            if person is None or function not in self._functions(person):
                session.go(LnScreen.HOME, refused("没有使用该功能的权限"))
                return
            session.go(LnScreen.HOME, Message(f"「{function}」（参考模拟器未实现该功能）", MessageKind.INFO))
        return open_function

    def _functions(self, person: Handler) -> tuple[str, ...]:
        if person.role in FIRST_LOGIN_ROLES:
            return FUNCTION_TREE
        return self._ln.personnel.functions_of(person.tax_id, person.id_number)

    def _enterprise_name(self, person: Handler) -> str:
        account = self._ln.enterprises.find(person.tax_id)
        return account.name if account is not None else person.tax_id
