"""The simulator's login and password-reset flows, below the features: the choices the guide leaves open."""

from __future__ import annotations

import pytest

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.common import sessions as sessions_module
from simulator.common.router import UnknownControl
from simulator.common.sessions import SessionRegistry
from simulator.common.views import MessageKind, Screen, View
from tests.conftest import seed_of


def _seeded(portal: Portal, person: Identity) -> str:
    portal.test_control.seed_person(seed_of(person))
    session_id, _ = portal.view(None)
    return session_id


def _login(portal: Portal, sid: str, account: str, password: str, captcha: str = "") -> View:
    return portal.act(sid, "登录", {"账号": account, "密码": password, "验证码": captcha})[1]


def test_a_wrong_captcha_does_not_count_as_a_wrong_password(portal: Portal, person: Identity) -> None:
    sid = _seeded(portal, person)
    _login(portal, sid, person.login_name, "Wrong-pass-1")
    for _ in range(6):
        view = _login(portal, sid, person.login_name, "Wrong-pass-1", "????")
        assert view.message is not None
        assert view.message.kind is MessageKind.REFUSED
    answer = portal.test_control.current_captcha(sid) or ""
    assert _login(portal, sid, person.login_name, person.password, answer).screen == Screen.UNIT_VERIFICATION


def test_each_refusal_draws_a_new_captcha(portal: Portal, person: Identity) -> None:
    sid = _seeded(portal, person)
    _login(portal, sid, person.login_name, "Wrong-pass-1")
    first = portal.test_control.current_captcha(sid)
    _login(portal, sid, person.login_name, "Wrong-pass-1", first or "")
    second = portal.test_control.current_captcha(sid)
    assert second is not None
    assert second != first  # one chance in 31**4 of a false alarm


def _to_identity_check(portal: Portal, person: Identity) -> str:
    sid = _seeded(portal, person)
    portal.act(sid, "忘记密码", {})
    return sid


@pytest.mark.parametrize(("field", "value"), [
    ("姓名", "某某某"), ("手机号码", "13000000000"), ("证件类型", "外国护照"),
])
def test_identity_verification_needs_every_field_to_match(portal: Portal, person: Identity, field: str,
                                                         value: str) -> None:
    sid = _to_identity_check(portal, person)
    form = {"姓名": person.name, "证件类型": person.document_type.value, "证件号码": person.document_number,
            "手机号码": person.phone} | {field: value}
    _, view = portal.act(sid, "下一步", form)
    assert view.screen == Screen.FORGOT_PASSWORD
    assert view.refused
    assert view.values[field] == value, "what was typed stays on the page"


@pytest.mark.parametrize(("new", "again", "words"), [
    ("Abc12345!", "Abc12345?", "不一致"), ("abcdefgh", "abcdefgh", "三种"), ("Ab1 23456", "Ab1 23456", "空格"),
])
def test_a_new_password_must_obey_the_rule_and_match(portal: Portal, person: Identity, new: str, again: str,
                                                     words: str) -> None:
    sid = _to_identity_check(portal, person)
    identity = {"姓名": person.name, "证件类型": person.document_type.value, "证件号码": person.document_number,
                "手机号码": person.phone}
    sid, _ = portal.act(sid, "获取验证码", identity)
    code = portal.test_control.call("sms.outbox", {"phone": person.phone})["messages"][-1]["code"]
    sid, _ = portal.act(sid, "下一步", identity | {"短信验证码": code})
    sid, view = portal.act(sid, "确定", {"新密码": new, "确认密码": again})  # a new id: the person is known now
    assert view.screen == Screen.RESET_PASSWORD
    assert view.message is not None
    assert words in view.message.text
    sid, _ = portal.act(sid, "返回登录", {})
    assert _login(portal, sid, person.login_name, person.password).screen == Screen.UNIT_VERIFICATION


def test_a_control_the_screen_lacks_is_refused(portal: Portal) -> None:
    sid, _ = portal.view(None)
    with pytest.raises(UnknownControl, match="没有【确定】"):
        portal.act(sid, "确定", {"新密码": "Abc12345!", "确认密码": "Abc12345!"})


def test_the_registry_forgets_its_oldest_anonymous_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sessions_module, "MAX_ANONYMOUS", 3)
    registry = SessionRegistry()
    first = registry.new()
    for _ in range(3):
        registry.new()
    assert registry.get(first.id).id != first.id
