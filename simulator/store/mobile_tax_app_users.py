"""Repository of the 移动办税APP's users: who has logged in before (老用户) and who would be new (新用户)."""

from __future__ import annotations

from simulator.store.sqlite import SqliteStore

_USERS = """
CREATE TABLE IF NOT EXISTS mobile_tax_app_users (
    phone TEXT PRIMARY KEY
);
"""


class MobileTaxAppUsers:
    """An app user is known by the mobile number they log in with; the first login makes them known."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("mobile_tax_app_users", _USERS)

    def known(self, phone: str) -> bool:
        return bool(self._store.rows("SELECT 1 FROM mobile_tax_app_users WHERE phone = ?", phone))

    def add(self, phone: str) -> None:
        self._store.execute("INSERT OR IGNORE INTO mobile_tax_app_users (phone) VALUES (?)", phone)
