"""Test control (conformance hooks) as a service: reset, seed, read the captcha, move the clock."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from stdnum.cn import ric

from simulator.clock import Clock, ControlledClock
from simulator.common.flow import Hook
from simulator.common.passwords import hash_password
from simulator.common.sessions import SessionRegistry
from simulator.domain.account import Account, NaturalPerson
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


class UnknownCapability(LookupError):
    """A test-control capability this portal does not implement."""


class TestControl:
    """What a portal's test build exposes to the suite; the HTTP hooks and the in-process driver call it.

    Besides the v1 basics (reset, seed a person, captcha, clock), flows register named capabilities
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
        return ["reset", "seed.natural_person", "captcha", "clock", *sorted(self._hooks)]

    def call(self, capability: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Run a registered capability; SeedError for bad payloads, UnknownCapability for missing ones."""
        hook = self._hooks.get(capability)
        if hook is None:
            raise UnknownCapability(f"this portal has no test-control capability '{capability}'")
        if isinstance(payload.get("session"), str):  # a cookie's value: records name the session by its origin
            payload = {**payload, "session": self._sessions.origin_of(payload["session"])}
        return hook(payload)

    def call_v2(self, capability: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """A capability as hooks v2 answer it (basics by name, v2 QR states, CA credentials): for in-process use."""
        from simulator.common import test_control_v2  # it builds on this module

        return test_control_v2.call(self, capability, payload)

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
