"""Repository of the e-tax bureau's enterprise accounts and synced handlers, over the shared SQLite store."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from simulator.domain.enterprise import EnterpriseAccount, Handler
from simulator.store.sqlite import SqliteStore
from vocabulary.roles import Role

_ENTERPRISES = """
CREATE TABLE IF NOT EXISTS etax_enterprises (
    tax_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    first_login_done INTEGER NOT NULL DEFAULT 0
);
"""
_HANDLERS = """
CREATE TABLE IF NOT EXISTS etax_handlers (
    tax_id TEXT NOT NULL REFERENCES etax_enterprises(tax_id),
    id_number TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    sms_mobile TEXT NOT NULL,
    real_name_mobile TEXT NOT NULL DEFAULT '',
    personal_password_hash TEXT,
    frozen INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tax_id, id_number)
);
"""


class DuplicateEnterprise(ValueError):
    """A 纳税人识别号 already on the e-tax bureau."""


class EnterpriseStore:
    """Enterprise accounts by 纳税人识别号, and each one's handlers in sync order."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("etax_enterprises", _ENTERPRISES)
        store.add_table("etax_handlers", _HANDLERS)

    def add(self, account: EnterpriseAccount) -> None:
        try:
            self._store.execute("INSERT INTO etax_enterprises (tax_id, name, password_hash, first_login_done)"
                                " VALUES (?,?,?,?)", account.tax_id, account.name, account.password_hash,
                                int(account.first_login_done))
        except sqlite3.IntegrityError:
            raise DuplicateEnterprise(f"纳税人识别号「{account.tax_id}」已开通电子税务局") from None

    def find(self, tax_id: str) -> EnterpriseAccount | None:
        rows = self._store.rows("SELECT * FROM etax_enterprises WHERE tax_id = ?", tax_id.strip().upper())
        if not rows:
            return None
        row = rows[0]
        return EnterpriseAccount(row["tax_id"], row["name"], row["password_hash"], bool(row["first_login_done"]))

    def set_password(self, tax_id: str, password_hash: str) -> None:
        """A new 企业密码 (「忘记密码」)."""
        self._store.execute("UPDATE etax_enterprises SET password_hash = ? WHERE tax_id = ?", password_hash, tax_id)

    def first_login_done(self, tax_id: str) -> None:
        self._store.execute("UPDATE etax_enterprises SET first_login_done = 1 WHERE tax_id = ?", tax_id)

    def handlers(self, tax_id: str) -> list[Handler]:
        rows = self._store.rows("SELECT * FROM etax_handlers WHERE tax_id = ? ORDER BY rowid", tax_id)
        return [_handler(row) for row in rows]

    def handler(self, tax_id: str, id_number: str) -> Handler | None:
        rows = self._store.rows("SELECT * FROM etax_handlers WHERE tax_id = ? AND id_number = ?", tax_id,
                                id_number.upper())
        return _handler(rows[0]) if rows else None

    def replace_handlers(self, tax_id: str, synced: Sequence[Handler]) -> None:
        """同步办税人: the synced list replaces the old one in one transaction; kept persons keep their state."""
        old = {h.id_number: h for h in self.handlers(tax_id)}
        statements: list[tuple[str, tuple[object, ...]]] = [("DELETE FROM etax_handlers WHERE tax_id = ?", (tax_id,))]
        for new in synced:
            kept = old.get(new.id_number)
            password, frozen = (kept.personal_password_hash, kept.frozen) if kept else (None, False)
            statements.append(("INSERT INTO etax_handlers (tax_id, id_number, name, role, sms_mobile,"
                               " real_name_mobile, personal_password_hash, frozen) VALUES (?,?,?,?,?,?,?,?)",
                               (tax_id, new.id_number, new.name, new.role.value, new.sms_mobile,
                                new.real_name_mobile, password, int(frozen))))
        self._store.transaction(statements)

    def set_personal_password(self, tax_id: str, id_number: str, password_hash: str) -> None:
        self._store.execute("UPDATE etax_handlers SET personal_password_hash = ? WHERE tax_id = ? AND id_number = ?",
                            password_hash, tax_id, id_number)

    @staticmethod
    def added_handler_statement(handler: Handler) -> tuple[str, tuple[object, ...]]:
        """企业人员维护 【添加办税人员】: the person's row (kept if synced) with the personal password set there."""
        return ("INSERT INTO etax_handlers (tax_id, id_number, name, role, sms_mobile, real_name_mobile,"
                " personal_password_hash) VALUES (?,?,?,?,?,?,?) ON CONFLICT (tax_id, id_number) DO UPDATE"
                " SET personal_password_hash = excluded.personal_password_hash",
                (handler.tax_id, handler.id_number, handler.name, handler.role.value, handler.sms_mobile,
                 handler.real_name_mobile, handler.personal_password_hash))

    @staticmethod
    def removed_handler_statement(tax_id: str, id_number: str) -> tuple[str, tuple[object, ...]]:
        """企业人员维护 【删除】: the person no longer logs in for the enterprise."""
        return "DELETE FROM etax_handlers WHERE tax_id = ? AND id_number = ?", (tax_id, id_number.upper())

    def set_frozen(self, tax_id: str, id_number: str, frozen: bool) -> None:
        self._store.execute("UPDATE etax_handlers SET frozen = ? WHERE tax_id = ? AND id_number = ?",
                            int(frozen), tax_id, id_number.upper())


def _handler(row: sqlite3.Row) -> Handler:
    return Handler(row["tax_id"], row["id_number"], row["name"], Role(row["role"]), row["sms_mobile"],
                   row["real_name_mobile"], row["personal_password_hash"], bool(row["frozen"]))
