"""Checking a unit's 申报密码 (ITS §1.3): captcha once required, lock, password; 临时申报密码 when none is set."""

from __future__ import annotations

import math
import secrets
from datetime import datetime

from simulator import deviations
from simulator.common import captcha
from simulator.common.passwords import hash_password, verify_password
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.views import Message, MessageKind, refused
from simulator.domain.units import DECLARATION_LOCK_DURATION, MAX_DECLARATION_PASSWORD_FAILURES, Unit
from simulator.store.password_locks import unit_lock
from simulator.store.units import UnitStore

_TEMPORARY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


class DeclarationPasswords:
    """Verifies 申报密码 and issues 临时申报密码 (kept in memory so the hooks can read the last one)."""

    def __init__(self, units: UnitStore, sessions: SessionRegistry) -> None:
        self._units, self._sessions = units, sessions
        self._locks = unit_lock(units.store)
        self._issued: dict[str, str] = {}

    def issued(self, tax_id: str) -> str | None:
        """The 临时申报密码 issued last for this unit, if any."""
        return self._issued.get(tax_id)

    def forget(self) -> None:
        self._issued.clear()

    def issue_temporary(self, unit: Unit) -> Message:
        """Liaoning Q&A 3/9: no 申报密码 yet → the login does not enter; a 临时申报密码 is given instead."""
        password = "".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(8))
        self._units.save(unit.with_temporary_password(hash_password(password)))
        self._issued[unit.tax_id] = password
        return refused(f"单位「{unit.name}」尚未设置申报密码，未能进入系统。系统已生成临时申报密码：{password}，"
                       "请使用临时申报密码登录")

    def check(self, session: PortalSession, unit: Unit, typed: str, typed_captcha: str, now: datetime) \
            -> Message | None:
        """None when the 申报密码 is right; else why not (a wrong one counts towards the lock, atomically)."""
        if session.captcha_required and not captcha.matches(typed_captcha, session.captcha_answer) \
                and not deviations.on("ITS_UNIT_CAPTCHA_IGNORED"):
            self.new_captcha(session)
            return refused("请输入验证码" if not typed_captcha.strip() else "验证码错误，请重新输入")
        if unit.is_locked(now):
            return self.locked(unit.locked_until, now)
        if not session.captcha_required and self._locks.captcha_required(unit.tax_id):
            self.new_captcha(session)  # the captcha is the unit's: a new cookie must answer one too
            return refused("请输入验证码")
        if not typed:
            return refused("请输入申报密码")
        if unit.password_hash is None or not verify_password(typed, unit.password_hash):
            self.new_captcha(session)
            count = self._locks.count_wrong(unit.tax_id, now)
            if count is None or count.locked(now):
                return self.locked(None if count is None else count.locked_until, now)
            left = MAX_DECLARATION_PASSWORD_FAILURES - count.failures
            return refused(f"申报密码错误，再错{left}次申报密码将被锁定")
        if not self._locks.accept(unit.tax_id, unit.password_hash, now):  # locked (or reset) meanwhile
            self.new_captcha(session)
            again = self._units.find(unit.tax_id)
            return self.locked(None if again is None else again.locked_until, now)
        session.captcha_required, session.captcha_answer = False, None
        return None

    def new_captcha(self, session: PortalSession) -> None:
        session.require_captcha()
        self._sessions.captcha_issued(session)

    @staticmethod
    def locked(until: datetime | None, now: datetime) -> Message:
        lock_minutes = int(DECLARATION_LOCK_DURATION.total_seconds() // 60)
        minutes = lock_minutes if until is None else math.ceil((until - now).total_seconds() / 60)
        return Message(f"申报密码错误次数过多，已被锁定，请{minutes}分钟后再试，或由法定代表人、财务负责人"
                       "通过个人所得税APP、WEB端重置申报密码", MessageKind.LOCKED)
