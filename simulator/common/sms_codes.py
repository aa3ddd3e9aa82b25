"""SMS verification codes (短信验证码): sent through the gateway, checked once, readable by the hooks."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from simulator.clock import Clock
from simulator.common.flow import Hook
from simulator.common.sessions import ACTING_SESSION
from simulator.common.test_control import SeedError
from simulator.common.views import Message, MessageKind, refused
from simulator.external.script import ExternalServiceError
from simulator.external.sms import SmsGateway

#: The guides fix no lifetime for an SMS code; the simulator's own default, never asserted by scenarios.
CODE_LIFETIME = timedelta(minutes=5)
#: Wrong entries a code survives (no guide fixes it): the 5th wrong one voids it, and a new code is needed.
MAX_WRONG_ENTRIES = 5
VOIDED = "短信验证码错误次数过多，已失效，请重新获取"


@dataclass(frozen=True)
class SentCode:
    phone: str
    purpose: str
    code: str
    text: str
    sent_at: datetime
    session: str | None = None  # the portal session whose request sent it


class SmsCodes:
    """One live code per (phone, purpose); a new request replaces it; a correct check uses it up; the 5th wrong entry
    voids it (so 300 guesses cannot find it: 5 per code sent)."""

    def __init__(self, gateway: SmsGateway, clock: Clock, lifetime: timedelta = CODE_LIFETIME) -> None:
        self._gateway, self._clock, self._lock = gateway, clock, threading.Lock()
        self._lifetime = lifetime
        self._live: dict[tuple[str, str], SentCode] = {}
        self._wrong: dict[tuple[str, str], int] = {}
        self._outbox: list[SentCode] = []

    def send(self, phone: str, purpose: str, sender: str = "自然人电子税务局") -> Message:
        """【获取验证码】: a clear refusal when the gateway fails; nothing is kept then."""
        if not (phone.isdigit() and len(phone) == 11):
            return refused("请输入正确的11位手机号码")
        code = f"{secrets.randbelow(10**6):06d}"
        text = f"【{sender}】您的验证码为{code}，{int(self._lifetime.total_seconds() // 60)}分钟内有效。"
        try:
            self._gateway.send(phone, text)
        except ExternalServiceError as failure:
            return refused(str(failure))
        sent = SentCode(phone, purpose, code, text, self._clock.now(), ACTING_SESSION.get())
        with self._lock:
            self._live[(phone, purpose)] = sent
            self._wrong.pop((phone, purpose), None)
            self._outbox.append(sent)
        return Message(f"验证码已发送至手机尾号{phone[-4:]}", MessageKind.INFO)

    def check(self, phone: str, purpose: str, typed: str) -> str | None:
        """None when the code is right (and then used up), else why not, in Chinese."""
        with self._lock:
            sent = self._live.get((phone, purpose))
            if sent is None:
                return "请先获取短信验证码"
            if self._clock.now() >= sent.sent_at + self._lifetime:
                return "短信验证码已过期，请重新获取"
            if typed.strip() != sent.code:
                wrong = self._wrong.get((phone, purpose), 0) + 1
                if wrong >= MAX_WRONG_ENTRIES:
                    del self._live[(phone, purpose)]
                    self._wrong.pop((phone, purpose), None)
                    return VOIDED
                self._wrong[(phone, purpose)] = wrong
                return "短信验证码错误"
            del self._live[(phone, purpose)]
            self._wrong.pop((phone, purpose), None)
            return None

    def hooks(self) -> Mapping[str, Hook]:
        return {"sms.outbox": self._outbox_hook}

    def _outbox_hook(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Messages to a phone and/or sent while serving a session (or by no session), oldest first, with codes.

        With both, the session narrows the phone's messages but never hides them all: a person may have asked
        for the code in another entry's session of the same browser.
        """
        phone, session = payload.get("phone"), payload.get("session")
        if (phone is None and session is None) or not all(isinstance(v, str | None) for v in (phone, session)):
            raise SeedError("sms.outbox needs 'phone' (a string), or 'session' (a portal session id), or both")
        with self._lock:
            to_phone = [s for s in self._outbox if phone is None or s.phone == phone]
        sent = [s for s in to_phone if session is None or s.session in (session, None)]
        if phone is not None and not sent:  # sent in another session of the same person (another entry): keep it
            sent = to_phone
        return {"messages": [{"text": s.text, "code": s.code, "purpose": s.purpose, "sent_at": s.sent_at.isoformat(),
                              "phone": s.phone} for s in sent]}

    def reset_state(self) -> None:
        with self._lock:
            self._live.clear()
            self._wrong.clear()
            self._outbox.clear()
