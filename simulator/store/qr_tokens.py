"""QR login tokens in the SQLite store: each with its issue time, the client session showing it, its use."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from simulator.domain.qr import LoginToken
from simulator.store.sqlite import SqliteStore

_SCHEMA = """
CREATE TABLE IF NOT EXISTS qr_tokens (
    token TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    lifetime_seconds REAL NOT NULL,
    used_at TEXT,
    replaced INTEGER NOT NULL DEFAULT 0,
    used_by TEXT
);
"""


class QrTokens:
    """Repository of login tokens; emptied with the rest of the store on the hooks' reset."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("qr_tokens", _SCHEMA)

    def add(self, token: LoginToken, session_id: str) -> None:
        """Store a new token for a client session; the session's earlier tokens stop being usable."""
        self._store.execute("UPDATE qr_tokens SET replaced = 1 WHERE session_id = ? AND used_at IS NULL",
                            session_id)
        self._store.execute(
            "INSERT INTO qr_tokens (token, session_id, issued_at, lifetime_seconds) VALUES (?,?,?,?)",
            token.value, session_id, token.issued_at.isoformat(), token.lifetime.total_seconds())

    def replace_all(self, session_id: str) -> None:
        """The session no longer shows a QR code: none of its unused tokens may log in."""
        self._store.execute("UPDATE qr_tokens SET replaced = 1 WHERE session_id = ? AND used_at IS NULL",
                            session_id)

    def mark_used(self, token: LoginToken, used_by: str) -> None:
        assert token.used_at is not None
        self._store.execute("UPDATE qr_tokens SET used_at = ?, used_by = ? WHERE token = ?",
                            token.used_at.isoformat(), used_by, token.value)

    def find(self, value: str) -> tuple[LoginToken, str] | None:
        """The token and the session it was issued to."""
        rows = self._store.rows("SELECT * FROM qr_tokens WHERE token = ?", value)
        return None if not rows else (_token(rows[0]), str(rows[0]["session_id"]))

    def latest_for(self, session_id: str) -> tuple[LoginToken, str] | None:
        """The token issued last to one client session (hooks v2 read the code a given browser shows)."""
        rows = self._store.rows("SELECT * FROM qr_tokens WHERE session_id = ? ORDER BY rowid DESC LIMIT 1", session_id)
        return None if not rows else (_token(rows[0]), str(rows[0]["session_id"]))

    def latest(self) -> tuple[LoginToken, str] | None:
        """The token issued last (any session): what a single browser under test shows."""
        rows = self._store.rows("SELECT * FROM qr_tokens ORDER BY rowid DESC LIMIT 1")
        return None if not rows else (_token(rows[0]), str(rows[0]["session_id"]))


def _token(row: sqlite3.Row) -> LoginToken:
    used = row["used_at"]
    return LoginToken(value=row["token"], issued_at=datetime.fromisoformat(row["issued_at"]),
                      lifetime=timedelta(seconds=row["lifetime_seconds"]),
                      used_at=None if used is None else datetime.fromisoformat(used),
                      replaced=bool(row["replaced"]))
