"""The web login page's QR codes a phone scans (Q11 扫码登录): one-time, expiring, one live per web session."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from simulator.domain.qr import LoginToken, issue
from simulator.store.sqlite import SqliteStore

#: What a code is for: a web login by one of the three scans (Q11 quotes them so).
QINGDAO_APP_LOGIN, IIT_APP_LOGIN, LICENCE_LOGIN = "青岛税务APP扫码登录", "个人所得税APP扫码登录", "电子营业执照扫码"
#: Simulator default (the guide fixes none): how long a code shown on the web stays scannable.
LIFETIME = timedelta(minutes=2)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS qingdao_codes (
    token TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    lifetime_seconds REAL NOT NULL,
    used_at TEXT,
    replaced INTEGER NOT NULL DEFAULT 0
);
"""


class ScanCodes:
    """A session shows one code at a time: a new one voids its earlier unused ones."""

    def __init__(self, store: SqliteStore, lifetime: timedelta = LIFETIME) -> None:
        self._store, self._lifetime = store, lifetime
        store.add_table("qingdao_codes", _SCHEMA)

    def issue(self, session_id: str, purpose: str, now: datetime) -> LoginToken:
        token = issue(now, self._lifetime)
        self.void(session_id)
        self._store.execute("INSERT INTO qingdao_codes (token, session_id, purpose, issued_at, lifetime_seconds) "
                            "VALUES (?,?,?,?,?)", token.value, session_id, purpose, now.isoformat(),
                            self._lifetime.total_seconds())
        return token

    def void(self, session_id: str) -> None:
        self._store.execute("UPDATE qingdao_codes SET replaced = 1 WHERE session_id = ? AND used_at IS NULL",
                            session_id)

    def mark_used(self, token: LoginToken, now: datetime) -> None:
        self._store.execute("UPDATE qingdao_codes SET used_at = ? WHERE token = ?", now.isoformat(), token.value)

    def find(self, value: str) -> tuple[LoginToken, str, str] | None:
        """The token, the web session showing it, and its purpose."""
        rows = self._store.rows("SELECT * FROM qingdao_codes WHERE token = ?", value)
        return None if not rows else _found(rows[0])

    def latest(self, session_id: str | None = None) -> tuple[LoginToken, str, str] | None:
        """The code issued last (to one web session, if given)."""
        rows = self._store.rows("SELECT * FROM qingdao_codes ORDER BY rowid DESC LIMIT 1") if session_id is None \
            else self._store.rows("SELECT * FROM qingdao_codes WHERE session_id = ? ORDER BY rowid DESC LIMIT 1",
                                  session_id)
        return None if not rows else _found(rows[0])


def _found(row: sqlite3.Row) -> tuple[LoginToken, str, str]:
    used = row["used_at"]
    token = LoginToken(value=row["token"], issued_at=datetime.fromisoformat(row["issued_at"]),
                       lifetime=timedelta(seconds=row["lifetime_seconds"]),
                       used_at=None if used is None else datetime.fromisoformat(used), replaced=bool(row["replaced"]))
    return token, str(row["session_id"]), str(row["purpose"])
