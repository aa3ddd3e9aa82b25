"""身份维护 (manual 二(一) 第7步, 常见问题4, 6): 「权限身份名称」, 「权限描述」, 「勾选功能树」, 【保存】."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.liaoning.personnel_screens import (
    FUNCTION_TREE,
    IDENTITY_TYPE,
    MANAGEMENT,
    TICKED,
    StaffScreen,
    manager,
    refuse_non_manager,
)
from simulator.liaoning.screens import Liaoning, logged_in_enterprise
from simulator.store.personnel import PermissionIdentity

NAME, DESCRIPTION, TREE = "权限身份名称", "权限描述", "勾选功能树"
#: 第7步 温馨提示, shown on the page.
TREE_TIP = "温馨提示：一定不要忘记勾选功能树"
#: Labels of the add-handler page an identity must not be named after (its boxes sit among them).
RESERVED = ("个人密码", "确认个人密码", IDENTITY_TYPE, MANAGEMENT)


class IdentityMaintenanceFlow(FlowBase):
    """An identity with no function ticked is kept (常见问题6 is what follows), with a reminder of the tip."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return (StaffScreen.IDENTITIES,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(StaffScreen.PERSONNEL, "身份维护"): self._open, (StaffScreen.IDENTITIES, "保存"): self._save,
                (StaffScreen.IDENTITIES, "返回"): lambda s, _: s.go(StaffScreen.PERSONNEL)}

    def render(self, session: PortalSession) -> View:
        saved = self._ln.personnel.identities(logged_in_enterprise(session))
        rows = tuple((i.name, i.description, "、".join(i.functions) or "（未勾选功能）") for i in saved)
        return View(StaffScreen.IDENTITIES, fields=(NAME, DESCRIPTION, TREE, *FUNCTION_TREE), controls=("保存", "返回"),
                    message=session.message, values=dict(session.values), rows=rows, template="ln_staff",
                    options={TREE: FUNCTION_TREE},
                    extras={"groups": {TREE: FUNCTION_TREE}, "hint": TREE_TIP, "legend": "权限身份信息",
                            "columns": (NAME, DESCRIPTION, "功能")})

    def _open(self, session: PortalSession, _: Form) -> None:
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return
        session.go(StaffScreen.IDENTITIES)

    def _save(self, session: PortalSession, form: Form) -> None:
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return
        name, description = form.get(NAME, "").strip(), form.get(DESCRIPTION, "").strip()
        functions = tuple(f for f in FUNCTION_TREE if form.get(f, "") == TICKED)
        problem = None
        if not name:
            problem = "请填写权限身份名称"
        elif name in RESERVED or name in FUNCTION_TREE:
            problem = f"权限身份名称不能为「{name}」"
        if problem is not None:
            kept = {k: v for k, v in form.items() if k in (NAME, DESCRIPTION, *FUNCTION_TREE)}
            session.go(StaffScreen.IDENTITIES, refused(problem), kept)
            return
        identity = PermissionIdentity(name, description, functions)
        self._ln.personnel.save_identity(logged_in_enterprise(session), identity)
        saved = f"权限身份「{name}」已保存"
        session.go(StaffScreen.IDENTITIES, Message(saved if functions else f"{saved}；{TREE_TIP}",
                                                   MessageKind.SUCCESS if functions else MessageKind.INFO))
