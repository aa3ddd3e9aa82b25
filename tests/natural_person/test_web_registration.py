"""WEB registration (ITS §2.1) in the service layer and on the web pages: codes, picker, all-or-nothing accounts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.clock import ControlledClock
from simulator.common.test_control import SeedError
from simulator.store.registration import RegistrationStore
from simulator.store.sqlite import DuplicateAccount
from simulator.web.app import create_app

RARE_NAME = "王秀𠮷"


def _code(portal: Portal, person: Identity, name: str | None = RARE_NAME) -> str:
    answer = portal.test_control.call("seed.registration_code", {
        "name": name, "document_type": person.document_type.value, "document_number": person.document_number})
    return str(answer["code"])


def _to_identity_page(portal: Portal) -> str:
    session, _ = portal.view(None)
    for control in ("立即注册", "同意并继续", "大厅注册码注册"):
        session, _ = portal.act(session, control, {})
    return session


def _identity(person: Identity, code: str, name: str = RARE_NAME) -> dict[str, str]:
    return {"注册码": code, "姓名": name, "证件类型": person.document_type.value, "证件号码": person.document_number}


def _settings(person: Identity, sms: str) -> dict[str, str]:
    return {"登录名": person.login_name, "密码": person.password, "手机号码": person.phone, "短信验证码": sms,
            "户籍所在地": "北京市"}


def _register(portal: Portal, person: Identity) -> str:
    session = _to_identity_page(portal)
    session, view = portal.act(session, "下一步", _identity(person, _code(portal, person)))
    assert view.screen == "设置登录信息", view.message
    portal.act(session, "获取验证码", {"手机号码": person.phone})
    sms = portal.test_control.call("sms.outbox", {"phone": person.phone})["messages"][-1]["code"]
    session, view = portal.act(session, "完成注册", _settings(person, sms))
    assert view.screen == "实名登录", view.message
    assert not view.refused, view.message
    return session


def test_the_hall_code_hook_answers_the_code_and_its_expiry(portal: Portal, person: Identity) -> None:
    answer = portal.test_control.call("seed.registration_code", {
        "document_type": "居民身份证", "document_number": person.document_number,
        "issued_at": "2024-03-01T10:00:00+08:00"})
    assert len(answer["code"]) == 6
    assert answer["expires_at"] == "2024-03-08T10:00:00+08:00"


@pytest.mark.parametrize("payload", [
    {"document_type": "身份证", "document_number": "1"},
    {"document_type": "居民身份证"},
    {"document_type": "居民身份证", "document_number": "1", "name": ""},
    {"document_type": "居民身份证", "document_number": "1", "issued_at": "2024-03-01T10:00:00"},
])
def test_the_hall_code_hook_refuses_payloads_a_hall_could_not_issue(portal: Portal, payload: dict[str, str]) -> None:
    with pytest.raises(SeedError):
        portal.test_control.call("seed.registration_code", payload)


def test_the_rare_character_is_picked_stored_and_shown_intact(portal: Portal, person: Identity) -> None:
    client = create_app(portal).test_client()
    code = _code(portal, person)
    for control in ("立即注册", "同意并继续", "大厅注册码注册"):
        client.post("/act", data={"_control": control})
    client.post("/act", data={"_control": "录入生僻字", **_identity(person, code, name="王秀")})
    page = client.get("/").get_data(as_text=True)
    assert 'aria-label="偏旁部首"' in page
    assert 'aria-label="笔画数"' in page
    for control in ("口", "6画", "𠮷"):
        client.post("/act", data={"_control": control})
    assert 'value="𠮷"' in client.get("/").get_data(as_text=True)
    client.post("/act", data={"_control": "确定"})
    assert f'value="{RARE_NAME}"' in client.get("/").get_data(as_text=True)
    client.post("/act", data={"_control": "下一步", **_identity(person, code)})
    client.post("/act", data={"_control": "获取验证码", "手机号码": person.phone})
    sms = portal.test_control.call("sms.outbox", {"phone": person.phone})["messages"][-1]["code"]
    client.post("/act", data={"_control": "完成注册", **_settings(person, sms)})
    assert RARE_NAME in client.get("/").get_data(as_text=True)  # the success message names the person
    account = portal.store.find_by_document_number(person.document_number)
    assert account is not None
    assert account.person.name == RARE_NAME
    client.post("/act", data={"_control": "忘记密码"})
    identity = {"姓名": RARE_NAME, "证件类型": "居民身份证", "证件号码": person.document_number,
                "手机号码": person.phone}
    client.post("/act", data={"_control": "获取验证码", **identity})
    code = portal.test_control.call("sms.outbox", {"phone": person.phone})["messages"][-1]["code"]
    client.post("/act", data={"_control": "下一步", **identity, "短信验证码": code})
    assert 'data-screen="重置密码"' in client.get("/").get_data(as_text=True)


def test_the_picker_asks_for_a_radical_first_and_a_character_before_confirming(portal: Portal) -> None:
    session = _to_identity_page(portal)
    session, view = portal.act(session, "录入生僻字", {"姓名": "王"})
    assert "6画" not in view.controls
    assert "𠮷" not in view.controls
    session, view = portal.act(session, "确定", {})
    assert view.refused
    assert view.screen == "录入生僻字"
    session, view = portal.act(session, "取消", {})
    assert view.screen == "大厅注册码注册"
    assert view.values["姓名"] == "王"


def test_a_code_is_refused_once_seven_days_have_passed(portal: Portal, person: Identity) -> None:
    code = _code(portal, person)
    assert isinstance(portal.clock, ControlledClock)
    portal.clock.advance(timedelta(days=7))
    _session, view = portal.act(_to_identity_page(portal), "下一步", _identity(person, code))
    assert view.refused
    assert view.screen == "大厅注册码注册"


def test_nothing_is_half_created_when_the_account_cannot_be_stored(portal: Portal, person: Identity,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RegistrationStore, "taken", lambda *_: False)  # as if another visitor won a race
    _register(portal, person)
    code = _code(portal, person)
    session = _to_identity_page(portal)
    other = {"注册码": code, "姓名": RARE_NAME, "证件类型": "居民身份证", "证件号码": person.document_number}
    session, view = portal.act(session, "下一步", other)
    portal.act(session, "获取验证码", {"手机号码": person.phone})
    sms = portal.test_control.call("sms.outbox", {"phone": person.phone})["messages"][-1]["code"]
    session, view = portal.act(session, "完成注册", _settings(person, sms))
    assert view.refused
    assert portal.store.count() == 1
    assert portal.store.rows("SELECT used FROM registration_codes WHERE code = ?", code)[0][0] == 0


def test_create_account_rolls_back_when_a_later_statement_fails(portal: Portal, person: Identity) -> None:
    store = RegistrationStore(portal.store)
    _register(portal, person)
    account = portal.store.find_by_document_number(person.document_number)
    assert account is not None
    with pytest.raises(DuplicateAccount):
        store.register(account, "NOCODE", "北京市", portal.clock.now())
    assert portal.store.count() == 1


def test_sms_gateway_down_refuses_and_creates_nothing(portal: Portal, person: Identity) -> None:
    portal.test_control.call("external.fault", {"service": "sms", "mode": "down"})
    session = _to_identity_page(portal)
    session, view = portal.act(session, "下一步", _identity(person, _code(portal, person)))
    session, view = portal.act(session, "获取验证码", {"手机号码": person.phone})
    assert view.refused
    assert "短信" in (view.message.text if view.message else "")
    session, view = portal.act(session, "完成注册", _settings(person, "123456"))
    assert view.refused
    assert portal.store.count() == 0
