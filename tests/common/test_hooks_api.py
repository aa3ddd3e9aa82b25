"""Conformance hooks v1: off without a token, refused without the right token, as the OpenAPI says."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from flask.testing import FlaskClient

from fixtures.identities import Identity
from simulator.hooks.api import BASE_PATH, TOKEN_HEADER
from simulator.web.app import create_app
from tests.conftest import seed_of

OPENAPI = Path(__file__).resolve().parent.parent.parent / "simulator" / "hooks" / "openapi-v1.yaml"
CALLS = [("post", "/reset"), ("post", "/natural-persons"), ("get", "/captcha"), ("get", "/clock"),
         ("put", "/clock"), ("post", "/clock/advance"), ("get", "/capabilities"), ("post", "/capabilities/{name}")]
TOKEN = "s3cret"


@pytest.fixture
def client() -> FlaskClient:
    return create_app(hooks_token=TOKEN).test_client()


def _call(client: FlaskClient, method: str, path: str, token: str | None = TOKEN, **kw: object) -> object:
    headers = {TOKEN_HEADER: token} if token is not None else {}
    return getattr(client, method)(BASE_PATH + path, headers=headers, **kw)


@pytest.mark.parametrize(("method", "path"), CALLS)
@pytest.mark.parametrize("token", [None, "", "wrong"])
def test_every_call_without_the_token_is_refused(client: FlaskClient, method: str, path: str,
                                                 token: str | None) -> None:
    response = _call(client, method, path.replace("{name}", "seed.unit"), token=token, json={})
    assert response.status_code == 401  # type: ignore[attr-defined]
    assert "X-Conformance-Token" in response.get_json()["error"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("method", "path"), CALLS)
def test_hooks_are_off_unless_served_with_a_token(method: str, path: str) -> None:
    client = create_app().test_client()
    assert _call(client, method, path.replace("{name}", "seed.unit"), json={}).status_code == 404  # type: ignore[attr-defined]


def test_seed_then_login_reads_captcha_and_moves_clock(client: FlaskClient, person: Identity) -> None:
    assert _call(client, "post", "/natural-persons", json=seed_of(person).__dict__).status_code == 201  # type: ignore[attr-defined]
    assert _call(client, "post", "/natural-persons", json=seed_of(person).__dict__).status_code == 409  # type: ignore[attr-defined]
    assert _call(client, "get", "/captcha").get_json() == {"answer": None}  # type: ignore[attr-defined]
    client.post("/act", data={"_control": "登录", "账号": person.login_name, "密码": "Wrong-pass-1"})
    answer = _call(client, "get", "/captcha").get_json()["answer"]  # type: ignore[attr-defined]
    assert isinstance(answer, str)
    assert len(answer) == 4
    before = _call(client, "put", "/clock", json={"now": "2024-03-01T10:00:00+08:00"}).get_json()  # type: ignore[attr-defined]
    after = _call(client, "post", "/clock/advance", json={"minutes": 120}).get_json()  # type: ignore[attr-defined]
    assert before["now"] == "2024-03-01T02:00:00+00:00"
    assert after["now"] == "2024-03-01T04:00:00+00:00"


@pytest.mark.parametrize(("path", "body", "words"), [
    ("/natural-persons", {"name": "张三"}, "required"),
    ("/clock", {"now": "tomorrow"}, "ISO 8601"),
    ("/clock", {"now": "2024-03-01T10:00:00"}, "UTC offset"),
    ("/clock/advance", {"minutes": -5}, "minimum of 0"),
    ("/clock/advance", {"minutes": "5"}, "number"),
])
def test_bad_bodies_get_clear_errors(client: FlaskClient, path: str, body: dict[str, object], words: str) -> None:
    method = "put" if path == "/clock" else "post"
    response = _call(client, method, path, json=body)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert words in response.get_json()["error"]  # type: ignore[attr-defined]


def test_openapi_documents_exactly_the_served_calls() -> None:
    document = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    documented = {(m, p) for p, ops in document["paths"].items() for m in ops}
    assert documented == set(CALLS)
    assert document["servers"][0]["url"] == BASE_PATH


def test_an_unknown_capability_is_404_with_its_name(client: FlaskClient) -> None:
    response = _call(client, "post", "/capabilities/no.such.thing", json={})
    assert response.status_code == 404  # type: ignore[attr-defined]
    assert "no.such.thing" in response.get_json()["error"]  # type: ignore[attr-defined]


def test_every_served_capability_has_a_schema_in_the_openapi(client: FlaskClient) -> None:
    served = _call(client, "get", "/capabilities").get_json()["capabilities"]  # type: ignore[attr-defined]
    schemas = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))["components"]["schemas"]
    documented = {name.removeprefix("Capability_") for name in schemas if name.startswith("Capability_")}
    basics = {"reset", "seed.natural_person", "captcha", "clock"}  # v1 basics: documented as their own paths
    assert basics <= set(served)
    assert set(served) - basics == documented - {"namespace"}  # listed only when served with namespaces
