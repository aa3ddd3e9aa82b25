"""SQLite store for accounts: one connection guarded by a lock, so one file or memory DB serves threads."""

from __future__ import annotations

import enum
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from simulator import deviations
from simulator.domain.account import Account, NaturalPerson
from simulator.store.schema_template import TEMPLATE
from vocabulary.documents import DocumentType

_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    document_type TEXT NOT NULL,
    document_number TEXT NOT NULL UNIQUE,
    phone TEXT NOT NULL UNIQUE,
    login_name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    failed_password_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
);
"""


class MatchedBy(enum.Enum):
    """Which of the account's names the typed 账号 matched."""

    PHONE = "phone"
    LOGIN_NAME = "login_name"
    DOCUMENT_NUMBER = "document_number"


class DuplicateAccount(ValueError):
    """A phone, login name or document number that another account already uses."""


#: WAL with synchronous=FULL: a write acknowledged to the visitor survives kill -9 and power loss alike.
SYNCHRONOUS = "FULL"


class SqliteStore:
    """Accounts in SQLite; ':memory:' for in-process runs, a file path for a served simulator."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        if str(path) != ":memory:":  # a served store: write-ahead log, each commit synced before it is answered
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
            self._db.execute("PRAGMA busy_timeout=5000")
        self._tables: list[str] = []
        self._in_memory = str(path) == ":memory:"
        self._scripts = TEMPLATE.copy_into(self._db) if self._in_memory else set()
        self.add_table("accounts", _SCHEMA)

    def add_table(self, name: str, schema: str) -> None:
        """A flow's own table (created if missing), emptied with the rest on reset."""
        with self._lock:
            if schema not in self._scripts:  # a copy of the template holds its tables already
                self._db.executescript(schema)
                self._scripts.add(schema)
                if self._in_memory:
                    TEMPLATE.remember(schema)
            if name not in self._tables:
                self._tables.append(name)

    def execute(self, sql: str, *args: object) -> None:
        """One statement of a flow's repository, under the store's lock."""
        with self._lock:
            self._db.execute(sql, args)

    def rows(self, sql: str, *args: object) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._db.execute(sql, args).fetchall())

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def clear(self) -> None:
        """Forget everything stored (the hooks' reset)."""
        with self._lock:
            for table in reversed(self._tables):
                self._db.execute(f"DELETE FROM {table}")

    def add(self, account: Account) -> None:
        """Store a new account; refuse one whose phone, login name or document number is taken."""
        person = account.person
        with self._lock:
            try:
                self._db.execute(
                    "INSERT INTO accounts (name, document_type, document_number, phone, login_name,"
                    " password_hash, failed_password_attempts, locked_until) VALUES (?,?,?,?,?,?,?,?)",
                    (person.name, person.document_type.value, person.document_number.upper(), account.phone,
                     account.login_name, account.password_hash, account.failed_password_attempts,
                     _iso(account.locked_until)),
                )
            except sqlite3.IntegrityError as exc:
                raise DuplicateAccount(f"手机号码、登录名或证件号码已被注册：{exc}") from None

    @contextmanager
    def immediate(self) -> Iterator[None]:
        """One write transaction taken at once (BEGIN IMMEDIATE) under the store's lock: committed at the end, rolled
        back on any error. Every other connection to the file (another thread's store, another server process) waits
        for it, so a read and the write that depends on it cannot interleave with theirs (e.g. a wrong-password count).
        """
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def create_account(self, account: Account, *also: tuple[str, tuple[object, ...]]) -> None:
        """Store a new account and the flow's own rows (`also`: statement, arguments) all or nothing."""
        with self.immediate():
            self.add(account)
            self._run(also)

    def transaction(self, statements: list[tuple[str, tuple[object, ...]]]) -> None:
        """Run a flow's statements all or nothing (e.g. 同步办税人 replacing an enterprise's handlers)."""
        with self.immediate():
            self._run(statements)

    def _run(self, statements: Iterable[tuple[str, tuple[object, ...]]]) -> None:
        for sql, args in statements:
            self._db.execute(sql, args)

    def save(self, account: Account) -> None:
        """Write back the password and lock state of an existing account."""
        with self._lock:
            self._db.execute(
                "UPDATE accounts SET password_hash=?, failed_password_attempts=?, locked_until=?"
                " WHERE document_number=?",
                (account.password_hash, account.failed_password_attempts, _iso(account.locked_until),
                 account.person.document_number.upper()),
            )

    def find_by_account_name(self, typed: str) -> tuple[Account, MatchedBy] | None:
        """The account whose phone, login name or document number is what was typed as 账号."""
        for column, matched in (("phone", MatchedBy.PHONE), ("login_name", MatchedBy.LOGIN_NAME),
                                ("document_number", MatchedBy.DOCUMENT_NUMBER)):
            value = typed.upper() if matched is MatchedBy.DOCUMENT_NUMBER else typed
            nocase = matched is MatchedBy.LOGIN_NAME and deviations.on("ITS_LOGIN_NAME_CASE_IGNORED")
            row = self._one(f"SELECT * FROM accounts WHERE {column} = ?{' COLLATE NOCASE' if nocase else ''}", value)
            if row is not None:
                return _account(row), matched
        return None

    def find_by_document(self, document_type: DocumentType, document_number: str) -> Account | None:
        """The account registered with this document."""
        row = self._one("SELECT * FROM accounts WHERE document_type = ? AND document_number = ?",
                        document_type.value, document_number.upper())
        return None if row is None else _account(row)

    def find_by_document_number(self, document_number: str) -> Account | None:
        """The account registered with this document number (any type)."""
        row = self._one("SELECT * FROM accounts WHERE document_number = ?", document_number.upper())
        return None if row is None else _account(row)

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM accounts").fetchone()[0])

    def _one(self, sql: str, *args: object) -> sqlite3.Row | None:
        with self._lock:
            row: sqlite3.Row | None = self._db.execute(sql, args).fetchone()
            return row


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _account(row: sqlite3.Row) -> Account:
    person = NaturalPerson(row["name"], DocumentType(row["document_type"]), row["document_number"])
    locked = row["locked_until"]
    return Account(
        person=person, phone=row["phone"], login_name=row["login_name"],
        password_hash=row["password_hash"], failed_password_attempts=row["failed_password_attempts"],
        locked_until=None if locked is None else datetime.fromisoformat(locked),
    )
