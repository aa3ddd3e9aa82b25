"""Conformance hooks v1 over HTTP: every call needs the token the simulator was served with."""

from __future__ import annotations

import hmac
from dataclasses import fields
from datetime import datetime, timedelta

from flask import Blueprint, Response, current_app, jsonify, request

from simulator.bootstrap import Portal
from simulator.common.test_control import PersonSeed, SeedError, UnknownCapability
from simulator.store.sqlite import DuplicateAccount
from simulator.web import namespaces

BASE_PATH = "/__conformance__/v1"
TOKEN_HEADER = "X-Conformance-Token"


def _error(status: int, message: str) -> tuple[Response, int]:
    return jsonify({"error": message}), status


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
        names = control().test_control.capabilities()
        served = namespaces.describe(current_app)  # namespaces are served (simulator/web/namespaces.py)
        return jsonify({"version": 1, "capabilities": [*names, "namespace"] if served else names})

    @hooks.post("/capabilities/<name>")
    def call_capability(name: str) -> tuple[Response, int]:
        if name == "namespace" and namespaces.describe(current_app) is not None:
            return jsonify(namespaces.describe(current_app)), 200
        body = request.get_json(silent=True)
        if body is None:
            body = {}
        if not isinstance(body, dict):
            return _error(400, "body must be a JSON object")
        try:
            return jsonify(control().test_control.call(name, body)), 200
        except UnknownCapability as exc:
            return _error(404, str(exc))
        except (SeedError, DuplicateAccount) as exc:
            return _error(409 if isinstance(exc, DuplicateAccount) else 400, str(exc))

    @hooks.post("/reset")
    def reset() -> tuple[Response, int]:
        control().test_control.reset()
        return jsonify({"reset": True}), 200

    @hooks.post("/natural-persons")
    def seed_person() -> tuple[Response, int]:
        body = request.get_json(silent=True)
        names = [f.name for f in fields(PersonSeed)]
        if not isinstance(body, dict) or any(not isinstance(body.get(n), str) for n in names):
            return _error(400, f"body must be a JSON object with string fields: {', '.join(names)}")
        try:
            control().test_control.seed_person(PersonSeed(**{n: body[n] for n in names}))
        except (SeedError, DuplicateAccount) as exc:
            return _error(409 if isinstance(exc, DuplicateAccount) else 400, str(exc))
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
        body = request.get_json(silent=True) or {}
        try:
            control().test_control.set_clock(datetime.fromisoformat(str(body.get("now"))))
        except ValueError as exc:
            return _error(400, f"'now' must be an ISO 8601 time with a UTC offset: {exc}")
        return jsonify({"now": control().test_control.now().isoformat()}), 200

    @hooks.post("/clock/advance")
    def clock_advance() -> tuple[Response, int]:
        body = request.get_json(silent=True) or {}
        minutes = body.get("minutes")
        if not isinstance(minutes, int | float) or isinstance(minutes, bool) or minutes < 0:
            return _error(400, "'minutes' must be a number of minutes, zero or more")
        control().test_control.advance_clock(timedelta(minutes=minutes))
        return jsonify({"now": control().test_control.now().isoformat()}), 200

    return hooks
