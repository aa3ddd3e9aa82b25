"""自然人登录 (manual 二(二)): the registered user name, the login password, the 验证码, 服务协议 ticked."""

from __future__ import annotations

from collections.abc import Callable

from simulator.common import captcha
from simulator.common.flow import Form
from simulator.common.passwords import verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, View, refused
from simulator.liaoning.credentials import agreement_problem
from simulator.liaoning.screens import KIND, LOGIN_KINDS, NATURAL_PERSON, LnScreen
from simulator.store.sqlite import SqliteStore

NATURAL_LOGIN = "自然人登录"
#: The manual: 勾选服务协议 (no label in 【】 or 「」; the field is named after it).
SERVICE_AGREEMENT = "服务协议"
FIELDS = ("用户名", "密码", "验证码", SERVICE_AGREEMENT)


class NaturalPersonLogin:
    """A natural person's own account (the one registered with the 自然人电子税务局) logs in to the 首页."""

    def __init__(self, accounts: SqliteStore, new_captcha: Callable[[PortalSession], None]) -> None:
        self._accounts, self._new_captcha = accounts, new_captcha

    def render(self, session: PortalSession) -> View:
        if not session.captcha_required:  # the 验证码 is always asked for here
            self._new_captcha(session)
        return View(LnScreen.LOGIN, tab=NATURAL_LOGIN, fields=FIELDS, controls=(*LOGIN_KINDS, "登录"),
                    message=session.message, captcha_required=True, values=dict(session.values), template="ln_login",
                    extras={"kinds": LOGIN_KINDS, "active_kind": NATURAL_LOGIN, "modes": (),
                            "checkboxes": (SERVICE_AGREEMENT,)})

    def submit(self, session: PortalSession, form: Form) -> None:
        name = form.get("用户名", "").strip()
        problem = self._problem(session, name, form)
        if problem is not None:
            self._new_captcha(session)
            session.go(LnScreen.LOGIN, problem, {"用户名": name})

    def _problem(self, session: PortalSession, name: str, form: Form) -> Message | None:
        unticked = agreement_problem(form.get(SERVICE_AGREEMENT, ""))
        if unticked is not None:
            return refused("请阅读并勾选服务协议")
        typed = form.get("验证码", "")
        if not captcha.matches(typed, session.captcha_answer):
            return refused("请输入验证码" if not typed.strip() else "验证码错误，请重新输入")
        password = form.get("密码", "")
        if not name or not password:
            return refused("请输入用户名和密码")
        found = self._accounts.find_by_account_name(name)
        if found is None or not verify_password(password, found[0].password_hash):
            return refused("用户名或密码错误")
        session.captcha_required, session.captcha_answer = False, None
        session.state.clear()
        session.state.update({KIND: NATURAL_LOGIN, NATURAL_PERSON: found[0].person.document_number})
        session.go(LnScreen.HOME)
        return None
