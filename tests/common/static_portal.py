"""A portal of static pages for the browser driver's tests: pages served by path under a made-up origin."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import pytest

from drivers.browser import BrowserDriver
from drivers.hooks_client import HooksClient
from drivers.profile import load_profile

ORIGIN = "http://portal.test"
HEAD = "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'></head><body>"


class RecordingHooks:
    """Stands in for HooksClient: records what the driver sends, answers what a test sets."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def seed_person(self, identity: Any, document_type: str | None = None) -> None:
        self.calls.append(("seed_person", document_type))

    def current_captcha(self, session: str | None = None) -> str | None:
        self.calls.append(("captcha", session))
        return "1234"

    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        self.calls.append((capability, dict(payload or {})))
        return {}

    def close(self) -> None:
        pass


Make = Callable[..., BrowserDriver]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    from drivers.chromium import BrowserNotFound, launch

    with sync_api.sync_playwright() as playwright:
        try:
            browser = launch(playwright)
        except BrowserNotFound as missing:
            pytest.skip(str(missing))
        yield browser
        browser.close()


@pytest.fixture
def static_portal(chromium: Any, tmp_path: Path) -> Iterator[Make]:
    """make(profile_yaml, {path: body html}, headers={path: {...}}) -> a driver on ORIGIN + the first path."""
    made: list[BrowserDriver] = []

    def make(profile: str, pages: Mapping[str, str], headers: Mapping[str, dict[str, str]] | None = None,
             hooks: RecordingHooks | None = None) -> BrowserDriver:
        path = tmp_path / "profile.yaml"
        path.write_text("schema: etax-conformance/profile@2\nportal: 测试门户\nentry: /\nactive_tab: []\n" + profile,
                        encoding="utf-8")
        driver = BrowserDriver(chromium, ORIGIN, load_profile(path), cast(HooksClient, hooks or RecordingHooks()),
                               timeout_ms=3_000)

        def serve(route: Any) -> None:
            url_path = route.request.url[len(ORIGIN):].split("?")[0]
            body = pages.get(url_path)
            if body is None:
                route.fulfill(status=404, body="not found")
            else:
                route.fulfill(status=200, content_type="text/html; charset=utf-8", body=HEAD + body,
                              headers=dict((headers or {}).get(url_path, {})))

        driver.page.route(ORIGIN + "/**", serve)
        made.append(driver)
        driver.page.goto(ORIGIN + next(iter(pages)))
        return driver

    yield make
    for driver in made:
        driver.close()
