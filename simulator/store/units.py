"""Repository of withholding units and their handlers, over the shared SQLite store."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from simulator.domain.units import Unit, UnitHandler
from simulator.store.sqlite import SqliteStore
from vocabulary.roles import Role

_UNITS = """
CREATE TABLE IF NOT EXISTS units (
    tax_id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    local INTEGER NOT NULL,
    has_ca INTEGER NOT NULL,
    ca_valid_until TEXT,
    temporary_password INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
);
"""
_HANDLERS = """
CREATE TABLE IF NOT EXISTS unit_handlers (
    document_number TEXT NOT NULL,
    tax_id TEXT NOT NULL REFERENCES units(tax_id),
    role TEXT NOT NULL,
    authorized INTEGER NOT NULL,
    PRIMARY KEY (document_number, tax_id)
);
"""


class DuplicateUnit(ValueError):
    """A 纳税人识别号 or unit name already stored, or a handler already linked to the unit."""


class UnitStore:
    """Units by 纳税人识别号, and the units a natural person acts for."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("units", _UNITS)
        store.add_table("unit_handlers", _HANDLERS)

    @property
    def store(self) -> SqliteStore:
        """The shared store (the 申报密码 lock counts in it: simulator/store/password_locks.py)."""
        return self._store

    def add(self, unit: Unit) -> None:
        try:
            self._store.execute(
                "INSERT INTO units (tax_id, name, password_hash, local, has_ca, ca_valid_until,"
                " temporary_password, failed_attempts, locked_until) VALUES (?,?,?,?,?,?,?,?,?)",
                unit.tax_id, unit.name, unit.password_hash, int(unit.local), int(unit.has_ca),
                _iso(unit.ca_valid_until), int(unit.temporary_password), unit.failed_attempts,
                _iso(unit.locked_until))
        except sqlite3.IntegrityError:
            raise DuplicateUnit(f"纳税人识别号「{unit.tax_id}」或单位名称「{unit.name}」已存在") from None

    def save(self, unit: Unit) -> None:
        """Write back the 申报密码 and its lock state."""
        self._store.execute(
            "UPDATE units SET password_hash=?, temporary_password=?, failed_attempts=?, locked_until=?"
            " WHERE tax_id=?", unit.password_hash, int(unit.temporary_password), unit.failed_attempts,
            _iso(unit.locked_until), unit.tax_id)

    def find(self, tax_id: str) -> Unit | None:
        rows = self._store.rows("SELECT * FROM units WHERE tax_id = ?", tax_id.strip().upper())
        return _unit(rows[0]) if rows else None

    def link(self, handler: UnitHandler) -> None:
        try:
            self._store.execute(
                "INSERT INTO unit_handlers (document_number, tax_id, role, authorized) VALUES (?,?,?,?)",
                handler.document_number.upper(), handler.tax_id, handler.role.value, int(handler.authorized))
        except sqlite3.IntegrityError:
            raise DuplicateUnit(f"该自然人已是单位「{handler.tax_id}」的办税人员") from None

    def units_of(self, document_number: str) -> list[tuple[Unit, UnitHandler]]:
        """The units this person acts for, in the order they were linked."""
        rows = self._store.rows(
            "SELECT u.*, h.document_number, h.role, h.authorized FROM unit_handlers h"
            " JOIN units u ON u.tax_id = h.tax_id WHERE h.document_number = ? ORDER BY h.rowid",
            document_number.upper())
        return [(_unit(row), UnitHandler(row["document_number"], row["tax_id"], Role(row["role"]),
                                         bool(row["authorized"]))) for row in rows]

    def handlers_of(self, tax_id: str) -> list[tuple[str, UnitHandler]]:
        """Who acts for this unit (姓名 and link), in the order they were linked."""
        rows = self._store.rows(
            "SELECT a.name, h.document_number, h.tax_id, h.role, h.authorized FROM unit_handlers h"
            " JOIN accounts a ON a.document_number = h.document_number WHERE h.tax_id = ? ORDER BY h.rowid",
            tax_id.strip().upper())
        return [(row["name"], UnitHandler(row["document_number"], row["tax_id"], Role(row["role"]),
                                          bool(row["authorized"]))) for row in rows]


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _unit(row: sqlite3.Row) -> Unit:
    return Unit(tax_id=row["tax_id"], name=row["name"], password_hash=row["password_hash"],
                local=bool(row["local"]), has_ca=bool(row["has_ca"]), ca_valid_until=_when(row["ca_valid_until"]),
                temporary_password=bool(row["temporary_password"]), failed_attempts=row["failed_attempts"],
                locked_until=_when(row["locked_until"]))
