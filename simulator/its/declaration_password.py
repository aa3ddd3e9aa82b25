"""Checking a unit's 申报密码 (ITS §1.3): captcha once required, lock, password; 临时申报密码 when none is set."""

from __future__ import annotations

import math
import secrets
from datetime import datetime

from simulator.common import captcha
from simulator.common.passwords import hash_password, verify_password
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.views import Message, MessageKind, refused
from simulator.domain.units import MAX_DECLARATION_PASSWORD_FAILURES, Unit
from simulator.store.units import UnitStore

_TEMPORARY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


class DeclarationPasswords:
    """Verifies 申报密码 and issues 临时申报密码 (kept in memory so the hooks can read the last one)."""

    def __init__(self, units: UnitStore, sessions: SessionRegistry) -> None:
        self._units, self._sessions = units, sessions
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
        """None when the 申报密码 is right; else why not (a wrong one counts towards the lock)."""
        if session.captcha_required and not captcha.matches(typed_captcha, session.captcha_answer):
            self.new_captcha(session)
            return refused("请输入验证码" if not typed_captcha.strip() else "验证码错误，请重新输入")
        if unit.is_locked(now):
            return self.locked(unit, now)
        if not typed:
            return refused("请输入申报密码")
        if unit.password_hash is None or not verify_password(typed, unit.password_hash):
            unit = unit.after_wrong_password(now)
            self._units.save(unit)
            self.new_captcha(session)
            if unit.is_locked(now):
                return self.locked(unit, now)
            left = MAX_DECLARATION_PASSWORD_FAILURES - unit.failed_attempts
            return refused(f"申报密码错误，再错{left}次申报密码将被锁定")
        self._units.save(unit.after_success())
        session.captcha_required, session.captcha_answer = False, None
        return None

    def new_captcha(self, session: PortalSession) -> None:
        session.require_captcha()
        self._sessions.captcha_issued(session)

    @staticmethod
    def locked(unit: Unit, now: datetime) -> Message:
        assert unit.locked_until is not None
        minutes = math.ceil((unit.locked_until - now).total_seconds() / 60)
        return Message(f"申报密码错误次数过多，已被锁定，请{minutes}分钟后再试，或由法定代表人、财务负责人"
                       "通过个人所得税APP、WEB端重置申报密码", MessageKind.LOCKED)
