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

from collections.abc import Mapping, Sequence
from typing import Any

from simulator.common.backstage import Backstage, ShortcutFlow, scratch
from simulator.common.flow import Flow, Form, Hook
from simulator.common.handoff import Handoffs
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import MessageKind
from simulator.liaoning.credentials import AGREEMENT, TICKED
from simulator.liaoning.screens import ETAX, NORMAL_LOGIN, PASSWORD_LOGIN, LnScreen
from simulator.liaoning.seeds import tax_id_of, text_of

CAPABILITY = "enterprise.logged_in"


def _secret(payload: Mapping[str, Any], key: str) -> str:
    """A password as typed (not stripped: a space may be part of it)."""
    value = payload.get(key)
    if not isinstance(value, str) or not value:
        raise SeedError(f"'{key}' must be a non-empty string")
    return value


class EnterpriseLoggedIn(ShortcutFlow):
    """Owns no screen; offers enterprise.logged_in."""

    def __init__(self, flows: Sequence[Flow], handoffs: Handoffs) -> None:
        self._backstage, self._handoffs = Backstage(flows), handoffs

    def hooks(self) -> Mapping[str, Hook]:
        return {CAPABILITY: self.logged_in}

    def logged_in(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        tax_id, number = tax_id_of(payload), text_of(payload, "id_number").upper()
        enterprise_password, personal_password = _secret(payload, "enterprise_password"), _secret(
            payload, "personal_password")
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
        return {"open": self._handoffs.address(self._handoffs.mint(ETAX, session))}

    def _pick(self, session: PortalSession, number: str) -> None:
        """办税人员选择: the person's button (it posts the ID number; it is labelled with the name)."""
        buttons: Mapping[str, str] = self._backstage.view(session).extras.get("buttons", {})
        if number not in buttons.values():
            raise SeedError(f"「{LnScreen.HANDLERS}」页面上没有证件号码为 {number} 的办税人")
        self._press(session, number, expected=LnScreen.IDENTITY, shown=False)

    def _press(self, session: PortalSession, control: str, form: Form | None = None, *, expected: str,
               shown: bool = True) -> None:
        """The control pressed as the page shows it; a refusal, or another page than `expected`, is the caller's
        error in the page's words."""
        self._backstage.press(session, control, form, as_shown=shown)
        message = session.message
        if message is not None and message.kind in (MessageKind.REFUSED, MessageKind.LOCKED):
            raise SeedError(message.text)
        if session.screen != expected:
            raise SeedError(f"【{control}】后未进入「{expected}」（停留在「{session.screen}」）")
