"""registration.verified: an ITS registration verified on the portal's side, handed to the browser on its login
settings page (ITS §2.1 ①②, §2.2.1(1)-(6), §2.2.2(1)-(5); docs/vendors.md, "Optional shortcuts").

Where a scenario needs a verified registration only as its precondition, the suite asks for it here and opens the
answered address in its browser, which lands on the login settings page (登录名 asked) of that registration; the
scenarios whose 当 are these steps walk the pages. The simulator presses its own pages' controls on a scratch
session — the controls each page shows, with the same checks, variant readings and deviation switches — then
mints a one-time ticket for that session (simulator/common/handoff.py). A refusal on the way is the caller's error
(400) in the pages' words.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from simulator.common.backstage import HandoffFlow, payload_text, scratch
from simulator.common.face_capture import PHOTO
from simulator.common.flow import Hook
from simulator.common.router import CLIENT
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import Screen
from simulator.natural_person.app_login_settings import SettingsScreen
from simulator.natural_person.app_registration import APP, CONSENT, FACE, HALL, TICKED, AppScreen
from simulator.natural_person.web_registration_common import WebScreen

CAPABILITY = "registration.verified"
WEB = "WEB"
#: The body's method → the control of the method on the pages (the guide's 【大厅注册码注册】, 【人脸识别认证注册】).
METHODS = {"大厅注册码": HALL, "人脸识别": FACE}
#: The channel → the entry whose session it is, and the screen its login settings are.
CHANNELS = {WEB: (CLIENT, WebScreen.LOGIN_SETTINGS), APP: (APP, SettingsScreen.SETTINGS)}


class PreparedRegistration(HandoffFlow):
    """Owns no screen; offers registration.verified."""

    def hooks(self) -> Mapping[str, Hook]:
        return {CAPABILITY: self.verified}

    def verified(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        channel, method = payload_text(payload, "channel"), payload_text(payload, "method")
        if channel not in CHANNELS:
            raise SeedError(f"'channel' must be one of {', '.join(CHANNELS)}")
        if method not in METHODS:
            raise SeedError(f"'method' must be one of {', '.join(METHODS)}")
        identity = {"姓名": payload_text(payload, "name"), "证件类型": payload_text(payload, "document_type"),
                    "证件号码": payload_text(payload, "document_number"),
                    "注册码": payload_text(payload, "code", required=method == "大厅注册码"),
                    "国籍": payload_text(payload, "nationality", required=False)}
        entry, settings = CHANNELS[channel]
        session = self._web(identity, METHODS[method]) if channel == WEB else self._app(identity, METHODS[method])
        self._expect(session, settings)
        return self._hand_over(entry, session)

    def _web(self, identity: Mapping[str, str], method: str) -> PortalSession:
        """§2 【立即注册】, §2.1 ① 【同意并继续】, ② the method, the identity, 【下一步】."""
        session = scratch(Screen.LOGIN)
        for control in ("立即注册", "同意并继续", method):
            self._press(session, control)
        self._press(session, "下一步", {f: identity[f] for f in ("注册码", "姓名", "证件类型", "证件号码")})
        return session

    def _app(self, identity: Mapping[str, str], method: str) -> PortalSession:
        """§2.2 【注册】, the method, 阅读并同意用户注册协议, the identity, 【下一步】 or 【开始人脸识别】 and 拍摄."""
        session = scratch(AppScreen.HOME)
        self._press(session, "注册")
        self._press(session, method)
        if session.screen == AppScreen.AGREEMENT:  # a portal may show a box to tick and 【下一步】 instead of 【同意】
            if self._backstage.offers(session, "同意"):
                self._press(session, "同意")
            else:
                self._press(session, "下一步", {CONSENT: TICKED})
        if method == HALL:
            self._press(session, "下一步", {f: identity[f] for f in ("注册码", "证件类型", "证件号码", "姓名", "国籍")})
            return session
        self._press(session, "开始人脸识别", {f: identity[f] for f in ("证件类型", "证件号码", "姓名")})
        self._press(session, "拍摄", {PHOTO: secrets.token_hex(32)})  # the camera's frame, as the page posts it
        return session

    @staticmethod
    def _expect(session: PortalSession, settings: str) -> None:
        if session.screen != settings:
            shown = str(session.screen).removeprefix("APP:")
            raise SeedError(f"身份验证后未进入登录设置页面（停留在「{shown}」）")
