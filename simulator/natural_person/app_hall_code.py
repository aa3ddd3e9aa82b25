"""大厅注册码 of the APP registration (ITS §2.2.1): the code must be live and issued to who is typing."""

from __future__ import annotations

from dataclasses import replace

from simulator.clock import Clock
from simulator.domain.registration import normalise_code
from simulator.store.registration import RegistrationStore
from simulator.store.sqlite import SqliteStore
from simulator.variant import Variant
from vocabulary.documents import DocumentType

#: What marks a code used, run in the transaction that creates the account (see SqliteStore.create_account).
Statement = tuple[str, tuple[object, ...]]


class HallCodes:
    """The codes the hall issued (shared with the WEB registration, §2.1): 7 days, one registration each."""

    def __init__(self, store: SqliteStore, clock: Clock, variant: Variant | None = None) -> None:
        self._codes, self._clock = RegistrationStore(store), clock
        self._calendar_days = (variant or Variant.default()).reads("ITS-R03", "through-seventh-day")

    def problem(self, code: str, document_type: str, document_number: str, name: str) -> str | None:
        """None when this code lets this identity register now, else why not (in Chinese)."""
        found = self._codes.find(normalise_code(code))
        if found is None:
            return "注册码不存在，请核对后重新输入"
        try:
            kind = DocumentType.from_label(document_type)
        except ValueError as exc:
            return str(exc)
        found = replace(found, calendar_days=self._calendar_days)
        return found.problem(self._clock.now(), kind, document_number, name)

    def use(self, code: str) -> Statement:
        return "UPDATE registration_codes SET used = 1 WHERE code = ?", (normalise_code(code),)
