"""Composition root: wires store, clock, sessions and services into one portal."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.clock import Clock, SystemClock
from simulator.service.login import LoginService
from simulator.service.password_reset import PasswordResetService
from simulator.service.sessions import SessionRegistry
from simulator.service.test_control import TestControl
from simulator.store.sqlite import SqliteStore


@dataclass(frozen=True)
class Portal:
    """The simulator's services, sharing one store, one clock and one session registry."""

    store: SqliteStore
    clock: Clock
    sessions: SessionRegistry
    login: LoginService
    password_reset: PasswordResetService
    test_control: TestControl


def build_portal(db_path: str | Path = ":memory:", clock: Clock | None = None) -> Portal:
    """A portal over SQLite at db_path (memory by default) reading time from clock."""
    store = SqliteStore(db_path)
    clock = clock or SystemClock()
    sessions = SessionRegistry()
    return Portal(
        store=store, clock=clock, sessions=sessions,
        login=LoginService(store, clock, sessions),
        password_reset=PasswordResetService(store, sessions),
        test_control=TestControl(store, sessions, clock),
    )
