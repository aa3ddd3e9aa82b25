"""A user's session on the portal: which screen, what the captcha is, what the message says."""

from __future__ import annotations

import secrets
import threading
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from simulator.common import captcha
from simulator.common.views import Message, Screen


@dataclass
class PortalSession:
    """State of one visitor's flow. The captcha is per session: it is required after a wrong password."""

    id: str
    screen: str = Screen.LOGIN
    captcha_required: bool = False
    captcha_answer: str | None = None
    soft_keyboard_open: bool = True
    message: Message | None = None
    account_document: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    #: State other flows keep for this visitor (selected unit, QR token, registration draft…), by flow.
    state: dict[str, Any] = field(default_factory=dict)

    def require_captcha(self) -> None:
        """From now on a captcha must be entered; a new one is drawn on every refusal."""
        self.captcha_required = True
        self.captcha_answer = captcha.new_answer()

    def go(self, screen: str, message: Message | None = None, values: dict[str, str] | None = None) -> None:
        """Move to a screen, showing a message (or none) and pre-filled values (or none)."""
        self.screen, self.message, self.values = screen, message, values or {}


#: The session whose control is being pressed: what the hooks v2 use to read an SMS "per portal session".
ACTING_SESSION: ContextVar[str | None] = ContextVar("acting_session", default=None)

#: A served simulator forgets its oldest sessions beyond this many, so visitors cannot grow it forever.
MAX_SESSIONS = 10_000


class SessionRegistry:
    """Sessions by id, plus the answer of the captcha issued last (what the hooks read)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, PortalSession] = {}
        self._last_captcha_session: str | None = None

    def new(self, screen: str = Screen.LOGIN) -> PortalSession:
        session = PortalSession(id=secrets.token_urlsafe(16), screen=screen)
        with self._lock:
            self._sessions[session.id] = session
            while len(self._sessions) > MAX_SESSIONS:
                del self._sessions[next(iter(self._sessions))]
        return session

    def get(self, session_id: str | None, start: str = Screen.LOGIN) -> PortalSession:
        """The session with this id, or a new one on `start` when unknown (expired, or the server restarted)."""
        with self._lock:
            found = self._sessions.get(session_id or "")
        return found if found is not None else self.new(start)

    def live(self) -> list[PortalSession]:
        """Every session kept (e.g. to end those in a unit whose 申报密码 was just reset)."""
        with self._lock:
            return list(self._sessions.values())

    def captcha_issued(self, session: PortalSession) -> None:
        with self._lock:
            self._last_captcha_session = session.id

    def current_captcha(self, session_id: str | None = None) -> str | None:
        """The answer of a session's captcha, or of the one issued last."""
        with self._lock:
            key = session_id or self._last_captcha_session
            session = self._sessions.get(key or "")
        return None if session is None or not session.captcha_required else session.captcha_answer

    def clear(self) -> None:
        with self._lock:
            self._sessions.clear()
            self._last_captcha_session = None
