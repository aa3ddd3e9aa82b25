"""The Qingdao personal user accounts (个人用户账号), hall collections and enterprises, kept in SQLite.

A person is keyed by the document number (证件号码). `registered` is false for someone whose real-name
information the hall collected (FAQ 6) but who has not registered yet; an account is a registered person.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from simulator.store.sqlite import SqliteStore

_PEOPLE = """
CREATE TABLE IF NOT EXISTS qd_people (
    document_number TEXT PRIMARY KEY,
    document_type TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    user_name TEXT UNIQUE COLLATE NOCASE,
    user_name_changed_at TEXT,
    password_hash TEXT NOT NULL,
    must_change INTEGER NOT NULL DEFAULT 0,
    level INTEGER NOT NULL DEFAULT 3,
    registered INTEGER NOT NULL DEFAULT 1
);
"""
_ENTERPRISES = """
CREATE TABLE IF NOT EXISTS qd_enterprise_people (
    tax_id TEXT NOT NULL,
    enterprise_name TEXT NOT NULL,
    document_number TEXT NOT NULL,
    PRIMARY KEY (tax_id, document_number)
);
"""
#: Levels as the guide writes them (FAQ 5: 三级, 四级).
LEVEL_WORDS = {3: "三级", 4: "四级"}


@dataclass(frozen=True)
class QdPerson:
    document_number: str
    document_type: str
    name: str
    phone: str
    user_name: str | None
    user_name_changed_at: datetime | None
    password_hash: str
    must_change: bool
    level: int
    registered: bool

    @property
    def level_word(self) -> str:
        return LEVEL_WORDS.get(self.level, f"{self.level}级")


class DuplicateUserName(ValueError):
    """A 用户名 another person already uses."""


class QdPeople:
    """Persons by document number; every write is one statement (or one transaction)."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("qd_people", _PEOPLE)
        store.add_table("qd_enterprise_people", _ENTERPRISES)

    def put(self, person: QdPerson) -> None:
        """Add or replace a person (a hall collection becomes an account when the person registers)."""
        changed = None if person.user_name_changed_at is None else person.user_name_changed_at.isoformat()
        try:
            self._store.execute(
                "INSERT OR REPLACE INTO qd_people (document_number, document_type, name, phone, user_name,"
                " user_name_changed_at, password_hash, must_change, level, registered) VALUES (?,?,?,?,?,?,?,?,?,?)",
                person.document_number, person.document_type, person.name, person.phone, person.user_name or None,
                changed, person.password_hash, int(person.must_change), person.level, int(person.registered))
        except sqlite3.IntegrityError:
            raise DuplicateUserName(f"用户名「{person.user_name}」已被使用") from None

    def register(self, person: QdPerson, user_name_set_at: datetime | None = None) -> bool:
        """Store a newly registered person, unless the number is registered already (a hall collection becomes the
        account). One statement, so two registrations of one number cannot both win; True when this one did."""
        try:
            self._store.execute(
                "INSERT INTO qd_people (document_number, document_type, name, phone, user_name, user_name_changed_at,"
                " password_hash, must_change, level, registered) VALUES (?,?,?,?,?,?,?,?,?,1)"
                " ON CONFLICT (document_number) DO UPDATE SET document_type = excluded.document_type,"
                " name = excluded.name, phone = excluded.phone, user_name = excluded.user_name,"
                " user_name_changed_at = excluded.user_name_changed_at, password_hash = excluded.password_hash,"
                " must_change = excluded.must_change,"
                " level = excluded.level, registered = 1 WHERE qd_people.registered = 0",
                person.document_number, person.document_type, person.name, person.phone, person.user_name or None,
                None if user_name_set_at is None or not person.user_name else user_name_set_at.isoformat(),
                person.password_hash, int(person.must_change), person.level)
        except sqlite3.IntegrityError:
            raise DuplicateUserName(f"用户名「{person.user_name}」已被使用") from None
        stored = self.find(person.document_number)
        return stored is not None and stored.password_hash == person.password_hash

    def find(self, document_number: str) -> QdPerson | None:
        rows = self._store.rows("SELECT * FROM qd_people WHERE document_number = ?", document_number.strip().upper())
        return _person(rows[0]) if rows else None

    def find_by_user_name(self, user_name: str) -> QdPerson | None:
        rows = self._store.rows("SELECT * FROM qd_people WHERE user_name = ? AND registered = 1", user_name.strip())
        return _person(rows[0]) if rows else None

    def find_by_phone(self, phone: str) -> list[QdPerson]:
        rows = self._store.rows("SELECT * FROM qd_people WHERE phone = ? AND registered = 1", phone.strip())
        return [_person(row) for row in rows]

    def account(self, document_number: str) -> QdPerson | None:
        """The registered person with this document number (None: 该用户未注册)."""
        found = self.find(document_number)
        return found if found is not None and found.registered else None

    def set_password(self, document_number: str, password_hash: str) -> None:
        self._store.execute("UPDATE qd_people SET password_hash = ?, must_change = 0 WHERE document_number = ?",
                            password_hash, document_number)

    def set_level(self, document_number: str, level: int) -> None:
        self._store.execute("UPDATE qd_people SET level = ? WHERE document_number = ?", level, document_number)

    def set_user_name(self, document_number: str, user_name: str, changed_at: datetime | None) -> None:
        """Set the 用户名; changed_at is the moment of a 修改 (None keeps the last one: a first setting)."""
        try:
            self._store.execute("UPDATE qd_people SET user_name = ?, user_name_changed_at ="
                                " COALESCE(?, user_name_changed_at) WHERE document_number = ?", user_name,
                                None if changed_at is None else changed_at.isoformat(), document_number)
        except sqlite3.IntegrityError:
            raise DuplicateUserName(f"用户名「{user_name}」已被使用") from None

    def link_enterprise(self, tax_id: str, name: str, document_number: str) -> None:
        self._store.execute("INSERT OR REPLACE INTO qd_enterprise_people (tax_id, enterprise_name, document_number)"
                            " VALUES (?,?,?)", tax_id, name, document_number)

    def enterprises(self, document_number: str) -> list[tuple[str, str]]:
        """(纳税人识别号, 名称) of the enterprises this person is a handler of."""
        rows = self._store.rows("SELECT tax_id, enterprise_name FROM qd_enterprise_people WHERE document_number = ?"
                                " ORDER BY rowid", document_number)
        return [(row["tax_id"], row["enterprise_name"]) for row in rows]


def _person(row: sqlite3.Row) -> QdPerson:
    changed = row["user_name_changed_at"]
    return QdPerson(row["document_number"], row["document_type"], row["name"], row["phone"], row["user_name"],
                    None if changed is None else datetime.fromisoformat(changed), row["password_hash"],
                    bool(row["must_change"]), int(row["level"]), bool(row["registered"]))
