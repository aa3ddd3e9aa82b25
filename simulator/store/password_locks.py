"""Wrong-password counters, counted atomically in the store (ITS §1.1 login; §1.3 申报密码; 5 wrong → 120 minutes).

The check and the count are one write transaction (BEGIN IMMEDIATE): every connection to the SQLite file — threads
of one server or several server processes — waits for it. So when 32 wrong passwords arrive at once, they are
counted one by one: the fifth locks, and the ones after it find the lock and are refused unchecked. A right password
is accepted only by a transaction that finds the account unlocked, so nothing is accepted while locked.

The password itself (scrypt, slow) is verified before the transaction, not inside it; the transaction then decides
with what is stored at that moment. The captcha a wrong password makes necessary (§1.1 密码输入错误的还需输入验证码) is
required of the account (or unit), not of the cookie: kept here, set in the same transaction as the count.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from simulator import deviations
from simulator.domain.account import LOCK_DURATION, MAX_PASSWORD_FAILURES
from simulator.domain.units import DECLARATION_LOCK_DURATION, MAX_DECLARATION_PASSWORD_FAILURES
from simulator.store.sqlite import SqliteStore

_CAPTCHA = "CREATE TABLE IF NOT EXISTS captcha_required (subject TEXT PRIMARY KEY);"


@dataclass(frozen=True)
class Count:
    """What one wrong password did: counted (or found the lock already set), and the state after it."""

    counted: bool
    failures: int
    locked_until: datetime | None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


@dataclass(frozen=True)
class PasswordLock:
    """The counter of one table's rows (accounts by document number, units by 纳税人识别号)."""

    store: SqliteStore
    table: str
    key: str
    failures: str
    max_failures: int
    duration: timedelta

    def __post_init__(self) -> None:
        self.store.add_table("captcha_required", _CAPTCHA)

    def count_wrong(self, key: str, now: datetime) -> Count | None:
        """One wrong password for `key`: counted unless locked at `now`; the max-th (inclusive) locks. None: no row."""
        with self.store.immediate() if not deviations.on("ITS_LOCK_COUNTER_RACES") or self.table != "accounts" \
                else contextlib.nullcontext():
            found = self._state(key)
            if found is None:
                return None
            failures, until = found
            if self.table == "accounts" and deviations.on("ITS_LOCK_COUNTER_RACES"):
                time.sleep(0.05)  # read, think, write: concurrent wrong passwords are counted once
            if until is not None and now < until:
                return Count(False, failures, until)
            failures, until = failures + 1, None
            if failures >= self.max_failures:
                failures, until = 0, now + self.duration
            self._write(key, failures, until)
            self.store.execute("INSERT OR IGNORE INTO captcha_required (subject) VALUES (?)", self._subject(key))
            return Count(True, failures, until)

    def accept(self, key: str, password_hash: str | None, now: datetime) -> bool:
        """A right password (checked against `password_hash`): accepted only if still unlocked and unchanged; then
        the count starts afresh and the captcha is no longer required."""
        with self.store.immediate():
            rows = self.store.rows(f"SELECT locked_until, password_hash FROM {self.table} WHERE {self.key} = ?", key)
            if not rows or rows[0]["password_hash"] != password_hash:
                return False
            until = _when(rows[0]["locked_until"])
            if until is not None and now < until:
                return False
            self._write(key, 0, None)
            self.store.execute("DELETE FROM captcha_required WHERE subject = ?", self._subject(key))
            return True

    def captcha_required(self, key: str) -> bool:
        """Whether a wrong password was typed for `key` since its last success: a captcha is then asked of anyone."""
        return bool(self.store.rows("SELECT 1 FROM captcha_required WHERE subject = ?", self._subject(key)))

    def release(self, key: str) -> None:
        """A reset (【忘记密码】, 申报密码 reset) lifted the lock: no captcha is required any more either."""
        self.store.execute("DELETE FROM captcha_required WHERE subject = ?", self._subject(key))

    def _state(self, key: str) -> tuple[int, datetime | None] | None:
        rows = self.store.rows(f"SELECT {self.failures}, locked_until FROM {self.table} WHERE {self.key} = ?", key)
        return None if not rows else (int(rows[0][0]), _when(rows[0][1]))

    def _write(self, key: str, failures: int, until: datetime | None) -> None:
        self.store.execute(f"UPDATE {self.table} SET {self.failures} = ?, locked_until = ? WHERE {self.key} = ?",
                           failures, None if until is None else until.isoformat(), key)

    def _subject(self, key: str) -> str:
        return f"{self.table}:{key}"


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def account_lock(store: SqliteStore) -> PasswordLock:
    """ITS §1.1: 密码错误超过5次（含）后会被锁定，可以在120分钟之后再试 — the account's, by document number."""
    return PasswordLock(store, "accounts", "document_number", "failed_password_attempts",
                        MAX_PASSWORD_FAILURES + (1 if deviations.on("ITS_LOCK_AFTER_6") else 0),
                        timedelta(minutes=60) if deviations.on("ITS_LOCK_60_MINUTES") else LOCK_DURATION)


def unit_lock(store: SqliteStore) -> PasswordLock:
    """ITS §1.3.1: 申报密码输错超过5次（含）后会被锁定，可以在120分钟之后再试 — the unit's, by 纳税人识别号."""
    return PasswordLock(store, "units", "tax_id", "failed_attempts",
                        MAX_DECLARATION_PASSWORD_FAILURES + (1 if deviations.on("ITS_UNIT_LOCK_AFTER_6") else 0),
                        timedelta(minutes=60) if deviations.on("ITS_UNIT_LOCK_60_MINUTES")
                        else DECLARATION_LOCK_DURATION)
