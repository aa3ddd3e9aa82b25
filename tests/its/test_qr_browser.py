"""扫码登录 in a real browser: the page's countdown follows the driver's clock, and polling notices the app."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from drivers.browser import BrowserDriver
from drivers.hooks_client import HooksClient
from drivers.profile import load_profile
from etax_conformance.serving import ServedSimulator
from fixtures.identities import Identity

SCREEN_IS = "s => document.querySelector('main').getAttribute('data-screen') === s"


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[BrowserDriver]:
    sync_api = pytest.importorskip("playwright.sync_api")
    from drivers.chromium import BrowserNotFound, launch

    served = ServedSimulator.start(tmp_path / "portal.sqlite3")
    try:
        with sync_api.sync_playwright() as playwright:
            try:
                browser = launch(playwright)
            except BrowserNotFound as missing:
                pytest.skip(str(missing))
            hooks = HooksClient(served.url + "/__conformance__/v1", served.hooks_token)
            portal = BrowserDriver(browser, served.url, load_profile(), hooks)
            try:
                portal.reset()
                yield portal
            finally:
                portal.close()
                browser.close()
    finally:
        served.stop()


def test_countdown_follows_the_clock_and_polling_notices_the_confirmation(driver: BrowserDriver,
                                                                            person: Identity) -> None:
    driver.seed_person(person)
    driver.open_login()
    driver.click("二维码登录")
    assert driver.screen() == "扫码登录"
    assert not driver.shows_control("刷新二维码")
    navigations: list[str] = []
    driver.page.on("framenavigated", lambda frame: navigations.append(frame.url))
    left = float(driver.hook("qr.current")["expires_in_seconds"])
    driver.advance_clock(timedelta(seconds=left + 1))
    # The page itself noticed the expiry (its own clock moved with the server's), without a reload.
    driver.page.get_by_role("button", name="刷新二维码").wait_for(state="visible", timeout=3000)
    assert navigations == []
    assert driver.page.locator("[data-qr-seconds]").inner_text() == "0"
    assert driver.hook("qr.current")["state"] == "expired"
    driver.click("刷新二维码")
    assert driver.hook("qr.current")["state"] == "pending"
    assert driver.hook("qr.confirm", {"login_name": person.login_name})["confirmed"] is True
    # Nobody reloads: the page polls and moves on by itself.
    driver.page.wait_for_function(SCREEN_IS, arg="单位办税验证", timeout=5000)
