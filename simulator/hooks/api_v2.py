"""Conformance hooks v2 over HTTP: v1's calls at the same paths, every capability by name, strict JSON bodies."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from simulator.bootstrap import Portal
from simulator.common import test_control_v2
from simulator.common.test_control import UnknownCapability
from simulator.hooks.api import CALLER_ERRORS, json_body, refusal, require_token
from simulator.store.sqlite import DuplicateAccount

BASE_PATH = "/__conformance__/v2"


def make_blueprint(token: str) -> Blueprint:
    """Hooks v2, refusing any call whose X-Conformance-Token header is not the token."""
    hooks = Blueprint("conformance_hooks_v2", __name__, url_prefix=BASE_PATH)
    require_token(hooks, token)

    def run(name: str, body: dict[str, Any], status: int = 200) -> tuple[Response, int]:
        portal: Portal = current_app.config["PORTAL"]
        try:
            return jsonify(test_control_v2.call(portal.test_control, name, body)), status
        except (UnknownCapability, DuplicateAccount, *CALLER_ERRORS) as exc:
            # A body of the right shape but hostile values that a flow did not foresee: still the caller's error.
            return refusal(name, exc)

    def with_body(name: str, status: int = 200) -> tuple[Response, int]:
        try:
            body = json_body(name)
        except CALLER_ERRORS as exc:
            return refusal(name, exc)
        return run(name, body, status)
    @hooks.get("/")
    @hooks.get("/capabilities")
    def capabilities() -> Response:
        portal: Portal = current_app.config["PORTAL"]
        return jsonify({"version": test_control_v2.VERSION, "build": test_control_v2.build(),
                        "capabilities": test_control_v2.capabilities(portal.test_control)})

    @hooks.post("/capabilities/<name>")
    def call_capability(name: str) -> tuple[Response, int]:
        return with_body(name)

    # v1's paths, kept so that a client moves from v1 to v2 by its base path alone.
    @hooks.post("/reset")
    def reset() -> tuple[Response, int]:
        return run("reset", {})

    @hooks.post("/natural-persons")
    def seed_person() -> tuple[Response, int]:
        return with_body("seed.natural_person", 201)

    @hooks.get("/captcha")
    def current_captcha() -> tuple[Response, int]:
        session = request.args.get("session")
        return run("captcha", {} if session is None else {"session": session})

    @hooks.get("/clock")
    def clock_now() -> tuple[Response, int]:
        return run("clock.now", {})

    @hooks.put("/clock")
    def clock_set() -> tuple[Response, int]:
        return with_body("clock.set")

    @hooks.post("/clock/advance")
    def clock_advance() -> tuple[Response, int]:
        return with_body("clock.advance")

    return hooks
