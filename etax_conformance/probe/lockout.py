"""Probe: many wrong passwords at once against one account (and one unit's 申报密码) — the guides' lock holds.

ITS §1.1 (and §1.3 for the 申报密码): the 5th wrong password locks. N browsers guess at the same instant; a
guess is "checked" when the portal answered 密码错误 (再错…次) or locked the account with it. Must be: exactly 5
checked, then locked, and the right password refused from every browser while locked.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from etax_conformance.probe.client import Browser, Portal
from etax_conformance.probe.figures import Figure

GUIDE_LIMIT = 5
UNIT_TAX_ID, UNIT_PASSWORD = "91210100MA0XXXXX10", "Sb123456"


def _classify(message: str, page: str, field: str) -> str:
    if "再错" in message:
        return "checked"
    if "锁定" in message:
        return "locked"
    if "验证码" in message:
        return "captcha"
    if not message and f'name="{field}"' not in page:
        return "accepted"
    return "other"


def _at_once(browsers: list[Browser], guess: Callable[[Browser], str], field: str) -> Counter[str]:
    """Every browser guesses at the same instant (a barrier releases them together)."""
    barrier = threading.Barrier(len(browsers))

    def one(browser: Browser) -> str:
        barrier.wait()
        guess(browser)
        return _classify(browser.message(), browser.page, field)

    with ThreadPoolExecutor(len(browsers)) as pool:
        return Counter(pool.map(one, browsers))


def _race(browsers: list[Browser], wrong: Callable[[Browser], str], right: Callable[[Browser], str],
          row: str, field: str, rounds: int = 3) -> Figure:
    outcomes: Counter[str] = Counter()
    for _ in range(rounds):  # a portal that asks for a captcha checks fewer per round: guess again
        outcomes += _at_once(browsers, wrong, field)
    checked = outcomes["checked"] + (1 if outcomes["locked"] else 0)
    accepted = _at_once(browsers, right, field)["accepted"]
    measured = (f"{len(browsers)} browsers × {rounds} rounds: {checked} checked, answers {dict(outcomes)}; "
                f"then {accepted}/{len(browsers)} right passwords accepted")
    holds = checked == GUIDE_LIMIT and outcomes["locked"] > 0 and accepted == 0
    return Figure(row, measured, f"exactly {GUIDE_LIMIT} checked, then locked; 0 accepted while locked", holds)


def login_race(portal: Portal, serial: int, browsers: int = 32) -> Figure:
    """32 browsers, each a fresh cookie, guess one account's password at once (ITS §1.1 实名登录)."""
    person = portal.seed_person(serial)
    crowd = [portal.browser() for _ in range(browsers)]
    for browser in crowd:
        browser.open()

    def guess(password: str) -> Callable[[Browser], str]:
        return lambda b: b.press("登录", {"账号": person["login_name"], "密码": password})

    return _race(crowd, guess("Wrong9999!"), guess(person["password"]), "concurrent lockout, login", "密码")


def declaration_race(portal: Portal, serial: int, browsers: int = 32) -> Figure:
    """32 signed-in browsers enter one unit's 申报密码 wrong at once (ITS §1.3, first 实名办税)."""
    person = portal.seed_person(serial)
    portal.hook("seed.unit", {"tax_id": UNIT_TAX_ID, "name": "探测扣缴单位", "declaration_password": UNIT_PASSWORD})
    crowd = [portal.browser() for _ in range(browsers)]
    for browser in crowd:
        browser.open()
        browser.press("登录", {"账号": person["login_name"], "密码": person["password"]})

    def guess(password: str) -> Callable[[Browser], str]:
        return lambda b: b.press("提交", {"纳税人识别号": UNIT_TAX_ID, "申报密码": password})

    return _race(crowd, guess("Wrong999"), guess(UNIT_PASSWORD), "concurrent lockout, 申报密码", "申报密码")
