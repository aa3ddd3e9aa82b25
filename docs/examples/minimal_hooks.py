"""A minimal conformance-hooks (v2) server for a vendor's test build: reset, one seed, captcha, SMS outbox, clock.

It serves exactly what the suite calls on a v2 base: `GET {base}/`, `GET {base}/capabilities` and
`POST {base}/capabilities/<name>` — nothing else. Copy the shape, not the storage: `Services` keeps dicts where
a real test build calls its own services (its user store, its captcha sessions, its clock); replace its methods.
Every capability it does not list answers 404, and the suite reports the scenarios needing it "not verifiable".
With these served by your services, the account-password login (features/its/1.1; its 【忘记密码】 reads the
SMS code from sms.outbox) runs with nothing left not verifiable (tests/results/test_minimal_hooks_example.py
runs it so, over the reference simulator).
Run: ETAX_HOOKS_TOKEN=a-long-random-token flask --app docs/examples/minimal_hooks.py run --port 8001
"""

from __future__ import annotations

import hmac
import json
import os
from datetime import datetime, timedelta, timezone
from typing import Any

from flask import Flask, Response, jsonify, request

BASE = "/__conformance__/v2"
CAPABILITIES = ["reset", "seed.natural_person", "captcha", "sms.outbox", "clock.now", "clock.set", "clock.advance"]
PERSON_FIELDS = ("name", "document_type", "document_number", "phone", "login_name", "password")


class Refused(ValueError):
    """A body a capability cannot use: answered 400 with the message."""


class Conflict(ValueError):
    """The phone, login name or document number is already registered: answered 409."""


class Services:
    """What the hooks do to the portal. Here: dicts. In your test build: calls to the portal's own services."""

    def __init__(self) -> None:
        self.people: dict[str, dict[str, str]] = {}
        self.captchas: dict[str | None, str] = {}  # the answer shown to each session (None: the one issued last)
        self.sms: list[dict[str, str]] = []  # what the SMS gateway (a stub in a test build) was asked to send
        self.frozen: datetime | None = None

    def reset(self) -> None:
        self.people, self.captchas, self.sms, self.frozen = {}, {}, [], None

    def seed_person(self, person: dict[str, str]) -> None:
        if person["login_name"] in self.people:
            raise Conflict("login name already registered")
        self.people[person["login_name"]] = person  # a real build registers the person through its services

    def captcha(self, session: str | None) -> str | None:
        return self.captchas.get(session)  # the answer the session (its cookie's value) is shown; None: none

    def sms_outbox(self, phone: str | None, session: str | None) -> list[dict[str, str]]:
        """The messages sent (oldest first) to phone, while serving session; each: text, code, sent_at."""
        return [m for m in self.sms if phone in (None, m["phone"]) and session in (None, m.get("session"))]

    def now(self) -> datetime:
        return self.frozen or datetime.now(timezone(timedelta(hours=8)))

    def set_clock(self, instant: datetime) -> None:
        self.frozen = instant

    def advance_clock(self, minutes: float) -> None:
        self.frozen = self.now() + timedelta(minutes=minutes)


def _error(status: int, message: str) -> tuple[Response, int]:
    return jsonify(error=message), status


def _body() -> dict[str, Any]:
    """The request's one JSON object (an empty body is {}); Refused otherwise."""
    raw = request.get_data()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except ValueError:
        raise Refused("the body is not JSON") from None
    if not isinstance(body, dict):
        raise Refused("the body must be one JSON object")
    return body


def make_app(services: Services, token: str) -> Flask:
    """The hooks over `services`, refusing (401) any call without the token."""
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    @app.before_request
    def check_token() -> tuple[Response, int] | None:
        given = request.headers.get("X-Conformance-Token", "")
        if len(token) < 16 or not hmac.compare_digest(given.encode(), token.encode()):
            return _error(401, "a valid X-Conformance-Token header is needed")
        return None

    @app.errorhandler(404)
    def not_found(_: Exception) -> tuple[Response, int]:
        return _error(404, "no such capability on this portal")

    @app.errorhandler(405)
    def wrong_method(_: Exception) -> tuple[Response, int]:
        return _error(405, "method not allowed")

    @app.errorhandler(Refused)
    def refused(exc: Refused) -> tuple[Response, int]:
        return _error(400, str(exc))

    @app.errorhandler(Conflict)
    def conflict(exc: Conflict) -> tuple[Response, int]:
        return _error(409, str(exc))

    def listing() -> Response:
        return jsonify(version=2, build=os.environ.get("PORTAL_BUILD", "my-portal 1.0.0"), capabilities=CAPABILITIES)

    app.add_url_rule(BASE + "/", "root", listing)
    app.add_url_rule(BASE + "/capabilities", "capabilities", listing)

    @app.post(BASE + "/capabilities/reset")
    def reset() -> Response:
        _body()
        services.reset()
        return jsonify(reset=True)

    @app.post(BASE + "/capabilities/seed.natural_person")
    def seed_natural_person() -> Response:
        person = _body()
        missing = [k for k in PERSON_FIELDS if not isinstance(person.get(k), str)]
        if missing:
            raise Refused(f"missing: {', '.join(missing)}")
        services.seed_person({k: person[k] for k in PERSON_FIELDS})
        return jsonify(seeded=person["login_name"])

    @app.post(BASE + "/capabilities/captcha")
    def captcha() -> Response:
        session = _body().get("session")  # the browser's session: its session cookie's value
        if session is not None and not isinstance(session, str):
            raise Refused("session must be the session cookie's value")
        return jsonify(answer=services.captcha(session))  # null: no captcha is asked

    @app.post(BASE + "/capabilities/sms.outbox")
    def sms_outbox() -> Response:
        body = _body()
        phone, session = body.get("phone"), body.get("session")
        if not all(value is None or isinstance(value, str) for value in (phone, session)):
            raise Refused("phone and session must be strings")
        return jsonify(messages=services.sms_outbox(phone, session))

    @app.post(BASE + "/capabilities/clock.now")
    def clock_now() -> Response:
        _body()
        return jsonify(now=services.now().isoformat())

    @app.post(BASE + "/capabilities/clock.set")
    def clock_set() -> Response:
        try:
            instant = datetime.fromisoformat(str(_body().get("now")))
        except ValueError:
            raise Refused("now must be an ISO 8601 instant with a UTC offset") from None
        if instant.tzinfo is None:
            raise Refused("now needs a UTC offset")
        services.set_clock(instant)
        return jsonify(now=services.now().isoformat())

    @app.post(BASE + "/capabilities/clock.advance")
    def clock_advance() -> Response:
        minutes = _body().get("minutes")
        if not isinstance(minutes, (int, float)) or isinstance(minutes, bool) or not 0 <= minutes <= 525_600:
            raise Refused("minutes must be a number from 0 to 525600")
        services.advance_clock(minutes)
        return jsonify(now=services.now().isoformat())

    return app


app = make_app(Services(), os.environ.get("ETAX_HOOKS_TOKEN", ""))
