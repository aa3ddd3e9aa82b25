"""qingdao.logged_in (the optional shortcut handing a Qingdao 自然人业务 login to the browser): it lands on the 首页 the
pages reach (the SMS sent as they send it), refuses with the pages' words and counts the failures as they do, its
address opens once in either skin (the alt variant's captcha answered), and the Given 「…已在自然人业务入口登录
电子税务局」 takes it over or, without it, walks the pages; the 当 form always walks them."""

from __future__ import annotations

import re
from typing import Any

import pytest

from drivers.inprocess import InProcessDriver
from etax_conformance.without_hooks import WithoutHooks
from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.common.test_control import SeedError
from simulator.common.views import MessageKind
from simulator.qingdao.screens import ETAX, NOT_REGISTERED, QdScreen
from simulator.variant import Variant
from simulator.web.handoff import REFUSAL
from steps.qingdao.actions import on_home
from steps.qingdao.login_steps import logged_in, was_logged_in
from steps.qingdao.people import QdUser
from tests.handoff_support import ClickCounting, opens_once_over_http, redeemed
from tests.qingdao.qingdao_visitor import ID_NUMBER, PASSWORD, PHONE, Visitor

CAPABILITY = "qingdao.logged_in"
TOKEN = "qingdao-logged-in-tests-token-0123"


def _body(password: str = PASSWORD, number: str = ID_NUMBER) -> dict[str, Any]:
    return {"document_number": number, "password": password}


def _outbox(portal: Portal) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = portal.test_control.call("sms.outbox", {"phone": PHONE})["messages"]
    return messages


def test_the_shortcut_lands_where_the_pages_land(portal: Portal) -> None:
    visitor = Visitor(portal)
    visitor.seed()
    walked = visitor.log_in()
    answer = portal.test_control.call(CAPABILITY, _body())
    entry, session = redeemed(portal, answer)
    _, landed = portal.view(session, entry)
    assert entry == ETAX
    assert (landed.screen, landed.controls, landed.rows) == (walked.screen, walked.controls, walked.rows)
    assert landed.screen == QdScreen.HOME
    assert ("姓名", "张三") in landed.rows
    assert len(_outbox(portal)) == 2  # one code for the pages' login, one for the shortcut's: as the pages send it


def test_the_shortcut_refuses_with_the_pages_words_and_counts_as_they_do(portal: Portal) -> None:
    call = portal.test_control.call
    with pytest.raises(SeedError, match=NOT_REGISTERED):
        call(CAPABILITY, _body())
    visitor = Visitor(portal)
    visitor.seed()
    with pytest.raises(SeedError, match="账号或密码错误"):
        call(CAPABILITY, _body("Wrong#pass1"))
    for _ in range(4):  # the pages' failures and the shortcut's count together (FAQ 14)
        assert visitor.first_factor("Wrong#pass1").refused
    locked = visitor.first_factor()
    assert locked.screen == QdScreen.LOGIN
    assert locked.message is not None
    assert locked.message.kind == MessageKind.LOCKED
    with pytest.raises(SeedError, match=re.escape(locked.message.text)):
        call(CAPABILITY, _body())
    with pytest.raises(SeedError, match="'password'"):
        call(CAPABILITY, {"document_number": ID_NUMBER})


def test_a_person_on_the_initial_password_must_change_it_first(portal: Portal) -> None:
    Visitor(portal).seed(password=None)
    with pytest.raises(SeedError, match="停留在「重新设置密码」"):
        portal.test_control.call(CAPABILITY, _body(ID_NUMBER[-6:]))


@pytest.mark.parametrize("variant", ["default", "alt"])
def test_the_address_opens_once_in_either_skin(variant: str) -> None:
    portal = build_portal(clock=ControlledClock(), variant=Variant.named(variant))
    Visitor(portal).seed()
    client, again = opens_once_over_http(portal, TOKEN, CAPABILITY, _body(), "张三")
    assert REFUSAL in again.get_data(as_text=True)
    wrong = client.post(f"/__conformance__/v2/capabilities/{CAPABILITY}", json=_body("Wrong#pass1"),
                        headers={"X-Conformance-Token": TOKEN})
    assert (wrong.status_code, wrong.get_json()["error"]) == (400, "账号或密码错误")


def _user(driver: InProcessDriver, password: str | None = PASSWORD) -> QdUser:
    driver.hook("qingdao.seed_user", {"document_type": "居民身份证", "document_number": ID_NUMBER, "name": "张三",
                                      "phone": PHONE, "password": password})
    return QdUser("张三", "居民身份证", ID_NUMBER, PHONE, password or ID_NUMBER[-6:], "")


@pytest.mark.parametrize("variant", ["default", "alt"])
@pytest.mark.parametrize("shortcut", [True, False])
def test_the_given_takes_over_or_walks_the_pages(shortcut: bool, variant: str) -> None:
    driver = ClickCounting(variant=Variant.named(variant))
    try:
        user = _user(driver)
        portal: Any = driver if shortcut else WithoutHooks(driver, frozenset({CAPABILITY}))
        was_logged_in(portal, {"张三": user}, "张三", "自然人业务")
        assert (on_home(driver), driver.shows_text("张三")) == (True, True)
        assert (not driver.clicks) is shortcut
    finally:
        driver.close()


def test_the_when_and_other_entries_and_initial_passwords_walk_the_pages() -> None:
    driver = ClickCounting()
    try:
        user = _user(driver)
        for step, entry in ((logged_in, "自然人业务"), (was_logged_in, "企业业务")):
            driver.clicks.clear()
            step(driver, {"张三": user}, "张三", entry)
            assert on_home(driver)
            assert driver.clicks
        first = _user(driver, None)  # still on the initial password: the pages ask for a new one (FAQ 8)
        driver.clicks.clear()
        was_logged_in(driver, {"张三": first}, "张三", "自然人业务")
        assert on_home(driver)
        assert driver.clicks
    finally:
        driver.close()
