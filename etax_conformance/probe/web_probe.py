"""Probes of the portal's web pages: CSRF, session fixation, security headers, and sessions (eviction, idle)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import requests

from etax_conformance.probe import web_input
from etax_conformance.probe.client import Portal
from etax_conformance.probe.figures import Figure

EVIL_ORIGIN = "https://attacker.example"
HEADERS = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy")
PAGES = ("/", "/app/", "/etax/", "/mtax/", "/captcha.svg")


def _signed_in(page: str) -> bool:
    return 'name="密码"' not in page and 'name="账号"' not in page


def csrf(portal: Portal, serial: int) -> Figure:
    """A page on another origin posts the login form (fresh session) and 退出 (a live one)."""
    person = portal.seed_person(serial)
    fresh = requests.Session()
    fresh.post(f"{portal.url}/act", data={"_control": "登录", "账号": person["login_name"],
                                          "密码": person["password"]},
               headers={"Origin": EVIL_ORIGIN, "Referer": EVIL_ORIGIN + "/"}, timeout=30)
    logged_in = _signed_in(fresh.get(f"{portal.url}/", timeout=30).text)  # where that browser is now
    victim = portal.browser()
    victim.open()
    victim.press("登录", {"账号": person["login_name"], "密码": person["password"]})
    victim.http.post(f"{portal.url}/act", data={"_control": "退出"},
                     headers={"Origin": EVIL_ORIGIN, "Referer": EVIL_ORIGIN + "/"}, timeout=30)
    logged_out = not _signed_in(victim.open())
    return Figure("cross-origin POST (CSRF)", f"fresh session {'logged in' if logged_in else 'refused'}; "
                  f"退出 on a live session {'obeyed' if logged_out else 'ignored'}",
                  "a CSRF token (or origin check) on every form", not logged_in and not logged_out)


def fixation(portal: Portal, serial: int) -> Figure:
    person = portal.seed_person(serial)
    browser = portal.browser()
    browser.open()
    before = browser.session_id()
    browser.press("登录", {"账号": person["login_name"], "密码": person["password"]})
    after = browser.session_id()
    return Figure("session id before/after login", "the same id" if before == after else "a new id at login",
                  "a new session id at login (no fixation)", before is not None and before != after)


def headers(portal: Portal) -> Figure:
    missing: set[str] = set()
    servers: set[str] = set()
    for path in PAGES:
        answer = requests.get(portal.url + path, timeout=30)
        missing |= {h for h in HEADERS if h not in answer.headers}
        servers.add(answer.headers.get("Server", ""))
    leaks = sorted(s for s in servers if any(w in s for w in ("Werkzeug", "Python", "/")))
    return Figure("response headers", f"on {len(PAGES)} pages missing: {', '.join(sorted(missing)) or 'none'}; "
                  f"Server: {', '.join(sorted(servers)) or '(none)'}",
                  "CSP, X-Frame-Options, X-Content-Type-Options, Referrer-Policy on every page; no server version",
                  not missing and not leaks)


def eviction(portal: Portal, serial: int, requests_count: int = 10_050) -> Figure:
    """A signed-in user, then many cookie-less GETs (each a new session): is the user still signed in?"""
    person = portal.seed_person(serial)
    victim = portal.browser()
    victim.open()
    victim.press("登录", {"账号": person["login_name"], "密码": person["password"]})

    def one(_: int) -> int:
        return requests.get(portal.url + "/", timeout=60).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(one, range(requests_count)))
    still = _signed_in(victim.open())
    errors = sum(s >= 500 for s in statuses)
    return Figure("session eviction", f"after {requests_count} cookie-less GETs ({errors} × 5xx) the signed-in user is "
                  f"{'still signed in' if still else 'signed out'}", "creating sessions cannot push out others",
                  still and errors == 0)


def all_figures(portal: Portal, pid: int | None, fast: bool) -> list[Figure]:
    figures = [csrf(portal, 20), fixation(portal, 21), headers(portal), *web_input.all_figures(portal, pid, fast)]
    return figures if fast else [*figures, eviction(portal, 22)]  # 10 050 requests: not in the CI part
