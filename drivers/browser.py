"""Browser driver: Playwright drives a served portal's web UI, located through a profile."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin

from playwright.sync_api import Browser, Page, Request
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from drivers import at_once, browser_session, evidence, gestures, lookups
from drivers.browser_control import BrowserTestControl, clock_eager
from drivers.failure_text import Missing, timed_out
from drivers.hooks_client import NAMESPACE_HEADER, HooksClient
from drivers.page_finder import UNKNOWN_SCREEN, PageFinder
from drivers.profile import CLIENT, Profile
from drivers.profile_parts import is_implicit
from drivers.protocol import NotVerifiable
from drivers.text import normalise

__all__ = ["UNKNOWN_SCREEN", "BrowserDriver"]
T = TypeVar("T")


class BrowserDriver(BrowserTestControl):
    """One browser context per scenario (the worker's, reset as new); test control goes through the hooks."""

    name = "browser"

    def __init__(self, browser: Browser, portal_url: str, profile: Profile, hooks: HooksClient,
                 timeout_ms: float = 10_000, namespace: str | None = None, visitor: bool = False) -> None:
        self._url, self._profile, self._hooks = portal_url.rstrip("/"), profile, hooks
        self._timeout_ms, self._namespace = timeout_ms, namespace
        # A parallel worker's namespace rides on every request of the context (pages, images, scripts); any other
        # context a scenario opens (a second browser) is made with the same options (docs/parallel.md).
        self.context_options: dict[str, Any] = {
            "locale": "zh-CN", "timezone_id": "Asia/Shanghai",
            "extra_http_headers": {NAMESPACE_HEADER: namespace} if namespace else None}
        # The worker's context, reset as new (drivers/browser_session.py); a visitor of at_once gets one of the
        # worker's visitor contexts, reset the same way.
        self._lease = browser_session.lease_visitor(browser, self.context_options) if visitor \
            else browser_session.lease(browser, self.context_options)
        self._context = self._lease.context
        self._context.set_default_timeout(timeout_ms)
        # The page's own clock moves with the portal's, installed at its first move (_install_page_clock);
        # ETAX_CLOCK=eager installs it now, as before. A visitor's starts at the real time as an installed one would.
        if not visitor and clock_eager():
            self._install_page_clock()
        # Kept only if the scenario fails (save_evidence); a visitor's is never saved: none is recorded.
        self._tracing = False if visitor else evidence.start_tracing(self._context)
        self.page: Page = self._lease.page
        self._find = PageFinder(self.page, profile, self._url)
        self._entry = CLIENT  # the entry last opened: whose session cookie names the browser's session

    # Acting.
    @contextlib.contextmanager
    def _doing(self, expected: str, through: str | Callable[[], str]) -> Iterator[None]:
        """A wait the browser gave up (Playwright's TimeoutError) said in Chinese: what the step looked for, through
        which profile key, and what the page showed when the browser stopped waiting."""
        try:
            yield
        except PlaywrightTimeoutError as exc:
            waited = timed_out(exc, self._timeout_ms)
            key = through() if callable(through) else through  # read only on failure: a passing step pays nothing
            raise Missing(expected, f"{waited}；{lookups.page_shown(self._find)}", key) from exc

    def open_login(self) -> None:
        self._entry = CLIENT
        with self._doing("门户的登录入口能打开", f"profile 的 entry：{self._profile.entry}"):
            self.page.goto(self._url + self._profile.entry)

    def open_entry(self, entry: str) -> None:
        path = self._profile.entries.get(entry)
        if path is None:
            raise NotVerifiable(f"profile 未给出「{entry}」的入口（entries）")
        self._entry = entry
        with self._doing(f"「{entry}」的入口能打开", f"profile 的 entries.{entry}：{path}"):
            self.page.goto(self._url + path)

    def try_open(self, screen: str) -> bool:
        """The screen's own address from the profile's `screens:`: a url without wildcards, or `*/<page>` (the same
        page under several entries) opened beside the current page; False where the profile gives none."""
        spec = self._profile.screen(screen)
        url = None if spec is None else spec.url
        if url is not None and url.startswith("*/") and not any(c in url[2:] for c in "*?["):
            self.page.goto(urljoin(self.page.url, url[2:]))
            return True
        if url is None or any(c in url for c in "*?["):
            return False
        self.page.goto(self._url + url)
        return True

    def refresh(self) -> None:
        """reload: load the page again; wait: a page that moves on by itself (polling) is left alone until it does —
        or until it has asked the portal the same URL twice since the wait began (so an answer given after the
        state the steps left) and stayed, or refresh_timeout_ms. Woken by the page's requests, not a fixed sleep;
        none: a page that moves only when pressed (after_app) and must not be reloaded is read as it is."""
        spec = self._find.screen_spec() if any(s.refresh for s in self._profile.screens) else None
        how = (spec.refresh if spec else None) or self._profile.refresh
        if how == "none":
            return
        if how == "reload":
            self.page.reload()
            return
        before = (self.page.url, self.screen())
        deadline = time.monotonic() + self._profile.refresh_timeout_ms / 1000
        polls = _Polls(self._url)
        self.page.on("request", polls.started)
        self.page.on("requestfinished", polls.seen)
        try:
            while time.monotonic() < deadline:
                with contextlib.suppress(PlaywrightTimeoutError):  # a request answered, or a moment gone: look
                    self.page.wait_for_event("requestfinished", timeout=_Polls.LOOK_MS)
                with contextlib.suppress(PlaywrightError):  # a navigation under way: look again
                    if (self.page.url, self.screen()) != before:
                        self.page.wait_for_load_state("domcontentloaded")
                        return
                if polls.stayed():  # the page asked the portal again and again, and stayed: it has had its chance
                    return
        finally:
            self.page.remove_listener("request", polls.started)
            self.page.remove_listener("requestfinished", polls.seen)

    def fill(self, field: str, value: str) -> None:
        with self._doing(f"在「{field}」中输入或选择", lambda: lookups.field_key(self._find, field)):
            gestures.fill(self._find, field, value)

    def click(self, control: str) -> None:
        with self._doing(f"点击【{control}】", lambda: lookups.control_key(self._find, control)):
            self._click(control)

    def _click(self, control: str) -> None:
        action = self._find.action(control)
        if action is not None:
            gestures.run(self._find, control, action)  # an implicit action: nothing to do here
            return
        target = self._find.control(control)
        if not target.is_visible():  # one round trip, then the click: a shown control is not looked at twice
            target = self._find.item(control)  # not a button or link: an item of a list (a unit), by its text
            if not target.is_visible():
                raise lookups.missing_control(self._find, control)
        target.click()
        gestures.settle(self._find)

    def double_click(self, item: str) -> None:
        with self._doing(f"双击列表中的「{item}」", "profile 的 lists"):
            self._double_click(item)

    def _double_click(self, item: str) -> None:
        target = self._find.item(item)
        if not target.is_visible():
            raise lookups.missing_item(self._find, item)
        target.dblclick()
        # A page's double-click handler submits from script, which Playwright does not wait for: wait until the
        # list has gone (the next page, or the list hidden); a portal that keeps it shown is judged by the next step.
        with contextlib.suppress(PlaywrightTimeoutError):
            target.wait_for(state="hidden")
        gestures.settle(self._find)

    def click_in_row(self, row: str, control: str) -> None:
        with self._doing(f"点击「{row}」这一行的【{control}】", f"profile 的 rows：{self._profile.rows}"):
            rows = self.page.locator(self._profile.rows).filter(has_text=row).filter(visible=True)
            target = self._find.control(control, within=rows.first)
            if not target.is_visible():
                missing = lookups.missing_control(self._find, control)
                raise Missing(f"「{row}」这一行有【{control}】", missing.actual,
                              f"profile 的 rows：{self._profile.rows}；{missing.through}")
            target.click()
            gestures.settle(self._find)

    # Observing.
    def screen(self) -> str:
        return self._find.screen_name()

    def active_tab(self) -> str:
        parts = []
        for selector in self._profile.active_tab:
            found = self.page.locator(selector).first
            if found.is_visible():
                parts.append(found.inner_text().strip())
        return "-".join(parts)

    def message(self) -> str | None:
        shown = self._find.message()
        return None if shown is None else shown[1]

    def is_refused(self) -> bool:
        shown = self._find.message()
        return shown is not None and shown[0] in ("refusal", "lock")

    def is_locked(self) -> bool:
        shown = self._find.message()
        return shown is not None and shown[0] == "lock"

    def shows_field(self, field: str) -> bool:
        spec = self._find.field_spec(field)
        if spec is not None and spec.pick is not None:
            return gestures.pick_rows(self._find, spec.pick).count() > 0
        return self._find.field(field).is_visible()

    def shows_control(self, control: str) -> bool:
        action = self._find.action(control)
        if action is not None and is_implicit(action):
            return True  # offered by the gesture the portal merged it into
        if action is not None:
            first = gestures.first_target(self._find, action)
            return first is not None and first.is_visible()
        return self._find.control(control).is_visible()

    def choices(self, field: str) -> tuple[str, ...]:
        """A select's options, the labels of a group's boxes, or the rows a value is picked from — the guide's words."""
        with self._doing(f"读出「{field}」的选项", lambda: lookups.field_key(self._find, field)):
            return gestures.choices(self._find, field)

    def ticked(self, box: str) -> bool:
        target = self._find.field(box)
        if not target.is_visible():
            raise lookups.missing_field(self._find, box, "勾选框")
        return target.is_checked()

    def shows_text(self, text: str) -> bool:
        shown = normalise(self.page.locator("body").inner_text())
        return normalise(text) in shown or normalise(self._find.alias(text)) in shown

    def shows_row(self, cells: tuple[str, ...]) -> bool:
        return gestures.row_shows(cells, self._find)

    def soft_keyboard_open(self) -> bool:
        if self._profile.soft_keyboard is None:
            raise Missing("看得到软键盘", "profile 未说明软键盘的位置", "profile 的 soft_keyboard")
        return self.page.locator(self._profile.soft_keyboard).first.is_visible()

    def save_evidence(self, folder: Path) -> list[Path]:
        """On failure: trace, screenshot and the hooks' exchanges into folder (drivers/evidence.py)."""
        saved = evidence.save(self.page, self._context, self._tracing, self._hooks.exchanges, folder)
        self._tracing = False
        return saved

    def at_once(self, visitors: int, prepare: Callable[[BrowserDriver], None],
                act: Callable[[BrowserDriver], T]) -> Sequence[T]:
        """One browser context per visitor (the worker's visitor contexts, reset as new), in this browser, through
        the same profile and hooks."""
        browser = self._context.browser
        assert browser is not None
        # Many pages at once load slowly on a small machine: the visitors wait longer than one person does.
        made = [BrowserDriver(browser, self._url, self._profile, self._hooks, max(self._timeout_ms, 30_000),
                              namespace=self._namespace, visitor=True)  # in this scenario's namespace
                for _ in range(visitors)]
        try:
            return at_once.in_greenlets(self.page, made, prepare, act)
        finally:
            for visitor in made:
                visitor._lease.give_back()

    def close(self) -> None:
        if self._tracing:
            with contextlib.suppress(PlaywrightError):
                self._context.tracing.stop()
        self._lease.give_back()
        self._hooks.close()


class _Polls:
    """The portal's answers a waiting page got: a page that polls asks the same URL (same origin) repeatedly. Only
    requests the page started after the wait began count: their answers tell the state the steps left."""

    #: A URL asked this often since the wait began, the last answer this long ago (s) with the page unchanged: it
    #: stays. LOOK_MS: how long the wait sleeps at most between looks when no request is answered.
    TIMES, SETTLED, LOOK_MS = 2, 0.5, 250

    def __init__(self, portal_url: str) -> None:
        self._origin = portal_url.rstrip("/") + "/"
        self._fresh: set[int] = set()
        self._answered: dict[str, int] = {}
        self._last = 0.0

    def started(self, request: Request) -> None:
        if request.url.startswith(self._origin):
            self._fresh.add(id(request))

    def seen(self, request: Request) -> None:
        if request.url.startswith(self._origin) and id(request) in self._fresh:
            self._fresh.discard(id(request))
            self._answered[request.url] = self._answered.get(request.url, 0) + 1
            self._last = time.monotonic()

    def stayed(self) -> bool:
        polled = max(self._answered.values(), default=0) >= self.TIMES
        return polled and time.monotonic() - self._last >= self.SETTLED
