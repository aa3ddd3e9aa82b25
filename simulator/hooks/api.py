"""Conformance hooks v1 over HTTP: every call needs the token the simulator was served with."""

from __future__ import annotations

import hmac
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from simulator.bootstrap import Portal
from simulator.common.test_control import PersonSeed, SeedError, UnknownCapability
from simulator.hooks import schema
from simulator.hooks.bodies import MAX_BODY, BadBody, parse
from simulator.store.sqlite import DuplicateAccount

BASE_PATH = "/__conformance__/v1"
TOKEN_HEADER = "X-Conformance-Token"


def _error(status: int, message: str) -> tuple[Response, int]:
    return jsonify({"error": message}), status


#: What a capability raises on a body of the right shape whose values a flow cannot use: the caller's error.
CALLER_ERRORS = (SeedError, BadBody, ValueError, TypeError, KeyError, AttributeError, OverflowError, LookupError)


def json_body(capability: str | None = None) -> dict[str, Any]:
    """The request's JSON object, parsed strictly and checked against the capability's documented schema."""
    if (request.content_length or 0) > MAX_BODY:
        raise BadBody(f"body is larger than {MAX_BODY} bytes")
    body = parse(request.stream.read(MAX_BODY + 1))
    if capability is not None:
        schema.check(capability, body)
    return body


def refusal(capability: str, exc: Exception) -> tuple[Response, int]:
    """The 4xx answering an exception a capability raised for the caller's body (v1 and v2)."""
    if isinstance(exc, UnknownCapability):
        return _error(404, str(exc))
    if isinstance(exc, DuplicateAccount):
        return _error(409, str(exc))
    if isinstance(exc, SeedError | BadBody):
        return _error(400, str(exc))
    return _error(400, f"capability '{capability}' cannot use this body ({type(exc).__name__}: {str(exc)[:200]})")


def require_token(hooks: Blueprint, token: str) -> None:
    """Refuse (401) every call of these hooks whose X-Conformance-Token header is not the token (v1 and v2)."""

    @hooks.before_request
    def check_token() -> tuple[Response, int] | None:
        given = request.headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            return _error(401, "conformance hooks need a valid X-Conformance-Token header")
        return None


def make_blueprint(token: str) -> Blueprint:
    """The hooks, refusing any call whose X-Conformance-Token header is not the token."""
    hooks = Blueprint("conformance_hooks", __name__, url_prefix=BASE_PATH)
    require_token(hooks, token)

    def control() -> Portal:
        portal: Portal = current_app.config["PORTAL"]
        return portal

    @hooks.get("/capabilities")
    def capabilities() -> Response:
        return jsonify({"version": 1, "capabilities": control().test_control.capabilities()})

    @hooks.post("/capabilities/<name>")
    def call_capability(name: str) -> tuple[Response, int]:
        try:
            return jsonify(control().test_control.call(name, json_body(name))), 200
        except (UnknownCapability, DuplicateAccount, *CALLER_ERRORS) as exc:
            return refusal(name, exc)

    @hooks.post("/reset")
    def reset() -> tuple[Response, int]:
        control().test_control.reset()
        return jsonify({"reset": True}), 200

    @hooks.post("/natural-persons")
    def seed_person() -> tuple[Response, int]:
        names = [f.name for f in fields(PersonSeed)]
        try:
            body = json_body("seed.natural_person")
            control().test_control.seed_person(PersonSeed(**{n: body[n] for n in names}))
        except (DuplicateAccount, *CALLER_ERRORS) as exc:
            return refusal("seed.natural_person", exc)
        return jsonify({"seeded": body["login_name"]}), 201

    @hooks.get("/captcha")
    def current_captcha() -> tuple[Response, int]:
        # answer is null when no captcha is currently required.
        answer = control().test_control.current_captcha(request.args.get("session"))
        return jsonify({"answer": answer}), 200

    @hooks.get("/clock")
    def clock_now() -> Response:
        return jsonify({"now": control().test_control.now().isoformat()})

    @hooks.put("/clock")
    def clock_set() -> tuple[Response, int]:
        try:
            body = json_body("clock.set")
            control().test_control.set_clock(datetime.fromisoformat(body["now"]))
        except CALLER_ERRORS as exc:
            return refusal("clock.set", exc)
        return jsonify({"now": control().test_control.now().isoformat()}), 200

    @hooks.post("/clock/advance")
    def clock_advance() -> tuple[Response, int]:
        try:
            control().test_control.advance_clock(timedelta(minutes=json_body("clock.advance")["minutes"]))
        except CALLER_ERRORS as exc:
            return refusal("clock.advance", exc)
        return jsonify({"now": control().test_control.now().isoformat()}), 200

    return hooks
