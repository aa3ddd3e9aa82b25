"""The login methods of the login page (FAQ 11: 密码登录 and 扫码登录), and the flows they bring.

A method is one way of the login page: its name is the control that shows it (证件号码登录, 用户名登录…), its fields
are what the page asks, `submit` is 【登录】. It ends through `access` (second factor, then `enter`). The
reference builds 证件号码登录 here; qd-methods adds the others in `login_methods` and their own screens in
`method_flows` (docs/qingdao-design.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from simulator.common.flow import Action, Flow, Form
from simulator.common.sessions import PortalSession
from simulator.qingdao.access import captcha_problem, check_password, password_fields, tax_id_problem, to_second_factor
from simulator.qingdao.screens import TAX_ID, QdScreen, Qingdao

DOCUMENT_LOGIN = "证件号码登录"


class LoginMethod(Protocol):
    """One way of the login page."""

    name: str

    def fields(self, session: PortalSession) -> tuple[str, ...]: ...
    def controls(self, session: PortalSession) -> tuple[str, ...]:
        """Controls of the page besides 【登录】 while this method is shown (e.g. 获取验证码)."""
        ...
    def actions(self) -> Mapping[str, Action]:
        """What those controls do (the login page's flow routes them)."""
        ...
    def submit(self, session: PortalSession, form: Form) -> None:
        """【登录】 with this method: a refusal stays on the login page (session.go with the message)."""
        ...


class DocumentNumberLogin:
    """证件号码 and the personal user password (FAQ 8), then the second factor (FAQ 9)."""

    name = DOCUMENT_LOGIN

    def __init__(self, qd: Qingdao) -> None:
        self._qd = qd

    def fields(self, session: PortalSession) -> tuple[str, ...]:
        return password_fields(self._qd, session, ("证件号码", "密码"))

    def controls(self, session: PortalSession) -> tuple[str, ...]:
        return ()

    def actions(self) -> Mapping[str, Action]:
        return {}

    def submit(self, session: PortalSession, form: Form) -> None:
        number = form.get("证件号码", "").strip().upper()
        kept = {"证件号码": number, **({TAX_ID: form[TAX_ID]} if TAX_ID in form else {})}
        problem = captcha_problem(self._qd, session, form)
        if problem is not None:
            session.go(QdScreen.LOGIN, problem, kept)
            return
        person = self._qd.people.find(number) if number else None
        problem = check_password(self._qd, person, form.get("密码", ""), self.name)
        if problem is None and person is not None:
            problem = tax_id_problem(self._qd, session, person, form)
        if problem is not None or person is None:
            session.go(QdScreen.LOGIN, problem, kept)
            return
        to_second_factor(session, person)


def login_methods(qd: Qingdao) -> list[LoginMethod]:
    """The methods the login page offers, the first one shown at first. qd-methods appends its own here."""
    return [DocumentNumberLogin(qd)]


def method_flows(qd: Qingdao) -> list[Flow]:
    """Screens the methods bring (scan pages, the 青岛税务APP…). qd-methods adds its flows here."""
    return []
