"""Namespaces on one served simulator: each its own portal state; no header keeps the default one."""

from __future__ import annotations

import pytest
from flask import Flask
from werkzeug.test import Client

from etax_conformance.hooks_check import capabilities, load_document
from etax_conformance.openapi_schema import problems
from simulator.web.app import create_app
from simulator.web.namespaces import HEADER, NamespacedApp

TOKEN = "namespace-test-token-0123456789"
V1, V2 = "/__conformance__/v1", "/__conformance__/v2"


def _served(limit: int = 4) -> tuple[NamespacedApp, Client]:
    app = NamespacedApp(create_app(hooks_token=TOKEN), lambda: create_app(hooks_token=TOKEN), TOKEN, limit=limit)
    return app, Client(app)


def _headers(namespace: str | None = None, token: bool = True) -> dict[str, str]:
    headers = {"X-Conformance-Token": TOKEN} if token else {}
    return {**headers, HEADER: namespace} if namespace else headers


def _now(client: Client, namespace: str | None) -> str:
    answer = client.get(V1 + "/clock", headers=_headers(namespace))
    assert answer.status_code == 200
    now: str = answer.get_json()["now"]
    return now


def test_a_clock_move_stays_in_its_namespace() -> None:
    _, client = _served()
    before = _now(client, None)
    for name in ("worker-a", "worker-b"):
        assert client.put(V1 + "/clock", json={"now": before}, headers=_headers(name)).status_code == 200
    moved = client.post(V1 + "/clock/advance", json={"minutes": 120}, headers=_headers("worker-a"))
    assert moved.status_code == 200
    assert _now(client, "worker-a") > _now(client, "worker-b") == before
    assert _now(client, None) < _now(client, "worker-a")  # the default portal's clock did not move


def test_people_and_resets_stay_in_their_namespace() -> None:
    app, client = _served()
    person = {"name": "张三", "document_type": "居民身份证", "document_number": "11010519491231002X",
              "phone": "13800000000", "login_name": "zhangsan", "password": "Abc12345"}
    assert client.post(V1 + "/natural-persons", json=person, headers=_headers("a")).status_code == 201
    # The same person again in another namespace and in the default state: no duplicate there.
    assert client.post(V1 + "/natural-persons", json=person, headers=_headers("b")).status_code == 201
    assert client.post(V1 + "/natural-persons", json=person, headers=_headers()).status_code == 201
    assert client.post(V1 + "/reset", headers=_headers("a")).status_code == 200
    assert client.post(V1 + "/natural-persons", json=person, headers=_headers("a")).status_code == 201
    assert client.post(V1 + "/natural-persons", json=person, headers=_headers("b")).status_code == 409
    assert client.post(V1 + "/natural-persons", json=person, headers=_headers()).status_code == 409
    assert app.names() == ["a", "b"]  # least recently used first


def test_pages_cannot_create_a_namespace_but_use_one_the_hooks_made() -> None:
    _, client = _served()
    refused = client.get("/", headers=_headers("made-by-a-page", token=False))
    assert refused.status_code == 404
    assert b"unknown conformance namespace" in refused.data
    assert client.post(V1 + "/reset", headers=_headers("w1")).status_code == 200
    assert client.get("/", headers=_headers("w1", token=False)).status_code == 200
    assert client.get("/", headers=_headers(token=False)).status_code == 200  # no header: the default portal


@pytest.mark.parametrize("name", ["-starts-with-dash", "has space", "x" * 65, "中文"])
def test_a_bad_namespace_name_is_a_clear_400(name: str) -> None:
    _, client = _served()
    answer = client.post(V1 + "/reset", headers={"X-Conformance-Token": TOKEN, HEADER: name.encode().decode("latin-1")})
    assert answer.status_code == 400
    assert HEADER.encode() in answer.data


def test_the_least_recently_used_namespace_is_dropped_beyond_the_limit() -> None:
    app, client = _served(limit=2)
    for name in ("one", "two", "one", "three"):
        assert client.post(V1 + "/reset", headers=_headers(name)).status_code == 200
    assert app.names() == ["one", "three"]
    assert client.get("/", headers=_headers("two", token=False)).status_code == 404


@pytest.mark.parametrize("base", [V1, V2])
def test_the_hooks_list_and_describe_namespaces(base: str) -> None:
    _, client = _served()
    listed = client.get(base + "/capabilities", headers=_headers()).get_json()["capabilities"]
    assert "namespace" in listed
    assert client.post(base + "/capabilities/namespace", json={}, headers=_headers()).get_json() == {
        "header": HEADER, "namespace": None, "limit": 4}
    inside = client.post(base + "/capabilities/namespace", json={}, headers=_headers("w2")).get_json()
    assert inside["namespace"] == "w2"


def test_the_namespace_answer_follows_the_openapi_document() -> None:
    _, client = _served()
    document = load_document()
    [capability] = [c for c in capabilities(document) if c.name == "namespace"]
    answer = client.post(V2 + "/capabilities/namespace", json=capability.example, headers=_headers("w3")).get_json()
    assert not problems(answer, capability.answer, document, "namespace")


def test_without_namespaces_the_capability_is_neither_listed_nor_served() -> None:
    app: Flask = create_app(hooks_token=TOKEN)
    client = app.test_client()
    assert "namespace" not in client.get(V2 + "/capabilities", headers=_headers()).get_json()["capabilities"]
    assert client.post(V2 + "/capabilities/namespace", json={}, headers=_headers()).status_code == 404
