"""A minimal conformance-hooks (v2) server for a vendor's test build: reset, one seed, captcha, clock.

Copy the shape, not the storage: a real test build calls its own services where this keeps dicts. Every
capability it does not list answers 404, and the suite reports the scenarios needing it "not verifiable".
Run: ETAX_HOOKS_TOKEN=a-long-random-token flask --app docs/examples/minimal_hooks.py run --port 8001
"""

from __future__ import annotations

import hmac
import os
from datetime import datetime, timedelta, timezone
from typing import Any

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
TOKEN = os.environ.get("ETAX_HOOKS_TOKEN", "")
BASE = "/__conformance__/v2"
STATE: dict[str, Any] = {"people": {}, "captcha": None, "now": None}
CAPABILITIES = ["reset", "seed.natural_person", "captcha", "clock.now", "clock.set", "clock.advance"]


@app.before_request
def _token() -> None:
    given = request.headers.get("X-Conformance-Token", "")
    if len(TOKEN) < 16 or not hmac.compare_digest(given, TOKEN):
        abort(401)


def _body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, "the body must be one JSON object")
    return body


def _now() -> datetime:
    return STATE["now"] or datetime.now(timezone(timedelta(hours=8)))


@app.get(BASE + "/capabilities")
def capabilities() -> Any:
    return jsonify(version=2, build=os.environ.get("PORTAL_BUILD", "my-portal 1.0.0"), capabilities=CAPABILITIES)


@app.post(BASE + "/capabilities/reset")
def reset() -> Any:
    STATE.update(people={}, captcha=None, now=None)
    return jsonify(reset=True)


@app.post(BASE + "/capabilities/seed.natural_person")
def seed_natural_person() -> Any:
    person = _body()
    missing = [k for k in ("name", "document_type", "document_number", "phone", "login_name", "password")
               if not isinstance(person.get(k), str)]
    if missing:
        return jsonify(error=f"missing: {', '.join(missing)}"), 400
    if person["login_name"] in STATE["people"]:
        return jsonify(error="login name already registered"), 409
    STATE["people"][person["login_name"]] = person  # a real build registers the person through its services
    return jsonify(seeded=person["login_name"])


@app.post(BASE + "/capabilities/captcha")
def captcha() -> Any:
    return jsonify(answer=STATE["captcha"])  # the answer the session named in the body is shown; null: none


@app.post(BASE + "/capabilities/clock.now")
def clock_now() -> Any:
    return jsonify(now=_now().isoformat())


@app.post(BASE + "/capabilities/clock.set")
def clock_set() -> Any:
    try:
        instant = datetime.fromisoformat(str(_body().get("now")))
    except ValueError:
        return jsonify(error="now must be an ISO 8601 instant with a UTC offset"), 400
    if instant.tzinfo is None:
        return jsonify(error="now needs a UTC offset"), 400
    STATE["now"] = instant
    return jsonify(now=instant.isoformat())


@app.post(BASE + "/capabilities/clock.advance")
def clock_advance() -> Any:
    minutes = _body().get("minutes")
    if not isinstance(minutes, (int, float)) or isinstance(minutes, bool) or not 0 <= minutes <= 525_600:
        return jsonify(error="minutes must be a number from 0 to 525600"), 400
    STATE["now"] = _now() + timedelta(minutes=minutes)
    return jsonify(now=STATE["now"].isoformat())
