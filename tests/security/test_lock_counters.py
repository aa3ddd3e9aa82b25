"""The guides' lock rules under concurrency (ITS §1.1 login, §1.3.1 申报密码: the 5th wrong password locks for 120 min).

Many wrong passwords at once, each from a new visitor (cookie), must be checked exactly 5 times; then nothing — not
even the right password — is accepted until the lock period has passed. The old read-then-write counter (kept here
only, as a test double) loses counts and is shown to fail the same test.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal
from simulator.common.test_control import _account
from simulator.common.views import Screen, View
from simulator.domain.units import Unit
from simulator.store import password_locks
from simulator.store.password_locks import Count, PasswordLock, account_lock, unit_lock
from simulator.store.sqlite import SqliteStore
from simulator.store.units import UnitStore
from tests.conftest import seed_of

ATTACKERS = 32
WRONG = "Wrong-pass-1"
NOW = datetime(2024, 3, 1, 2, 0, tzinfo=UTC)


def _attempt(portal: Portal, account: str, password: str, start: threading.Barrier | None = None) -> View:
    """One login attempt from a new visitor, answering the captcha if the portal asks for one (as a person would)."""
    sid, _ = portal.view(None)
    if start is not None:
        start.wait()
    for _ in range(3):
        sid, view = portal.act(sid, "登录", {"账号": account, "密码": password,
                                             "验证码": portal.test_control.current_captcha(sid) or ""})
        if "验证码" not in (view.message.text if view.message else ""):
            return view
    return view


def _at_once(portal: Portal, person: Identity, attackers: int = ATTACKERS) -> list[View]:
    start = threading.Barrier(attackers)
    with ThreadPoolExecutor(attackers) as pool:
        return list(pool.map(lambda _: _attempt(portal, person.login_name, WRONG, start), range(attackers)))


def _checked(views: list[View]) -> int:
    """Wrong passwords the portal checked: each said 账号或密码错误, except the one that locked."""
    wrong = sum(1 for v in views if v.message is not None and "账号或密码错误" in v.message.text)
    return wrong + (1 if any(v.locked for v in views) else 0)


def test_32_wrong_passwords_at_once_are_checked_exactly_5_times(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    views = _at_once(portal, person)
    assert _checked(views) == 5, [v.message for v in views]
    assert sum(v.locked for v in views) == ATTACKERS - 4
    assert _attempt(portal, person.login_name, person.password).locked  # the right one: refused while locked
    portal.test_control.advance_clock(timedelta(minutes=120))
    assert _attempt(portal, person.login_name, person.password).screen == Screen.UNIT_VERIFICATION


def test_4_at_once_then_1_more_locks(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    assert _checked(_at_once(portal, person, 4)) == 4
    assert _attempt(portal, person.login_name, WRONG).locked


def test_a_new_cookie_per_guess_still_answers_the_captcha(portal: Portal, person: Identity) -> None:
    """ITS §1.1 密码输入错误的还需输入验证码: the captcha is the account's, not the cookie's."""
    portal.test_control.seed_person(seed_of(person))
    _attempt(portal, person.login_name, WRONG)
    sid, _ = portal.view(None)
    _, view = portal.act(sid, "登录", {"账号": person.login_name, "密码": person.password})
    assert view.screen == Screen.LOGIN
    assert "验证码" in view.fields
    assert view.message is not None
    assert view.message.text == "请输入验证码"


def _non_atomic(self: PasswordLock, key: str, now: datetime) -> Count | None:
    """The old counter: read, then write what was read plus one — another request may count in between."""
    found = self._state(key)
    if found is None:
        return None
    failures, until = found
    if until is not None and now < until:
        return Count(False, failures, until)
    time.sleep(0.02)  # the password check and the page's work between the read and the write
    failures, until = failures + 1, None
    if failures >= self.max_failures:
        failures, until = 0, now + self.duration
    self._write(key, failures, until)
    return Count(True, failures, until)


def test_the_old_non_atomic_counter_fails_the_same_test(portal: Portal, person: Identity,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(password_locks.PasswordLock, "count_wrong", _non_atomic)
    portal.test_control.seed_person(seed_of(person))
    views = _at_once(portal, person)
    assert _checked(views) > 5  # counts lost: more guesses checked than the guide allows
    assert not _attempt(portal, person.login_name, person.password).locked


# Several server processes on one SQLite file: the count is the file's, not a process's.

def _store_with(path: Path, tax_id: str | None = None) -> tuple[SqliteStore, PasswordLock]:
    store = SqliteStore(path)
    units = UnitStore(store)
    return store, (account_lock(store) if tax_id is None else unit_lock(units.store))


def _process(path: str, key: str, unit: bool, start: multiprocessing.synchronize.Barrier,
             results: multiprocessing.Queue[int]) -> None:
    store, lock = _store_with(Path(path), key if unit else None)
    start.wait()
    with ThreadPoolExecutor(8) as pool:
        counts = list(pool.map(lambda _: lock.count_wrong(key, NOW), range(8)))
    results.put(sum(1 for c in counts if c is not None and c.counted))
    store.close()


def _seed(path: Path, unit: bool) -> str:
    store = SqliteStore(path)
    units = UnitStore(store)
    if unit:
        units.add(Unit(tax_id="91110000100000000X", name="某某公司", password_hash="h"))
        store.close()
        return "91110000100000000X"
    person = IdentityFactory("tests").person()
    store.add(_account(seed_of(person)))
    store.close()
    return person.document_number.upper()


@pytest.mark.parametrize("unit", [False, True], ids=["login", "declaration-password"])
def test_4_processes_x_8_threads_on_one_file_count_exactly_5(tmp_path: Path, unit: bool) -> None:
    path = tmp_path / "shared.sqlite3"
    key = _seed(path, unit)
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(4), context.Queue()
    workers = [context.Process(target=_process, args=(str(path), key, unit, start, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    counted = sum(results.get(timeout=60) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
    assert counted == 5
    store, lock = _store_with(path, key if unit else None)
    assert lock.count_wrong(key, NOW) == Count(False, 0, NOW + timedelta(minutes=120))
    stored = store.rows(f"SELECT password_hash FROM {lock.table} WHERE {lock.key} = ?", key)[0][0]
    assert not lock.accept(key, stored, NOW + timedelta(minutes=119))  # the right password: refused while locked
    assert lock.accept(key, stored, NOW + timedelta(minutes=120))
    store.close()

