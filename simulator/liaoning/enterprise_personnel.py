"""企业人员维护 (manual 三(一)): the persons, and per 办税员 【权限管理】 (summary 第四步), 【删除】, 【冻结】/【解冻】,
【绑定】/【解绑】, 【重置密码】. 删除, 冻结, 解冻, 绑定 and 解绑 take effect once confirmed (确认后); 重置密码 (三(二))
at once; 权限管理 opens its own page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password
from simulator.common.row_controls import row_controls
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.enterprise import Handler, masked
from simulator.liaoning.handler_login import RESET_PASSWORD  # 三(二) and 常见问题8
from simulator.liaoning.personnel_screens import StaffScreen, manager, refuse_non_manager
from simulator.liaoning.screens import Liaoning, LnScreen, logged_in_enterprise
from vocabulary.roles import Role

PERSON = "人员"  # what a row's button posts: the person's 身份证件号码
PENDING = "liaoning.personnel_pending"
CONFIRMED = ("删除", "冻结", "解冻", "绑定", "解绑")
NO_NATURAL_ACCOUNT = "该人员没有自然人电子税务局账户，不能绑定"
#: Said once an action is done; without the name, so the list alone tells who is still there.
DONE = {"删除": "删除成功", "冻结": "冻结成功", "解冻": "解冻成功", "绑定": "绑定成功", "解绑": "解绑成功"}
PAGES = ("身份维护", "添加办税人员", "修改企业密码", "返回首页")
COLUMNS = ("姓名", "身份", "权限身份", "手机号码", "管理权限", "状态", "绑定")


class EnterprisePersonnelFlow(FlowBase):
    """Only the 法定代表人 and 财务负责人 reach this page; every action checks that again."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return (StaffScreen.PERSONNEL,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        screen = StaffScreen.PERSONNEL
        table: dict[tuple[str, str], Action] = {(screen, c): self._ask(c) for c in CONFIRMED}
        table.update({(screen, "重置密码"): self._reset, (screen, "确定"): self._confirm,
                      (screen, "取消"): lambda s, _: s.go(screen),
                      (screen, "返回首页"): lambda s, _: s.go(LnScreen.HOME)})
        return table

    def render(self, session: PortalSession) -> View:
        tax_id = logged_in_enterprise(session)
        rows, buttons = [], {}
        for person in self._ln.enterprises.handlers(tax_id):
            kept = self._ln.personnel.of(tax_id, person.id_number)
            rows.append((person.name, self._ln.variant.role_word(person.role), "、".join(kept.identities),
                         masked(person.real_name_mobile),
                         "有" if kept.management else "无", "已冻结" if person.frozen else "正常",
                         "已绑定" if kept.bound else "未绑定"))
            buttons[person.name] = (person.id_number, _buttons(person, kept.bound))
        pending = session.state.get(PENDING)
        controls = ("确定", "取消") if pending else ()
        return View(StaffScreen.PERSONNEL, controls=(*PAGES, *controls), message=session.message, rows=tuple(rows),
                    template="ln_staff", extras={**row_controls(PERSON, buttons), "columns": COLUMNS})

    def _ask(self, action: str) -> Action:
        def ask(session: PortalSession, form: Form) -> None:
            person = self._person(session, form)
            if person is None:
                return
            session.state[PENDING] = (action, person.id_number)
            session.go(StaffScreen.PERSONNEL, Message(f"确认{action}「{person.name}」吗？", MessageKind.INFO))
        return ask

    def _confirm(self, session: PortalSession, form: Form) -> None:
        pending = session.state.pop(PENDING, None)
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return
        if not pending:
            session.go(StaffScreen.PERSONNEL)
            return
        action, id_number = pending
        tax_id = logged_in_enterprise(session)
        person = self._ln.enterprises.handler(tax_id, id_number)
        if person is None:
            session.go(StaffScreen.PERSONNEL, refused("该人员已不在企业人员中"))
            return
        problem = self._apply(action, person)
        session.go(StaffScreen.PERSONNEL, refused(problem) if problem else
                   Message(DONE[action], MessageKind.SUCCESS))

    def _apply(self, action: str, person: Handler) -> str | None:
        tax_id, number = person.tax_id, person.id_number
        if action == "删除":
            self._ln.personnel.remove(tax_id, number, self._ln.enterprises.removed_handler_statement(tax_id, number))
        elif action in ("冻结", "解冻"):
            self._ln.enterprises.set_frozen(tax_id, number, action == "冻结")
        elif action == "绑定" and self._ln.personnel.natural_person_password_hash(number) is None:
            return NO_NATURAL_ACCOUNT
        else:
            self._ln.personnel.set_bound(tax_id, number, action == "绑定")
        return None

    def _reset(self, session: PortalSession, form: Form) -> None:
        """三(二): the 个人登录密码 becomes 111111 (常见问题8)."""
        person = self._person(session, form)
        if person is not None:
            reset = "123456" if deviations.on("LN_RESET_NOT_111111") else RESET_PASSWORD
            self._ln.enterprises.set_personal_password(person.tax_id, person.id_number, hash_password(reset))
            session.go(StaffScreen.PERSONNEL, Message(f"重置成功，个人登录密码为{RESET_PASSWORD}", MessageKind.SUCCESS))

    def _person(self, session: PortalSession, form: Form) -> Handler | None:
        session.state.pop(PENDING, None)
        if manager(self._ln, session) is None:
            refuse_non_manager(session)
            return None
        person = self._ln.enterprises.handler(logged_in_enterprise(session), form.get(PERSON, ""))
        if person is None:
            session.go(StaffScreen.PERSONNEL, refused("请选择企业人员"))
        return person


def _buttons(person: Handler, bound: bool) -> tuple[str, ...]:
    """办税员 rows: 权限管理, 删除, 冻结/解冻, 绑定/解绑, 重置密码; 法定代表人 and 财务负责人: 绑定/解绑, 重置密码."""
    own = ("权限管理", "删除", "解冻" if person.frozen else "冻结") if person.role == Role.HANDLER else ()
    return (*own, "解绑" if bound else "绑定", "重置密码")
