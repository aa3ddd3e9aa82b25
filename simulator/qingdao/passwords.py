"""The personal user password (个人用户密码): the forced change after a login with the initial password (FAQ 8,
FAQ 10 三), and the rule every new password obeys (the guide gives none: the ITS rule, the simulator's choice)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password, verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.qingdao.access import log_out
from simulator.qingdao.screens import PENDING, QdScreen, Qingdao, business
from vocabulary.credentials import password_problem

NEW, AGAIN, CONFIRM = "新密码", "确认密码", "确定"
RULE = "密码长度在8到15位之间，须包含大写字母、小写字母、数字、特殊字符中的三种或三种以上"
CHANGED = "密码修改成功，请使用新密码重新登录"


def new_password_problem(form: Form, old_hash: str | None, field: str = NEW) -> str | None:
    """Why the password typed in `field` (新密码) and 确认密码 cannot be the new password, or None."""
    new, again = form.get(field, ""), form.get(AGAIN, "")
    problem = password_problem(new)
    if problem is None and new != again:
        problem = "两次输入的密码不一致"
    if problem is None and old_hash and verify_password(new, old_hash):
        problem = "新密码不能与原密码相同"
    return problem


class ChangeInitialFlow(FlowBase):
    """FAQ 10: 以初始密码登录后系统会弹出提示框，提示重新设置新密码; afterwards the user logs in again (FAQ 8)."""

    def __init__(self, qd: Qingdao) -> None:
        self._qd = qd

    def screens(self) -> Iterable[str]:
        return (QdScreen.CHANGE_INITIAL,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(QdScreen.CHANGE_INITIAL, CONFIRM): self._save}

    def render(self, session: PortalSession) -> View:
        intro = "您正在使用初始密码登录，请重新设置新密码。"
        if not self._qd.variant.qd_change_dialog:
            return View(QdScreen.CHANGE_INITIAL, fields=(NEW, AGAIN), controls=(CONFIRM,), message=session.message,
                        extras={"intro": intro, "hint": RULE})
        # The variant: a dialog (提示框) over the 首页, whose own controls wait behind it until the change is made.
        person = self._qd.people.account(str(session.state.get(PENDING) or ""))
        name = "" if person is None else person.name
        return View(QdScreen.CHANGE_INITIAL, fields=(NEW, AGAIN), controls=(CONFIRM,), message=session.message,
                    greeting=f"欢迎，{name}", rows=(("姓名", name), ("业务", business(session))),
                    template="qd_change_dialog", extras={"intro": intro, "hint": RULE})

    def _save(self, session: PortalSession, form: Form) -> None:
        person = self._qd.people.account(str(session.state.get(PENDING) or ""))
        if person is None:
            log_out(session)
            return
        problem = new_password_problem(form, person.password_hash)
        if problem is not None:
            session.go(QdScreen.CHANGE_INITIAL, refused(problem))
            return
        self._qd.people.set_password(person.document_number, hash_password(form.get(NEW, "")))
        log_out(session, Message(CHANGED, MessageKind.SUCCESS))
