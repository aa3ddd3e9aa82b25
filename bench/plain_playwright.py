"""The benchmark's reference scenarios as plain Playwright scripts: the same clicks as the browser driver, by hand.

Three scenarios of features/its/1.1_account_password_login.feature, each against the served simulator (hooks
v1 to reset, seed 张三 and read the captcha, as the driver does), with fixed selectors and nothing else: no
profile, no screen finder, no waiting beyond Playwright's own and, after a press, the simulator's busy mark (its
pages update in place: a script against any single-page portal waits so for its loading mask). Each returns the
seconds its steps took (from a new browser context to the last check, as the driver's steps include its context)
and the number of Gherkin steps.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import Browser, Page

from drivers.hooks_client import HooksClient
from fixtures.identities import Identity, IdentityFactory

#: The first is a warm-up in both (the driver's first step also launches Chromium and serves the portal): not measured.
WARM_UP = "登录界面默认为实名登录账号密码登录"
SELECT = (f"{WARM_UP} or 以注册的手机号码登录名或证件号码作为账号登录账号密码无误后进行单位办税验证 or "
          "密码输入错误后录入正确的密码和验证码即可登录 or 密码输入错误后登录被拒绝还需输入验证码")
FEATURE = "features/its/1.1_account_password_login.feature"


class PlainRun:
    """One scenario by hand: a context, the hooks, the person."""

    def __init__(self, browser: Browser, url: str, token: str, seed: str) -> None:
        self.started = time.perf_counter()
        self.url, self.hooks = url, HooksClient(url + "/__conformance__/v1", token)
        self.context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
        self.page: Page = self.context.new_page()
        self.hooks.reset()
        self.person: Identity = IdentityFactory(seed).person()
        self.hooks.seed_person(self.person)

    def log_in(self, account: str, password: str, captcha: bool = False) -> None:
        page = self.page
        page.fill("#account", account)
        page.fill("#password", password)
        if captcha:
            session = next(c["value"] for c in self.context.cookies(self.url) if c["name"] == "etax_session")
            page.get_by_label("验证码").fill(self.hooks.current_captcha(session) or "")
        page.get_by_role("button", name="登录", exact=True).click()
        page.wait_for_load_state("domcontentloaded")
        page.locator("main[aria-busy=true]").first.wait_for(state="hidden")

    def screen(self) -> str:
        return self.page.locator("main").get_attribute("data-screen") or ""

    def done(self) -> float:
        seconds = time.perf_counter() - self.started
        self.context.close()
        self.hooks.close()
        return seconds


def warm_up(browser: Browser, url: str, token: str) -> None:
    run = PlainRun(browser, url, token, "warm-up")
    run.page.goto(url + "/")
    run.done()


def correct_login(browser: Browser, url: str, token: str, kind: str) -> tuple[float, int]:
    run = PlainRun(browser, url, token, "plain")
    run.page.goto(url + "/")
    account = {"手机号码": run.person.phone, "登录名": run.person.login_name,
               "证件号码": run.person.document_number}[kind]
    run.log_in(account, run.person.password)
    assert run.screen() == "单位办税验证", run.screen()
    return run.done(), 6


def wrong_then_right(browser: Browser, url: str, token: str) -> tuple[float, int]:
    run = PlainRun(browser, url, token, "plain")
    run.page.goto(url + "/")
    run.log_in(run.person.login_name, run.person.password + "x")
    run.log_in(run.person.login_name, run.person.password, captcha=True)
    assert run.screen() == "单位办税验证", run.screen()
    return run.done(), 8


def wrong_is_refused(browser: Browser, url: str, token: str) -> tuple[float, int]:
    run = PlainRun(browser, url, token, "plain")
    run.page.goto(url + "/")
    run.log_in(run.person.login_name, run.person.password + "x")
    assert run.page.locator("[role=alert].refused").first.is_visible()
    assert run.page.get_by_label("验证码").is_visible()
    return run.done(), 7


#: name → (script, the driver's scenario node ids contain this)
SCENARIOS: dict[str, tuple[Callable[[Browser, str, str], tuple[float, int]], str]] = {
    "login by 手机号码": (lambda b, u, t: correct_login(b, u, t, "手机号码"), "u624b"),
    "login by 登录名": (lambda b, u, t: correct_login(b, u, t, "登录名"), "u767b"),
    "login by 证件号码": (lambda b, u, t: correct_login(b, u, t, "证件号码"), "u8bc1"),
    "wrong then right with captcha": (wrong_then_right, "密码输入错误后录入正确的密码和验证码即可登录"),
    "wrong password refused": (wrong_is_refused, "密码输入错误后登录被拒绝还需输入验证码"),
}
