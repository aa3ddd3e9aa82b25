"""First login (初次普通登录 第4步): the handler must set a personal password (个人密码) and press 【保存】."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password, verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import View, refused
from simulator.deviation_rules import loose_password_problem
from simulator.liaoning.handler_login import current_handler, enter
from simulator.liaoning.screens import PERSONAL_PASSWORD_TIP, Liaoning, LnScreen
from vocabulary.credentials import password_problem

#: The summary's rule (8 to 15 characters, three of upper, lower, digit, special) is the ITS rule of §2.
PASSWORD_RULE = "密码长度在8到15位之间，须包含大写字母、小写字母、数字、特殊字符中的三种或三种以上"


class PersonalPasswordFlow(FlowBase):
    """The new password obeys the rule, is typed twice alike, and (reading LN-R07 must-differ) is not the 企业密码."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return (LnScreen.SET_PASSWORD,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(LnScreen.SET_PASSWORD, "保存"): self._save}

    def render(self, session: PortalSession) -> View:
        return View(LnScreen.SET_PASSWORD, fields=("新密码", "确认密码"), controls=("保存",), message=session.message,
                    extras={"intro": PASSWORD_RULE, "hint": PERSONAL_PASSWORD_TIP})

    def _save(self, session: PortalSession, form: Form) -> None:
        handler = current_handler(self._ln, session)
        if handler is None:
            session.go(LnScreen.LOGIN)
            return
        new, again = form.get("新密码", ""), form.get("确认密码", "")
        problem = (loose_password_problem(new, min_len=7) if deviations.on("LN_PERSONAL_PASSWORD_7")
                   else password_problem(new))
        account = self._ln.enterprises.find(handler.tax_id)
        if problem is None and new != again:
            problem = "两次输入的密码不一致"
        if (problem is None and account is not None and self._ln.variant.reads("LN-R07", "must-differ")
                and verify_password(new, account.password_hash)):  # 「该密码与企业密码不同」 read as a rule
            problem = "个人密码不能与企业密码相同"
        if problem is not None:
            session.go(LnScreen.SET_PASSWORD, refused(problem))
            return
        self._ln.enterprises.set_personal_password(handler.tax_id, handler.id_number, hash_password(new))
        refreshed = current_handler(self._ln, session)
        enter(self._ln, session, refreshed or handler)
