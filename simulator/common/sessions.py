"""A user's session on the portal: which screen, what the captcha is, what the message says.

Sessions are guarded as a real login's are (issue 11):
- a new id whenever who is signed in changes (login, each further login step, logout): the old id is dead, so
  an id planted before login (session fixation) is worth nothing after it;
- idle expiry: a session not used for IDLE_MINUTES on the portal's clock is forgotten;
- anonymous sessions (nobody signed in) are bounded apart from signed-in ones, so visitors creating sessions
  (10 000 cookie-less GETs) push out only other anonymous sessions, never a signed-in user.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from simulator.clock import Clock, SystemClock
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
    #: The id the session was born with: never a cookie again once rotated, only what records name it by
    #: (QR tokens, SMS sent while serving it).
    origin: str = ""
    #: Who was signed in when the id was last issued (see principal()).
    signed_in_as: tuple[str, ...] = ()
    last_used: datetime | None = None

    def __post_init__(self) -> None:
        self.origin = self.origin or self.id

    def require_captcha(self) -> None:
        """From now on a captcha must be entered; a new one is drawn on every refusal."""
        self.captcha_required = True
        self.captcha_answer = captcha.new_answer()

    def go(self, screen: str, message: Message | None = None, values: dict[str, str] | None = None) -> None:
        """Move to a screen, showing a message (or none) and pre-filled values (or none)."""
        self.screen, self.message, self.values = screen, message, values or {}


#: The session whose control is being pressed (its origin): what the hooks v2 use to read an SMS "per portal
#: session".
ACTING_SESSION: ContextVar[str | None] = ContextVar("acting_session", default=None)

#: A session unused this long (on the portal's clock) is forgotten: the visitor starts again at the entry. The
#: guides fix no session timeout: the common 30 minutes. A scenario that waits out a 120-minute lock opens the
#: login page again afterwards, as a person coming back does, so it holds for any timeout a portal chooses.
IDLE_MINUTES = 30
#: Anonymous sessions kept at most; beyond, the least recently used anonymous one is forgotten.
MAX_ANONYMOUS = 10_000
#: Signed-in sessions kept at most (each needs a right password or code, so this is a last resort only).
MAX_SIGNED_IN = 100_000
#: Session state naming who is signed in, besides account_document. A flow that signs someone in under a new
#: key adds it here, so the session id is renewed at that login too.
PRINCIPAL_KEYS = ("liaoning.tax_id", "liaoning.handler", "liaoning.factor", "liaoning.natural_person",
                  "liaoning.client", "mobile_tax_app.phone", "qingdao.pending", "qingdao.person")


def principal(session: PortalSession) -> tuple[str, ...]:
    """Who the session is signed in as; () for nobody."""
    named = (session.account_document or "", *(str(session.state.get(key) or "") for key in PRINCIPAL_KEYS))
    return named if any(named) else ()


class SessionRegistry:
    """Sessions by id, plus the captcha issued last (what the hooks read)."""

    def __init__(self, clock: Clock | None = None, idle: timedelta = timedelta(minutes=IDLE_MINUTES)) -> None:
        self._clock: Clock = clock or SystemClock()
        self._idle = idle
        self._lock = threading.Lock()
        # Least recently used first, in two pools: creating anonymous sessions never evicts a signed-in one.
        self._anonymous: OrderedDict[str, PortalSession] = OrderedDict()
        self._signed_in: OrderedDict[str, PortalSession] = OrderedDict()
        self._by_origin: dict[str, PortalSession] = {}
        self._last_captcha_origin: str | None = None

    def new(self, screen: str = Screen.LOGIN) -> PortalSession:
        session = PortalSession(id=secrets.token_urlsafe(16), screen=screen, last_used=self._clock.now())
        with self._lock:
            self._keep(session)
        return session

    def get(self, session_id: str | None, start: str = Screen.LOGIN) -> PortalSession:
        """The session with this id, or a new one on `start` when unknown (expired, rotated, or the server
        restarted). Using a session keeps it alive."""
        now = self._clock.now()
        with self._lock:
            found = self._find(session_id or "")
            if found is not None and found.last_used is not None and now - found.last_used > self._idle:
                self._forget(found)
                found = None
            if found is not None:
                found.last_used = now
                self._pool(found).move_to_end(found.id)
        return found if found is not None else self.new(start)

    def follow_sign_in(self, session: PortalSession) -> None:
        """A new id when who is signed in changed since the id was issued; the old id is dead from now on."""
        now_as = principal(session)
        if now_as == session.signed_in_as:
            return
        with self._lock:
            if self._find(session.id) is session:
                self._forget(session)
            session.id, session.signed_in_as = secrets.token_urlsafe(16), now_as
            self._keep(session)

    def adopt(self, session: PortalSession) -> str:
        """A session prepared where nobody held it (the hooks' handoff, simulator/common/handoff.py), kept from now on
        under a new id: the id its holder's cookie gets."""
        with self._lock:
            session.id, session.signed_in_as = secrets.token_urlsafe(16), principal(session)
            session.last_used = self._clock.now()
            self._keep(session)
        return session.id

    def by_origin(self, origin: str) -> PortalSession | None:
        """A live session by the id it was born with (for records that name it so, e.g. a QR token)."""
        with self._lock:
            return self._by_origin.get(origin)

    def origin_of(self, session_id: str) -> str:
        """The origin of the session with this id (the id itself when unknown)."""
        with self._lock:
            found = self._find(session_id)
        return found.origin if found is not None else session_id

    def live(self) -> list[PortalSession]:
        """Every session kept (e.g. to end those in a unit whose 申报密码 was just reset)."""
        with self._lock:
            return [*self._anonymous.values(), *self._signed_in.values()]

    def captcha_issued(self, session: PortalSession) -> None:
        with self._lock:
            self._last_captcha_origin = session.origin

    def current_captcha(self, session_id: str | None = None) -> str | None:
        """The answer of a session's captcha, or of the one issued last."""
        with self._lock:
            found = self._find(session_id) if session_id else self._by_origin.get(self._last_captcha_origin or "")
        return None if found is None or not found.captcha_required else found.captcha_answer

    def clear(self) -> None:
        with self._lock:
            self._anonymous.clear()
            self._signed_in.clear()
            self._by_origin.clear()
            self._last_captcha_origin = None

    # The helpers below run under self._lock.
    def _find(self, session_id: str) -> PortalSession | None:
        return self._anonymous.get(session_id) or self._signed_in.get(session_id)

    def _pool(self, session: PortalSession) -> OrderedDict[str, PortalSession]:
        return self._signed_in if session.signed_in_as else self._anonymous

    def _keep(self, session: PortalSession) -> None:
        pool, limit = (self._signed_in, MAX_SIGNED_IN) if session.signed_in_as else (self._anonymous, MAX_ANONYMOUS)
        pool[session.id] = session
        self._by_origin[session.origin] = session
        now = self._clock.now()
        for oldest in list(islice(pool.values(), 2)):  # sweep idle ones as sessions come, a few at a time
            if oldest.last_used is not None and now - oldest.last_used > self._idle and oldest is not session:
                self._forget(oldest)
        while len(pool) > limit:
            self._forget(next(iter(pool.values())))

    def _forget(self, session: PortalSession) -> None:
        self._pool(session).pop(session.id, None)
        if self._by_origin.get(session.origin) is session:
            del self._by_origin[session.origin]
