"""Test control (conformance hooks) as a service: reset, seed, read the captcha, move the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from stdnum.cn import ric

from simulator.clock import Clock, ControlledClock
from simulator.domain.account import Account, NaturalPerson
from simulator.domain.credentials import login_name_problem, password_problem
from simulator.domain.documents import DocumentType
from simulator.service.passwords import hash_password
from simulator.service.sessions import SessionRegistry
from simulator.store.sqlite import SqliteStore


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


class TestControl:
    """What a portal's test build exposes to the suite; the HTTP hooks and the in-process driver call it."""

    __test__ = False  # not a pytest test class

    def __init__(self, store: SqliteStore, sessions: SessionRegistry, clock: Clock) -> None:
        self._store, self._sessions, self._clock = store, sessions, clock

    def reset(self) -> None:
        """Empty store, no sessions, real time again."""
        self._store.clear()
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
        self._controlled().set(instant)

    def advance_clock(self, delta: timedelta) -> None:
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
