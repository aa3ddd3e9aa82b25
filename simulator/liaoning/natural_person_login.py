"""自然人登录 (manual 二(二)): the registered user name, the login password, the 验证码, 服务协议 ticked."""

from __future__ import annotations

from collections.abc import Callable

from simulator import deviations
from simulator.clock import Clock
from simulator.common import captcha
from simulator.common.flow import Form
from simulator.common.passwords import verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.liaoning.credentials import agreement_problem
from simulator.liaoning.screens import KIND, LOGIN_KINDS, NATURAL_PERSON, LnScreen
from simulator.store.password_locks import account_lock
from simulator.store.sqlite import SqliteStore

NATURAL_LOGIN = "自然人登录"
#: The manual: 勾选服务协议 (no label in 【】 or 「」; the field is named after it).
SERVICE_AGREEMENT = "服务协议"
FIELDS = ("用户名", "密码", "验证码", SERVICE_AGREEMENT)
#: The manual fixes no lock here; the account's own (ITS §1.1: 5 wrong → 120 minutes) is shown in plain words.
LOCKED = "密码错误次数过多，账号已被锁定，请稍后再试，或通过「忘记密码」找回密码"


class NaturalPersonLogin:
    """A natural person's own account (the one registered with the 自然人电子税务局) logs in to the 首页."""

    def __init__(self, accounts: SqliteStore, new_captcha: Callable[[PortalSession], None], clock: Clock) -> None:
        self._accounts, self._new_captcha, self._clock = accounts, new_captcha, clock
        #: The account is the natural person's one (ITS §1.1): its lock holds here too, and wrong passwords count.
        self._locks = account_lock(accounts)

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
        if not captcha.matches(typed, session.captcha_answer) and not deviations.on("LN_NATURAL_CAPTCHA_IGNORED"):
            return refused("请输入验证码" if not typed.strip() else "验证码错误，请重新输入")
        password = form.get("密码", "")
        if not name or not password:
            return refused("请输入用户名和密码")
        found = self._accounts.find_by_account_name(name)
        if found is None:
            return refused("用户名或密码错误")
        account, now = found[0], self._clock.now()
        key = account.person.document_number
        if account.is_locked(now):
            return Message(LOCKED, MessageKind.LOCKED)
        if not verify_password(password, account.password_hash):
            count = self._locks.count_wrong(key, now)
            return Message(LOCKED, MessageKind.LOCKED) if count is None or count.locked(now) else \
                refused("用户名或密码错误")
        if not self._locks.accept(key, account.password_hash, now):
            return Message(LOCKED, MessageKind.LOCKED)
        session.captcha_required, session.captcha_answer = False, None
        session.state.clear()
        session.state.update({KIND: NATURAL_LOGIN, NATURAL_PERSON: found[0].person.document_number})
        session.go(LnScreen.HOME)
        return None
