"""扫码登录 (ITS §1.2): the login QR code, its refresh, 【手机端下载】 and the 个人所得税APP's confirmation."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import timedelta
from typing import Any

import segno

from simulator import deviations
from simulator.clock import Clock
from simulator.common.flow import Action, FlowBase, Form, Hook
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.test_control import SeedError
from simulator.common.views import Screen, View
from simulator.domain.qr import APP_DOWNLOAD_URL, LoginToken, TokenProblem, issue, token_of
from simulator.its.login import QR_LOGIN_SWITCH
from simulator.store.qr_tokens import QrTokens
from simulator.store.sqlite import SqliteStore
from simulator.variant import Variant

QR_SCREEN = "扫码登录"
QR_TAB = "实名登录-扫码登录"
DOWNLOAD_SCREEN = "手机端下载"
#: The top-right switch; the guide prints no label for it, these are the simulator's (a profile maps others).
QR_SWITCH, PASSWORD_SWITCH = QR_LOGIN_SWITCH, "账号密码登录"
#: The guide says an expired code "需刷新重新生成" but prints no label; this is the simulator's.
REFRESH = "刷新二维码"
DOWNLOAD, BACK = "手机端下载", "返回"
#: The label the ITS_DOWNLOAD_LABEL deviation switch prints instead (the button still works under it).
DOWNLOAD_MISWORDED = "手机下载"
_STATE = "qr_token"


def qr_svg(text: str) -> str:
    """A real QR code (inline SVG) encoding text."""
    return str(segno.make(text, error="m").svg_inline(scale=5, border=2))


class QrLoginFlow(FlowBase):
    """The QR code is issued when the page switches to it or is refreshed; the app's scan hands over."""

    def __init__(self, store: SqliteStore, clock: Clock, sessions: SessionRegistry,
                 variant: Variant | None = None) -> None:
        self._store, self._clock, self._sessions = store, clock, sessions
        self._tokens = QrTokens(store)
        #: ITS-R04: a code is used up by its first scan (single-use), or scannable again until it expires.
        variant = variant or Variant.default()
        self._reusable = variant.reads("ITS-R04", "reusable-until-expiry")
        self._lifetime = timedelta(seconds=variant.qr_lifetime_seconds)  # no guide fixes it

    def screens(self) -> Iterable[str]:
        return (QR_SCREEN, DOWNLOAD_SCREEN)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {
            (Screen.LOGIN, QR_SWITCH): self.show_new_code,
            (QR_SCREEN, REFRESH): self.show_new_code,
            (QR_SCREEN, PASSWORD_SWITCH): self.back_to_password_login,
            (QR_SCREEN, DOWNLOAD): lambda s, _: s.go(DOWNLOAD_SCREEN),
            (QR_SCREEN, DOWNLOAD_MISWORDED): lambda s, _: s.go(DOWNLOAD_SCREEN),
            (DOWNLOAD_SCREEN, BACK): lambda s, _: s.go(QR_SCREEN),
        }

    def hooks(self) -> Mapping[str, Hook]:
        return {"qr.current": self.current, "qr.confirm": self.confirm}

    def render(self, session: PortalSession) -> View:
        if session.screen == DOWNLOAD_SCREEN:
            return View(DOWNLOAD_SCREEN, controls=(BACK,), message=session.message, template="app_download",
                        extras={"qr_svg": qr_svg(APP_DOWNLOAD_URL), "url": APP_DOWNLOAD_URL})
        found = self._tokens.find(session.state.get(_STATE, ""))
        now = self._clock.now()
        token = None if found is None else found[0]
        expired = token is None or token.problem(now) is not None
        download = DOWNLOAD_MISWORDED if deviations.on("ITS_DOWNLOAD_LABEL") else DOWNLOAD  # §1.2 【手机端下载】
        controls = (PASSWORD_SWITCH, download, *((REFRESH,) if expired else ()))
        extras = {"qr_svg": "" if token is None else qr_svg(token.payload), "expired": expired, "download": download,
                  "expires_in": 0 if token is None else math.ceil(token.seconds_left(now))}
        return View(QR_SCREEN, tab=QR_TAB, controls=controls, message=session.message, template="qr_login",
                    extras=extras)

    def show_new_code(self, session: PortalSession, _: Form) -> None:
        token = issue(self._clock.now(), self._lifetime)
        self._tokens.add(token, session.origin)  # the id the session keeps through logins
        session.state[_STATE] = token.value
        session.go(QR_SCREEN)

    def back_to_password_login(self, session: PortalSession, _: Form) -> None:
        self._tokens.replace_all(session.origin)
        session.state.pop(_STATE, None)
        session.go(Screen.LOGIN)

    # Test control: what the 个人所得税APP does when its user scans the code and confirms.
    def current(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """The code issued last (to `session`, if given): token, payload, times and state (pending/used/…)."""
        session = payload.get("session")
        if session is not None and not isinstance(session, str):
            raise SeedError("qr.current: 'session' must be a portal session id (a string)")
        found = self._tokens.latest() if session is None else self._tokens.latest_for(session)
        if found is None:
            return {"token": None, "state": None}
        token, now = found[0], self._clock.now()
        return {"token": token.value, "payload": token.payload, "issued_at": token.issued_at.isoformat(),
                "expires_at": token.expires_at.isoformat(), "lifetime_seconds": token.lifetime.total_seconds(),
                "expires_in_seconds": token.seconds_left(now), "state": token.state(now)}

    def confirm(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Scan (token: as shown, or "current") and confirm as the logged-in app user login_name."""
        login_name, scanned = payload.get("login_name"), payload.get("token", "current")
        if not isinstance(login_name, str) or not login_name.strip():
            raise SeedError("qr.confirm needs 'login_name': the app user who scans (a registered account)")
        if not isinstance(scanned, str):
            raise SeedError("qr.confirm: 'token' must be the scanned text, the token, or \"current\"")
        found = self._tokens.latest() if scanned.strip() in ("", "current") else \
            self._tokens.find(token_of(scanned))
        if found is None:
            return _refused(None, "二维码无效，请扫描扣缴客户端显示的登录二维码")
        token, session_id = found
        account = self._store.find_by_account_name(login_name.strip())
        if account is None:
            return _refused(token, f"个人所得税APP用户「{login_name}」不存在，请先完成实名注册")
        now = self._clock.now()
        problem = token.problem(now)
        if problem is TokenProblem.USED and self._reusable and not token.is_expired(now):
            problem = None
        if problem is not None:
            return _refused(token, problem.value)
        session = self._sessions.by_origin(session_id)
        again = self._reusable and token.used_at is not None  # ITS-R04 reusable: the client logged in by it already
        if session is None or (session.screen not in self.screens() and not again):
            self._tokens.replace_all(session_id)
            return _refused(token, "扣缴客户端已离开扫码登录页面，请重新扫码")
        person = account[0].person
        self._tokens.mark_used(replace(token, used_at=now) if self._reusable else token.use(now), account[0].login_name)
        # Hand over exactly as the account-password login does (ITS §1.2: 验证成功之后，进行单位办税验证).
        session.captcha_required, session.captcha_answer = False, None
        session.account_document = person.document_number
        session.state.pop(_STATE, None)
        session.go(Screen.UNIT_VERIFICATION)
        return {"confirmed": True, "token": token.value, "login_name": account[0].login_name, "error": None}


def _refused(token: LoginToken | None, error: str) -> dict[str, Any]:
    return {"confirmed": False, "token": None if token is None else token.value, "error": error}
