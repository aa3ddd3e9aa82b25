"""The browser driver's test control: the conformance hooks, told the browser's session and the portal's words."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

from drivers import gestures
from drivers.browser_session import ContextLease, origin_of
from drivers.hooks_client import HooksClient
from drivers.page_finder import PageFinder
from drivers.profile import Profile
from drivers.protocol import DriverError
from fixtures.identities import Identity

#: Keys of hook payloads whose values are enumerations the profile's aliases spell the portal's way.
ENUMERATION_KEYS = ("document_type", "role", "roles")


#: Resolves at the document's next read of the page clock (true), or after the given milliseconds (false).
NEXT_CLOCK_READ = """(wait) => new Promise((done) => {
  const clock = globalThis.__pwClock;
  if (!clock) { done(false); return; }
  const controller = clock.controller, now = controller.now;
  const timer = clock.builtins.setTimeout(() => { delete controller.now; done(false); }, wait);
  controller.now = function () { delete controller.now; clock.builtins.clearTimeout(timer); done(true);
    return now.apply(controller, arguments); };
})"""
CLOCK_READ_MS = 1100


def clock_eager() -> bool:
    """ETAX_CLOCK=eager: the page clock installed when each scenario starts (the former behaviour), not at its
    first move."""
    return os.environ.get("ETAX_CLOCK", "lazy") == "eager"


class BrowserTestControl:
    """Arranging through the hooks; the driver sets these attributes up."""

    _url: str
    _profile: Profile
    _hooks: HooksClient
    _context: BrowserContext
    _lease: ContextLease
    _find: PageFinder
    _entry: str
    page: Page

    def reset(self) -> None:
        self._hooks.reset()

    def seed_person(self, identity: Identity) -> None:
        self._hooks.seed_person(identity, document_type=self._find.alias(identity.document_type.value))

    def session_id(self) -> str | None:
        """The portal's session of this browser in the current entry, by the cookie the profile names."""
        name = self._profile.session_cookies.get(self._entry)
        if name is None or not self._profile.session_for:
            return None
        return next((c.get("value") for c in self._context.cookies(self._url) if c.get("name") == name), None)

    def current_captcha(self) -> str:
        answer = self._hooks.current_captcha(self.session_id() if "captcha" in self._profile.session_for else None)
        if answer is None:
            raise DriverError("当前页面没有要求输入验证码")
        return answer

    def advance_clock(self, delta: timedelta) -> None:
        self._hooks.advance_clock(delta)
        # Jump the browser's clock too, firing due timers once, as after a closed laptop lid is reopened.
        fresh = self._install_page_clock()
        self._context.clock.fast_forward(round(delta.total_seconds() * 1000))
        if fresh:
            self._next_clock_read()

    def set_clock(self, instant: datetime) -> None:
        self._hooks.set_clock(instant.isoformat())
        fresh = self._install_page_clock()
        self._context.clock.set_system_time(instant)
        if fresh:
            self._next_clock_read()

    def _install_page_clock(self) -> bool:
        """The page's own clock (countdowns such as a QR code's expiry), moved with the portal's. Installed at its
        first move, at the real time, in every document of the context (those already open included) — not when
        the scenario starts: every document pays for it, and most scenarios never move it (ETAX_CLOCK=eager: at the
        start, as before). The next scenario gets the full reset, which removes it. True: installed just now."""
        if self._lease.clock_installed:
            return False
        self._lease.clock_moved()
        self._context.clock.install()
        return True

    def _next_clock_read(self) -> None:
        """The clock was installed into a document already open on the portal: a countdown there runs on the
        real timers it started before, which the move does not fire (it fires only the clock's own), and reads the
        moved clock at its next tick. So wait for the document's next read of the clock — at most CLOCK_READ_MS (a
        countdown that shows seconds reads it at least once a second); a page that never reads it costs that
        once, in the scenario's first move only."""
        if origin_of(self.page.url) is None:
            return
        with contextlib.suppress(PlaywrightError):  # a page navigating away reads it anew anyway
            self.page.evaluate(NEXT_CLOCK_READ, CLOCK_READ_MS)

    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        body = {key: self._portal_words(key, value) for key, value in (payload or {}).items()}
        session = self.session_id() if capability in self._profile.session_for else None
        if session is not None:
            body.setdefault("session", session)
        answer = self._hooks.hook(capability, body)
        gestures.after_app(self._find, capability)  # what the page needs after the app acted (profile `after_app`)
        return answer

    def take_over(self, capability: str, payload: Mapping[str, Any], entry: str) -> None:
        """The answered address opened in this page (the context's namespace header rides along), once; only an
        address on the portal's own origin is opened."""
        address = self.hook(capability, payload).get("open")
        url = urljoin(self._url + "/", address) if isinstance(address, str) else ""
        if not url or urlsplit(url)[:2] != urlsplit(self._url)[:2]:
            raise DriverError(f"「{capability}」应答的 open 不是门户（{self._url}）上的地址：{address!r}")
        self._entry = entry
        landed = self.page.goto(url)
        if landed is None or not landed.ok:
            status = "没有应答" if landed is None else f"HTTP {landed.status}"
            raise DriverError(f"打开「{capability}」给出的地址被拒绝（{status}）")

    def _portal_words(self, key: str, value: Any) -> Any:
        if key not in ENUMERATION_KEYS:
            return value
        if isinstance(value, str):
            return self._find.alias(value)
        if isinstance(value, list):
            return [self._find.alias(v) if isinstance(v, str) else v for v in value]
        return value
