"""profile@2 on static pages: screens by URL, selector and text; per-screen fields; message kinds; refresh: wait."""

from __future__ import annotations

import pytest

from drivers.protocol import DriverError
from tests.common.static_portal import Make, chromium, static_portal

__all__ = ["chromium", "static_portal"]

SCREENS = """
screens:
  实名登录: {url: "/login*"}
  单位办税验证: {url_regex: "^/units/\\\\d+$"}
  首页: {selector: "#home"}
  忘记密码: {text: 请输入找回密码的手机号码}
  忘记密码-短信: {text: 请输入找回密码的手机号码, selector: "#sms"}
messages: {area: ".toast"}
"""


def test_screens_are_told_by_url_glob_regex_selector_and_text_and_the_most_specific_wins(static_portal: Make) -> None:
    pages = {"/login.html": "<h1>欢迎</h1>", "/units/42": "<p>单位</p>", "/x": "<div id='home'>首页</div>",
             "/forgot": "<p>请输入找回密码的 手机号码</p>",
             "/forgot-sms": "<p>请输入找回密码的手机号码</p><input id='sms'>", "/other": "<p>别的</p>"}
    driver = static_portal(SCREENS, pages)
    seen = {}
    for path in pages:
        driver.page.goto("http://portal.test" + path)
        seen[path] = driver.screen()
    assert seen == {"/login.html": "实名登录", "/units/42": "单位办税验证", "/x": "首页", "/forgot": "忘记密码",
                    "/forgot-sms": "忘记密码-短信", "/other": "（未识别的页面）"}


def test_each_screen_has_its_own_fields_and_controls_before_the_global_ones(static_portal: Make) -> None:
    profile = """
screens:
  实名登录: {url: /login, fields: {账号: "#uid"}, controls: {登录: "#go"}}
  单位办税验证: {url: /unit}
fields: {账号: "#account"}
messages: {area: ".toast"}
"""
    login = "<input id='uid'><input id='account'><button id='go' onclick=\"this.textContent='按过'\">进入</button>"
    unit = "<input id='uid'><input id='account'>"
    driver = static_portal(profile, {"/login": login, "/unit": unit})
    driver.fill("账号", "张三")
    driver.click("登录")
    assert driver.page.input_value("#uid") == "张三"
    assert driver.page.input_value("#account") == ""
    assert driver.page.inner_text("#go") == "按过"
    driver.page.goto("http://portal.test/unit")
    driver.fill("账号", "李四")
    assert driver.page.input_value("#account") == "李四"
    assert driver.page.input_value("#uid") == ""


def test_message_kinds_by_selector_and_text_make_an_information_box_a_refusal(static_portal: Make) -> None:
    profile = """
screens: {登录: {url: "/*"}}
messages:
  area: ".msg"
  kinds:
    - {kind: lock, text: 已被锁定}
    - {kind: refusal, selector: ".error"}
    - {kind: refusal, text: "临时申报密码|未绑定手机"}
"""
    pages = {"/lock": "<div class='msg error'>账号已被锁定</div>", "/error": "<div class='msg error'>密码错误</div>",
             "/temp": "<div class='msg info'>您使用的是临时申报密码，请修改</div>",
             "/info": "<div class='msg info'>注册成功</div>", "/none": "<div class='msg' hidden>旧消息</div>"}
    driver = static_portal(profile, pages)
    kinds = {}
    for path in pages:
        driver.page.goto("http://portal.test" + path)
        kinds[path] = (driver.message(), driver.is_refused(), driver.is_locked())
    assert kinds == {"/lock": ("账号已被锁定", True, True), "/error": ("密码错误", True, False),
                     "/temp": ("您使用的是临时申报密码，请修改", True, False), "/info": ("注册成功", False, False),
                     "/none": (None, False, False)}


def test_refresh_wait_lets_a_polling_page_move_on_instead_of_reloading_it(static_portal: Make) -> None:
    # The page issues a new code when loaded (a reload would start over) and moves on by itself after a while.
    polling = """<p id='code'></p><script>
      document.getElementById('code').textContent = sessionStorage.getItem('loads') ? '新二维码' : '二维码';
      sessionStorage.setItem('loads', '1');
      setTimeout(() => { document.body.innerHTML = '<h1 id="done">首页</h1>'; }, 3000);
    </script>"""
    profile = """
refresh: wait
refresh_timeout_ms: 10000
screens: {扫码登录: {selector: "#code"}, 首页: {selector: "#done"}}
messages: {area: ".toast"}
"""
    driver = static_portal(profile, {"/qr": polling})
    assert driver.screen() == "扫码登录"
    driver.refresh()
    assert driver.screen() == "首页"


def test_message_kinds_read_in_one_look_agree_with_playwrights_selectors(static_portal: Make) -> None:
    """The message is read in one round trip with plain CSS; selectors only Playwright reads (`:has-text`, `text=`)
    and pages with shadow roots (Playwright's CSS pierces them) are asked of Playwright: the same kinds either way."""
    profile = """
screens: {登录: {url: "/*"}}
messages:
  area: ".msg"
  kinds:
    - {kind: lock, selector: ".box:has-text('锁定') .msg"}
    - {kind: refusal, selector: ".bad .msg, .msg.bad"}
    - {kind: information, selector: "text=成功"}
"""
    shadow = ("<div id='host'></div><div class='msg bad'>密码错误</div><script>"
              "document.getElementById('host').attachShadow({mode: 'open'}).innerHTML = '<i>x</i>';</script>")
    pages = {"/lock": "<div class='box'>已锁定<div class='msg'>请稍后再试</div></div>",
             "/bad": "<div class='bad'><p class='msg'>密码错误</p></div>",
             "/ok": "<div class='msg'>注册成功</div>", "/shadow": shadow}
    driver = static_portal(profile, pages)
    kinds = {}
    for path in pages:
        driver.page.goto("http://portal.test" + path)
        kinds[path] = (driver.message(), driver.is_refused(), driver.is_locked())
    assert kinds == {"/lock": ("请稍后再试", True, True), "/bad": ("密码错误", True, False),
                     "/ok": ("注册成功", False, False), "/shadow": ("密码错误", True, False)}


def test_a_field_is_filled_only_when_shown(static_portal: Make) -> None:
    """Kind and visibility in one look: hidden, zero-sized, visibility:hidden and absent fields are not there."""
    profile = """
screens: {登录: {url: "/*"}}
messages: {area: ".msg"}
"""
    page = """<label for='a'>账号</label><input id='a'>
      <label for='b'>密码</label><input id='b' type='password' style='visibility: hidden'>
      <label for='c'>验证码</label><input id='c' style='width: 0; height: 0; border: 0; padding: 0'>
      <label for='d'>备注</label><input id='d' hidden>
      <label for='e'>证件类型</label><select id='e'><option>居民身份证</option><option>外国护照</option></select>"""
    driver = static_portal(profile, {"/": page})
    driver.fill("账号", "zhangsan")
    driver.fill("证件类型", "外国护照")
    assert driver.page.locator("#a").input_value() == "zhangsan"
    assert driver.page.locator("#e").input_value() == "外国护照"
    for hidden in ("密码", "验证码", "备注", "手机号码"):
        assert not driver.shows_field(hidden)
        with pytest.raises(DriverError, match=hidden):
            driver.fill(hidden, "x")
