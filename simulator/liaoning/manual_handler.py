"""手工维护 of a handler the search cannot find (summary 02企业人员维护 第三步 温馨提示2; reading LN-R05 manual-entry).

The summary lets a 法定代表人 or 财务负责人 go on with 【下一步】 for a person not real-name collected or not
registered, and maintain them by hand; they still log in only once collected. Nothing is added for login here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.liaoning.personnel_screens import StaffScreen, manager, refuse_non_manager
from simulator.liaoning.screens import Liaoning

#: Session key of the page (shown as 手工维护办税人员).
MANUAL = "LN:手工维护办税人员"
FIELDS = ("姓名", "身份证件号码", "手机号码")
INTRO = "手工维护的办税人员须完成实名采集后才能登录电子税务局。"


def maintain_by_hand(session: PortalSession, typed: Mapping[str, str]) -> None:
    """【下一步】 on 添加办税人员 without a person found, where the portal reads LN-R05 as manual-entry."""
    session.go(MANUAL, Message("未搜索到该人员，请手工维护其信息（须完成实名采集后方可登录）", MessageKind.INFO),
               {k: typed.get(k, "") for k in FIELDS})


class ManualHandlerFlow(FlowBase):
    """【保存】 checks that a name, a document number and an 11-digit mobile were given, then goes back."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return (MANUAL,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(MANUAL, "保存"): self._save, (MANUAL, "返回"): lambda s, _: s.go(StaffScreen.ADD_HANDLER)}

    def render(self, session: PortalSession) -> View:
        return View(MANUAL.removeprefix("LN:"), fields=FIELDS, controls=("保存", "返回"), message=session.message,
                    values=dict(session.values), extras={"intro": INTRO})

    def _save(self, session: PortalSession, form: Form) -> None:
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return
        typed = {k: form.get(k, "").strip() for k in FIELDS}
        phone = typed["手机号码"]
        if not typed["姓名"] or not typed["身份证件号码"] or not (phone.isdigit() and len(phone) == 11):
            session.go(MANUAL, refused("请填写姓名、身份证件号码和11位手机号码"), typed)
            return
        saved = f"已保存「{typed['姓名']}」的信息，该人员完成实名采集后方可添加并登录"
        session.go(StaffScreen.PERSONNEL, Message(saved, MessageKind.INFO))
