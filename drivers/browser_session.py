"""A worker's browser context, handed to one scenario after another as if new (docs/parallel.md, issue 21).

A new browser context per scenario starts a new renderer process per scenario: most of a short scenario's cost
on a small machine. So a worker keeps ONE context and one page, and each scenario gets them back reset as a new
context is. Two ways, the same result:

- **full**: Playwright's own context reuse (the mechanism `playwright test` uses; `Browser.newContextForReuse` of
  its protocol): every other page closed, the page sent to about:blank, the page clock uninstalled, the HTTP cache
  and cookies cleared, then every origin the context has ever seen opened in the page (answered by an empty page)
  to clear its local and session storage, IndexedDB and service workers, the emulation set again.
- **fast** (what most scenarios get): the same, cheaper, where it provably amounts to the same for what the last
  scenario did. When the scenario ends, its dialogs are dismissed, routes removed, other pages closed, the session
  storage and window.name cleared in the page while it is still on the one origin it visited (both live in the
  tab, and the tab is reused), and the page sent to about:blank: by `page.goto`, or with ETAX_LEAVE=keep by the
  document itself (`location.href`), which keeps its renderer process: `page.goto` leaves a blank of no origin from
  which a portal sending `Cross-Origin-Opener-Policy` (the simulator does) opens in a NEW renderer process, one per
  scenario (`page.goto` is the fallback when the document has not left within LEAVE_MS). Kept is cheaper per
  scenario in isolation but measured slower over whole features (bench/RESULTS.md), so it is not the default. The
  old document's timers and fetches end with it either way. Known leak of ETAX_LEAVE=keep: after a scenario on
  two origins and Playwright's reset, the session storage of the second origin visited may reach a later scenario
  (the test is marked xfail); with `page.goto` the portal's COOP gives it a fresh browsing context group. When the
  next scenario leases: the tab's history is cut back to its one blank entry (`Page.resetNavigationHistory`),
  the HTTP cache (`Network.clearBrowserCache`, as Playwright does), the cookies, and the local storage,
  IndexedDB, cache storage and service workers of each origin the scenario's
  frames visited (`Storage.clearDataForOrigin`) are cleared over a DevTools session on the page, and the mouse is
  moved off the page as Playwright does. After Playwright's reset too, window.name and the history are put back.

  The full reset is used instead when the scenario visited more than one origin (a session storage left in
  another origin could not be reached), installed the page clock (there is no public way to uninstall it; the
  driver installs it only when a scenario moves it: drivers/browser_control.py), left the page closed or not on
  its origin, when the next scenario asks other context options, when a DevTools session cannot be opened, when
  anything in the fast reset fails, and always with `ETAX_RESET=full`.

Origins are counted as Playwright counts them (http and https frames; about:, data: and blob: documents hold no
storage of their own). tests/common/test_browser_reuse.py proves either way leaves nothing behind: cookies, local and
session storage, IndexedDB, a service worker, a cached response (a script and an image in the kept renderer's
memory too), an open dialog, a moved page clock, a poll whose answer sets a cookie, window.name, the history; and
that the renderer process is kept. Not undone by either (nor by Playwright's reset): a `fetch(..., {keepalive:
true})` or `sendBeacon` still in flight outlives its document and may set a cookie later; no portal here uses them.

ETAX_CONTEXT=new gives each scenario a context of its own, as before (to compare, or to rule reuse out when in
doubt); ETAX_RESET=full always resets through Playwright (to compare, or to rule the fast reset out);
ETAX_LEAVE=keep lets the document leave itself in the fast reset (its renderer kept; to compare);
ETAX_VISITORS=new gives each visitor of an "at once" scenario a new context, as before (to compare).

The visitors of an "at once" scenario (PortalDriver.at_once) each get one of the worker's visitor contexts, reset
fast the same way (lease_visitor), else a new one: a visitor's context that only the full reset would clear is
closed (Playwright reuses only one context per browser, the scenario's). They stay open between scenarios (a
blank page each, as many as the most visitors a scenario had).
"""

from __future__ import annotations

import contextlib
import os
from typing import Any, Literal
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, CDPSession, Dialog, Frame, Page
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api._generated import mapping  # type: ignore[attr-defined]

Reset = Literal["new", "fast", "full"]

#: Run in the page when the scenario ends: its session storage cleared (the tab's, for the origin it is on), and
#: whether Playwright's page clock is in the document (a clock installed by anyone, not only the driver).
TIDY_TAB = """() => {
  window.name = '';
  try { window.sessionStorage.clear(); } catch (e) { return {cleared: false, clock: !!globalThis.__pwClock}; }
  return {cleared: true, clock: !!globalThis.__pwClock};
}"""
#: The document leaves itself for about:blank: a navigation it starts keeps its renderer process (one the browser
#: starts, as `page.goto` does, gets a new one). The blank document inherits the portal's origin and holds nothing.
LEAVE = "() => { window.location.href = 'about:blank'; }"
#: How long the document may take to leave itself before `page.goto("about:blank")` does it (ms).
LEAVE_MS = 3_000


def reuse_wanted() -> bool:
    return os.environ.get("ETAX_CONTEXT", "reuse") != "new"


def fast_reset_wanted() -> bool:
    return os.environ.get("ETAX_RESET", "fast") != "full"


def renderer_kept() -> bool:
    return os.environ.get("ETAX_LEAVE", "goto") == "keep"


def origin_of(url: str) -> str | None:
    """The origin Playwright counts a frame's document in (only http and https ones), else None."""
    if not url.startswith("http"):
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


class ContextLease:
    """The context and page one scenario uses; `give_back` when it ends. `reset` tells how it was made ready."""

    def __init__(self, context: BrowserContext, page: Page, browser: Browser | None = None,
                 options: dict[str, Any] | None = None, reset: Reset = "new", cdp: CDPSession | None = None,
                 visitor: bool = False) -> None:
        self.context, self.page, self._browser, self.visitor = context, page, browser, visitor
        self.options, self.reset, self._cdp = dict(options or {}), reset, cdp
        self._dialogs: list[Dialog] = []
        self._leaving = False
        #: What the scenario did that a fast reset must undo (or that rules it out).
        self.origins: set[str] = set()
        self.clock_installed = False
        self.fast_next = False  # set when given back: the tab is tidy, the next lease may reset fast
        self._watched: list[Page] = []
        self._viewport = page.viewport_size
        if browser is not None:
            context.on("dialog", self._seen)
            context.on("page", self._watch)
            self._watch(page)

    def _seen(self, dialog: Dialog) -> None:
        """Kept to close when the scenario ends; answered at once as Playwright does when nobody else listens (and
        always once the scenario has ended)."""
        self._dialogs.append(dialog)
        page = dialog.page
        if self._leaving or page is None or not page._impl_obj.listeners("dialog"):
            with contextlib.suppress(PlaywrightError):
                if dialog.type == "beforeunload":
                    dialog.accept()
                else:
                    dialog.dismiss()

    def _watch(self, page: Page) -> None:
        """Another page of the context (a popup): its frames' origins count too (it is closed at the end)."""
        page.on("framenavigated", self._navigated)
        self._watched.append(page)
        for frame in page.frames:
            self._navigated(frame)

    def _navigated(self, frame: Frame) -> None:
        origin = origin_of(frame.url)
        if origin is not None:
            self.origins.add(origin)

    @property
    def reused(self) -> bool:
        return self._browser is not None

    def clock_moved(self) -> None:
        """The page clock is (about to be) installed in the context: the next scenario gets the full reset."""
        self.clock_installed = True

    def give_back(self) -> None:
        if self._browser is None:
            self.context.close()
            return
        if not self.visitor:
            _busy.discard(id(self._browser))
        self._leaving = True
        for dialog in self._dialogs:  # one left open would hold the page (and the next reset) forever
            with contextlib.suppress(PlaywrightError):
                dialog.dismiss()
        with contextlib.suppress(PlaywrightError):  # what the scenario added; the rest is reset on the next lease
            self.context.unroute_all(behavior="ignoreErrors")
            self.page.unroute_all(behavior="ignoreErrors")
        if fast_reset_wanted():
            self.fast_next = self._tidy_tab()
        self.context.remove_listener("dialog", self._seen)
        self.context.remove_listener("page", self._watch)
        for page in self._watched:
            page.remove_listener("framenavigated", self._navigated)
        if self.visitor:
            _visitors_back.setdefault(id(self._browser), []).append(self)
        else:
            _given_back[id(self._browser)] = self

    def _tidy_tab(self) -> bool:
        """The tab's part of a fast reset, done while the page is still on its origin; False where only the full
        reset is sure to undo what the scenario did."""
        if self.clock_installed or len(self.origins) > 1 or self.page.viewport_size != self._viewport:
            return False
        try:
            for page in self.context.pages:
                if page is not self.page:
                    page.close()
            if self.page.is_closed():
                return False
            if self.origins and origin_of(self.page.url) not in self.origins:
                return False  # the session storage of the origin visited is out of reach from here
            tidied = self.page.evaluate(TIDY_TAB)
            if tidied.get("clock") or (self.origins and not tidied.get("cleared")):
                return False
            self._leave()
        except PlaywrightError:
            return False
        # Still one origin at most, and the page on about:blank (a frame that navigated meanwhile is counted).
        return len(self.origins) <= 1 and self.page.url == "about:blank" and len(self.context.pages) == 1

    def _leave(self) -> None:
        """The page to about:blank, in the same renderer process where it can (raises PlaywrightError)."""
        if renderer_kept():
            try:
                with self.page.expect_navigation(url="about:blank", timeout=LEAVE_MS):  # from about:blank too
                    self.page.evaluate(LEAVE)
                return
            except PlaywrightError:
                pass  # a document that would not leave: the browser sends it away
        self.page.goto("about:blank")

    def fast_reset(self) -> CDPSession:
        """The context's part of a fast reset (the tab's was done when given back). Raises PlaywrightError."""
        cdp = self._cdp or self.context.new_cdp_session(self.page)
        cdp.send("Page.resetNavigationHistory")  # back to one entry, about:blank, as a new page has
        cdp.send("Network.clearBrowserCache")
        for origin in sorted(self.origins):
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.context.clear_cookies()
        self.page.mouse.move(-1, -1)
        return cdp


#: Browsers whose reused context is leased now: a second driver at the same time gets a new context.
_busy: set[int] = set()
#: The lease each browser's reused context was last given back with: what its scenario did.
_given_back: dict[int, ContextLease] = {}
#: The visitors' contexts (PortalDriver.at_once) each browser was given back, with what their visitors did.
_visitors_back: dict[int, list[ContextLease]] = {}


def lease(browser: Browser, options: dict[str, Any]) -> ContextLease:
    """A context as new for this scenario: the worker's reused one (reset fast or fully), or a new one
    (ETAX_CONTEXT=new, or while the worker's is leased)."""
    if not reuse_wanted() or id(browser) in _busy:
        made = browser.new_context(**options)
        return ContextLease(made, made.new_page())
    given = {k: v for k, v in options.items() if v is not None}
    last = _given_back.pop(id(browser), None)
    held = _reset(browser, given, last)
    _busy.add(id(browser))
    return held


def lease_visitor(browser: Browser, options: dict[str, Any]) -> ContextLease:
    """A context as new for one visitor of an "at once" scenario: one the worker's visitors used before, reset fast,
    else a new one (kept for a later visitor when given back). A visitor's context that only the full reset would
    clear is closed: Playwright reuses one context per browser, the scenario's."""
    if not reuse_wanted() or os.environ.get("ETAX_VISITORS") == "new":
        made = browser.new_context(**options)
        return ContextLease(made, made.new_page())
    given = {k: v for k, v in options.items() if v is not None}
    pool = _visitors_back.setdefault(id(browser), [])
    while pool:
        last = pool.pop()
        if _fast_ready(last, given):
            try:
                cdp = last.fast_reset()
            except PlaywrightError:
                pass
            else:
                return ContextLease(last.context, last.page, browser, given, "fast", cdp, visitor=True)
        with contextlib.suppress(PlaywrightError):
            last.context.close()
    made = browser.new_context(**given)
    return ContextLease(made, made.new_page(), browser, given, "new", visitor=True)


def _fast_ready(last: ContextLease, given: dict[str, Any]) -> bool:
    """Whether the context given back with `last` may be reset fast for a lease with these options."""
    return last.fast_next and fast_reset_wanted() and last.options == given and not last.page.is_closed() \
        and last.context.pages == [last.page]


def _reset(browser: Browser, given: dict[str, Any], last: ContextLease | None) -> ContextLease:
    if last is not None and _fast_ready(last, given):
        try:
            cdp = last.fast_reset()
        except PlaywrightError:
            pass  # the full reset below
        else:
            return ContextLease(last.context, last.page, browser, given, "fast", cdp)
    # Playwright's Python API has no public name for it; its implementation does (playwright>=1.4x).
    context: BrowserContext = mapping.from_impl(browser._sync(browser._impl_obj._new_context_for_reuse(given)))
    page = context.pages[0] if context.pages else context.new_page()
    kept = last._cdp if last is not None and last.page is page else None
    with contextlib.suppress(PlaywrightError):  # what Playwright's reset leaves: the tab's name and history
        page.evaluate("() => { window.name = ''; }")
        kept = kept or context.new_cdp_session(page)
        kept.send("Page.resetNavigationHistory")
    return ContextLease(context, page, browser, given, "full", kept)
