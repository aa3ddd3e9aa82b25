"""Unit verification and its hooks below the features: seed errors, shared lock, captcha, dates, former logins."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from flask.testing import FlaskClient

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.common.test_control import SeedError
from simulator.common.views import MessageKind, Screen, View
from simulator.domain.units import BEIJING
from simulator.hooks.api import BASE_PATH, TOKEN_HEADER
from simulator.its.unit_pages import HOME
from simulator.web.app import create_app
from tests.conftest import seed_of

TAX_ID, OTHER = "91110000600037341L", "110105123456789"


def _unit(portal: Portal, tax_id: str = TAX_ID, name: str = "甲公司", password: str | None = "Decl-pw1",
          **extra: Any) -> None:
    portal.test_control.call("seed.unit", {"tax_id": tax_id, "name": name, "declaration_password": password,
                                           **extra})


def _handler(portal: Portal, person: Identity, tax_id: str = TAX_ID, authorized: bool = False) -> None:
    portal.test_control.call("seed.unit_handler", {"account": person.login_name, "tax_id": tax_id,
                                                   "role": "办税人员", "authorized": authorized})


def _logged_in(portal: Portal, person: Identity) -> tuple[str, View]:
    sid, _ = portal.view(None)
    return portal.act(sid, "登录", {"账号": person.login_name, "密码": person.password})


@pytest.mark.parametrize(("payload", "words"), [
    ({"tax_id": "1234", "name": "甲"}, "18位"),
    ({"tax_id": TAX_ID}, "'name'"),
    ({"tax_id": TAX_ID, "name": "甲", "local": "yes"}, "'local'"),
    ({"tax_id": TAX_ID, "name": "甲", "declaration_password": "a b"}, "spaces"),
    ({"tax_id": TAX_ID, "name": "甲", "ca_valid_until": "2030-01-01"}, "'ca'"),
    ({"tax_id": TAX_ID, "name": "甲", "ca": True, "ca_valid_until": "soon"}, "ISO 8601"),
])
def test_bad_unit_seeds_are_refused_and_nothing_is_stored(portal: Portal, payload: dict[str, Any],
                                                          words: str) -> None:
    with pytest.raises(SeedError, match=words):
        portal.test_control.call("seed.unit", payload)
    _unit(portal)  # the same 纳税人识别号 is still free


@pytest.mark.parametrize(("change", "words"), [
    ({"account": "nobody"}, "no registered natural person"), ({"tax_id": OTHER}, "seed.unit first"),
    ({"role": "会计"}, "未知的办税角色"), ({"authorized": 1}, "'authorized'")])
def test_bad_handler_seeds_are_refused(portal: Portal, person: Identity, change: dict[str, Any],
                                       words: str) -> None:
    portal.test_control.seed_person(seed_of(person))
    _unit(portal)
    payload = {"account": person.login_name, "tax_id": TAX_ID, "role": "办税人员", **change}
    with pytest.raises(SeedError, match=words):
        portal.test_control.call("seed.unit_handler", payload)
    assert _logged_in(portal, person)[1].fields[0] == "纳税人识别号"  # no unit was linked


def test_hooks_answer_400_with_the_reason() -> None:
    client: FlaskClient = create_app(hooks_token="t").test_client()
    response = client.post(BASE_PATH + "/capabilities/seed.unit", headers={TOKEN_HEADER: "t"},
                           json={"tax_id": "1234", "name": "甲"})
    assert response.status_code == 400
    assert "18位" in response.get_json()["error"]
    body = {"tax_id": TAX_ID, "name": "甲"}
    assert client.post(BASE_PATH + "/capabilities/seed.unit", headers={TOKEN_HEADER: "t"}, json=body).status_code == 200
    again = client.post(BASE_PATH + "/capabilities/seed.unit", headers={TOKEN_HEADER: "t"}, json=body)
    assert again.status_code == 400
    assert "已存在" in again.get_json()["error"]


def test_the_lock_is_the_units_for_every_handler(portal: Portal, person: Identity) -> None:
    from fixtures.identities import IdentityFactory

    other = IdentityFactory("other").person()
    for who in (person, other):
        portal.test_control.seed_person(seed_of(who))
    _unit(portal)
    _handler(portal, person)
    _handler(portal, other)
    sid, _ = _logged_in(portal, person)
    for _ in range(5):
        answer = portal.test_control.current_captcha(sid) or ""
        view = portal.act(sid, "提交", {"申报密码": "wrong-1", "验证码": answer})[1]
    assert view.locked
    sid2, _ = _logged_in(portal, other)
    view = portal.act(sid2, "提交", {"申报密码": "Decl-pw1"})[1]
    assert view.locked
    assert view.screen == Screen.UNIT_VERIFICATION


def test_a_wrong_captcha_does_not_count_towards_the_lock(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    _unit(portal)
    _handler(portal, person)
    sid, _ = _logged_in(portal, person)
    portal.act(sid, "提交", {"申报密码": "wrong-1"})
    for _ in range(6):
        view = portal.act(sid, "提交", {"申报密码": "wrong-1", "验证码": "????"})[1]
        assert view.message is not None
        assert view.message.kind is MessageKind.REFUSED
    answer = portal.test_control.current_captcha(sid) or ""
    assert portal.act(sid, "提交", {"申报密码": "Decl-pw1", "验证码": answer})[1].screen == HOME


def test_authorized_handler_enters_directly_from_2020(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    _unit(portal, password=None)
    _handler(portal, person, authorized=True)
    portal.test_control.set_clock(datetime(2020, 1, 1, tzinfo=BEIJING))
    view = _logged_in(portal, person)[1]
    assert view.screen == HOME
    assert portal.test_control.call("unit.temporary_password", {"tax_id": TAX_ID})["temporary_password"] is None


def test_temporary_password_is_issued_once_and_then_accepted(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    _unit(portal, password=None)
    _handler(portal, person)
    sid, view = _logged_in(portal, person)
    issued = portal.test_control.call("unit.temporary_password", {"tax_id": TAX_ID})["temporary_password"]
    assert view.refused
    assert issued in (view.message.text if view.message else "")
    assert portal.view(sid)[1].message == view.message  # looking again issues no new one
    assert portal.act(sid, "提交", {"申报密码": issued})[1].screen == HOME


def test_former_logins_end_on_2020_01_01(portal: Portal) -> None:
    _unit(portal, local=True, ca=True)
    portal.test_control.set_clock(datetime(2019, 12, 31, 23, 59, tzinfo=BEIJING))
    sid, view = portal.view(None)
    assert {"申报密码登录", "CA登录"} <= set(view.controls)
    portal.act(sid, "CA登录", {})
    portal.test_control.set_clock(datetime(2020, 1, 1, tzinfo=BEIJING))
    view = portal.act(sid, "登录", {"纳税人识别号": TAX_ID})[1]
    assert view.refused
    assert "2020年1月1日" in (view.message.text if view.message else "")
    assert "CA登录" not in portal.act(sid, "返回", {})[1].controls


def test_ca_verification_needs_a_valid_certificate(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    _unit(portal, local=True, ca=True, ca_valid_until="2020-06-30")
    _handler(portal, person)
    portal.test_control.set_clock(datetime(2020, 7, 1, tzinfo=BEIJING))
    view = _logged_in(portal, person)[1]
    assert "CA校验" not in view.controls
    assert "申报密码" in view.fields
