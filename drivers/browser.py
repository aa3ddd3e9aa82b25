"""Browser driver: Playwright drives a served portal's web UI, located through a profile."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from playwright.sync_api import Browser, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from drivers.hooks_client import HooksClient
from drivers.profile import Profile
from drivers.protocol import TICKED, DriverError, NotVerifiable
from drivers.text import normalise
from fixtures.identities import Identity

UNKNOWN_SCREEN = "（未识别的页面）"


class BrowserDriver:
    """One browser context per scenario; test control goes through the portal's conformance hooks."""

    name = "browser"

    def __init__(self, browser: Browser, portal_url: str, profile: Profile, hooks: HooksClient,
                 timeout_ms: float = 10_000) -> None:
        self._url, self._profile, self._hooks = portal_url.rstrip("/"), profile, hooks
        self._context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
        self._context.set_default_timeout(timeout_ms)
        # The page's own clock (countdowns such as a QR code's expiry) moves with the portal's: see advance_clock.
        self._context.clock.install()
        self.page: Page = self._context.new_page()

    # Test control.
    def reset(self) -> None:
        self._hooks.reset()

    def seed_person(self, identity: Identity) -> None:
        self._hooks.seed_person(identity)

    def current_captcha(self) -> str:
        answer = self._hooks.current_captcha()
        if answer is None:
            raise DriverError("当前页面没有要求输入验证码")
        return answer

    def advance_clock(self, delta: timedelta) -> None:
        self._hooks.advance_clock(delta)
        # Jump the browser's clock too, firing due timers once, as after a closed laptop lid is reopened.
        self._context.clock.fast_forward(round(delta.total_seconds() * 1000))

    def set_clock(self, instant: datetime) -> None:
        self._hooks.set_clock(instant.isoformat())
        self._context.clock.set_system_time(instant)

    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return self._hooks.hook(capability, payload)

    # Acting.
    def open_login(self) -> None:
        self.page.goto(self._url + self._profile.entry)

    def open_entry(self, entry: str) -> None:
        path = self._profile.entries.get(entry)
        if path is None:
            raise NotVerifiable(f"profile 未给出「{entry}」的入口（entries）")
        self.page.goto(self._url + path)

    def refresh(self) -> None:
        self.page.reload()

    def fill(self, field: str, value: str) -> None:
        target = self._field(field)
        if not target.is_visible():
            raise DriverError(f"「{self.screen()}」页面上没有「{field}」输入项")
        if target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(label=value)
        elif target.get_attribute("type") == "checkbox":
            target.set_checked(value == TICKED)
        else:
            target.fill(value)

    def click(self, control: str) -> None:
        target = self._control(control)
        if not target.is_visible():
            target = self._item(control)  # not a button or link: an item of a list (a unit), by its text
        if not target.is_visible():
            raise DriverError(f"「{self.screen()}」页面上没有【{control}】")
        target.click()
        self.page.wait_for_load_state("domcontentloaded")

    def double_click(self, item: str) -> None:
        target = self._item(item)
        if not target.is_visible():
            raise DriverError(f"「{self.screen()}」页面上没有「{item}」")
        target.dblclick()
        # A page's double-click handler submits from script, which Playwright does not wait for: wait until the
        # list has gone (the next page, or the list hidden); a portal that keeps it shown is judged by the next step.
        with contextlib.suppress(PlaywrightTimeoutError):
            target.wait_for(state="hidden")
        self.page.wait_for_load_state("domcontentloaded")

    def click_in_row(self, row: str, control: str) -> None:
        target = self.page.locator("tr, li").filter(has_text=row).get_by_role("button", name=control, exact=True)
        if not target.first.is_visible():
            raise DriverError(f"「{self.screen()}」页面上「{row}」这一行没有【{control}】")
        target.first.click()
        self.page.wait_for_load_state("domcontentloaded")

    # Observing.
    def screen(self) -> str:
        if self._profile.current_screen is not None:
            selector, attribute = self._profile.current_screen
            found = self.page.locator(selector).first
            value = found.get_attribute(attribute) if found.count() else None
            return value or UNKNOWN_SCREEN
        for name, selector in self._profile.screens.items():
            if self.page.locator(selector).first.is_visible():
                return name
        return UNKNOWN_SCREEN

    def active_tab(self) -> str:
        parts = []
        for selector in self._profile.active_tab:
            found = self.page.locator(selector).first
            if found.is_visible():
                parts.append(found.inner_text().strip())
        return "-".join(parts)

    def message(self) -> str | None:
        shown = self.page.locator(self._profile.message).first
        return shown.inner_text().strip() if shown.is_visible() else None

    def is_refused(self) -> bool:
        if self._profile.refused_when is None:
            return self.message() is not None
        area = self.page.locator(self._profile.message).and_(self.page.locator(self._profile.refused_when))
        return area.first.is_visible()

    def is_locked(self) -> bool:
        text = self.message()
        return text is not None and re.search(self._profile.locked_when, text) is not None

    def shows_field(self, field: str) -> bool:
        return self._field(field).is_visible()

    def shows_control(self, control: str) -> bool:
        return self._control(control).is_visible()

    def choices(self, field: str) -> tuple[str, ...]:
        """A select's options, or the labels of the checkboxes inside the element the field's label names."""
        target = self._field(field)
        if not target.is_visible():
            raise DriverError(f"「{self.screen()}」页面上没有「{field}」")
        if target.evaluate("e => e.tagName") == "SELECT":
            return tuple(t.strip() for t in target.locator("option").all_inner_texts())
        return tuple(t.strip() for t in target.locator("label").all_inner_texts())

    def ticked(self, box: str) -> bool:
        target = self._field(box)
        if not target.is_visible():
            raise DriverError(f"「{self.screen()}」页面上没有「{box}」")
        return target.is_checked()

    def shows_text(self, text: str) -> bool:
        return normalise(text) in normalise(self.page.locator("body").inner_text())

    def shows_row(self, cells: tuple[str, ...]) -> bool:
        rows = self.page.locator("tr, li")
        for cell in cells:
            rows = rows.filter(has_text=cell)
        return rows.count() > 0

    def soft_keyboard_open(self) -> bool:
        if self._profile.soft_keyboard is None:
            raise DriverError("profile 未说明软键盘的位置（soft_keyboard）")
        return self.page.locator(self._profile.soft_keyboard).first.is_visible()

    def close(self) -> None:
        self._context.close()
        self._hooks.close()

    def _field(self, label: str) -> Locator:
        selector = self._profile.fields.get(label)
        return (self.page.locator(selector) if selector else self.page.get_by_label(label, exact=True)).first

    def _item(self, text: str) -> Locator:
        """An item of a list (a unit), by its whole text, inside the profile's `list_item` or as an option or row."""
        whole = re.compile(rf"^\s*{re.escape(text)}\s*$")
        if self._profile.list_item:
            return self.page.locator(self._profile.list_item).filter(has_text=whole).first
        by_role = self.page.get_by_role("option", name=text, exact=True)
        return by_role.or_(self.page.get_by_role("row", name=text, exact=True)).first

    def _control(self, label: str) -> Locator:
        selector = self._profile.controls.get(label)
        if selector:
            return self.page.locator(selector).first
        by_role = self.page.get_by_role("button", name=label, exact=True)
        return by_role.or_(self.page.get_by_role("link", name=label, exact=True)).first

