"""The hooks are generated from their OpenAPI documents: what a document lists is served, nothing else is."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

import pytest
from flask import Flask, Response, jsonify

from simulator.hooks import api, api_v2, router
from simulator.hooks.contract import Operation, document, operations
from simulator.web.app import create_app

TOKEN = "router-token-0123456789"
HEADERS = {router.TOKEN_HEADER: TOKEN}


def _recording_app(doc: dict[str, Any]) -> tuple[Flask, list[tuple[str, dict[str, str], dict[str, Any]]]]:
    """The router over `doc`, every operation answered by one handler that records what it was given."""
    seen: list[tuple[str, dict[str, str], dict[str, Any]]] = []

    def handler(operation: Operation, path: Mapping[str, str], body: dict[str, Any]) -> tuple[Response, int]:
        seen.append((operation.operation_id, dict(path), body))
        return jsonify({"operation": operation.operation_id}), 200

    app = Flask(__name__)
    app.register_blueprint(router.make_blueprint("under_test", "/hooks", 2, doc, lambda _: handler, TOKEN))
    return app, seen


def test_every_documented_operation_is_routed_by_its_operation_id() -> None:
    doc = document(2)
    app, seen = _recording_app(doc)
    client = app.test_client()
    listed = operations(doc)
    assert {(o.method, o.path) for o in listed} >= {("GET", "/"), ("GET", "/capabilities"),
                                                    ("POST", "/capabilities/reset")}
    for operation in listed:
        body = doc["paths"][operation.path][operation.method.lower()].get("requestBody", {}).get(
            "content", {}).get("application/json", {}).get("example")
        answer = client.open("/hooks" + operation.path, method=operation.method, json=body, headers=HEADERS)
        assert answer.status_code == 200, (operation, answer.get_json())
        assert answer.get_json() == {"operation": operation.operation_id}
    assert [s[0] for s in seen] == [o.operation_id for o in listed]


def test_a_path_added_to_the_document_is_served_and_its_schema_checked() -> None:
    doc = copy.deepcopy(document(2))
    doc["paths"]["/capabilities/extra.thing"] = {"post": {
        "operationId": "extra.thing", "responses": {},
        "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["count"], "properties": {"count": {"type": "integer", "minimum": 1}}}}}}}}
    del doc["paths"]["/capabilities/clock.now"]
    app, seen = _recording_app(doc)
    client = app.test_client()
    assert client.post("/hooks/capabilities/extra.thing", json={"count": 2}, headers=HEADERS).status_code == 200
    assert seen[-1] == ("extra.thing", {}, {"count": 2})
    refused = client.post("/hooks/capabilities/extra.thing", json={"count": "two"}, headers=HEADERS)
    assert refused.status_code == 400
    assert "count" in refused.get_json()["error"]
    assert client.post("/hooks/capabilities/clock.now", json={}, headers=HEADERS).status_code == 404


def test_a_templated_path_passes_its_parameter() -> None:
    app, seen = _recording_app(document(1))
    answer = app.test_client().post("/hooks/capabilities/seed.unit", json={}, headers=HEADERS)
    assert answer.status_code == 200
    assert seen[-1] == ("callCapability", {"name": "seed.unit"}, {})


def test_an_operation_without_a_handler_fails_the_build() -> None:
    with pytest.raises(ValueError, match="no handler serves"):
        router.make_blueprint("none", "/hooks", 2, document(2), lambda _: None, TOKEN)


@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/reset"), ("POST", "/natural-persons"), ("GET", "/captcha"), ("GET", "/clock"), ("PUT", "/clock"),
    ("POST", "/clock/advance"), ("POST", "/capabilities/no.such"), ("GET", "/capabilities/"), ("POST", "/x/y/z")])
def test_the_simulators_v2_hooks_answer_404_off_the_document(method: str, path: str) -> None:
    client = create_app(hooks_token=TOKEN).test_client()
    answer = client.open(api_v2.BASE_PATH + path, method=method, json={}, headers=HEADERS)
    assert answer.status_code == 404
    assert answer.get_json()["error"]


def test_a_listed_path_with_another_method_is_405_and_no_token_is_401() -> None:
    client = create_app(hooks_token=TOKEN).test_client()
    wrong = client.get(api_v2.BASE_PATH + "/capabilities/reset", headers=HEADERS)
    assert wrong.status_code == 405
    assert wrong.headers["Allow"] == "POST"
    assert client.post(api_v2.BASE_PATH + "/capabilities/reset", json={}).status_code == 401
    assert client.post(api_v2.BASE_PATH + "/no/such/path", json={}).status_code == 401  # nothing shown untokened


def test_the_simulators_hooks_are_the_documents() -> None:
    """Each served operation of v1 and v2 answers (none is missing from the simulator's handlers)."""
    client = create_app(hooks_token=TOKEN).test_client()
    assert client.get(api_v2.BASE_PATH + "/", headers=HEADERS).get_json()["version"] == 2
    assert client.get(api_v2.BASE_PATH + "/capabilities", headers=HEADERS).get_json()["version"] == 2
    assert client.get(api.BASE_PATH + "/capabilities", headers=HEADERS).get_json()["version"] == 1
    v1 = {o.operation_id for o in operations(document(1))}
    assert v1 == set(api.HANDLERS)
    listed = client.get(api_v2.BASE_PATH + "/capabilities", headers=HEADERS).get_json()["capabilities"]
    documented = {o.operation_id for o in operations(document(2))}
    assert set(listed) <= documented  # a capability listed is one the router serves


@pytest.mark.parametrize("version", [1, 2])
def test_no_description_is_cut_by_an_unquoted_comma(version: int) -> None:
    """In a YAML flow mapping `{description: a, b}` makes `b` a key of its own (null): the contract would lie."""
    stray: list[str] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if value is None and isinstance(key, str) and " " in key:
                    stray.append(f"{where}: {key!r}")
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    walk(document(version), "")
    assert stray == []


def test_the_one_test_control_imports_neither_its_adapter_nor_a_flow() -> None:
    """v2's test control is the base: v1's adapter and the flows' hooks build on it, never the other way round."""
    import ast

    from etax_conformance.paths import ROOT

    tree = ast.parse((ROOT / "simulator" / "common" / "test_control.py").read_text(encoding="utf-8"))
    imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not {m for m in imported if m.startswith(("simulator.its", "simulator.hooks", "simulator.common.test_"))}
