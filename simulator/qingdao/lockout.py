"""FAQ 14: failures are counted per person, per 认证方式, per day (一天内同一认证方式连续失败5次的…).

The guide stops after those words. The simulator's documented choice for the consequence: the 5th consecutive
failure of one method in a day locks that method for that person until the next day (00:00 in Qingdao); other
methods stay open. No scenario asserts it. A success of the method clears its count.
"""

from __future__ import annotations

from datetime import date

from simulator import deviations
from simulator.store.sqlite import SqliteStore

#: FAQ 14: 连续失败5次.
FAILURES_PER_DAY = 5
LOCKED = "该认证方式今日连续失败次数过多，已被锁定，请明日再试或使用其他方式登录"

_FAILURES = """
CREATE TABLE IF NOT EXISTS qd_failures (
    document_number TEXT NOT NULL,
    method TEXT NOT NULL,
    day TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (document_number, method)
);
"""


class Lockout:
    """Consecutive failures of one method on one day; the count restarts on another day or after a success."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("qd_failures", _FAILURES)

    def locked(self, document_number: str, method: str, today: date) -> bool:
        return self._count(document_number, method, today) >= FAILURES_PER_DAY - deviations.on("QD_LOCK_AT_4")

    def failed(self, document_number: str, method: str, today: date) -> int:
        """Count one failure (atomically, in one statement) and return the day's consecutive count."""
        self._store.execute(
            "INSERT INTO qd_failures (document_number, method, day, count) VALUES (?,?,?,1)"
            " ON CONFLICT (document_number, method) DO UPDATE SET"
            " count = CASE WHEN day = excluded.day OR ? THEN count + 1 ELSE 1 END, day = excluded.day",
            document_number, method, today.isoformat(), deviations.on("QD_FAILURES_ACROSS_DAYS"))
        return self._count(document_number, method, today)

    def succeeded(self, document_number: str, method: str) -> None:
        self._store.execute("DELETE FROM qd_failures WHERE document_number = ? AND method = ?", document_number, method)

    def _count(self, document_number: str, method: str, today: date) -> int:
        if deviations.on("QD_FAILURES_ACROSS_METHODS"):  # every method's failures added up
            return sum(int(row["count"]) for row in self._store.rows(
                "SELECT count FROM qd_failures WHERE document_number = ? AND day = ?",
                document_number, today.isoformat()))
        rows = self._store.rows("SELECT count FROM qd_failures WHERE document_number = ? AND method = ? AND day = ?",
                                document_number, method, today.isoformat())
        return int(rows[0]["count"]) if rows else 0
