"""One-time tickets handing a session the hooks prepared to the browser that opens the ticket's address once.

A shortcut that ends in the middle of a flow (a registration verified, the login settings to fill in) prepares
the session on the portal's side and answers an address holding a ticket (docs/vendors.md, "Optional
shortcuts"). The rules, which a vendor copies:

- the ticket is random (256 bits from `secrets`), minted only by a hooks call (token-guarded), and its address is
  served only where the hooks are mounted;
- it lives TTL_SECONDS at most (on a monotonic clock, not the portal's clock the hooks move) and is used once:
  redeeming removes it, so a second use, an expired or an unknown ticket all get the same refusal and no session;
- it binds one prepared session and nothing else: redeeming keeps that session under a new id (never the scratch
  id it was prepared under) for the one entry it belongs to.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from simulator.common.sessions import PortalSession, SessionRegistry

#: How long an address may wait to be opened, in seconds (the suite opens it at once).
TTL_SECONDS = 60
#: Tickets kept at most; beyond, the oldest is dropped (each needs a hooks call with the token).
MAX_TICKETS = 1_000
#: Where the web app serves the addresses (simulator/web/handoff.py), only with the hooks mounted.
PATH = "/__conformance__/open/"


@dataclass(frozen=True)
class Prepared:
    """What a ticket hands over: a session prepared for an entry, and when the ticket stops being good."""

    entry: str
    session: PortalSession
    deadline: float


class Handoffs:
    """Tickets by value; `mint` where the hooks prepared a session, `redeem` where its address is opened."""

    def __init__(self, sessions: SessionRegistry, monotonic: Callable[[], float] = time.monotonic,
                 ttl: float = TTL_SECONDS) -> None:
        self._sessions, self._now, self._ttl = sessions, monotonic, ttl
        self._tickets: dict[str, Prepared] = {}
        self._lock = threading.Lock()

    def mint(self, entry: str, session: PortalSession) -> str:
        """A new ticket for this prepared session; its address is PATH + the ticket."""
        ticket = secrets.token_urlsafe(32)
        now = self._now()
        with self._lock:
            for old in [t for t, p in self._tickets.items() if p.deadline <= now]:
                del self._tickets[old]
            while len(self._tickets) >= MAX_TICKETS:
                del self._tickets[next(iter(self._tickets))]
            self._tickets[ticket] = Prepared(entry, session, now + self._ttl)
        return ticket

    def address(self, ticket: str) -> str:
        return PATH + ticket

    def redeem(self, ticket: str) -> tuple[str, str] | None:
        """(the entry, the session id its cookie gets) for a live ticket, used up now; None for any other."""
        with self._lock:
            prepared = self._tickets.pop(ticket, None)
        if prepared is None or self._now() >= prepared.deadline:
            return None
        return prepared.entry, self._sessions.adopt(prepared.session)

    def reset_state(self) -> None:
        with self._lock:
            self._tickets.clear()
