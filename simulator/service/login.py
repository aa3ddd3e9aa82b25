"""The ITS client's account-password login (§1.1) as explicit steps over a session."""

from __future__ import annotations

import math

from simulator.clock import Clock
from simulator.domain.account import MAX_PASSWORD_FAILURES, Account
from simulator.service import captcha
from simulator.service.passwords import verify_password
from simulator.service.screens import render
from simulator.service.sessions import PortalSession, SessionRegistry
from simulator.service.views import Message, MessageKind, Screen, View
from simulator.store.sqlite import MatchedBy, SqliteStore


def refused(text: str) -> Message:
    return Message(text, MessageKind.REFUSED)


class LoginService:
    """Login page actions. Each returns the View the user sees next."""

    def __init__(self, store: SqliteStore, clock: Clock, sessions: SessionRegistry) -> None:
        self._store, self._clock, self._sessions = store, clock, sessions

    def view(self, session_id: str | None) -> tuple[str, View]:
        """The session's current screen (a new session starts on the login page)."""
        session = self._sessions.get(session_id)
        return session.id, self._render(session)

    def submit_login(self, session_id: str, account_name: str, password: str, captcha_typed: str = "") -> View:
        """【登录】: check captcha (once required), account, lock and password, in that order."""
        session = self._sessions.get(session_id)
        session.values = {"账号": account_name}
        problem = self._login_problem(session, account_name.strip(), password, captcha_typed)
        if problem is not None:
            session.go(Screen.LOGIN, problem)
        return self._render(session)

    def toggle_soft_keyboard(self, session_id: str) -> View:
        """The soft-keyboard icon opens or closes it."""
        session = self._sessions.get(session_id)
        session.soft_keyboard_open = not session.soft_keyboard_open
        return self._render(session)

    def close_soft_keyboard(self, session_id: str) -> View:
        """【关闭】 on the soft keyboard."""
        session = self._sessions.get(session_id)
        session.soft_keyboard_open = False
        return self._render(session)

    def open_registration(self, session_id: str) -> View:
        """【立即注册】 opens the registration of the natural-person service platform (ITS §2)."""
        session = self._sessions.get(session_id)
        session.go(Screen.REGISTRATION)
        return self._render(session)

    def agree_registration(self, session_id: str) -> View:
        """【同意并继续】: the registration steps after it belong to a later version of the simulator."""
        session = self._sessions.get(session_id)
        session.go(Screen.REGISTRATION, Message("大厅注册码注册流程尚未在本版本模拟器中提供", MessageKind.INFO))
        return self._render(session)

    def back_to_login(self, session_id: str) -> View:
        session = self._sessions.get(session_id)
        session.go(Screen.LOGIN)
        session.account_document = None
        return self._render(session)

    def _login_problem(self, session: PortalSession, name: str, password: str, typed: str) -> Message | None:
        if session.captcha_required and not captcha.matches(typed, session.captcha_answer):
            self._new_captcha(session)
            return refused("请输入验证码" if not typed.strip() else "验证码错误，请重新输入")
        if not name or not password:
            return refused("请输入账号和密码")
        found = self._store.find_by_account_name(name)
        if found is None:
            return refused("该账号尚未注册，请点击【立即注册】完成实名注册后再登录")
        account, matched_by = found
        if matched_by is MatchedBy.DOCUMENT_NUMBER and not account.person.document_type.allows_document_number_login:
            return refused("注册时选择除居民身份证以外证件类型的，请使用登录名或手机号码登录")
        now = self._clock.now()
        if account.is_locked(now):
            return self._locked(account)
        if not verify_password(password, account.password_hash):
            account = account.after_wrong_password(now)
            self._store.save(account)
            self._new_captcha(session)
            if account.is_locked(now):
                return self._locked(account)
            left = MAX_PASSWORD_FAILURES - account.failed_password_attempts
            return refused(f"账号或密码错误，再错{left}次账号将被锁定")
        self._store.save(account.after_successful_login())
        session.captcha_required, session.captcha_answer = False, None
        session.account_document = account.person.document_number
        session.go(Screen.UNIT_VERIFICATION)
        return None

    def _locked(self, account: Account) -> Message:
        assert account.locked_until is not None
        minutes = math.ceil((account.locked_until - self._clock.now()).total_seconds() / 60)
        return Message(f"密码错误次数过多，账号已被锁定，请{minutes}分钟后再试，或通过【忘记密码】解锁账号",
                       MessageKind.LOCKED)

    def _new_captcha(self, session: PortalSession) -> None:
        session.require_captcha()
        self._sessions.captcha_issued(session)

    def _render(self, session: PortalSession) -> View:
        greeting = None
        if session.screen is Screen.UNIT_VERIFICATION and session.account_document:
            account = self._store.find_by_document_number(session.account_document)
            greeting = None if account is None else f"{account.person.name}，您好"
        return render(session, greeting)
