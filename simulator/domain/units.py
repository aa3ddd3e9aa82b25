"""扣缴单位 (withholding units), their 申报密码 and its lock, and who acts for them (ITS 前言, 注意, §1.3)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from stdnum.cn import uscc

from simulator import deviations
from simulator.domain.account import LOCK_DURATION
from vocabulary.roles import Role

BEIJING = timezone(timedelta(hours=8))
#: ITS 前言: "2019年11月9日自然人税收管理系统扣缴客户端上线【实名登录】功能".
REAL_NAME_LOGIN_LAUNCH = datetime(2019, 11, 9, tzinfo=BEIJING)
#: ITS 前言 and 注意: from 2020-01-01 办税授权 is in force; before it the former 申报密码 login and CA login stay valid.
AUTHORIZATION_LAUNCH = datetime(2020, 1, 1, tzinfo=BEIJING)
#: ITS §1.3.1: "申报密码输错超过5次（含）后会被锁定，可以在120分钟之后再试".
MAX_DECLARATION_PASSWORD_FAILURES = 5
DECLARATION_LOCK_DURATION = LOCK_DURATION

_OLD_TAX_ID = re.compile(r"^[0-9A-Z]{15}$|^[0-9A-Z]{20}$")


def tax_id_problem(tax_id: str) -> str | None:
    """None for a valid 纳税人识别号: an 18-character unified social credit code, or a former 15/20-character one."""
    if len(tax_id) == 18:
        return None if uscc.is_valid(tax_id) else f"纳税人识别号「{tax_id}」不是有效的统一社会信用代码（校验位错误）"
    if _OLD_TAX_ID.match(tax_id):
        return None
    return f"纳税人识别号「{tax_id}」应为18位统一社会信用代码（或原15、20位税务登记号）"


def real_name_login_offered(now: datetime) -> bool:
    early = timedelta(days=1) if deviations.on("ITS_REAL_NAME_LOGIN_EARLY") else timedelta()
    return now >= REAL_NAME_LOGIN_LAUNCH - early


def former_logins_valid(now: datetime) -> bool:
    """注意: before 2020-01-01 the former 申报密码 login and the 本市 CA login are still valid."""
    return now < AUTHORIZATION_LAUNCH


def authorization_in_force(now: datetime) -> bool:
    """前言: 办税授权 goes live on 2020-01-01."""
    early = timedelta(days=1) if deviations.on("ITS_AUTHORIZATION_EARLY") else timedelta()
    return now >= AUTHORIZATION_LAUNCH - early


@dataclass(frozen=True)
class Unit:
    """A withholding unit: its 申报密码 (None: never set), whether it is 本市 and holds a CA, and the lock."""

    tax_id: str
    name: str
    password_hash: str | None
    local: bool = False
    ca_valid_until: datetime | None = None  # None: no CA certificate
    has_ca: bool = False
    temporary_password: bool = False
    failed_attempts: int = 0
    locked_until: datetime | None = None

    def ca_valid(self, now: datetime) -> bool:
        """A 本市 unit may verify by CA while its certificate is valid."""
        return self.local and self.has_ca and (self.ca_valid_until is None or now <= self.ca_valid_until)

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_wrong_password(self, now: datetime) -> Unit:
        """One more wrong 申报密码; the fifth (inclusive) locks it for 120 minutes."""
        failures = self.failed_attempts + 1
        if failures >= MAX_DECLARATION_PASSWORD_FAILURES:
            return replace(self, failed_attempts=0, locked_until=now + DECLARATION_LOCK_DURATION)
        return replace(self, failed_attempts=failures)

    def after_success(self) -> Unit:
        return replace(self, failed_attempts=0, locked_until=None)

    def with_reset_password(self, password_hash: str) -> Unit:
        """ITS §1.3.1, Liaoning Q&A 9: the 法定代表人 or 财务负责人 resets it; no need to wait out the lock."""
        return replace(self, password_hash=password_hash, temporary_password=False, failed_attempts=0,
                       locked_until=None)

    def with_temporary_password(self, password_hash: str) -> Unit:
        """Liaoning Q&A 3/9: a unit without a 申报密码 gets a 临时申报密码."""
        return replace(self, password_hash=password_hash, temporary_password=True)


@dataclass(frozen=True)
class UnitHandler:
    """A natural person (by document number) who may act for a unit, in a role, with or without 办税授权."""

    document_number: str
    tax_id: str
    role: Role
    authorized: bool = False
