"""Registration codes (注册码) of ITS §2.1/§2.2.1: issued at the tax hall, 6 random digits/letters, valid 7 days."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from simulator import deviations
from vocabulary.documents import DocumentType

#: ITS §2.1 ②: "注册码有效期7天，由6位的数字、字母随机组成".
CODE_LENGTH = 6
CODE_VALIDITY = timedelta(days=7)
#: Reading ITS-R03 `through-seventh-day`: the 7 days counted as calendar days in Beijing time.
BEIJING = timezone(timedelta(hours=8))
#: Upper-case letters and digits; the guide does not fix the letter case (the simulator's choice).
CODE_ALPHABET = string.ascii_uppercase + string.digits


def new_code() -> str:
    """A fresh code: 6 characters drawn at random from digits and letters."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@dataclass(frozen=True)
class RegistrationCode:
    """A code the hall issued to one identity; the name is recorded when the hall gave it."""

    code: str
    document_type: DocumentType
    document_number: str
    name: str | None
    issued_at: datetime
    used: bool = False
    #: ITS-R03: False = exactly 168 hours after issue; True = to the end of the 7th calendar day after issue.
    calendar_days: bool = False

    @property
    def expires_at(self) -> datetime:
        if self.calendar_days:
            issued_day = self.issued_at.astimezone(BEIJING).date()
            return datetime.combine(issued_day + timedelta(days=8), time(0), BEIJING)
        validity = CODE_VALIDITY + (timedelta(days=1) if deviations.on("ITS_CODE_VALID_8_DAYS") else timedelta())
        return self.issued_at + validity

    def is_valid(self, now: datetime) -> bool:
        """Valid for 7 days from issue: refused from the instant they have passed (see calendar_days)."""
        return not self.used and now < self.expires_at

    def problem(self, now: datetime, document_type: DocumentType, document_number: str, name: str) -> str | None:
        """None when this code lets the identity typed register, else why not (in Chinese)."""
        if self.used:
            return "该注册码已使用，请携带有效身份证件到办税服务厅重新申请"
        if not self.is_valid(now):
            return "注册码已过期（有效期7天），请携带有效身份证件到办税服务厅重新申请"
        same_document = (self.document_type is document_type
                         and self.document_number.upper() == document_number.strip().upper())
        if (not same_document or (self.name is not None and self.name != name.strip())) \
                and not deviations.on("ITS_CODE_IDENTITY_UNCHECKED"):
            return "注册码与填写的姓名、证件信息不一致，请如实填写身份信息"
        return None


def normalise_code(typed: str) -> str:
    """What was typed as 注册码, compared without surrounding spaces and letter case."""
    return typed.strip().upper()
