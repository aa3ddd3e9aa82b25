"""`etax-conformance hooks check`: passes on the simulator's hooks v2, names every mismatch of a portal that errs."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask, jsonify, request
from werkzeug.serving import make_server

from etax_conformance.hooks_check import run_hooks_check
from etax_conformance.openapi_schema import problems
from etax_conformance.paths import ROOT
from etax_conformance.serving import ServedSimulator, free_port


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSimulator]:
    simulator = ServedSimulator.start(tmp_path_factory.mktemp("hooks") / "portal.sqlite3")
    yield simulator
    simulator.stop()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etax_conformance", "hooks", "check", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_simulators_hooks_pass_the_check(served: ServedSimulator) -> None:
    done = _cli("--portal-url", served.url, "--hooks-token", served.hooks_token)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 mismatch(es)" in done.stdout
    assert "MISMATCH" not in done.stdout
    for name in ("seed.unit", "qr.current", "sms.outbox", "captcha", "clock.set", "registration.verified",
                 "enterprise.logged_in", "qingdao.logged_in"):
        assert f"ok       {name}" in done.stdout


def test_a_wrong_token_is_one_plain_line_and_exit_2(served: ServedSimulator) -> None:
    done = _cli("--portal-url", served.url, "--hooks-token", "wrong")
    assert done.returncode == 2
    assert done.stderr.strip().endswith("refused the token given with --hooks-token (HTTP 401)")


def test_v1_hooks_are_told_apart(served: ServedSimulator) -> None:
    done = _cli("--portal-url", served.url, "--hooks-token", served.hooks_token, "--base-path", "/__conformance__/v1")
    assert done.returncode == 1
    assert "the hooks say version 1; this check is for hooks v2" in done.stdout


def test_an_unreachable_portal_is_exit_2() -> None:
    done = _cli("--portal-url", f"http://127.0.0.1:{free_port()}", "--hooks-token", "t")
    assert done.returncode == 2
    assert "connection refused" in done.stderr


def _erring_portal() -> Flask:
    """Hooks v2 that answer with the wrong shapes, accept any token and swallow bad JSON."""
    app = Flask("erring")
    base = "/__conformance__/v2"

    @app.get(base + "/")
    @app.get(base + "/capabilities")
    def listing() -> Any:
        return jsonify({"version": 2, "build": "erring 1", "capabilities": ["reset", "seed.unit", "qr.current",
                                                                           "vendor.extra"]})

    @app.post(base + "/capabilities/<name>")
    def call(name: str) -> Any:
        request.get_data()
        answers: dict[str, Any] = {"reset": {"reset": True}, "seed.unit": {"tax_id": 5, "name": "x"},
                                   "qr.current": {"token": None, "state": "pending"}}
        return jsonify(answers[name])

    return app


@pytest.fixture
def erring() -> Iterator[str]:
    server = make_server("127.0.0.1", 0, _erring_portal(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_every_mismatch_is_named(erring: str) -> None:
    out = io.StringIO()
    assert run_hooks_check(out, erring, "t") == 1
    text = out.getvalue()
    assert "MISMATCH a wrong token is refused: HTTP 200" in text
    [unit] = [line for line in text.splitlines() if line.startswith("MISMATCH seed.unit:")]
    assert "answer.tax_id should be a string, not an integer" in unit
    assert "answer.declaration_password_set is missing" in unit
    assert "answer.state is 'pending', not one of ['issued', 'confirmed', 'used', 'expired']" in text
    assert "a body that is not JSON got HTTP 200, not 400 with an error" in text
    assert "absent   sms.outbox" in text
    assert "extra    vendor.extra: not defined by hooks v2, not checked" in text


@pytest.mark.parametrize(("value", "schema", "words"), [
    (None, {"type": "string"}, "answer is null"),
    (None, {"type": "string", "nullable": True}, ""),
    (True, {"type": "integer"}, "should be an integer, not a boolean"),
    ("2024-13-01", {"type": "string", "format": "date-time"}, "not an ISO 8601 date-time"),
    (-1, {"type": "number", "minimum": 0}, "below the minimum 0"),
    ([{"a": 1}], {"type": "array", "items": {"type": "object", "required": ["b"]}}, "answer[0].b is missing"),
])
def test_the_small_validator(value: object, schema: dict[str, Any], words: str) -> None:
    found = problems(value, schema, {})
    assert (words in "; ".join(found)) if words else not found


def test_namespaces_seeded_differently_stay_apart(served: ServedSimulator) -> None:
    done = _cli("--portal-url", served.url, "--hooks-token", served.hooks_token, "--namespaces")
    assert done.returncode == 0, done.stdout + done.stderr
    for check in ("each request names its own", "a clock set in one leaves the other's",
                  "a person seeded in one is unknown in the other"):
        assert f"ok       namespaces: {check}\n" in done.stdout


def test_a_portal_that_shares_its_state_between_namespaces_is_a_mismatch() -> None:
    """One state for every namespace (the header ignored): the clock, the people and the names give it away."""
    app = Flask("shared")
    state: dict[str, Any] = {"now": "2024-01-01T00:00:00+08:00", "people": set()}

    @app.post("/v2/capabilities/<name>")
    def capability(name: str) -> Any:
        body = request.get_json(silent=True) or {}
        if name == "namespace":
            return jsonify(header="X-Conformance-Namespace", namespace=None, limit=4)
        if name == "reset":
            state["people"] = set()
        if name == "clock.set":
            state["now"] = body["now"]
        if name == "seed.natural_person":
            if body["login_name"] in state["people"]:
                return jsonify(error="exists"), 409
            state["people"].add(body["login_name"])
        return jsonify(now=state["now"])

    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        from etax_conformance.hooks_namespaces import check_namespaces

        found: dict[str, list[str]] = {}
        out = io.StringIO()
        capabilities = ["namespace", "clock.set", "clock.now", "seed.natural_person"]
        check_namespaces(f"http://127.0.0.1:{server.server_port}/v2", "t", capabilities, out,
                         lambda name, problems, note: found.setdefault(name, problems))
    finally:
        server.shutdown()
    assert all(found[name] for name in found), found
    assert "is known in B" in found["namespaces: a person seeded in one is unknown in the other"][0]
    assert "not the 2031 it was set to" in found["namespaces: a clock set in one leaves the other's"][0]
