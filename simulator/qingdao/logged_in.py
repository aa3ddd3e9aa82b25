"""qingdao.logged_in: a person logged in at the 自然人业务 entry of the Qingdao e-tax bureau (证件号码 and the
personal user password, then the SMS as the second factor), handed to the browser on its 首页 (docs/vendors.md,
"Optional shortcuts").

Where a scenario needs the login only as its history (「…已在自然人业务入口登录电子税务局」), the suite asks for it
here and opens the answered address in its browser, which lands on the 首页 as that person; the scenarios whose 当
is the login walk the pages. The simulator presses its own login page's controls on a scratch session —
【自然人业务】, 【证件号码登录】, 证件号码, 密码 (and its own captcha's answer where the variant asks one), 【登录】;
【获取验证码】, the code sent, 【确定】 — with the same checks, lockouts, variant readings and deviation switches as
the pages, then mints a one-time ticket for that session (simulator/common/handoff.py). A refusal on the way, or a
person who must first change an initial password (FAQ 8), is the caller's error (400) in the pages' words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from simulator.common.backstage import HandoffFlow, payload_text, scratch
from simulator.common.flow import Flow, Hook
from simulator.common.handoff import Handoffs
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.test_control import SeedError
from simulator.qingdao.access import CAPTCHA
from simulator.qingdao.methods import DOCUMENT_LOGIN
from simulator.qingdao.screens import ETAX, NATURAL, QdScreen, sms_purpose
from simulator.qingdao.second_factor import CONFIRM, SEND, SMS_CODE

CAPABILITY = "qingdao.logged_in"
LOG_IN = "登录"


class QingdaoLoggedIn(HandoffFlow):
    """Owns no screen; offers qingdao.logged_in."""

    def __init__(self, flows: Sequence[Flow], sms_codes: SmsCodes, handoffs: Handoffs) -> None:
        super().__init__(flows, handoffs)
        self._sms = sms_codes

    def hooks(self) -> Mapping[str, Hook]:
        return {CAPABILITY: self.logged_in}

    def logged_in(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        number = payload_text(payload, "document_number").upper()
        password = payload_text(payload, "password", strip=False)
        session = scratch(QdScreen.LOGIN)
        for control in (NATURAL, DOCUMENT_LOGIN):
            self._press(session, control, expected=QdScreen.LOGIN)
        asked = self._backstage.view(session).fields  # drawing the variant's captcha, if it asks one
        typed = {"证件号码": number, "密码": password,
                 **({CAPTCHA: session.captcha_answer or ""} if CAPTCHA in asked else {})}
        self._press(session, LOG_IN, typed, expected=(QdScreen.SECOND_FACTOR, QdScreen.HOME))
        if session.screen == QdScreen.SECOND_FACTOR:  # a portal whose password alone lets in skips it
            self._press(session, SEND, expected=QdScreen.SECOND_FACTOR)
            self._press(session, CONFIRM, {SMS_CODE: self._code(session, number)}, expected=QdScreen.HOME)
        return self._hand_over(ETAX, session)

    def _code(self, session: PortalSession, number: str) -> str:
        """The code just sent for this login, read as the suite reads it (sms.outbox of the session)."""
        purpose = sms_purpose(number, "login")
        sent = self._sms.hooks()["sms.outbox"]({"session": session.origin})["messages"]
        codes = [str(message["code"]) for message in sent if message["purpose"] == purpose]
        if not codes:
            raise SeedError("【获取验证码】后没有发出短信验证码")
        return codes[-1]
