"""The browser driver's click in as few round trips as it can: one look at a shown control, then the click; an item of
a list and a missing control are looked for as before (issue 21, bench/RESULTS.md "per-step round trips")."""

from __future__ import annotations

import time
from typing import Any

import pytest

from drivers.failure_text import Missing
from tests.common.static_portal import Make, chromium, static_portal

__all__ = ["chromium", "static_portal"]

PAGE = """<main><button onclick="document.querySelector('main').dataset.done = 'button'">下一步</button>
<ul><li onclick="document.querySelector('main').dataset.done = 'item'">某某科技有限公司</li></ul></main>"""
PROFILE = "messages: {area: '.toast'}\ncurrent_screen: {selector: main, attribute: data-screen}\nlists: [{item: li}]\n"


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The protocol methods the Python client sends to Playwright's driver (its round trips)."""
    from playwright._impl.connection import Connection

    methods: list[str] = []
    send = Connection.send_message_to_server

    def counted(self: Any, obj: Any, method: str, *args: Any, **kwargs: Any) -> Any:
        if method != "__waitInfo__" and not method.endswith("NoReply"):
            methods.append(method)
        return send(self, obj, method, *args, **kwargs)

    monkeypatch.setattr(Connection, "send_message_to_server", counted)
    return methods


def _done(driver: Any) -> str | None:
    return driver.page.locator("main").get_attribute("data-done")  # type: ignore[no-any-return]


def test_a_shown_control_is_looked_at_once_then_clicked(static_portal: Make, sent: list[str]) -> None:
    driver = static_portal(PROFILE, {"/": PAGE})
    sent.clear()
    driver.click("下一步")
    assert sent == ["isVisible", "click"]
    assert _done(driver) == "button"


def test_an_item_of_a_list_is_still_found_after_the_missing_button(static_portal: Make, sent: list[str]) -> None:
    driver = static_portal(PROFILE, {"/": PAGE})
    sent.clear()
    driver.click("某某科技有限公司")
    assert sent == ["isVisible", "isVisible", "click"]
    assert _done(driver) == "item"


def test_a_missing_control_fails_at_once_in_chinese(static_portal: Make) -> None:
    driver = static_portal(PROFILE, {"/": PAGE})
    started = time.monotonic()
    with pytest.raises(Missing) as failed:
        driver.click("提交")
    assert time.monotonic() - started < 2.5  # not after the driver's 3 s wait for it
    assert "期望：页面上有【提交】" in str(failed.value)
    assert "页面上的按钮和链接：【下一步】" in str(failed.value)
