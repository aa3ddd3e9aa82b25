"""Conformance hooks v2 over HTTP: openapi.yaml served by the strict router, each capability by its name.

GET / and GET /capabilities answer the version, the build and the capability names; every other operation of
the document is `POST /capabilities/<name>`, whose operationId is the capability's name, run by the one test
control (simulator/common/test_control.py). Nothing else is served (404).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from simulator.bootstrap import Portal
from simulator.common.test_control import VERSION, SeedError, UnknownCapability, build
from simulator.hooks import router
from simulator.hooks.bodies import BadBody
from simulator.hooks.contract import Operation, document
from simulator.store.sqlite import DuplicateAccount
from simulator.web import namespaces

BASE_PATH = "/__conformance__/v2"
#: The operations that describe the hooks rather than call a capability.
LISTING = ("describe", "listCapabilities")
#: What a capability raises on a body of the right shape whose values a flow cannot use: the caller's error.
CALLER_ERRORS = (SeedError, BadBody, ValueError, TypeError, KeyError, AttributeError, OverflowError, LookupError)


def portal() -> Portal:
    found: Portal = current_app.config["PORTAL"]
    return found


def refusal(capability: str, exc: Exception) -> tuple[Response, int]:
    """The 4xx answering an exception a capability raised for the caller's body (v1 and v2)."""
    if isinstance(exc, UnknownCapability):
        return router.error(404, str(exc))
    if isinstance(exc, DuplicateAccount):
        return router.error(409, str(exc))
    if isinstance(exc, SeedError | BadBody):
        return router.error(400, str(exc))
    return router.error(400, f"capability '{capability}' cannot use this body ({type(exc).__name__}: {str(exc)[:200]})")


def run(name: str, body: Mapping[str, Any], call: Any = None, status: int = 200) -> tuple[Response, int]:
    """Capability `name` (v2's call, or `call`'s) answered as JSON, or the 4xx its refusal means."""
    if name == "namespace" and namespaces.describe(current_app) is not None:  # see simulator/web/namespaces
        return jsonify(namespaces.describe(current_app)), status
    control = portal().test_control
    try:
        answer = control.call(name, body) if call is None else call(control, name, body)
    except (UnknownCapability, DuplicateAccount, *CALLER_ERRORS) as exc:
        # A body of the right shape but hostile values that a flow did not foresee: still the caller's error.
        return refusal(name, exc)
    return jsonify(answer), status


def _listing(_: Operation, __: Mapping[str, str], ___: dict[str, Any]) -> tuple[Response, int]:
    names = portal().test_control.capabilities()
    if namespaces.describe(current_app) is not None:
        names.append("namespace")
    return jsonify({"version": VERSION, "build": build(), "capabilities": names}), 200


def _capability(operation: Operation, _: Mapping[str, str], body: dict[str, Any]) -> tuple[Response, int]:
    return run(operation.operation_id, body)


def resolve(operation_id: str) -> router.Handler:
    return _listing if operation_id in LISTING else _capability


def make_blueprint(token: str, doc: dict[str, Any] | None = None) -> Blueprint:
    """Hooks v2 from `doc` (openapi.yaml unless given), refusing any call whose token is not `token`."""
    return router.make_blueprint("conformance_hooks_v2", BASE_PATH, 2, doc or document(2), resolve, token)
