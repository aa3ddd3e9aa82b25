"""registration.verified (the optional shortcut handing a verified registration to the browser): it reaches the login
settings page the pages reach, refuses with the pages' words, and its address opens once, within 60 s, only where
the hooks are mounted — in both skins; without the capability the Givens walk the pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from drivers.inprocess import InProcessDriver
from drivers.protocol import NotVerifiable
from etax_conformance.without_hooks import WithoutHooks
from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal
from simulator.clock import ControlledClock
from simulator.common.handoff import PATH, TTL_SECONDS, Handoffs
from simulator.common.router import CLIENT
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.test_control import SeedError
from simulator.common.views import View
from simulator.web.app import create_app
from simulator.web.handoff import REFUSAL
from steps.natural_person.app_registration_steps import face_verified, hall_code_verified
from steps.natural_person.registration_steps import identity_verified
from tests.handoff_support import ClickCounting, redeemed
from vocabulary.documents import DocumentType

APP = "个人所得税APP"
TOKEN = "handoff-tests-token-0123456789"


def _code(portal: Portal, person: Identity) -> str:
    return str(portal.test_control.call("seed.registration_code", {
        "name": person.name, "document_type": person.document_type.value,
        "document_number": person.document_number})["code"])


def _body(person: Identity, channel: str, method: str, code: str | None = None) -> dict[str, Any]:
    return {"channel": channel, "method": method, "name": person.name, "document_type": person.document_type.value,
            "document_number": person.document_number, "nationality": person.nationality,
            **({"code": code} if code else {})}


def _redeemed(portal: Portal, answer: Mapping[str, Any]) -> tuple[str, View]:
    entry, session = redeemed(portal, answer)
    return entry, portal.view(session, entry)[1]


def _walked(portal: Portal, person: Identity, channel: str, method: str, code: str | None) -> View:
    """The same registration through the pages' controls (what a browser posts)."""
    if channel == "WEB":
        session, _ = portal.view(None)
        for control in ("立即注册", "同意并继续", "大厅注册码注册"):
            session, _ = portal.act(session, control, {})
        form = {"注册码": code or "", "姓名": person.name, "证件类型": person.document_type.value,
                "证件号码": person.document_number}
        return portal.act(session, "下一步", form)[1]
    session, _ = portal.view(None, APP)
    for control in ("注册", "大厅注册码注册" if method == "大厅注册码" else "人脸识别认证注册", "同意"):
        session, _ = portal.act(session, control, {}, APP)
    identity = {"证件类型": person.document_type.value, "证件号码": person.document_number, "姓名": person.name}
    if method == "大厅注册码":
        return portal.act(session, "下一步", {**identity, "注册码": code or "", "国籍": person.nationality}, APP)[1]
    session, view = portal.act(session, "开始人脸识别", identity, APP)
    return portal.act(session, "拍摄", {"照片": dict(view.values)["照片"]}, APP)[1]


@pytest.mark.parametrize(("channel", "method", "entry"), [
    ("WEB", "大厅注册码", CLIENT), (APP, "大厅注册码", APP), (APP, "人脸识别", APP)])
def test_the_shortcut_lands_where_the_pages_land(portal: Portal, channel: str, method: str, entry: str) -> None:
    people = IdentityFactory(f"handoff-{channel}-{method}")
    shortcut, walker = people.person(), people.person()
    code = _code(portal, shortcut) if method == "大厅注册码" else None
    other = _code(portal, walker) if method == "大厅注册码" else None
    landed_entry, landed = _redeemed(portal, portal.test_control.call(
        "registration.verified", _body(shortcut, channel, method, code)))
    walked = _walked(portal, walker, channel, method, other)
    assert landed_entry == entry
    assert (landed.screen, landed.fields, landed.controls) == (walked.screen, walked.fields, walked.controls)
    assert "登录名" in landed.fields
    assert not landed.refused


def test_the_handed_session_registers_the_person(portal: Portal, person: Identity) -> None:
    """The login settings of the session handed over finish the registration of that person (WEB §2.1 ③)."""
    code = _code(portal, person)
    _, session = redeemed(portal, portal.test_control.call(
        "registration.verified", _body(person, "WEB", "大厅注册码", code)))
    session, _ = portal.act(session, "获取验证码", {"手机号码": person.phone})
    sms = portal.test_control.call("sms.outbox", {"phone": person.phone})["messages"][-1]["code"]
    portal.act(session, "完成注册", {"手机号码": person.phone, "短信验证码": sms, "登录名": person.login_name,
                                  "密码": person.password, "户籍所在地": "北京市"})
    account = portal.store.find_by_document_number(person.document_number)
    assert account is not None
    assert account.login_name == person.login_name


def test_the_shortcut_refuses_with_the_pages_words(portal: Portal, person: Identity) -> None:
    call = portal.test_control.call
    with pytest.raises(SeedError, match="注册码不存在"):
        call("registration.verified", _body(person, "WEB", "大厅注册码", "Q7Z3K9"))
    with pytest.raises(SeedError, match="页面上没有【人脸识别认证注册】"):  # the WEB端 offers only the hall code
        call("registration.verified", _body(person, "WEB", "人脸识别"))
    foreigner = IdentityFactory("handoff-passport").person(DocumentType.FOREIGN_PASSPORT)
    with pytest.raises(SeedError, match="人脸识别认证注册仅支持居民身份证"):
        call("registration.verified", _body(foreigner, APP, "人脸识别"))
    with pytest.raises(SeedError, match="'code'"):
        call("registration.verified", _body(person, "WEB", "大厅注册码"))
    portal.test_control.seed_person(_seed(person))
    with pytest.raises(SeedError, match="已注册"):
        call("registration.verified", _body(person, APP, "人脸识别"))
    call("face.next_result", {"match": False})
    with pytest.raises(SeedError, match="人脸识别未通过"):
        call("registration.verified", _body(IdentityFactory("handoff-face").person(), APP, "人脸识别"))


def _seed(person: Identity) -> Any:
    from tests.conftest import seed_of

    return seed_of(person)


@pytest.mark.parametrize("variant", ["default", "alt"])
def test_the_address_opens_once_in_either_skin(variant: str, person: Identity) -> None:
    from simulator.bootstrap import build_portal
    from simulator.variant import Variant

    portal = build_portal(clock=ControlledClock(), variant=Variant.named(variant))
    client = create_app(portal, hooks_token=TOKEN).test_client()
    answer = client.post("/__conformance__/v2/capabilities/registration.verified", json=_body(person, APP, "人脸识别"),
                         headers={"X-Conformance-Token": TOKEN})
    address = answer.get_json()["open"]
    assert len(address.removeprefix(PATH)) >= 22  # ≥ 128 bits of base64url
    first = client.get(address)
    assert first.status_code == 303
    assert first.headers["Cache-Control"] == "no-store"
    assert first.headers["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" in first.headers
    page = client.get(first.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "登录名" in page
    again = client.get(address)
    assert again.status_code == 404
    assert REFUSAL in again.get_data(as_text=True)
    assert "Set-Cookie" not in again.headers
    unknown = client.get(PATH + "A" * 43)
    assert unknown.status_code == 404
    assert "Set-Cookie" not in unknown.headers


def test_the_address_exists_only_with_the_hooks(portal: Portal, person: Identity) -> None:
    answer = portal.test_control.call("registration.verified", _body(person, APP, "人脸识别"))
    assert create_app(portal).test_client().get(answer["open"]).status_code == 404  # no hooks, no such page
    redeemed(portal, answer)  # and the ticket unspent


def test_a_ticket_expires_and_binds_one_session() -> None:
    now = [100.0]
    handoffs = Handoffs(SessionRegistry(ControlledClock()), monotonic=lambda: now[0])
    prepared = PortalSession("hooks-scratch", screen="设置登录信息")
    late, kept = handoffs.mint(CLIENT, prepared), handoffs.mint(CLIENT, PortalSession("hooks-other"))
    now[0] += TTL_SECONDS
    assert handoffs.redeem(late) is None
    now[0] = 100.0
    fresh = handoffs.mint(CLIENT, prepared)
    entry, session = handoffs.redeem(fresh) or ("", "")
    assert (entry, session != "hooks-scratch", prepared.id == session) == (CLIENT, True, True)
    assert handoffs.redeem(fresh) is None
    assert handoffs.redeem(kept) is not None
    assert len({handoffs.mint(CLIENT, prepared) for _ in range(200)}) == 200


@pytest.mark.parametrize("shortcut", [True, False])
@pytest.mark.parametrize("given", ["web", "face", "hall"])
def test_the_givens_take_over_or_walk_the_pages(shortcut: bool, given: str) -> None:
    driver = ClickCounting()
    try:
        portal: Any = driver if shortcut else WithoutHooks(driver, frozenset({"registration.verified"}))
        cast = {"甲": IdentityFactory(f"handoff-givens-{shortcut}-{given}").person()}
        if given == "web":
            identity_verified(portal, cast, {"甲": _code(driver.portal, cast["甲"])}, "甲")
        elif given == "face":
            face_verified(portal, cast, {}, {}, "甲")
        else:
            hall_code_verified(portal, cast, {}, {}, "甲")
        settings = "设置登录信息" if given == "web" else "登录设置"
        assert (driver.screen(), driver.shows_field("登录名")) == (settings, True)
        assert (not driver.clicks) is shortcut
    finally:
        driver.close()


def test_a_portal_without_the_capability_is_not_verifiable_for_take_over() -> None:
    driver = InProcessDriver()
    try:
        with pytest.raises(NotVerifiable):
            WithoutHooks(driver, frozenset({"registration"})).take_over("registration.verified", {}, CLIENT)
    finally:
        driver.close()
