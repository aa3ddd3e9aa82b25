"""【权限管理】 (summary 02企业人员维护 第四步): a 办税员's 身份类型 and 管理权限 shown ticked, changed, 【确定】.

The summary names the operation only ("如果需要对权限身份进行调整可以在该办税人进行“权限管理”操作"); the page's
【确定】 is the suite's assumption (the add page's button). Unticking every identity is allowed: the person keeps
the row but is granted no function (常见问题6), and may not 快捷登录 (常见问题9) until given one again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.enterprise import Handler
from simulator.liaoning.enterprise_personnel import PERSON
from simulator.liaoning.personnel_screens import (
    MANAGEMENT,
    TICKED,
    StaffScreen,
    identity_boxes,
    identity_names,
    manager,
    refuse_non_manager,
    ticked_identities,
)
from simulator.liaoning.screens import Liaoning, logged_in_enterprise
from vocabulary.roles import Role

PERMISSIONS = "权限管理"
TARGET = "liaoning.permissions_of"


class PermissionManagementFlow(FlowBase):
    """Only a 办税员 row has 【权限管理】; the 法定代表人 and 财务负责人 have every function anyway."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return (StaffScreen.PERMISSIONS,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        page = StaffScreen.PERMISSIONS
        return {(StaffScreen.PERSONNEL, PERMISSIONS): self._open, (page, "确定"): self._save,
                (page, "返回"): lambda s, _: s.go(StaffScreen.PERSONNEL)}

    def render(self, session: PortalSession) -> View:
        person = self._target(session)
        rows = () if person is None else ((person.name, self._ln.variant.role_word(person.role)),)
        boxes = identity_boxes(identity_names(self._ln, session))
        return View(StaffScreen.PERMISSIONS, fields=boxes["fields"], controls=("确定", "返回"), message=session.message,
                    values=dict(session.values), rows=rows, template="ln_staff", options=boxes["options"],
                    extras={**boxes["extras"], "columns": ("姓名", "身份")})

    def _open(self, session: PortalSession, form: Form) -> None:
        """The row's person, with the identities and 管理权限 given so far ticked."""
        session.state.pop(TARGET, None)
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return
        person = self._ln.enterprises.handler(logged_in_enterprise(session), form.get(PERSON, ""))
        if person is None or person.role != Role.HANDLER:
            session.go(StaffScreen.PERSONNEL, refused("请选择要管理权限的办税人员"))
            return
        session.state[TARGET] = person.id_number
        given = self._ln.personnel.of(person.tax_id, person.id_number)
        ticked = {name: TICKED for name in given.identities}
        session.go(StaffScreen.PERMISSIONS, None, {**ticked, **({MANAGEMENT: TICKED} if given.management else {})})

    def _save(self, session: PortalSession, form: Form) -> None:
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return
        person = self._target(session)
        if person is None:
            session.go(StaffScreen.PERSONNEL, refused("该人员已不在企业人员中"))
            return
        identities = ticked_identities(identity_names(self._ln, session), form)
        self._ln.personnel.set_permissions(person.tax_id, person.id_number, identities,
                                           form.get(MANAGEMENT, "") == TICKED)
        session.state.pop(TARGET, None)
        session.go(StaffScreen.PERSONNEL, Message(f"「{person.name}」的权限已保存", MessageKind.SUCCESS))

    def _target(self, session: PortalSession) -> Handler | None:
        number = session.state.get(TARGET)
        if not isinstance(number, str):
            return None
        return self._ln.enterprises.handler(logged_in_enterprise(session), number)
