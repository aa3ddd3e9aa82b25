"""Repository of 涉税代理机构 (agencies) and the enterprises that certified them (代理机构认定), with 协议密码."""

from __future__ import annotations

import sqlite3

from simulator import deviations
from simulator.store.sqlite import SqliteStore

_AGENCIES = """
CREATE TABLE IF NOT EXISTS etax_agencies (
    tax_id TEXT PRIMARY KEY REFERENCES etax_enterprises(tax_id)
);
"""
_CLIENTS = """
CREATE TABLE IF NOT EXISTS etax_agency_clients (
    agency_tax_id TEXT NOT NULL REFERENCES etax_agencies(tax_id),
    client_tax_id TEXT NOT NULL REFERENCES etax_enterprises(tax_id),
    agreement_password_hash TEXT NOT NULL,
    PRIMARY KEY (agency_tax_id, client_tax_id)
);
"""


class AgencyStore:
    """Which enterprises are agencies, and for each agency the clients that certified it (认定) until cancelled."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("etax_agencies", _AGENCIES)
        store.add_table("etax_agency_clients", _CLIENTS)

    def add_agency(self, tax_id: str) -> None:
        try:
            self._store.execute("INSERT INTO etax_agencies (tax_id) VALUES (?)", tax_id)
        except sqlite3.IntegrityError:
            raise ValueError(f"「{tax_id}」已是涉税代理机构") from None

    def is_agency(self, tax_id: str) -> bool:
        return bool(self._store.rows("SELECT 1 FROM etax_agencies WHERE tax_id = ?", tax_id))

    def certify(self, agency_tax_id: str, client_tax_id: str, agreement_password_hash: str) -> None:
        """认定: the client lets the agency act for it; a renewed certification replaces the 协议密码."""
        self._store.execute("INSERT OR REPLACE INTO etax_agency_clients (agency_tax_id, client_tax_id,"
                            " agreement_password_hash) VALUES (?,?,?)", agency_tax_id, client_tax_id,
                            agreement_password_hash)

    def cancel(self, agency_tax_id: str, client_tax_id: str) -> bool:
        """取消认定; False when there was no such certification."""
        found = self.agreement_password_hash(agency_tax_id, client_tax_id) is not None
        if not deviations.on("LN_CANCELLED_AGENCY_STILL_LISTED"):
            self._store.execute("DELETE FROM etax_agency_clients WHERE agency_tax_id = ? AND client_tax_id = ?",
                                agency_tax_id, client_tax_id)
        return found

    def clients(self, agency_tax_id: str) -> list[tuple[str, str]]:
        """(纳税人识别号, 名称) of the enterprises that certified the agency, in certification order."""
        rows = self._store.rows("SELECT e.tax_id, e.name FROM etax_agency_clients c JOIN etax_enterprises e"
                                " ON e.tax_id = c.client_tax_id WHERE c.agency_tax_id = ? ORDER BY c.rowid",
                                agency_tax_id)
        return [(row["tax_id"], row["name"]) for row in rows]

    def agreement_password_hash(self, agency_tax_id: str, client_tax_id: str) -> str | None:
        rows = self._store.rows("SELECT agreement_password_hash FROM etax_agency_clients WHERE agency_tax_id = ?"
                                " AND client_tax_id = ?", agency_tax_id, client_tax_id)
        return str(rows[0]["agreement_password_hash"]) if rows else None
