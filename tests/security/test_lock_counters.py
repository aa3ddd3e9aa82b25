"""The guides' lock rules under concurrency (ITS §1.1 login, §1.3.1 申报密码: the 5th wrong password locks for 120 min).

Many wrong passwords at once, each from a new visitor (cookie), must be checked exactly 5 times; then nothing — not
even the right password — is accepted until the lock period has passed. The old read-then-write counter (kept here
only, as a test double) loses counts and is shown to fail the same test.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import threading
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
from tests.security.racy_counter import non_atomic_count

ROOT = Path(__file__).resolve().parents[2]
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


def test_the_old_non_atomic_counter_fails_the_same_test(portal: Portal, person: Identity,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(password_locks.PasswordLock, "count_wrong", non_atomic_count)
    portal.test_control.seed_person(seed_of(person))
    views = _at_once(portal, person)
    assert _checked(views) > 5  # counts lost: more guesses checked than the guide allows


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



def test_the_concurrent_lock_scenarios_fail_on_a_build_with_the_old_counter(tmp_path: Path) -> None:
    """The conformance scenarios (features/its/1.1_concurrent_lock.feature) catch a portal whose lock races."""
    script = ("import sys; from pathlib import Path; from tests.security import racy_counter; racy_counter.install();"
              "from etax_conformance.runner import run_suite;"
              f"sys.exit(run_suite('inprocess', Path({str(tmp_path / 'run')!r}), select='同时'))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    results = json.loads((tmp_path / "run" / "results.json").read_text(encoding="utf-8"))
    failed = [s for s in results["scenarios"] if s["status"] == "failed"]
    assert failed, results
    assert any("账号已锁定" in s["detail"] and "访客1" in s["detail"] for s in failed), failed  # ITS §1.1
    assert any("申报密码已锁定" in s["detail"] and "访客1" in s["detail"] for s in failed), failed  # §1.3.1


def test_the_liaoning_natural_person_login_honours_and_counts_the_accounts_lock(portal: Portal,
                                                                               person: Identity) -> None:
    """The 自然人 account is one: guesses through 辽宁 自然人登录 count, and its lock holds there (no way around it)."""
    portal.test_control.seed_person(seed_of(person))
    entry = "辽宁省电子税务局"

    def natural_login(password: str) -> View:
        sid, _ = portal.view(None, entry)
        sid, _ = portal.act(sid, "自然人登录", {}, entry)
        return portal.act(sid, "登录", {"用户名": person.login_name, "密码": password, "服务协议": "勾选",
                                        "验证码": portal.test_control.current_captcha(sid) or ""}, entry)[1]

    for _ in range(5):
        natural_login(WRONG)
    assert natural_login(person.password).locked
    assert _attempt(portal, person.login_name, person.password).locked  # the ITS login: the same lock
