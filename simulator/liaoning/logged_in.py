"""enterprise.logged_in: a person logged in to an enterprise on the Liaoning e-tax bureau (普通登录, the person,
「密码登录」), handed to the browser on the 电子税务局首页 (docs/vendors.md, "Optional shortcuts").

Where a scenario needs the login only to reach the page its rule is about (「…登录企业…并打开【企业人员维护】」),
the suite asks for it here and opens the answered address in its browser, which lands on the 首页 of that
enterprise as that person; the scenarios whose 当 is the login walk the pages. The simulator presses its own pages'
controls on a scratch session — 【企业登录】, 【普通登录】, 纳税人识别号, 企业密码, its own captcha's answer, the
agreement ticked, 【登录】; the person's button; 「密码登录」, the 个人密码, 【确定】 — with the same checks, variant
readings and deviation switches as the pages, then mints a one-time ticket for that session
(simulator/common/handoff.py). A refusal on the way is the caller's error (400) in the pages' words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.common.backstage import HandoffFlow, payload_text, scratch
from simulator.common.flow import Hook
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.liaoning.credentials import AGREEMENT, TICKED
from simulator.liaoning.screens import ETAX, NORMAL_LOGIN, PASSWORD_LOGIN, LnScreen
from simulator.liaoning.seeds import tax_id_of, text_of

CAPABILITY = "enterprise.logged_in"


class EnterpriseLoggedIn(HandoffFlow):
    """Owns no screen; offers enterprise.logged_in."""

    def hooks(self) -> Mapping[str, Hook]:
        return {CAPABILITY: self.logged_in}

    def logged_in(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        tax_id, number = tax_id_of(payload), text_of(payload, "id_number").upper()
        enterprise_password = payload_text(payload, "enterprise_password", strip=False)
        personal_password = payload_text(payload, "personal_password", strip=False)
        session = scratch(LnScreen.LOGIN)
        session.require_captcha()  # the page's captcha, drawn here: rendering it draws none for the registry
        for control in ("企业登录", NORMAL_LOGIN):
            self._press(session, control, expected=LnScreen.LOGIN)
        self._press(session, "登录", {"纳税人识别号": tax_id, "企业密码": enterprise_password,
                                     "验证码": session.captcha_answer or "", AGREEMENT: TICKED},
                    expected=LnScreen.HANDLERS)
        self._pick(session, number)
        self._press(session, PASSWORD_LOGIN, expected=LnScreen.IDENTITY)
        self._press(session, "确定", {"密码": personal_password}, expected=LnScreen.HOME)
        return self._hand_over(ETAX, session)

    def _pick(self, session: PortalSession, number: str) -> None:
        """办税人员选择: the person's button (it posts the ID number; it is labelled with the name)."""
        buttons: Mapping[str, str] = self._backstage.view(session).extras.get("buttons", {})
        if number not in buttons.values():
            raise SeedError(f"「{LnScreen.HANDLERS}」页面上没有证件号码为 {number} 的办税人")
        self._press(session, number, expected=LnScreen.IDENTITY, shown_only=False)
