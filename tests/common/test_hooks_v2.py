"""Conformance hooks v2: every capability documented and callable by name, per-session reads, strict bodies."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from etax_conformance.hooks_check import capabilities as documented_capabilities
from etax_conformance.hooks_check import load_document
from etax_conformance.openapi_schema import problems
from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.hooks import api, api_v2
from simulator.its.qr_login import QR_SWITCH
from simulator.web.app import create_app
from simulator.web.security import MAX_BODY_BYTES
from tests.conftest import seed_of

TOKEN = "s3cret"
DOCUMENT = load_document()
UNIT = "91210100MA0XXXXX10"


@pytest.fixture
def app() -> Flask:
    return create_app(hooks_token=TOKEN)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _portal(app: Flask) -> Portal:
    portal: Portal = app.config["PORTAL"]
    return portal


def _v2(client: FlaskClient, name: str, body: object = None, *, raw: bytes | None = None,
        token: str = TOKEN) -> Any:
    headers = {api.TOKEN_HEADER: token}
    if raw is not None:
        return client.post(f"{api_v2.BASE_PATH}/capabilities/{name}", data=raw, headers=headers,
                           content_type="application/json")
    return client.post(f"{api_v2.BASE_PATH}/capabilities/{name}", json=body or {}, headers=headers)


def _served(client: FlaskClient) -> list[str]:
    answer = client.get(api_v2.BASE_PATH + "/", headers={api.TOKEN_HEADER: TOKEN}).get_json()
    names: list[str] = answer["capabilities"]
    return names


def test_v2_names_its_version_build_and_capabilities_and_v1_is_unchanged(client: FlaskClient) -> None:
    for path in ("/", "/capabilities"):
        answer = client.get(api_v2.BASE_PATH + path, headers={api.TOKEN_HEADER: TOKEN}).get_json()
        assert answer["version"] == 2
        assert answer["build"].startswith("etax-conformance simulator")
        assert not problems(answer, {"$ref": "#/components/schemas/CapabilityList"}, DOCUMENT)
    v1 = client.get(api.BASE_PATH + "/capabilities", headers={api.TOKEN_HEADER: TOKEN}).get_json()
    assert v1["version"] == 1
    assert {"clock", "captcha"} <= set(v1["capabilities"])
    assert "build" not in v1


@pytest.mark.parametrize("token", ["", "wrong"])
@pytest.mark.parametrize("path", ["/", "/capabilities", "/capabilities/reset", "/reset", "/captcha", "/clock"])
def test_every_v2_call_needs_the_token(client: FlaskClient, path: str, token: str) -> None:
    method = client.get if path in ("/", "/capabilities", "/captcha", "/clock") else client.post
    answer = method(api_v2.BASE_PATH + path, headers={api.TOKEN_HEADER: token})
    assert answer.status_code == 401
    assert "X-Conformance-Token" in answer.get_json()["error"]


def test_every_served_capability_has_a_request_and_an_answer_schema(client: FlaskClient) -> None:
    documented = {c.name: c for c in documented_capabilities(DOCUMENT)}
    assert set(_served(client)) == set(documented) - {"namespace"}  # listed only with namespaces: test_namespaces
    for name in _served(client):
        post = DOCUMENT["paths"][f"/capabilities/{name}"]["post"]
        request = post["requestBody"]["content"]["application/json"]["schema"]
        assert not problems(documented[name].example, request, DOCUMENT, f"{name} example"), name
        assert documented[name].answer, name


def test_v1_paths_are_not_v2(client: FlaskClient) -> None:
    headers = {api.TOKEN_HEADER: TOKEN}
    for method, path in [("post", "/reset"), ("post", "/natural-persons"), ("get", "/captcha"), ("get", "/clock"),
                         ("put", "/clock"), ("post", "/clock/advance")]:
        assert getattr(client, method)(api_v2.BASE_PATH + path, headers=headers, json={}).status_code == 404, path
        assert not any(p == path for p in DOCUMENT["paths"])
    assert DOCUMENT["servers"][0]["url"] == api_v2.BASE_PATH


HOSTILE_RAW = [b"{not json", b"[]", b'"text"', b"null", b"1e999999", b"[" * 50_000, b"\xff\xfe", b"x" * 70_000]
WRONG_VALUES: list[object] = [7, None, [], {"$ne": 1}, "", "x" * 10_000, True, -1.5]


@pytest.mark.parametrize("raw", HOSTILE_RAW, ids=lambda r: repr(r[:12]))
def test_a_body_that_is_not_one_json_object_is_400_with_a_message(client: FlaskClient, raw: bytes) -> None:
    for name in _served(client):
        answer = _v2(client, name, raw=raw)
        too_big = len(raw) > MAX_BODY_BYTES  # refused by its size before it is read (simulator/web/security.py)
        assert answer.status_code == (413 if too_big else 400), (name, answer.data[:200])
        assert answer.get_json()["error"]


def test_hostile_values_never_make_a_500(client: FlaskClient) -> None:
    for capability in documented_capabilities(DOCUMENT):
        for key in capability.example or {"session": None}:
            for value in WRONG_VALUES:
                answer = _v2(client, capability.name, {**capability.example, key: value})
                assert answer.status_code < 500, (capability.name, key, value, answer.data[:300])
                if answer.status_code >= 400:
                    assert isinstance(answer.get_json()["error"], str)


def test_captcha_is_read_per_portal_session(app: Flask, client: FlaskClient, person: Identity) -> None:
    portal = _portal(app)
    portal.test_control.seed_person(seed_of(person))
    sessions = []
    for _ in range(2):
        sid, _ = portal.view(None)
        portal.act(sid, "登录", {"账号": person.login_name, "密码": "Wrong-pass-1"})
        sessions.append(sid)
    answers = [_v2(client, "captcha", {"session": sid}).get_json()["answer"] for sid in sessions]
    assert answers == [portal.sessions.current_captcha(sid) for sid in sessions]
    query = client.get(f"{api.BASE_PATH}/captcha?session={sessions[0]}", headers={api.TOKEN_HEADER: TOKEN})
    assert query.get_json()["answer"] == answers[0]  # v1's path, v1's query
    assert _v2(client, "captcha", {"session": "no-such-session"}).get_json() == {"answer": None}


def test_sms_outbox_is_read_per_portal_session(app: Flask, client: FlaskClient) -> None:
    portal = _portal(app)
    sent = {}
    for phone in ("13900139001", "13900139002"):
        sid, _ = portal.view(None, "移动办税APP")
        portal.act(sid, "获取验证码", {"手机号码": phone}, "移动办税APP")
        sent[sid] = phone
    for sid, phone in sent.items():
        messages = _v2(client, "sms.outbox", {"session": sid}).get_json()["messages"]
        assert [m["phone"] for m in messages] == [phone]
        assert _v2(client, "sms.outbox", {"session": sid, "phone": phone}).get_json()["messages"] == messages
    [first, second] = sent
    other_entry = _v2(client, "sms.outbox", {"session": second, "phone": sent[first]}).get_json()["messages"]
    assert [m["phone"] for m in other_entry] == [sent[first]]  # narrowed to nothing: the phone's are kept
    assert _v2(client, "sms.outbox", {}).status_code == 400


def test_qr_current_answers_per_session_and_in_v2_states(app: Flask, client: FlaskClient, person: Identity) -> None:
    portal = _portal(app)
    portal.test_control.seed_person(seed_of(person))
    shown = []
    for _ in range(2):
        sid, _ = portal.view(None)
        portal.act(sid, QR_SWITCH, {})
        shown.append(sid)
    first, second = (_v2(client, "qr.current", {"session": sid}).get_json() for sid in shown)
    assert first["token"] != second["token"]
    assert first["state"] == second["state"] == "issued"
    confirmed = _v2(client, "qr.confirm", {"login_name": person.login_name, "token": first["token"]}).get_json()
    assert confirmed["confirmed"] is True
    assert confirmed["state"] == "used"  # the simulator hands the login over at once
    assert _v2(client, "qr.current", {"session": shown[0]}).get_json()["state"] == "used"
    again = _v2(client, "qr.confirm", {"login_name": person.login_name, "token": first["token"]}).get_json()
    assert (again["confirmed"], again["state"]) == (False, "used")
    _v2(client, "clock.advance", {"minutes": 60})
    assert _v2(client, "qr.current", {"session": shown[1]}).get_json()["state"] == "expired"
    v1 = client.post(api.BASE_PATH + "/capabilities/qr.current", json={}, headers={api.TOKEN_HEADER: TOKEN})
    assert v1.get_json()["state"] in ("pending", "used", "replaced", "expired")  # v1 keeps its words


def test_a_ca_unit_answers_its_credential_and_the_pin_is_checked(app: Flask, client: FlaskClient,
                                                                 person: Identity) -> None:
    portal = _portal(app)
    seeded = _v2(client, "seed.unit", {"tax_id": UNIT, "name": "甲公司", "declaration_password": "Decl-pw1",
                                      "local": True, "ca": True}).get_json()
    credential = seeded["ca"]
    assert set(credential) == {"certificate_id", "pin"}
    plain = _v2(client, "seed.unit", {"tax_id": "91210200MA0YYYYY2G", "name": "乙公司"}).get_json()
    assert "ca" not in plain
    v1 = client.post(api.BASE_PATH + "/capabilities/seed.unit", headers={api.TOKEN_HEADER: TOKEN},
                     json={"tax_id": "91110108MA00ABCD32", "name": "丙公司", "ca": True}).get_json()
    assert "ca" not in v1  # v1 answers as before
    portal.test_control.seed_person(seed_of(person))
    _v2(client, "seed.unit_handler", {"account": person.login_name, "tax_id": UNIT, "role": "办税人员"})
    sid, _ = portal.view(None)
    sid, view = portal.act(sid, "登录", {"账号": person.login_name, "密码": person.password})  # a new id
    assert "证书密码" in view.fields
    _, view = portal.act(sid, "CA校验", {"证书密码": "000000" if credential["pin"] != "000000" else "111111"})
    assert view.message is not None
    assert view.message.text == "证书密码错误"
    _, view = portal.act(sid, "CA校验", {"证书密码": credential["pin"]})
    assert view.screen == "扣缴客户端首页"


def test_the_test_control_answers_as_the_v2_http_hooks(portal: Portal) -> None:
    answer = portal.test_control.call("seed.unit", {"tax_id": UNIT, "name": "甲公司", "ca": True})
    assert set(answer["ca"]) == {"certificate_id", "pin"}
    assert portal.test_control.call("qr.current", {}) == {"token": None, "state": None}
    assert "now" in portal.test_control.call("clock.now", {})
