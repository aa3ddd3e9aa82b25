"""Talking to a served portal as a browser would (plain HTTP: forms, cookies, hidden fields) and to its hooks."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import requests
from stdnum.cn import ric

TOKEN_HEADER = "X-Conformance-Token"
HOOKS = "/__conformance__/v2"
_HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
_ATTR = re.compile(r'(name|value)="([^"]*)"')
_MESSAGE = re.compile(r'role="alert"[^>]*>(.*?)</div>', re.S)


def resident_id(serial: int) -> str:
    """A valid 居民身份证号码 (check digit by python-stdnum), one per serial."""
    body = f"11010519900307{serial % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")  # python-stdnum reads the first 17 of 18 characters


@dataclass
class Portal:
    url: str
    token: str

    def hook(self, capability: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        answer = requests.post(f"{self.url}{HOOKS}/capabilities/{capability}", json=body or {},
                               headers={TOKEN_HEADER: self.token}, timeout=30)
        if answer.status_code != 200:
            raise RuntimeError(f"hooks {capability} answered {answer.status_code}: {answer.text[:300]}")
        result: dict[str, Any] = answer.json()
        return result

    def seed_person(self, serial: int, password: str = "Abcd1234!") -> dict[str, str]:
        person = {"name": "张三", "document_type": "居民身份证", "document_number": resident_id(serial),
                  "phone": f"138{serial:08d}", "login_name": f"probe{serial:05d}", "password": password}
        self.hook("seed.natural_person", person)
        return person

    def browser(self, entry: str = "") -> Browser:
        return Browser(self, entry)


class Browser:
    """One browser (one cookie jar) on one entry of the portal; sends the hidden fields its page holds."""

    def __init__(self, portal: Portal, entry: str = "") -> None:
        self.portal, self.entry = portal, entry
        self.http = requests.Session()
        self.page = ""

    def open(self) -> str:
        self.page = self.http.get(f"{self.portal.url}{self.entry}/", timeout=60).text
        return self.page

    def press(self, control: str, fields: dict[str, str] | None = None, *, captcha: bool = True) -> str:
        """Press a control with fields; types the captcha (read through the hooks) when the page asks for one."""
        form = {**self.hidden(), **(fields or {}), "_control": control}
        if captcha and 'name="验证码"' in self.page:
            answer = self.portal.hook("captcha", {"session": self.session_id() or ""}).get("answer")
            form["验证码"] = answer or ""
        self.page = self.http.post(f"{self.portal.url}{self.entry}/act", data=form, timeout=60).text
        return self.page

    def hidden(self) -> dict[str, str]:
        found = {}
        for tag in _HIDDEN.findall(self.page):
            attrs = dict(_ATTR.findall(tag))
            if "name" in attrs:
                found[attrs["name"]] = html.unescape(attrs.get("value", ""))
        return found

    def session_id(self) -> str | None:
        for cookie in self.http.cookies:
            if "session" in cookie.name and cookie.path in ("/", self.entry or "/"):
                return cookie.value
        return None

    def message(self) -> str:
        found = _MESSAGE.search(self.page)
        return html.unescape(found.group(1)).strip() if found else ""
