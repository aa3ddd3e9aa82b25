"""The worker's reused browser context is as new for every scenario (drivers/browser_session.py, issue 21).

A scenario that leaves cookies (the server's and the page's), local and session storage, IndexedDB, cache storage,
a service worker, a cached response, routes, a second page and an open dialog (a JavaScript alert nobody answered,
and an HTML modal <dialog>) behind: the next scenario, on the same reused context and page, sees none of it —
through the fast reset when the scenario stayed on one origin and left no page clock, through Playwright's full
reset when it visited a second origin or installed the page clock (a moved clock is the real one again). And the
page clock is installed only when a scenario moves it (drivers/browser_control.py).

Every test runs twice: the fast reset sending the page to about:blank with `page.goto` (the default) and letting
the document leave itself, which keeps the page's renderer process (ETAX_LEAVE=keep): what a kept renderer or tab
could carry over is checked too — a script and an image cached in memory, the old document's
timers and pending fetches (one answer sets a cookie, as the 扫码登录 page's poll does), window.name and the
history — and that the renderer is indeed kept.
"""

from __future__ import annotations

import contextlib
import http.server
import itertools
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

PAGE = b"""<!doctype html><html><head><meta charset="utf-8"></head><body><main>page</main>
<dialog id="modal"><p>a modal dialog</p></dialog></body></html>"""
WORKER = b"self.addEventListener('fetch', () => {});"
LEFT_BEHIND = """async () => {
  document.cookie = 'page_cookie=left; max-age=3600';
  localStorage.setItem('left', 'local');
  sessionStorage.setItem('left', 'session');
  await new Promise((done) => { const r = indexedDB.open('left', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('s'); r.onsuccess = () => { r.result.close(); done(); }; });
  await navigator.serviceWorker.register('/worker.js');
  await (await caches.open('left')).put('/kept', new Response('kept'));
  await fetch('/cached');
  document.getElementById('modal').showModal();
}"""
LOOK = """async () => ({
  cookie: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  databases: (await indexedDB.databases()).map((d) => d.name),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  caches: (await caches.keys()).length,
  cached: await (await fetch('/cached')).text(),
  clock: !!globalThis.__pwClock,
  modal: !!document.querySelector('dialog[open]'),
  now: Date.now(),
})"""


CLEAN = {"cookie": "", "local": 0, "session": 0, "databases": [], "workers": 0, "caches": 0, "modal": False,
         "clock": False}
#: Answers of /cached, numbered: a response answered from the HTTP cache repeats an earlier number.
_answers = itertools.count(1)
#: Requests the site answered, by path.
_hits: Counter[str] = Counter()
_hits_lock = threading.Lock()
#: A page with a script and an image the browser may keep an hour (in its HTTP cache and in the renderer's memory).
ASSETS = b"""<!doctype html><html><head><script src="/asset.js"></script></head>
<body><img src="/asset.png" alt=""></body></html>"""
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        with _hits_lock:
            _hits[path] += 1
        worker = path in ("/worker.js", "/asset.js")
        body = WORKER if worker else ASSETS if path == "/assets" else PNG if path == "/asset.png" else PAGE
        if path == "/cached":
            body = str(next(_answers)).encode()
        if path == "/late":  # answered late, with a cookie: a poll still running after its scenario would set it
            time.sleep(0.3)
            body = b"{}"
        self.send_response(200)
        kind = "image/png" if path == "/asset.png" else "text/javascript" if worker else "text/html; charset=utf-8"
        self.send_header("Content-Type", kind)
        # As the simulator's: a document that opens it from a blank tab of no origin gets a new renderer process.
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        if path in ("/cached", "/asset.js", "/asset.png"):
            self.send_header("Cache-Control", "max-age=3600")
        if path == "/login":
            self.send_header("Set-Cookie", "server_session=left; Path=/; Max-Age=3600")
        if path == "/late":
            self.send_header("Set-Cookie", "late=set; Path=/; Max-Age=3600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # a fetch cancelled with its document
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    from drivers.chromium import BrowserNotFound, launch

    with sync_api.sync_playwright() as playwright:
        try:
            launched = launch(playwright)
        except BrowserNotFound as missing:
            pytest.skip(str(missing))
        yield launched
        launched.close()


OPTIONS = {"locale": "zh-CN", "timezone_id": "Asia/Shanghai"}


@pytest.fixture(autouse=True, params=["goto", "keep"])
def leave(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """How the fast reset leaves the portal's document (drivers/browser_session.py, ETAX_LEAVE)."""
    monkeypatch.setenv("ETAX_LEAVE", request.param)
    return str(request.param)


def _messy_scenario(browser: Any, site: str, *, clock: bool = False, elsewhere: str | None = None,
                    visitor: bool = False) -> str:
    """Leaves everything behind; `clock`: moves the page clock 2 hours on (as a lock scenario does); `elsewhere`:
    visits a second origin too; `visitor`: as a visitor of an "at once" scenario. Returns the cached /cached
    answer."""
    from drivers.browser_session import lease, lease_visitor

    held = lease_visitor(browser, OPTIONS) if visitor else lease(browser, OPTIONS)
    assert held.reused
    page = held.page
    page.on("dialog", lambda dialog: None)  # a handler that never answers: the alert stays open
    page.route("**/never", lambda route: route.abort())
    if elsewhere is not None:
        page.goto(elsewhere + "/login")
        page.evaluate(LEFT_BEHIND)
    page.goto(site + "/login")
    page.evaluate(LEFT_BEHIND)
    cached: str = page.evaluate("async () => (await fetch('/cached')).text()")
    if clock:
        held.clock_moved()  # what drivers/browser_control.py says before it installs the clock
        held.context.clock.install()
        held.context.clock.fast_forward(2 * 3600 * 1000)
    held.context.new_page().goto(site + "/")  # and opened a second page
    assert {c["name"] for c in held.context.cookies(site)} == {"server_session", "page_cookie"}
    with page.expect_event("dialog"):
        page.evaluate("setTimeout(() => alert('left open'), 0)")
    held.give_back()
    return cached


def _fresh_look(browser: Any, site: str, reset: str, cached: str | None = None,
                visitor: bool = False) -> dict[str, Any]:
    from drivers.browser_session import lease, lease_visitor

    held = lease_visitor(browser, OPTIONS) if visitor else lease(browser, OPTIONS)
    assert held.reused
    assert held.reset == reset
    try:
        assert len(held.context.pages) == 1
        assert held.page.url == "about:blank"
        assert held.context.cookies() == []
        held.page.goto(site + "/")
        looked: dict[str, Any] = held.page.evaluate(LOOK)
        assert abs(looked.pop("now") / 1000 - time.time()) < 60  # the page clock is the real one
        if cached is not None:
            assert looked["cached"] != cached  # asked the server again, not the HTTP cache
        looked.pop("cached")
        return looked
    finally:
        held.give_back()


def _quiet_scenario(browser: Any, site: str) -> None:
    """Settles the reused context: a scenario that leaves nothing (the next lease may be fast)."""
    from drivers.browser_session import lease

    held = lease(browser, OPTIONS)
    held.page.goto(site + "/")
    held.give_back()


def test_a_scenario_on_one_origin_is_undone_by_the_fast_reset(browser: Any, site: str) -> None:
    for _ in range(2):
        cached = _messy_scenario(browser, site)
        assert _fresh_look(browser, site, "fast", cached) == CLEAN


def test_a_scenario_that_moved_the_page_clock_is_undone_by_the_full_reset(browser: Any, site: str) -> None:
    for _ in range(2):
        cached = _messy_scenario(browser, site, clock=True)
        # Playwright's own reset leaves the Cache Storage (the API no portal under test here uses); the fast one
        # clears it too.
        assert _fresh_look(browser, site, "full", cached) == {**CLEAN, "caches": 1}


def test_a_scenario_on_a_second_origin_is_undone_by_the_full_reset(browser: Any, site: str, leave: str) -> None:
    if leave == "keep":  # known leak of ETAX_LEAVE=keep (not the default): drivers/browser_session.py
        pytest.xfail("ETAX_LEAVE=keep: the session storage of the other origin reaches the scenario after")
    other = site.replace("127.0.0.1", "localhost")  # another origin, the same server
    cached = _messy_scenario(browser, site, elsewhere=other)
    assert _fresh_look(browser, other, "full") == {**CLEAN, "caches": 1}  # (Playwright's reset keeps it)
    assert _fresh_look(browser, site, "fast", cached) == {**CLEAN, "caches": 1}


def test_a_clock_installed_by_anyone_is_seen_and_undone_by_the_full_reset(browser: Any, site: str) -> None:
    from drivers.browser_session import lease

    _quiet_scenario(browser, site)
    held = lease(browser, OPTIONS)
    held.page.goto(site + "/")
    held.context.clock.install()  # not through the driver: the lease was not told
    held.context.clock.fast_forward(3600 * 1000)
    held.give_back()
    assert _fresh_look(browser, site, "full") == CLEAN


def test_the_reset_chosen(browser: Any, site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from drivers.browser_session import lease

    _quiet_scenario(browser, site)
    held = lease(browser, OPTIONS)
    assert held.reset == "fast"
    held.give_back()
    monkeypatch.setenv("ETAX_RESET", "full")  # forced
    held = lease(browser, OPTIONS)
    assert held.reset == "full"
    held.give_back()
    monkeypatch.delenv("ETAX_RESET")
    held = lease(browser, OPTIONS)
    assert held.reset == "full"  # given back under ETAX_RESET=full: its tab was left as it was
    held.give_back()
    held = lease(browser, {**OPTIONS, "extra_http_headers": {"X-Other": "1"}})  # other options
    assert held.reset == "full"
    held.give_back()
    held = lease(browser, OPTIONS)
    assert held.reset == "full"  # and back
    held.page.set_viewport_size({"width": 500, "height": 400})  # the page's emulation changed
    held.give_back()
    held = lease(browser, OPTIONS)
    assert held.reset == "full"
    held.give_back()


class _Hooks:
    def advance_clock(self, delta: timedelta) -> None:
        pass


COUNTDOWN = """() => { const deadline = Date.now() + 120000; const left = document.createElement('p');
  left.id = 'left'; document.body.append(left);
  const tick = () => { left.textContent = String(Math.max(0, Math.ceil((deadline - Date.now()) / 1000))); };
  tick(); setInterval(tick, 1000); }"""


def test_the_page_clock_is_installed_only_when_a_scenario_moves_it(browser: Any, site: str) -> None:
    from drivers.browser_control import BrowserTestControl
    from drivers.browser_session import lease

    _quiet_scenario(browser, site)
    held = lease(browser, OPTIONS)
    control = BrowserTestControl()
    control._lease, control._context, control._hooks = held, held.context, _Hooks()  # type: ignore[assignment]
    control.page = held.page
    held.page.goto(site + "/")
    held.page.evaluate(COUNTDOWN)  # a countdown on the page's real timers, started before any clock
    assert held.page.evaluate("!!globalThis.__pwClock") is False
    held.give_back()
    held = lease(browser, OPTIONS)
    assert held.reset == "fast"  # a scenario that never moved the clock leaves none: the next reset is fast
    control._lease, control._context, control.page = held, held.context, held.page
    held.page.goto(site + "/")
    held.page.evaluate(COUNTDOWN)
    control.advance_clock(timedelta(minutes=3))  # the first move installs it, in the document already open
    assert held.clock_installed
    assert abs(held.page.evaluate("Date.now()") / 1000 - time.time() - 180) < 30
    assert held.page.locator("#left").inner_text() == "0"  # the move returned after the countdown's next tick
    held.give_back()
    assert _fresh_look(browser, site, "full") == CLEAN  # one that did gets the full reset next


def test_a_second_driver_at_the_same_time_gets_a_context_of_its_own(browser: Any, site: str) -> None:
    from drivers.browser_session import lease

    first = lease(browser, OPTIONS)
    second = lease(browser, OPTIONS)
    try:
        assert first.reused
        assert not second.reused
        assert second.reset == "new"
        assert first.context is not second.context
    finally:
        second.give_back()
        first.give_back()
    again = lease(browser, OPTIONS)
    again.give_back()
    assert again.context is first.context


# What a kept renderer process and tab could carry over (the fast reset keeps them).
def _renderers(browser: Any) -> set[int]:
    """The pids of the browser's renderer processes, as the browser tells them."""
    cdp = browser.new_browser_cdp_session()
    try:
        return {p["id"] for p in cdp.send("SystemInfo.getProcessInfo")["processInfo"] if p["type"] == "renderer"}
    finally:
        cdp.detach()


def test_the_fast_reset_keeps_the_renderer_process(browser: Any, site: str, leave: str) -> None:
    """ETAX_LEAVE=keep: the document leaves itself, no new renderer for the next scenario (`page.goto`, the
    default, starts one per scenario: the count is not blind)."""
    from drivers.browser_session import lease

    _quiet_scenario(browser, site)
    seen: list[set[int]] = []
    for _ in range(3):
        held = lease(browser, OPTIONS)
        assert held.reset == "fast"
        held.page.goto(site + "/login")
        seen.append(_renderers(browser))
        held.give_back()
    started = [now - before for before, now in itertools.pairwise(seen)]
    assert all(not new for new in started) if leave == "keep" else all(started), started


def test_a_script_and_an_image_cached_by_the_last_scenario_are_fetched_again(browser: Any, site: str) -> None:
    """Blink's memory cache lives in the renderer, which is kept: it must not answer the next scenario."""
    from drivers.browser_session import lease

    _quiet_scenario(browser, site)
    held = lease(browser, OPTIONS)
    held.page.goto(site + "/assets")
    held.page.goto(site + "/assets")  # within a scenario the cache answers: the check below is not blind
    first = (_hits["/asset.js"], _hits["/asset.png"])
    held.give_back()
    held = lease(browser, OPTIONS)
    assert held.reset == "fast"
    held.page.goto(site + "/assets")
    held.page.wait_for_function("document.images[0].complete && document.images[0].naturalWidth === 1")
    assert (_hits["/asset.js"], _hits["/asset.png"]) == (first[0] + 1, first[1] + 1)
    held.give_back()


POLLING = """() => { setInterval(() => fetch('/late', {credentials: 'same-origin', cache: 'no-store'}), 100);
  fetch('/late'); }"""


@pytest.mark.parametrize("reset", ["fast", "full"])
def test_the_last_documents_polls_and_pending_fetches_end_with_it(browser: Any, site: str, reset: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A poll every 0.1 s whose late answer sets a cookie (as the 扫码登录 page's does), one fetch pending when the
    scenario ends: nothing reaches the next scenario."""
    from drivers.browser_session import lease

    if reset == "full":
        monkeypatch.setenv("ETAX_RESET", "full")
    _quiet_scenario(browser, site)
    held = lease(browser, OPTIONS)
    held.page.goto(site + "/")
    held.page.evaluate(POLLING)
    held.page.wait_for_timeout(500)
    assert any(c["name"] == "late" for c in held.context.cookies())  # the poll does set it
    held.give_back()
    held = lease(browser, OPTIONS)
    assert held.reset == reset
    try:
        time.sleep(0.4)  # a request sent before the reset has been answered by now
        asked = _hits["/late"]
        time.sleep(0.8)
        assert _hits["/late"] == asked  # the poll stopped with its document
        assert held.context.cookies() == []
    finally:
        held.give_back()


TAB = "() => ({name: window.name, history: history.length, referrer: document.referrer})"


@pytest.mark.parametrize("reset", ["fast", "full"])
def test_the_tabs_name_and_history_are_those_of_a_new_page(browser: Any, site: str, reset: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """window.name survives navigations in a tab, and the history grows: both are put back as a new context's
    page has them (history.length 2 once the portal is opened: about:blank, then the portal)."""
    from drivers.browser_session import lease

    made = browser.new_context(**OPTIONS)
    page = made.new_page()
    page.goto(site + "/")
    new = page.evaluate(TAB)
    made.close()
    assert new == {"name": "", "history": 2, "referrer": ""}
    if reset == "full":
        monkeypatch.setenv("ETAX_RESET", "full")
    _quiet_scenario(browser, site)
    held = lease(browser, OPTIONS)
    held.page.goto(site + "/")
    held.page.evaluate("() => { window.name = 'left'; history.pushState({}, '', '/elsewhere'); }")
    held.page.goto(site + "/login")
    held.give_back()
    held = lease(browser, OPTIONS)
    assert held.reset == reset
    held.page.goto(site + "/")
    assert held.page.evaluate(TAB) == new
    held.give_back()


def test_a_document_that_does_not_leave_is_sent_away_by_the_browser(browser: Any, site: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """When the document has not left for about:blank soon, `page.goto` sends it: the reset is still fast and
    clean."""
    from drivers import browser_session

    monkeypatch.setattr(browser_session, "LEAVE", "() => {}")
    monkeypatch.setattr(browser_session, "LEAVE_MS", 200)
    cached = _messy_scenario(browser, site)
    assert _fresh_look(browser, site, "fast", cached) == CLEAN


# The visitors of an "at once" scenario (PortalDriver.at_once): the worker's visitor contexts, reset the same way.
def test_a_visitors_context_is_reused_as_new(browser: Any, site: str) -> None:
    for _ in range(2):
        cached = _messy_scenario(browser, site, visitor=True)
        assert _fresh_look(browser, site, "fast", cached, visitor=True) == CLEAN
    cached = _messy_scenario(browser, site, visitor=True, clock=True)  # only the full reset would undo it
    assert _fresh_look(browser, site, "new", cached, visitor=True) == CLEAN  # so a new context instead


def test_visitors_at_once_get_contexts_of_their_own_and_leave_the_scenarios_alone(browser: Any, site: str) -> None:
    from drivers.browser_session import lease, lease_visitor

    _quiet_scenario(browser, site)
    scenario = lease(browser, OPTIONS)
    visitors = [lease_visitor(browser, OPTIONS) for _ in range(3)]
    contexts = {id(v.context) for v in visitors}
    assert len(contexts) == 3
    assert id(scenario.context) not in contexts
    for visitor in visitors:
        visitor.page.goto(site + "/login")
        visitor.give_back()
    again = [lease_visitor(browser, OPTIONS) for _ in range(3)]
    try:
        assert {id(v.context) for v in again} == contexts  # the same three, reset
        assert [v.reset for v in again] == ["fast"] * 3
        assert all(v.context.cookies() == [] for v in again)
        other = lease(browser, OPTIONS)
        other.give_back()
        assert other.reset == "new"  # the scenario's context is still its own: a visitor gave none back
    finally:
        for visitor in again:
            visitor.give_back()
        scenario.give_back()
    last = lease(browser, OPTIONS)
    last.give_back()
    assert last.context is scenario.context
