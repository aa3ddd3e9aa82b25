"""The portal's web defences (issue 11): CSRF, no session fixation, headers, size limits, session bounds."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from fixtures.identities import Identity
from simulator.bootstrap import build_portal
from simulator.clock import ControlledClock
from simulator.common import sessions as sessions_module
from simulator.common.sessions import IDLE_MINUTES
from simulator.variant import Variant
from simulator.web.app import create_app
from simulator.web.security import FIELD_LIMIT, MAX_BODY_BYTES
from tests.conftest import seed_of
from tests.form_client import FormClient

EVIL = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
TOKEN = "0123456789abcdef-token"


@pytest.fixture
def app(person: Identity) -> Flask:
    clock = ControlledClock()
    clock.set(ControlledClock().now())
    portal = build_portal(clock=clock)
    portal.test_control.seed_person(seed_of(person))
    return create_app(portal, hooks_token=TOKEN)


def _signed_in(app: Flask) -> list[str]:
    return [s.id for s in app.config["PORTAL"].sessions.live() if s.account_document]


def _log_in(client: FlaskClient, person: Identity) -> str:
    client.post("/act", data={"_control": "登录", "账号": person.login_name, "密码": person.password})
    return client.get("/").get_data(as_text=True)


def test_another_sites_post_logs_nobody_in(app: Flask, person: Identity) -> None:
    forged = FlaskClient(app).post("/act", headers=EVIL, data={"_control": "登录", "账号": person.login_name,
                                                               "密码": person.password})
    assert forged.status_code == 403
    assert "未作任何处理" in forged.get_data(as_text=True)
    assert _signed_in(app) == []


def test_another_sites_post_cannot_press_logout(app: Flask, person: Identity) -> None:
    client = FormClient(app)
    assert 'data-screen="单位办税验证"' in _log_in(client, person)
    cookie = client.get_cookie("etax_session")
    assert cookie is not None
    token = re.search(r'name="_csrf" value="([0-9a-f]+)"', client.get("/").get_data(as_text=True))
    assert token is not None
    assert client.post("/act", headers=EVIL, data={"_control": "退出", "_csrf": token[1]}).status_code == 403
    assert FlaskClient.open(client, "/act", method="POST", data={"_control": "退出"}).status_code == 403
    assert client.post("/act", data={"_control": "退出", "_csrf": "0" * 64}).status_code == 403
    assert 'data-screen="单位办税验证"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("variant", ["default", "alt"])
def test_every_post_form_carries_the_token(person: Identity, variant: str) -> None:
    client = FlaskClient(create_app(variant=Variant.named(variant)))
    page = client.get("/", follow_redirects=True).get_data(as_text=True)
    forms = re.findall(r"<form\b[^>]*method=\"post\"[^>]*>(<input type=\"hidden\" name=\"_csrf\")?", page)
    assert forms
    assert all(forms)


def test_the_alt_skin_refuses_a_post_without_the_token(person: Identity) -> None:
    app = create_app(variant=Variant.named("alt"))
    client = FlaskClient(app)
    client.get("/wsbs/", follow_redirects=True)
    assert client.post("/wsbs/dl", data={"dz": "x"}).status_code == 403


def test_a_new_session_id_at_login_and_the_old_one_dead(app: Flask, person: Identity) -> None:
    client = FormClient(app)
    client.get("/")
    before = client.get_cookie("etax_session")
    assert before is not None
    _log_in(client, person)
    after = client.get_cookie("etax_session")
    assert after is not None
    assert after.value != before.value
    planted = FlaskClient(app)
    planted.set_cookie("etax_session", before.value)
    assert 'data-screen="实名登录"' in planted.get("/").get_data(as_text=True)


@pytest.mark.parametrize("path", ["/", "/captcha.svg", "/static/portal.js", "/nowhere",
                                  "/__conformance__/v1/capabilities"])
def test_security_headers_on_every_response(app: Flask, path: str) -> None:
    response = FlaskClient(app).get(path, headers={"X-Conformance-Token": TOKEN})
    response.close()
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_no_inline_script_in_the_pages(app: Flask, person: Identity) -> None:
    client = FormClient(app)
    for page in (client.get("/").get_data(as_text=True), _log_in(client, person)):
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
        assert " on" not in " ".join(re.findall(r"<[^>]+\son[a-z]+=", page))


def test_a_body_over_the_limit_is_refused_in_chinese(app: Flask, person: Identity) -> None:
    client = FormClient(app)
    big = client.post("/act", data={"_control": "登录", "账号": "a" * 1_000_000, "密码": "x"})
    assert big.status_code == 413
    assert "提交的内容过大" in big.get_data(as_text=True)
    hooks = client.post("/__conformance__/v1/reset", headers={"X-Conformance-Token": TOKEN},
                        data=b"{" + b" " * MAX_BODY_BYTES + b"}", content_type="application/json")
    assert hooks.status_code == 413


def test_an_oversized_field_is_refused_and_kept_nowhere(app: Flask, person: Identity) -> None:
    client = FormClient(app)
    long = "甲" * (FIELD_LIMIT + 1)
    refused = client.post("/act", data={"_control": "登录", "账号": long, "密码": "x"})
    assert refused.status_code == 400
    assert "输入内容过长" in refused.get_data(as_text=True)
    kept = [s for s in app.config["PORTAL"].sessions.live() if long in repr(s)]
    assert kept == []


def test_anonymous_visitors_cannot_push_out_a_signed_in_user(app: Flask, person: Identity,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sessions_module, "MAX_ANONYMOUS", 50)
    client = FormClient(app)
    _log_in(client, person)
    for _ in range(120):
        FlaskClient(app).get("/")
    assert len(app.config["PORTAL"].sessions.live()) <= 51
    assert 'data-screen="单位办税验证"' in client.get("/").get_data(as_text=True)


def test_an_idle_session_expires_on_the_portal_clock(app: Flask, person: Identity) -> None:
    client = FormClient(app)
    _log_in(client, person)
    clock = app.config["PORTAL"].clock
    clock.advance(timedelta(minutes=IDLE_MINUTES - 1))
    assert 'data-screen="单位办税验证"' in client.get("/").get_data(as_text=True)  # in use: kept alive
    clock.advance(timedelta(minutes=IDLE_MINUTES + 1))
    assert 'data-screen="实名登录"' in client.get("/").get_data(as_text=True)
    assert _signed_in(app) == []
