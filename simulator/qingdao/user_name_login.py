"""用户名登录 (FAQ 11 用户名密码, FAQ 13 用户名是个人用户账号的一种): 用户名 and the personal user password."""

from __future__ import annotations

from collections.abc import Mapping

from simulator.common.flow import Action, Form
from simulator.common.sessions import PortalSession
from simulator.qingdao.access import captcha_problem, check_password, password_fields, tax_id_problem, to_second_factor
from simulator.qingdao.screens import TAX_ID, QdScreen, Qingdao

USER_NAME_LOGIN = "用户名登录"
USER_NAME, PASSWORD = "用户名", "密码"


class UserNameLogin:
    """The first factor; the second follows (FAQ 9). A name nobody set reads as 该用户未注册."""

    name = USER_NAME_LOGIN

    def __init__(self, qd: Qingdao) -> None:
        self._qd = qd

    def fields(self, session: PortalSession) -> tuple[str, ...]:
        return password_fields(self._qd, session, (USER_NAME, PASSWORD))

    def controls(self, session: PortalSession) -> tuple[str, ...]:
        return ()

    def actions(self) -> Mapping[str, Action]:
        return {}

    def submit(self, session: PortalSession, form: Form) -> None:
        typed = form.get(USER_NAME, "").strip()
        kept = {USER_NAME: typed, **({TAX_ID: form[TAX_ID]} if TAX_ID in form else {})}
        problem = captcha_problem(self._qd, session, form)
        if problem is not None:
            session.go(QdScreen.LOGIN, problem, kept)
            return
        person = self._qd.people.find_by_user_name(typed) if typed else None
        problem = check_password(self._qd, person, form.get(PASSWORD, ""), self.name)
        if problem is None and person is not None:
            problem = tax_id_problem(self._qd, session, person, form)
        if problem is not None or person is None:
            session.go(QdScreen.LOGIN, problem, kept)
            return
        to_second_factor(session, person)
