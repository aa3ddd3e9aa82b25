"""Registration codes issued at the hall and what WEB registration records besides the account (户籍所在地)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from simulator.domain.account import Account
from simulator.domain.registration import RegistrationCode
from simulator.store.sqlite import SqliteStore
from vocabulary.documents import DocumentType

_CODES = """
CREATE TABLE IF NOT EXISTS registration_codes (
    code TEXT PRIMARY KEY,
    document_type TEXT NOT NULL,
    document_number TEXT NOT NULL,
    name TEXT,
    issued_at TEXT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
"""
_REGISTRATIONS = """
CREATE TABLE IF NOT EXISTS registrations (
    document_number TEXT PRIMARY KEY,
    household_registration TEXT NOT NULL,
    code TEXT NOT NULL,
    registered_at TEXT NOT NULL
);
"""


class RegistrationStore:
    """The flow's tables in the shared SQLite store (emptied with it on reset)."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("registration_codes", _CODES)
        store.add_table("registrations", _REGISTRATIONS)

    def issue(self, code: RegistrationCode) -> None:
        self._store.execute(
            "INSERT INTO registration_codes (code, document_type, document_number, name, issued_at, used)"
            " VALUES (?,?,?,?,?,0)",
            code.code, code.document_type.value, code.document_number.upper(), code.name, code.issued_at.isoformat())

    def find(self, code: str) -> RegistrationCode | None:
        found = self._store.rows("SELECT * FROM registration_codes WHERE code = ?", code)
        return _code(found[0]) if found else None

    def taken(self, column: str, value: str) -> bool:
        """Whether an account already uses this phone, login name or document number."""
        if column not in ("phone", "login_name", "document_number"):
            raise ValueError(column)
        return bool(self._store.rows(f"SELECT 1 FROM accounts WHERE {column} = ?", value))

    def register(self, account: Account, code: str, household: str, now: datetime) -> None:
        """The account, the code used up and the 户籍所在地, in one transaction (DuplicateAccount: none of it)."""
        self._store.create_account(
            account,
            ("UPDATE registration_codes SET used = 1 WHERE code = ?", (code,)),
            ("INSERT INTO registrations (document_number, household_registration, code, registered_at)"
             " VALUES (?,?,?,?)", (account.person.document_number.upper(), household, code, now.isoformat())),
        )


def _code(row: sqlite3.Row) -> RegistrationCode:
    return RegistrationCode(code=row["code"], document_type=DocumentType(row["document_type"]),
                            document_number=row["document_number"], name=row["name"],
                            issued_at=datetime.fromisoformat(row["issued_at"]), used=bool(row["used"]))
