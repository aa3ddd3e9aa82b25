"""【添加办税人员】 (manual 二(一) 第8-9步, 常见问题3, 4): 「姓名」, 「身份证件类型」, 「身份证件号码」, 【搜索】,
【下一步】, the 个人密码, the 身份类型 and 管理权限 ticked, 【确定】.

Only a 办税人员 of the tax registration whose 实名采集 is done and linked to the enterprise is found (第8步 温馨提示);
the summary's 手工维护 of an uncollected person is what the manual forbids: offered only where the portal reads
LN-R05 as manual-entry (manual_handler.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.enterprise import Handler, masked, sms_mobile_of
from simulator.external.script import ExternalServiceError
from simulator.liaoning.manual_handler import maintain_by_hand
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
from vocabulary.credentials import password_problem
from vocabulary.roles import Role

SEARCH_FIELDS = ("姓名", "身份证件类型", "身份证件号码")
DOCUMENT_TYPES = ("居民身份证", "中国护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国护照")
PASSWORD, AGAIN = "个人密码", "确认个人密码"
FOUND = "liaoning.handler_found"
#: The last 【搜索】 answered that nobody matches (not a failure of the core system): LN-R05 manual-entry may go on.
NOBODY = "liaoning.handler_nobody"
NOT_FOUND = "未搜索到该人员：须为税务登记中的办税人员，且已实名采集并与企业关联"
#: 常见问题4: no identity maintained yet, nothing to tick.
NO_IDENTITY = "身份类型为空：请先通过【身份维护】维护身份"


class AddHandlerFlow(FlowBase):
    """The search asks the core tax system each time; 【确定】 asks again, so nothing is added on stale data."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return (StaffScreen.ADD_HANDLER, StaffScreen.HANDLER_DETAILS)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        add, details, back = StaffScreen.ADD_HANDLER, StaffScreen.HANDLER_DETAILS, StaffScreen.PERSONNEL
        return {(back, "添加办税人员"): self._open, (add, "搜索"): self._search, (add, "下一步"): self._next,
                (add, "返回"): lambda s, _: s.go(back), (details, "确定"): self._add,
                (details, "返回"): lambda s, _: s.go(add, None, dict(s.values))}

    def render(self, session: PortalSession) -> View:
        found = self._found(session)
        word = self._ln.variant.role_word
        rows = () if found is None else ((found.name, word(found.role), masked(found.real_name_mobile)),)
        if session.screen == StaffScreen.ADD_HANDLER:
            return View(StaffScreen.ADD_HANDLER, fields=SEARCH_FIELDS, controls=("搜索", "下一步", "返回"),
                        message=session.message, values=dict(session.values), rows=rows, template="ln_staff",
                        options={"身份证件类型": DOCUMENT_TYPES}, extras={"columns": ("姓名", "身份", "手机号码")})
        boxes = identity_boxes(identity_names(self._ln, session))
        return View(StaffScreen.HANDLER_DETAILS, fields=(PASSWORD, AGAIN, *boxes["fields"]), controls=("确定", "返回"),
                    message=session.message, rows=rows, template="ln_staff", options=boxes["options"],
                    extras={**boxes["extras"], "columns": ("姓名", "身份", "手机号码")})

    def _open(self, session: PortalSession, _: Form) -> None:
        session.state.pop(FOUND, None)
        session.state.pop(NOBODY, None)
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return
        session.go(StaffScreen.ADD_HANDLER, None, {"身份证件类型": DOCUMENT_TYPES[0]})

    def _search(self, session: PortalSession, form: Form) -> None:
        session.state.pop(FOUND, None)
        typed = {k: form.get(k, "").strip() for k in SEARCH_FIELDS}
        found, problem = self._lookup(logged_in_enterprise(session), typed)
        if found is not None:
            session.state[FOUND] = found
        session.state[NOBODY] = problem == NOT_FOUND
        session.go(StaffScreen.ADD_HANDLER, refused(problem) if problem else None, typed)

    def _next(self, session: PortalSession, form: Form) -> None:
        if (self._found(session) is None and session.state.get(NOBODY)
                and self._ln.variant.reads("LN-R05", "manual-entry")):
            maintain_by_hand(session, {"姓名": form.get("姓名", ""), "身份证件号码": form.get("身份证件号码", "")})
            return
        if self._found(session) is None:
            session.go(StaffScreen.ADD_HANDLER, refused("请先搜索要添加的办税人员"), dict(form))
            return
        session.go(StaffScreen.HANDLER_DETAILS, None, {k: form.get(k, "") for k in SEARCH_FIELDS})

    def _add(self, session: PortalSession, form: Form) -> None:
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return
        found = self._found(session)
        tax_id = logged_in_enterprise(session)
        names = identity_names(self._ln, session)
        ticked = ticked_identities(names, form)
        new = form.get(PASSWORD, "")
        problem = password_problem(new) or (None if new == form.get(AGAIN, "") else "两次输入的个人密码不一致")
        if problem is None and not ticked:
            problem = "请勾选身份类型" if names else NO_IDENTITY
        if problem is None and found is not None:  # the core system again: the person may have changed meanwhile
            found, problem = self._lookup(tax_id, {"姓名": found.name, "身份证件类型": DOCUMENT_TYPES[0],
                                                   "身份证件号码": found.id_number})
        if found is None or problem is not None:
            why = refused(problem or "请先搜索要添加的办税人员")
            session.go(StaffScreen.HANDLER_DETAILS, why, dict(session.values))
            return
        handler = Handler(tax_id, found.id_number, found.name, Role.HANDLER, found.sms_mobile,
                          found.real_name_mobile, hash_password(new))
        self._ln.personnel.add(tax_id, found.id_number, ticked, form.get(MANAGEMENT, "") == TICKED,
                               self._ln.enterprises.added_handler_statement(handler))
        session.state.pop(FOUND, None)
        session.go(StaffScreen.PERSONNEL, Message(f"办税人员「{found.name}」添加成功", MessageKind.SUCCESS))

    def _found(self, session: PortalSession) -> Handler | None:
        found = session.state.get(FOUND)
        return found if isinstance(found, Handler) else None

    def _lookup(self, tax_id: str, typed: Mapping[str, str]) -> tuple[Handler | None, str | None]:
        """第8步 温馨提示: a registered 办税人员, real-name collected and linked to the enterprise, not added yet."""
        if not typed["姓名"] or not typed["身份证件号码"]:
            return None, "请输入姓名和身份证件号码"
        number = typed["身份证件号码"].upper()
        try:
            registration = self._ln.core.registration(tax_id)
            record = self._ln.core.real_name(number)
        except ExternalServiceError as failure:
            return None, str(failure)
        person = None if registration is None else registration.person(number)
        if (person is None or person.role != Role.HANDLER or person.name != typed["姓名"]
                or typed["身份证件类型"] != DOCUMENT_TYPES[0] or record is None or tax_id not in record.enterprises
                or record.name != person.name):
            return None, NOT_FOUND
        if self._ln.personnel.of(tax_id, number).added:
            return None, f"「{person.name}」已是本企业的办税人员"
        return Handler(tax_id, number, person.name, person.role, sms_mobile_of(person, record.mobile),
                       record.mobile), None
