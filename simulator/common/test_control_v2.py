"""Test control as hooks v2 see it: every capability by name, per-session reads, QR states, CA credentials."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime, timedelta
from importlib import metadata
from typing import Any

from simulator.common.test_control import PersonSeed, SeedError, TestControl, UnknownCapability
from simulator.domain.qr import TokenProblem
from simulator.its.unit_hooks import ca_credential

VERSION = 2
#: v1's basics, each also a named capability in v2 (v1 listed one "clock" for three calls).
BASICS = ("reset", "seed.natural_person", "captcha", "clock.now", "clock.set", "clock.advance")
#: v1 QR states → v2: a code the simulator hands over at once on confirmation goes issued → used.
QR_STATES = {"pending": "issued", "used": "used", "expired": "expired", "replaced": "expired"}


def build() -> str:
    """What the hooks report as `build`: the simulator and its package version."""
    try:
        return f"etax-conformance simulator {metadata.version('etax-conformance')}"
    except metadata.PackageNotFoundError:
        return "etax-conformance simulator (source tree)"


def capabilities(control: TestControl) -> list[str]:
    return [*BASICS, *(name for name in control.capabilities() if name not in ("reset", "seed.natural_person",
                                                                               "captcha", "clock"))]


def _session(payload: Mapping[str, Any]) -> str | None:
    session = payload.get("session")
    if session is not None and not isinstance(session, str):
        raise SeedError("'session' must be the portal session id (the value of the browser's session cookie)")
    return session


def call(control: TestControl, name: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Run a v2 capability; SeedError (400) for a body it cannot use, UnknownCapability (404) for none."""
    if name == "reset":
        control.reset()
        return {"reset": True}
    if name == "seed.natural_person":
        names = [f.name for f in fields(PersonSeed)]
        if any(not isinstance(payload.get(n), str) for n in names):
            raise SeedError(f"body must be a JSON object with string fields: {', '.join(names)}")
        control.seed_person(PersonSeed(**{n: payload[n] for n in names}))
        return {"seeded": payload["login_name"]}
    if name == "captcha":
        return {"answer": control.current_captcha(_session(payload))}
    if name.startswith("clock."):
        return _clock(control, name, payload)
    _session(payload)
    answer = control.call(name, payload)
    if name == "qr.current":
        answer["state"] = QR_STATES.get(answer.get("state") or "")
    elif name == "qr.confirm":
        answer["state"] = "used" if answer.get("confirmed") else _refused_state(answer.get("error"))
    elif name == "seed.unit" and payload.get("ca") is True:
        answer["ca"] = ca_credential(answer["tax_id"])
    return answer


def _refused_state(error: object) -> str | None:
    """The state of a code the app refused, from why it refused (None: no such code)."""
    for problem in TokenProblem:
        if error == problem.value:
            return "used" if problem is TokenProblem.USED else "expired"
    return None


def _clock(control: TestControl, name: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    if name not in ("clock.now", "clock.set", "clock.advance"):
        raise UnknownCapability(f"this portal has no test-control capability '{name}'")
    try:
        if name == "clock.set":
            now = payload.get("now")
            try:
                instant = datetime.fromisoformat(now if isinstance(now, str) else "")
            except ValueError as exc:
                raise SeedError(f"'now' must be an ISO 8601 time with a UTC offset: {exc}") from None
            control.set_clock(instant)
        elif name == "clock.advance":
            minutes = payload.get("minutes")
            if not isinstance(minutes, int | float) or isinstance(minutes, bool) or not 0 <= minutes < 10**8:
                raise SeedError("'minutes' must be a number of minutes, zero or more (less than 10⁸)")
            control.advance_clock(timedelta(minutes=minutes))
    except (ValueError, TypeError, OverflowError) as exc:  # no UTC offset; a clock the hooks do not control
        raise SeedError(str(exc)) from None
    return {"now": control.now().isoformat()}
