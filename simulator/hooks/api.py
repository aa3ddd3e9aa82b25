"""Conformance hooks v1 over HTTP: openapi-v1.yaml served by the strict router, over the v1 test-control adapter.

Every operation of the v1 document is dispatched by its operationId; the calls are v2's (test_control_v1.py
adapts the names and answers), a capability's body is checked against v2's schema of it as v1 documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from simulator.common import test_control_v1
from simulator.hooks import router
from simulator.hooks.api_v2 import CALLER_ERRORS, portal, refusal, run
from simulator.hooks.bodies import BadBody
from simulator.hooks.contract import Operation, check, document
from simulator.web import namespaces

BASE_PATH = "/__conformance__/v1"
TOKEN_HEADER = router.TOKEN_HEADER
Answer = tuple[Response, int]


def _capabilities(_: Operation, __: Mapping[str, str], ___: dict[str, Any]) -> Answer:
    names = test_control_v1.capabilities(portal().test_control)
    served = namespaces.describe(current_app) is not None  # namespaces are served (simulator/web/namespaces.py)
    listed = [*names, "namespace"] if served else names
    return jsonify({"version": test_control_v1.VERSION, "capabilities": listed}), 200


def _call(_: Operation, path: Mapping[str, str], body: dict[str, Any]) -> Answer:
    name = path["name"]
    try:
        check(name, body)  # v1 reads bodies as v2 documents them (openapi-v1.yaml)
    except BadBody as exc:
        return refusal(name, exc)
    return run(name, body, test_control_v1.call)


def _by_name(name: str, status: int = 200, body: Mapping[str, Any] | None = None) -> router.Handler:
    def handler(_: Operation, __: Mapping[str, str], given: dict[str, Any]) -> Answer:
        return run(name, given if body is None else body, test_control_v1.call, status)
    return handler


def _captcha(_: Operation, __: Mapping[str, str], ___: dict[str, Any]) -> Answer:
    session = request.args.get("session")  # answer is null when no captcha is currently required
    return run("captcha", {} if session is None else {"session": session}, test_control_v1.call)


def _seed(operation: Operation, path: Mapping[str, str], body: dict[str, Any]) -> Answer:
    try:
        check("seed.natural_person", body)
    except CALLER_ERRORS as exc:
        return refusal("seed.natural_person", exc)
    return _by_name("seed.natural_person", 201)(operation, path, body)


HANDLERS: dict[str, router.Handler] = {
    "listCapabilities": _capabilities, "callCapability": _call, "reset": _by_name("reset", body={}),
    "seedNaturalPerson": _seed, "captcha": _captcha, "clockNow": _by_name("clock.now", body={}),
    "clockSet": _by_name("clock.set"), "clockAdvance": _by_name("clock.advance")}


def make_blueprint(token: str) -> Blueprint:
    """Hooks v1, refusing any call whose X-Conformance-Token header is not the token."""
    return router.make_blueprint("conformance_hooks", BASE_PATH, 1, document(1), HANDLERS.get, token)
