"""Pages that update in place (issue 21): the profile's `busy`, the driver's wait for it after a gesture, and the
reference simulator's default skin, whose presses post with fetch and put the next page into the same document
(simulator/web/static/portal.js) — and still work as plain posts without script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.profile import ProfileError, load_profile
from etax_conformance.serving import ServedSimulator
from tests.common.static_portal import Make, chromium, static_portal

__all__ = ["chromium", "static_portal"]

#: A single-page portal: 【登录】 shows a loading mask at once and draws the next screen 600 ms later.
SLOW_PAGE = """<main data-screen="登录"><div class="mask" hidden>加载中</div>
<button id="go">登录</button></main>
<script>
document.getElementById('go').addEventListener('click', () => {
  document.querySelector('.mask').hidden = false;
  setTimeout(() => {
    document.querySelector('main').dataset.screen = '首页';
    document.querySelector('.mask').hidden = true;
  }, 600);
});
</script>"""
PROFILE = "messages: {area: '.toast'}\ncurrent_screen: {selector: main, attribute: data-screen}\n"


def test_the_driver_waits_for_what_busy_names_after_a_click(static_portal: Make) -> None:
    driver = static_portal(PROFILE + "busy: .mask\n", {"/": SLOW_PAGE})
    driver.click("登录")
    assert driver.screen() == "首页"


def test_without_busy_the_page_is_read_before_it_changes(static_portal: Make) -> None:
    """Why the key exists: nothing else tells the driver that an answer is on its way."""
    driver = static_portal(PROFILE, {"/": SLOW_PAGE})
    driver.click("登录")
    assert driver.screen() == "登录"


def test_busy_must_be_a_selector(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("schema: etax-conformance/profile@2\nportal: x\nentry: /\nactive_tab: []\nmessages: {area: x}\n"
                    "current_screen: {selector: main, attribute: data-screen}\nbusy: 3\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="'busy' must be a selector"):
        load_profile(path)
    assert load_profile().busy == "main[aria-busy=true]"  # the simulator's own profile declares it


# The reference simulator's pages, served (the default skin).
@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    simulator = ServedSimulator.start(tmp_path_factory.mktemp("in-place") / "portal.sqlite3")
    try:
        yield simulator.url
    finally:
        simulator.stop()


def _login_page(chromium: Any, url: str, **options: Any) -> Any:
    context = chromium.new_context(locale="zh-CN", **options)
    page = context.new_page()
    page.goto(url + "/")
    return page


def test_a_press_puts_the_next_page_in_the_same_document(chromium: Any, served: str) -> None:
    page = _login_page(chromium, served)
    try:
        page.evaluate("window.__same = 'yes'")
        loads: list[str] = []
        page.on("load", lambda _: loads.append("load"))
        before = page.locator("main").get_attribute("data-screen")
        page.get_by_role("button", name="立即注册", exact=True).click()
        page.locator("main[aria-busy=true]").first.wait_for(state="hidden")
        after = page.locator("main").get_attribute("data-screen")
        assert before != after  # the next screen is shown …
        assert page.evaluate("window.__same") == "yes"  # … in the same document,
        assert loads == []  # without loading a page
        assert page.title().startswith(after or "?")  # the title follows the screen
    finally:
        page.context.close()


def test_without_script_a_press_posts_and_loads_a_page(chromium: Any, served: str) -> None:
    page = _login_page(chromium, served, java_script_enabled=False)
    try:
        before = page.locator("main").get_attribute("data-screen")
        page.get_by_role("button", name="立即注册", exact=True).click()
        page.wait_for_load_state("domcontentloaded")
        assert page.locator("main").get_attribute("data-screen") not in (None, before)
    finally:
        page.context.close()


def test_a_refused_post_shows_the_refusal_in_place(chromium: Any, served: str) -> None:
    """A press the portal refuses (here: a forged form token) shows the refusal page, and nothing waits forever."""
    page = _login_page(chromium, served)
    try:
        page.evaluate("document.querySelectorAll('input[name=_csrf]').forEach(f => f.value = 'forged')")
        page.get_by_role("button", name="立即注册", exact=True).click()
        page.get_by_role("alert").first.wait_for()
        assert "请求未被处理" in page.locator("body").inner_text()
        assert page.locator("main[aria-busy=true]").count() == 0
    finally:
        page.context.close()
