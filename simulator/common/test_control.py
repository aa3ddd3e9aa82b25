"""Test control (conformance hooks) as a service, as hooks v2 define it: every capability by name.

The basics (reset, seed.natural_person, captcha, clock.now/set/advance) and the flows' registered capabilities
are all called by name through `call`; the HTTP hooks v2 and the in-process driver use it as is, and hooks v1
are a thin adapter over it (simulator/common/test_control_v1.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from importlib import metadata
from typing import Any

from stdnum.cn import ric

from simulator.clock import Clock, ControlledClock
from simulator.common.flow import Hook
from simulator.common.passwords import hash_password
from simulator.common.sessions import SessionRegistry
from simulator.domain.account import Account, NaturalPerson
from simulator.domain.qr import TokenProblem
from simulator.store.sqlite import SqliteStore
from vocabulary.credentials import login_name_problem, password_problem
from vocabulary.documents import DocumentType


class SeedError(ValueError):
    """Seed data that a real portal could never hold; the message says which field and why."""


@dataclass(frozen=True)
class PersonSeed:
    """A registered natural person, as the hooks' seed call describes one."""

    name: str
    document_type: str
    document_number: str
    phone: str
    login_name: str
    password: str


#: The years the hooks may put the clock in (the guides speak of 2019-2025; a clock near year 1 or 9999 would
#: overflow the first date arithmetic of a flow). openapi.yaml documents the same range.
CLOCK_YEARS = range(1970, 3000)


VERSION = 2
#: The basics, each a named capability.
BASICS = ("reset", "seed.natural_person", "captcha", "clock.now", "clock.set", "clock.advance")
#: A flow's QR state → v2's: a code the simulator hands over at once on confirmation goes issued → used.
QR_STATES = {"pending": "issued", "used": "used", "expired": "expired", "replaced": "expired"}


class UnknownCapability(LookupError):
    """A test-control capability this portal does not implement."""


def build() -> str:
    """What the hooks report as `build`: the simulator and its package version."""
    try:
        return f"etax-conformance simulator {metadata.version('etax-conformance')}"
    except metadata.PackageNotFoundError:
        return "etax-conformance simulator (source tree)"


class TestControl:
    """What a portal's test build exposes to the suite; the HTTP hooks and the in-process driver call it.

    Besides the basics (reset, seed a person, captcha, clock), flows register named capabilities
    (e.g. ``seed.unit``) that `call` dispatches, so a new flow adds hooks without touching this class.
    """

    __test__ = False  # not a pytest test class

    def __init__(self, store: SqliteStore, sessions: SessionRegistry, clock: Clock) -> None:
        self._store, self._sessions, self._clock = store, sessions, clock
        self._hooks: dict[str, Hook] = {}
        self._resets: list[Callable[[], None]] = []

    def register(self, hooks: Mapping[str, Hook], on_reset: Callable[[], None] | None = None) -> None:
        """Add a flow's capabilities, and what its part of the store needs on reset."""
        for name in hooks:
            if name in self._hooks:
                raise ValueError(f"capability {name} is registered twice")
        self._hooks.update(hooks)
        if on_reset is not None:
            self._resets.append(on_reset)

    def capabilities(self) -> list[str]:
        """The capability names, basics first."""
        return [*BASICS, *sorted(self._hooks)]

    def call(self, capability: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Run a capability by name; SeedError for a payload it cannot use, UnknownCapability for none."""
        if capability in BASICS:
            return self._basic(capability, payload)
        session = _session(payload)
        hook = self._hooks.get(capability)
        if hook is None:
            raise UnknownCapability(f"this portal has no test-control capability '{capability}'")
        if session is not None:  # a cookie's value: records name the session by its origin
            payload = {**payload, "session": self._sessions.origin_of(session)}
        answer = hook(payload)
        if capability == "qr.current":
            answer["state"] = QR_STATES.get(answer.get("state") or "")
        elif capability == "qr.confirm":
            answer["state"] = "used" if answer.get("confirmed") else _refused_state(answer.get("error"))
        return answer

    def _basic(self, name: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        if name == "reset":
            self.reset()
            return {"reset": True}
        if name == "seed.natural_person":
            names = [f.name for f in fields(PersonSeed)]
            if any(not isinstance(payload.get(n), str) for n in names):
                raise SeedError(f"body must be a JSON object with string fields: {', '.join(names)}")
            self.seed_person(PersonSeed(**{n: payload[n] for n in names}))
            return {"seeded": payload["login_name"]}
        if name == "captcha":
            return {"answer": self.current_captcha(_session(payload))}
        try:
            if name == "clock.set":
                now = payload.get("now")
                try:
                    instant = datetime.fromisoformat(now if isinstance(now, str) else "")
                except ValueError as exc:
                    raise SeedError(f"'now' must be an ISO 8601 time with a UTC offset: {exc}") from None
                self.set_clock(instant)
            elif name == "clock.advance":
                minutes = payload.get("minutes")
                if not isinstance(minutes, int | float) or isinstance(minutes, bool) or not 0 <= minutes < 10**8:
                    raise SeedError("'minutes' must be a number of minutes, zero or more (less than 10⁸)")
                self.advance_clock(timedelta(minutes=minutes))
        except (ValueError, TypeError, OverflowError) as exc:  # no UTC offset; a clock the hooks do not control
            raise SeedError(str(exc)) from None
        return {"now": self.now().isoformat()}

    def reset(self) -> None:
        """Empty store, no sessions, real time again."""
        self._store.clear()
        for reset in self._resets:
            reset()
        self._sessions.clear()
        if isinstance(self._clock, ControlledClock):
            self._clock.release()

    def seed_person(self, seed: PersonSeed) -> None:
        """Register a natural person as if real-name registration had been completed."""
        self._store.add(_account(seed))

    def current_captcha(self, session_id: str | None = None) -> str | None:
        return self._sessions.current_captcha(session_id)

    def now(self) -> datetime:
        return self._clock.now()

    def set_clock(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise SeedError("'now' must carry a UTC offset, e.g. 2024-03-01T10:00:00+08:00")
        if instant.year not in CLOCK_YEARS or instant.astimezone(UTC).year not in CLOCK_YEARS:
            raise SeedError(f"the clock can be set between {CLOCK_YEARS[0]} and {CLOCK_YEARS[-1]}, not {instant}")
        self._controlled().set(instant)

    def advance_clock(self, delta: timedelta) -> None:
        if delta < timedelta():
            raise SeedError("the clock moves forward only")
        try:
            after = self.now() + delta
        except OverflowError:
            after = datetime.max.replace(tzinfo=UTC)
        if after.year not in CLOCK_YEARS:
            raise SeedError(f"advancing by {delta} would put the clock after {CLOCK_YEARS[-1]}")
        self._controlled().advance(delta)

    def _controlled(self) -> ControlledClock:
        if not isinstance(self._clock, ControlledClock):
            raise TypeError("此模拟器实例的时钟不受钩子控制（进程内运行请用 freezegun）")
        return self._clock


def _session(payload: Mapping[str, Any]) -> str | None:
    session = payload.get("session")
    if session is not None and not isinstance(session, str):
        raise SeedError("'session' must be the portal session id (the value of the browser's session cookie)")
    return session


def _refused_state(error: object) -> str | None:
    """The state of a code the app refused, from why it refused (None: no such code)."""
    for problem in TokenProblem:
        if error == problem.value:
            return "used" if problem is TokenProblem.USED else "expired"
    return None


def _account(seed: PersonSeed) -> Account:
    try:
        doc_type = DocumentType.from_label(seed.document_type)
    except ValueError as exc:
        raise SeedError(str(exc)) from None
    number = seed.document_number.strip().upper()
    if doc_type is DocumentType.RESIDENT_ID_CARD and not ric.is_valid(number):
        raise SeedError(f"居民身份证号码「{seed.document_number}」校验位或出生日期无效")
    if not (seed.phone.isdigit() and len(seed.phone) == 11 and seed.phone.startswith("1")):
        raise SeedError(f"手机号码「{seed.phone}」不是11位手机号")
    for problem in (login_name_problem(seed.login_name), password_problem(seed.password)):
        if problem is not None:
            raise SeedError(problem)
    if not seed.name.strip():
        raise SeedError("姓名不能为空")
    person = NaturalPerson(seed.name.strip(), doc_type, number)
    return Account(person=person, phone=seed.phone, login_name=seed.login_name,
                   password_hash=hash_password(seed.password))
