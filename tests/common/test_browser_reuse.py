"""The worker's reused browser context is as new for every scenario (drivers/browser_session.py, issue 21).

A scenario that leaves cookies (the server's and the page's), local and session storage, IndexedDB, a service
worker, a moved page clock, routes and an open dialog (a JavaScript alert nobody answered, and an HTML modal
<dialog>) behind: the next scenario, on the same reused context and page, sees none of it.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
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
  document.getElementById('modal').showModal();
}"""
LOOK = """async () => ({
  cookie: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  databases: (await indexedDB.databases()).map((d) => d.name),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  modal: !!document.querySelector('dialog[open]'),
  now: Date.now(),
})"""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        worker = self.path.startswith("/worker.js")
        body = WORKER if worker else PAGE
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript" if worker else "text/html; charset=utf-8")
        if self.path.startswith("/login"):
            self.send_header("Set-Cookie", "server_session=left; Path=/; Max-Age=3600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
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


def _messy_scenario(browser: Any, site: str) -> None:
    from drivers.browser_session import lease

    held = lease(browser, OPTIONS)
    assert held.reused
    held.context.clock.install()
    page = held.page
    page.on("dialog", lambda dialog: None)  # a handler that never answers: the alert stays open
    page.route("**/never", lambda route: route.abort())
    page.goto(site + "/login")
    page.evaluate(LEFT_BEHIND)
    held.context.clock.fast_forward(2 * 3600 * 1000)  # a lock scenario moved the page clock 2 hours on
    held.context.new_page().goto(site + "/")  # and opened a second page
    assert {c["name"] for c in held.context.cookies(site)} == {"server_session", "page_cookie"}
    with page.expect_event("dialog"):
        page.evaluate("setTimeout(() => alert('left open'), 0)")
    held.give_back()


def _fresh_look(browser: Any, site: str) -> dict[str, Any]:
    from drivers.browser_session import lease

    held = lease(browser, OPTIONS)
    assert held.reused
    try:
        held.context.clock.install()
        assert len(held.context.pages) == 1
        assert held.page.url == "about:blank"
        assert held.context.cookies() == []
        held.page.goto(site + "/")
        looked: dict[str, Any] = held.page.evaluate(LOOK)
        return looked
    finally:
        held.give_back()


def test_a_scenario_leaves_nothing_behind_for_the_next(browser: Any, site: str) -> None:
    for _ in range(2):
        _messy_scenario(browser, site)
        seen = _fresh_look(browser, site)
        assert abs(seen.pop("now") / 1000 - time.time()) < 60  # the page clock is the real one again
        assert seen == {"cookie": "", "local": 0, "session": 0, "databases": [], "workers": 0, "modal": False}


def test_a_second_driver_at_the_same_time_gets_a_context_of_its_own(browser: Any, site: str) -> None:
    from drivers.browser_session import lease

    first = lease(browser, OPTIONS)
    second = lease(browser, OPTIONS)
    try:
        assert first.reused
        assert not second.reused
        assert first.context is not second.context
    finally:
        second.give_back()
        first.give_back()
    assert lease(browser, OPTIONS).context is first.context
