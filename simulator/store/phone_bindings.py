"""The phone bound to a natural person's account (绑定的手机), as the 个人所得税APP 【安全中心】 keeps it."""

from __future__ import annotations

from simulator.domain.account import Account
from simulator.store.sqlite import SqliteStore

#: A row overrides the account's registration phone: a phone bound later, or NULL for none bound.
_BINDINGS = """
CREATE TABLE IF NOT EXISTS phone_bindings (
    document_number TEXT PRIMARY KEY,
    phone TEXT
);
"""


class PhoneBindings:
    """By default an account's bound phone is the one it registered with; the 安全中心 may bind another."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("phone_bindings", _BINDINGS)

    def bound_phone(self, account: Account) -> str | None:
        rows = self._store.rows("SELECT phone FROM phone_bindings WHERE document_number = ?",
                                account.person.document_number.upper())
        return account.phone if not rows else rows[0]["phone"]

    def bind(self, account: Account, phone: str | None) -> None:
        """Bind this phone to the account (None: no phone bound, as a seed for the 安全中心 path)."""
        self._store.execute("INSERT OR REPLACE INTO phone_bindings (document_number, phone) VALUES (?, ?)",
                            account.person.document_number.upper(), phone)
