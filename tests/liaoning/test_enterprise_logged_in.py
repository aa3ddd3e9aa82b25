"""enterprise.logged_in (the optional shortcut handing a logged-in Liaoning session to the browser): it lands on the
电子税务局首页 the pages reach, refuses with the pages' words, its address opens once in either skin, and the step
「…登录企业…并打开【企业人员维护】」 takes it over or, without it, walks the pages."""

from __future__ import annotations

import re
from typing import Any

import pytest

from drivers.inprocess import InProcessDriver
from etax_conformance.without_hooks import WithoutHooks
from fixtures.enterprises import EnterpriseData
from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.common.handoff import PATH
from simulator.common.test_control import SeedError
from simulator.liaoning.handler_login import NO_PASSWORD_YET
from simulator.liaoning.screens import ETAX, FROZEN, LnScreen
from simulator.variant import Variant
from simulator.web.handoff import REFUSAL
from steps.liaoning.personnel_steps import personnel_page
from tests.handoff_support import ClickCounting, opens_once_over_http, redeemed
from tests.liaoning.liaoning_visitor import LiaoningVisitor
from tests.liaoning.personnel_visitor import BOSS_PASSWORD, boss_home

CAPABILITY = "enterprise.logged_in"
TOKEN = "logged-in-tests-token-0123456789"


def _seeded(portal: Portal, seed: str = "logged-in") -> tuple[LiaoningVisitor, Identity, Identity]:
    """An enterprise, its 法定代表人 after the first login (个人密码 BOSS_PASSWORD), and a 财务负责人 not yet."""
    visitor = LiaoningVisitor.with_enterprise(portal, seed)
    people = IdentityFactory(seed)
    boss, finance = visitor.person(people, "法定代表人"), visitor.person(people, "财务负责人")
    portal.test_control.call("enterprise.first_login", {"tax_id": visitor.enterprise.tax_id,
                                                        "id_number": boss.document_number,
                                                        "personal_password": BOSS_PASSWORD})
    return visitor, boss, finance


def _body(enterprise: EnterpriseData, person: Identity, password: str = BOSS_PASSWORD, **other: str) -> dict[str, Any]:
    return {"tax_id": enterprise.tax_id, "enterprise_password": enterprise.password,
            "id_number": person.document_number, "personal_password": password, **other}


def test_the_shortcut_lands_where_the_pages_land(portal: Portal) -> None:
    visitor, boss, _ = _seeded(portal)
    walked = boss_home(visitor, boss, first=False)
    answer = portal.test_control.call(CAPABILITY, _body(visitor.enterprise, boss))
    entry, session = redeemed(portal, answer)
    _, landed = portal.view(session, entry)
    assert entry == ETAX
    assert (landed.screen, landed.controls, landed.greeting) == (walked.screen, walked.controls, walked.greeting)
    assert landed.screen == LnScreen.HOME
    assert visitor.enterprise.name in landed.controls  # the 纳税人名称 that opens 【企业人员维护】
    _, menu = portal.act(session, visitor.enterprise.name, {}, ETAX)
    assert "企业人员维护" in menu.controls
    assert portal.test_control.call("sms.outbox", {"phone": boss.phone})["messages"] == []


def test_the_shortcut_refuses_with_the_pages_words(portal: Portal) -> None:
    visitor, boss, finance = _seeded(portal)
    enterprise, call = visitor.enterprise, portal.test_control.call
    with pytest.raises(SeedError, match="纳税人识别号或企业密码错误"):
        call(CAPABILITY, _body(enterprise, boss, enterprise_password=enterprise.wrong_password()))
    with pytest.raises(SeedError, match="密码有误"):
        call(CAPABILITY, _body(enterprise, boss, "Wrong-pass-1"))
    with pytest.raises(SeedError, match=re.escape(NO_PASSWORD_YET)):  # 常见问题1: no 个人密码 set yet
        call(CAPABILITY, _body(enterprise, finance))
    with pytest.raises(SeedError, match="页面上没有证件号码为"):
        call(CAPABILITY, _body(enterprise, IdentityFactory("logged-in-stranger").person()))
    with pytest.raises(SeedError, match="'enterprise_password'"):
        call(CAPABILITY, {k: v for k, v in _body(enterprise, boss).items() if k != "enterprise_password"})
    call("handler.freeze", {"tax_id": enterprise.tax_id, "id_number": boss.document_number})
    with pytest.raises(SeedError, match=re.escape(FROZEN)):
        call(CAPABILITY, _body(enterprise, boss))


def test_a_deviation_of_the_pages_is_a_deviation_of_the_shortcut(portal: Portal) -> None:
    """LN_ENTERPRISE_PASSWORD_AS_PERSONAL lets the 企业密码 pass as the 个人密码 on the pages: here too."""
    from simulator import deviations

    visitor, boss, _ = _seeded(portal)
    body = _body(visitor.enterprise, boss, visitor.enterprise.password)
    with pytest.raises(SeedError, match="密码有误"):
        portal.test_control.call(CAPABILITY, body)
    deviations.activate(["LN_ENTERPRISE_PASSWORD_AS_PERSONAL"])
    try:
        assert portal.test_control.call(CAPABILITY, body)["open"].startswith(PATH)
    finally:
        deviations.activate([])


@pytest.mark.parametrize("variant", ["default", "alt"])
def test_the_address_opens_once_in_either_skin(variant: str) -> None:
    portal = build_portal(clock=ControlledClock(), variant=Variant.named(variant))
    visitor, boss, _ = _seeded(portal, f"logged-in-{variant}")
    client, again = opens_once_over_http(portal, TOKEN, CAPABILITY, _body(visitor.enterprise, boss),
                                         visitor.enterprise.name)
    assert REFUSAL in again.get_data(as_text=True)
    wrong = client.post(f"/__conformance__/v2/capabilities/{CAPABILITY}",
                        json=_body(visitor.enterprise, boss, "Wrong-pass-1"), headers={"X-Conformance-Token": TOKEN})
    assert wrong.status_code == 400
    assert "密码有误" in wrong.get_json()["error"]


def test_a_portal_with_only_the_logins_offers_it_too() -> None:
    """--ln-logins-only: no 企业人员维护, but the login is the same."""
    portal = build_portal(variant=Variant.named("default", ln_logins_only=True))
    visitor, boss, _ = _seeded(portal, "logged-in-logins-only")
    assert CAPABILITY in portal.test_control.capabilities()
    assert portal.test_control.call(CAPABILITY, _body(visitor.enterprise, boss))["open"].startswith(PATH)


@pytest.mark.parametrize("variant", ["default", "alt"])
@pytest.mark.parametrize("shortcut", [True, False])
def test_the_step_takes_over_or_walks_the_pages(shortcut: bool, variant: str) -> None:
    driver = ClickCounting(variant=Variant.named(variant))
    try:
        visitor, boss, _ = _seeded(driver.portal, f"logged-in-step-{variant}")
        portal: Any = driver if shortcut else WithoutHooks(driver, frozenset({"enterprise"}))
        personnel_page(portal, {"张三": boss}, {"甲公司": visitor.enterprise}, {"张三": BOSS_PASSWORD}, "张三",
                       "甲公司")
        assert driver.screen() == "企业人员维护"
        assert driver.shows_row((boss.name,))
        walked = ["企业登录", "普通登录", "登录", boss.name, "密码登录", "确定"]
        assert driver.clicks == [visitor.enterprise.name, "企业人员维护"] if shortcut else \
            all(control in driver.clicks for control in walked)
    finally:
        driver.close()


def test_the_step_fails_loudly_when_the_address_lands_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """A handoff that lands anywhere but the enterprise's 首页 fails the step (no silent walk past it)."""
    driver = InProcessDriver()
    try:
        visitor, boss, _ = _seeded(driver.portal, "logged-in-elsewhere")
        monkeypatch.setattr(driver, "take_over", lambda *_: driver.open_entry(ETAX))  # the login page, not the 首页
        with pytest.raises(AssertionError, match="电子税务局首页"):
            personnel_page(driver, {"张三": boss}, {"甲公司": visitor.enterprise}, {"张三": BOSS_PASSWORD}, "张三",
                           "甲公司")
    finally:
        driver.close()

