"""The simulator's login and password-reset services, below the features: the choices the guide leaves open."""

from __future__ import annotations

import pytest

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.service import sessions as sessions_module
from simulator.service.sessions import SessionRegistry
from simulator.service.views import MessageKind, Screen
from tests.conftest import seed_of


def _seeded(portal: Portal, person: Identity) -> str:
    portal.test_control.seed_person(seed_of(person))
    session_id, _ = portal.login.view(None)
    return session_id


def test_a_wrong_captcha_does_not_count_as_a_wrong_password(portal: Portal, person: Identity) -> None:
    sid = _seeded(portal, person)
    portal.login.submit_login(sid, person.login_name, "Wrong-pass-1")
    for _ in range(6):
        view = portal.login.submit_login(sid, person.login_name, "Wrong-pass-1", "????")
        assert view.message is not None
        assert view.message.kind is MessageKind.REFUSED
    answer = portal.test_control.current_captcha(sid)
    assert portal.login.submit_login(sid, person.login_name, person.password, answer).screen is Screen.UNIT_VERIFICATION


def test_each_refusal_draws_a_new_captcha(portal: Portal, person: Identity) -> None:
    sid = _seeded(portal, person)
    portal.login.submit_login(sid, person.login_name, "Wrong-pass-1")
    first = portal.test_control.current_captcha(sid)
    portal.login.submit_login(sid, person.login_name, "Wrong-pass-1", first or "")
    second = portal.test_control.current_captcha(sid)
    assert second is not None
    assert second != first  # one chance in 31**4 of a false alarm


@pytest.mark.parametrize(("field", "value"), [
    ("name", "某某某"), ("phone", "13000000000"), ("document_type", "外国护照"),
])
def test_identity_verification_needs_every_field_to_match(portal: Portal, person: Identity, field: str,
                                                         value: str) -> None:
    sid = _seeded(portal, person)
    portal.password_reset.open(sid)
    given = {"name": person.name, "phone": person.phone, "document_type": person.document_type.value} | {field: value}
    view = portal.password_reset.verify_identity(sid, given["name"], given["document_type"],
                                                 person.document_number, given["phone"])
    assert view.screen is Screen.FORGOT_PASSWORD
    assert view.refused


@pytest.mark.parametrize(("new", "again", "words"), [
    ("Abc12345!", "Abc12345?", "不一致"), ("abcdefgh", "abcdefgh", "三种"), ("Ab1 23456", "Ab1 23456", "空格"),
])
def test_a_new_password_must_obey_the_rule_and_match(portal: Portal, person: Identity, new: str, again: str,
                                                     words: str) -> None:
    sid = _seeded(portal, person)
    portal.password_reset.open(sid)
    portal.password_reset.verify_identity(sid, person.name, person.document_type.value, person.document_number,
                                          person.phone)
    view = portal.password_reset.reset(sid, new, again)
    assert view.screen is Screen.RESET_PASSWORD
    assert view.message is not None
    assert words in view.message.text
    assert portal.login.submit_login(sid, person.login_name, person.password).screen is Screen.UNIT_VERIFICATION


def test_reset_without_verification_is_refused(portal: Portal) -> None:
    sid, _ = portal.login.view(None)
    view = portal.password_reset.reset(sid, "Abc12345!", "Abc12345!")
    assert view.screen is Screen.FORGOT_PASSWORD
    assert view.refused


def test_the_registry_forgets_its_oldest_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sessions_module, "MAX_SESSIONS", 3)
    registry = SessionRegistry()
    first = registry.new()
    for _ in range(3):
        registry.new()
    assert registry.get(first.id).id != first.id
