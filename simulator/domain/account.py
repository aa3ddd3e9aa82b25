"""A natural person's real-name account (实名账号) and its password lock, per ITS §1.1."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from vocabulary.documents import DocumentType

#: ITS §1.1: "密码错误超过5次（含）后会被锁定，可以在120分钟之后再试".
MAX_PASSWORD_FAILURES = 5
LOCK_DURATION = timedelta(minutes=120)


@dataclass(frozen=True)
class NaturalPerson:
    """Who the account belongs to: the identity checked at real-name registration."""

    name: str
    document_type: DocumentType
    document_number: str


@dataclass(frozen=True)
class Account:
    """A registered account: the person, the ways to name it, the password and the lock state."""

    person: NaturalPerson
    phone: str
    login_name: str
    password_hash: str
    failed_password_attempts: int = 0
    locked_until: datetime | None = None

    def account_names(self) -> tuple[str, ...]:
        """The strings that may be typed as 账号: phone, login name, and the ID number where allowed."""
        names = [self.phone, self.login_name]
        if self.person.document_type.allows_document_number_login:
            names.append(self.person.document_number)
        return tuple(names)

    def is_locked(self, now: datetime) -> bool:
        """Locked until 120 minutes after the fifth wrong password have passed."""
        return self.locked_until is not None and now < self.locked_until

    def after_wrong_password(self, now: datetime) -> Account:
        """Count one more wrong password; the fifth (inclusive) locks the account."""
        failures = self.failed_password_attempts + 1
        if failures >= MAX_PASSWORD_FAILURES:
            return replace(self, failed_password_attempts=0, locked_until=now + LOCK_DURATION)
        return replace(self, failed_password_attempts=failures)

    def after_successful_login(self) -> Account:
        """A correct login starts the count of wrong passwords afresh."""
        return replace(self, failed_password_attempts=0, locked_until=None)

    def with_new_password(self, password_hash: str) -> Account:
        """【忘记密码】 sets a new password and unlocks the account."""
        return replace(self, password_hash=password_hash, failed_password_attempts=0, locked_until=None)
