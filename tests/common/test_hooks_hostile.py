"""Conformance hooks v1 and v2 under hostile JSON: every refusal a 400 (or 404/409) with a message, never a 500."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from etax_conformance.hooks_check import load_document
from etax_conformance.probe import hooks_hostile
from simulator.hooks.bodies import BadBody, parse
from simulator.web.app import create_app

TOKEN = "a-token-of-sufficient-length-0123456789"


@pytest.fixture
def client() -> FlaskClient:
    app = create_app(hooks_token=TOKEN)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a bug answers 500 here as it would when served
    return app.test_client()


def _sender(client: FlaskClient) -> hooks_hostile.Send:
    def send(method: str, path: str, body: bytes) -> tuple[int, Any]:
        answer = client.open(path, method=method, data=body, content_type="application/json",
                             headers={"X-Conformance-Token": TOKEN})
        try:
            return answer.status_code, json.loads(answer.data)
        except ValueError:
            return answer.status_code, None
    return send


def test_no_hostile_body_or_field_reaches_a_500(client: FlaskClient) -> None:
    result = hooks_hostile.run(_sender(client), load_document())
    assert result.requests > 2000
    assert result.server_errors == []
    assert result.without_message == []


@pytest.mark.parametrize(("raw", "why"), [
    (b"[]", "not a list"), (b"NaN", "NaN"), (b'{"minutes": NaN}', "NaN"), (b'{"m": 1e400}', "too large"),
    (b"[" * 5000 + b"]" * 5000, "deeper"), (b'{"n": ' + b"9" * 5000 + b"}", "characters"),
    (b'{"a": "\\ud800"}', "surrogate"), (b'{"a": "\xff"}', "UTF-8"), (b'{"a": ', "not valid JSON"),
])
def test_hostile_bodies_are_refused_with_the_reason(raw: bytes, why: str) -> None:
    with pytest.raises(BadBody) as refused:
        parse(raw)
    assert why.split()[-1] in str(refused.value) or why == "not a list"


@pytest.mark.parametrize(("path", "method", "body", "status"), [
    ("/__conformance__/v2/capabilities/clock.set", "POST", {"now": "0001-01-01T00:00:00+08:00"}, 400),
    ("/__conformance__/v2/capabilities/clock.set", "POST", {"now": "9999-12-31T23:59:59-12:00"}, 400),
    ("/__conformance__/v1/clock", "PUT", {"now": "0001-01-01T00:00:00+08:00"}, 400),
    ("/__conformance__/v1/clock", "PUT", {"now": "2024-03-01T10:00:00"}, 400),
    ("/__conformance__/v1/clock/advance", "POST", {"minutes": 1e300}, 400),
    ("/__conformance__/v2/capabilities/clock.advance", "POST", {"minutes": 100000000}, 400),
    ("/__conformance__/v2/capabilities/clock.set", "POST", {"now": "2999-12-31T23:00:00+00:00"}, 200),
    ("/__conformance__/v1/capabilities/seed.unit", "POST", {"tax_id": [], "name": {}}, 400),
    ("/__conformance__/v1/capabilities/external.fault", "POST", {"service": "sms", "mode": "weird"}, 400),
    ("/__conformance__/v2/capabilities/sms.outbox", "POST", {"phone": 1}, 400),
])
def test_clocks_and_types_outside_the_schema_are_400(client: FlaskClient, path: str, method: str,
                                                     body: dict[str, Any], status: int) -> None:
    answer = client.open(path, method=method, json=body, headers={"X-Conformance-Token": TOKEN})
    assert answer.status_code == status, answer.get_json()
    if status == 400:
        assert answer.get_json()["error"]


def test_the_clock_after_a_refused_year_still_serves_pages(client: FlaskClient) -> None:
    client.put("/__conformance__/v1/clock", json={"now": "9999-12-31T23:59:59+08:00"},
               headers={"X-Conformance-Token": TOKEN})
    assert client.get("/").status_code == 200
