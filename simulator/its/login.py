"""The ITS client's account-password login (§1.1): 实名登录 and the screens it hands over to."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import datetime

from simulator import deviations
from simulator.clock import Clock
from simulator.common import captcha
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import verify_password
from simulator.common.router import CLIENT
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.views import Message, MessageKind, Screen, View, refused
from simulator.domain.account import LOCK_DURATION, MAX_PASSWORD_FAILURES
from simulator.its.login_dates import LAUNCH_REFUSAL, before_real_name_login, former_login_controls
from simulator.store.password_locks import account_lock
from simulator.store.sqlite import MatchedBy, SqliteStore
from simulator.variant import Variant

#: ITS §1.1: "系统默认为【实名登录-账号密码登录】".
DEFAULT_LOGIN_TAB = "实名登录-账号密码登录"
SOFT_KEYBOARD_ICON = "软键盘图标"
#: ITS §1.2: the top-right switch to 扫码登录 (its action belongs to the QR login flow; no label in the guide).
QR_LOGIN_SWITCH = "二维码登录"
LOCK_MINUTES = int(LOCK_DURATION.total_seconds() // 60)


class LoginFlow(FlowBase):
    """【登录】 checks captcha (once required), account, lock and password, in that order."""

    def __init__(self, store: SqliteStore, clock: Clock, sessions: SessionRegistry,
                 variant: Variant | None = None) -> None:
        self._store, self._clock, self._sessions = store, clock, sessions
        self._locks = account_lock(store)
        variant = variant or Variant.default()
        #: ITS-R01: a non-resident-ID holder logs in by 登录名/手机号码 only (§1.1), or by any of the three (§2.1③).
        self._any_identifier = variant.reads("ITS-R01", "any-identifier")
        #: Before 2019-11-09: a login page without 【实名登录】 (default), or one whose 【登录】 refuses (the variant).
        self._launch_refuses = variant.launch_refuses

    def entries(self) -> Mapping[str, str]:
        return {CLIENT: Screen.LOGIN}

    def screens(self) -> Iterable[str]:
        return (Screen.LOGIN,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        login = Screen.LOGIN
        return {
            (login, "登录"): self.submit_login,
            (login, "关闭"): lambda s, _: setattr(s, "soft_keyboard_open", False),
            (login, SOFT_KEYBOARD_ICON): lambda s, _: setattr(s, "soft_keyboard_open", not s.soft_keyboard_open),
            (login, "马上注册" if deviations.on("ITS_REGISTER_LABEL") else "立即注册"):
                lambda s, _: s.go(Screen.REGISTRATION),
            (login, "忘记密码"): lambda s, _: s.go(Screen.FORGOT_PASSWORD),
        }

    def render(self, session: PortalSession) -> View:
        before_launch = before_real_name_login(session, self._clock)  # ITS 前言: 【实名登录】 from 2019-11-09
        if before_launch is not None and not self._launch_refuses:
            return before_launch
        fields = ("账号", "密码", "验证码") if session.captcha_required else ("账号", "密码")
        controls = ["登录", "忘记密码", "马上注册" if deviations.on("ITS_REGISTER_LABEL") else "立即注册",
                    SOFT_KEYBOARD_ICON, QR_LOGIN_SWITCH]
        if session.soft_keyboard_open:
            controls.append("关闭")
        controls.extend(former_login_controls(session, self._clock))  # ITS 注意: valid before 2020-01-01
        tab = "实名登录-账号密码登陆" if deviations.on("ITS_DEFAULT_TAB_WORD") else DEFAULT_LOGIN_TAB
        return View(Screen.LOGIN, tab=tab, fields=fields, controls=tuple(controls),
                    message=session.message, captcha_required=session.captcha_required,
                    soft_keyboard_open=session.soft_keyboard_open, values=dict(session.values), template="login")

    def submit_login(self, session: PortalSession, form: Form) -> None:
        name = form.get("账号", "").strip()
        problem = self._login_problem(session, name, form.get("密码", ""), form.get("验证码", ""))
        if problem is not None:
            session.go(Screen.LOGIN, problem, {"账号": name})

    def _login_problem(self, session: PortalSession, name: str, password: str, typed: str) -> Message | None:
        if self._launch_refuses and before_real_name_login(session, self._clock) is not None:
            return refused(LAUNCH_REFUSAL)
        if session.captcha_required and not captcha.matches(typed, session.captcha_answer) \
                and not deviations.on("ITS_LOGIN_CAPTCHA_IGNORED"):
            self._new_captcha(session)
            return refused("请输入验证码" if not typed.strip() else "验证码错误，请重新输入")
        if not name or not password:
            return refused("请输入账号和密码")
        found = self._store.find_by_account_name(name)
        if found is None:
            return refused("该账号尚未注册，请点击【立即注册】完成实名注册后再登录")
        account, matched_by = found
        if matched_by is MatchedBy.PHONE and deviations.on("ITS_PHONE_ACCOUNT_REFUSED"):
            return refused("该账号尚未注册，请点击【立即注册】完成实名注册后再登录")
        key = account.person.document_number
        if (matched_by is MatchedBy.DOCUMENT_NUMBER and not self._any_identifier
                and not account.person.document_type.allows_document_number_login
                and not deviations.on("ITS_DOCUMENT_NUMBER_LOGIN_ANY_TYPE")):
            return refused("注册时选择除居民身份证以外证件类型的，请使用登录名或手机号码登录")
        now = self._clock.now()
        if account.is_locked(now):
            return self._locked(account.locked_until)
        if not session.captcha_required and self._locks.captcha_required(key):
            self._new_captcha(session)  # the captcha is the account's: a new cookie must answer one too
            return refused("请输入验证码")
        if not verify_password(password, account.password_hash):
            self._new_captcha(session)
            count = self._locks.count_wrong(key, now)
            if count is None or count.locked(now):
                return self._locked(None if count is None else count.locked_until)
            return refused(f"账号或密码错误，再错{MAX_PASSWORD_FAILURES - count.failures}次账号将被锁定")
        if not self._locks.accept(key, account.password_hash, now):  # locked (or reset) while the password was checked
            self._new_captcha(session)
            again = self._store.find_by_document_number(key)
            return self._locked(None if again is None else again.locked_until)
        session.captcha_required, session.captcha_answer = False, None
        session.account_document = account.person.document_number
        session.go(Screen.UNIT_VERIFICATION)
        return None

    def _locked(self, until: datetime | None) -> Message:
        minutes = LOCK_MINUTES if until is None else math.ceil((until - self._clock.now()).total_seconds() / 60)
        return Message(f"密码错误次数过多，账号已被锁定，请{minutes}分钟后再试，或通过【忘记密码】解锁账号",
                       MessageKind.LOCKED)

    def _new_captcha(self, session: PortalSession) -> None:
        session.require_captcha()
        self._sessions.captcha_issued(session)


def back_to_login(session: PortalSession, _: Form) -> None:
    """【返回登录】/【退出】: back to an empty login page."""
    session.account_document = None
    session.state.clear()
    session.go(Screen.LOGIN)
