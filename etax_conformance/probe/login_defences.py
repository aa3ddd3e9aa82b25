"""Probes: the captcha per account (not per cookie) and an image not readable as text, SMS code guessing, and
【忘记密码】 proving the phone by SMS before anything changes."""

from __future__ import annotations

import html
import re

from etax_conformance.probe.client import Portal
from etax_conformance.probe.figures import Figure

_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)
_IMAGE = re.compile(r'<img[^>]*src="([^"]*captcha[^"]*)"')


def captcha_per_account(portal: Portal, serial: int) -> Figure:
    """Six wrong passwords, each from a new cookie, none typing a captcha: how many were checked?"""
    person = portal.seed_person(serial)
    checked = 0
    for _ in range(6):
        browser = portal.browser()
        browser.open()
        browser.press("登录", {"账号": person["login_name"], "密码": "Wrong9999!"}, captcha=False)
        checked += any(word in browser.message() for word in ("再错", "锁定"))
    return Figure("captcha with a new cookie per guess", f"{checked}/6 guesses checked without a captcha",
                  "at most 1 (the captcha rule holds per account)", checked <= 1)


def captcha_image(portal: Portal, serial: int) -> Figure:
    """The captcha a browser is shown, as an image: is its answer there as text?"""
    person = portal.seed_person(serial)
    browser = portal.browser()
    browser.open()
    browser.press("登录", {"账号": person["login_name"], "密码": "Wrong9999!"}, captcha=False)
    browser.press("登录", {"账号": person["login_name"], "密码": "Wrong9999!"}, captcha=False)
    answer = portal.hook("captcha", {"session": browser.session_id() or ""}).get("answer") or ""
    found = _IMAGE.search(browser.page)
    image = browser.http.get(portal.url + html.unescape(found.group(1) if found else "/captcha.svg"), timeout=30)
    text = "".join(html.unescape(t) for t in _TEXT.findall(image.text)).replace(" ", "").upper()
    readable = bool(answer) and answer.upper() in text
    return Figure("captcha image", f"answer {'readable' if readable else 'not readable'} as <text> "
                  f"({image.headers.get('Content-Type', '?')}, {len(image.content)} bytes; captcha issued: "
                  f"{'yes' if answer else 'no'})", "an image a script cannot read back as text",
                  bool(answer) and not readable)


def sms_guessing(portal: Portal, serial: int, wrong: int) -> Figure:
    """移动办税APP SMS login: one code sent, `wrong` wrong codes in one session, then the right one."""
    phone = f"139{serial:08d}"
    portal.hook("seed.mobile_tax_app_user", {"phone": phone})
    app = portal.browser("/mtax")
    app.open()
    app.press("获取验证码", {"手机号码": phone})
    messages = portal.hook("sms.outbox", {"phone": phone})["messages"]
    code = messages[-1]["code"] if messages else ""
    last = ""
    for n in range(wrong):
        guess = f"{(int(code or 0) + 1 + n) % 1_000_000:06d}"
        app.press("登录", {"手机号码": phone, "短信验证码": guess if guess != code else "000000"})
        last = app.message()
    app.press("登录", {"手机号码": phone, "短信验证码": code})
    logged_in = not app.message() and 'name="短信验证码"' not in app.page
    return Figure("SMS code guessing", f"{wrong} wrong codes (last answer 「{last}」), then the right one: "
                  f"{'logged in' if logged_in else 'refused: ' + app.message()}",
                  "an attempt limit, then a new code is needed", not logged_in)


def forgot_password(portal: Portal, serial: int) -> Figure:
    """ITS 【忘记密码】 on a locked account with 姓名 + 证件 + 手机号 only: does a new password follow?"""
    person = portal.seed_person(serial)
    for _ in range(5):
        attacker = portal.browser()
        attacker.open()
        attacker.press("登录", {"账号": person["login_name"], "密码": "Wrong9999!"})
    browser = portal.browser()
    browser.open()
    browser.press("忘记密码")
    browser.press("下一步", {"姓名": person["name"], "证件类型": person["document_type"],
                          "证件号码": person["document_number"], "手机号码": person["phone"]})
    reached = 'name="新密码"' in browser.page
    changed = False
    if reached:
        browser.press("确定", {"新密码": "Newpass123!", "确认密码": "Newpass123!"})
        login = portal.browser()
        login.open()
        login.press("登录", {"账号": person["login_name"], "密码": "Newpass123!"})
        changed = not login.message() and 'name="密码"' not in login.page
    return Figure("忘记密码 without SMS", f"identity alone {'reaches' if reached else 'does not reach'} 【新密码】; "
                  f"locked account {'unlocked with a new password' if changed else 'unchanged'}",
                  "the phone proven by an SMS code before anything changes", not reached and not changed)


def all_figures(portal: Portal, serial: int, fast: bool) -> list[Figure]:
    return [captcha_per_account(portal, serial), captcha_image(portal, serial + 1),
            sms_guessing(portal, serial + 2, 30 if fast else 300), forgot_password(portal, serial + 3)]
