"""实名等级 (FAQ 5): 【个人实名等级】 shows the level and, for 三级, a QR code to scan with the 青岛税务APP
(手机税税通), whose face check raises it to 四级; a key business (the suite's assumption: 发票开具 on the 首页)
asks a 三级 person for the face check first.

The app's side is `LevelScans.confirm` (the hooks' `qingdao.level_scan` calls it until the simulated app does).
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form, Hook
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import Message, MessageKind, View
from simulator.qingdao.face import FaceFlow, FaceRequest
from simulator.qingdao.home import KEY_BUSINESS, back_home, require_login
from simulator.qingdao.screens import QdScreen, Qingdao

FULL_LEVEL = 4
_PURPOSE = "key-business"


class LevelScans:
    """QR codes shown on 【个人实名等级】, one live per person; the app confirms one after its face check."""

    def __init__(self, qd: Qingdao) -> None:
        self._qd, self._lock = qd, threading.Lock()
        self._tokens: dict[str, str] = {}  # document number → token shown

    def issue(self, document_number: str) -> str:
        with self._lock:
            return self._tokens.setdefault(document_number, secrets.token_urlsafe(12))

    def confirm(self, document_number: str, token: str | None, face_passed: bool) -> bool:
        """The person scanned (this token, or the one shown to them) and passed the app's face check: 四级."""
        with self._lock:
            shown = self._tokens.get(document_number)
            if shown is None or (token is not None and token != shown) or not face_passed:
                return False
            del self._tokens[document_number]
        if not deviations.on("QD_LEVEL_SCAN_IGNORED"):  # the app's face check answered, not heeded
            self._qd.people.set_level(document_number, FULL_LEVEL)
        return True

    def reset_state(self) -> None:
        with self._lock:
            self._tokens.clear()


class RealNameLevelFlow(FlowBase):
    """【个人实名等级】 and the key business behind the face check."""

    def __init__(self, qd: Qingdao, face: FaceFlow, scans: LevelScans) -> None:
        self._qd, self._face, self.scans = qd, face, scans
        face.purpose(_PURPOSE, self._passed)

    def screens(self) -> Iterable[str]:
        return (QdScreen.REAL_NAME_LEVEL, QdScreen.KEY_BUSINESS)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(QdScreen.REAL_NAME_LEVEL, "刷新"): lambda s, _: s.go(QdScreen.REAL_NAME_LEVEL),
                (QdScreen.REAL_NAME_LEVEL, "返回"): lambda s, _: s.go(QdScreen.ACCOUNT_CENTER),
                (QdScreen.HOME, KEY_BUSINESS): self._key_business, (QdScreen.KEY_BUSINESS, "返回"): back_home}

    def hooks(self) -> Mapping[str, Hook]:
        return {"qingdao.level_scan": self._scan_hook}

    def reset_state(self) -> None:
        self.scans.reset_state()

    def render(self, session: PortalSession) -> View:
        person = self._qd.people.account(require_login(self._qd, session) or "")
        if person is None:
            return View(session.screen, message=session.message)
        if session.screen == QdScreen.KEY_BUSINESS:
            return View(QdScreen.KEY_BUSINESS, controls=("返回",), message=session.message,
                        rows=(("姓名", person.name),), template="qd_page",
                        extras={"intro": "发票开具（关键业务）：已通过实名核验，可以办理。"})
        rows = (("个人实名等级", person.level_word),)
        extras: dict[str, Any] = {}
        if person.level < FULL_LEVEL:
            token = self.scans.issue(person.document_number)
            extras = {"intro": "请使用青岛税务APP（手机税税通）扫描二维码进行扫脸认证，提升实名等级至四级。",
                      "qr": f"qingdao-level:{token}"}
        return View(QdScreen.REAL_NAME_LEVEL, controls=("刷新", "返回"), message=session.message, rows=rows,
                    template="qd_page", extras=extras)

    def _key_business(self, session: PortalSession, _: Form) -> None:
        person = self._qd.people.account(require_login(self._qd, session) or "")
        if person is None:
            return
        if person.level >= FULL_LEVEL or deviations.on("QD_KEY_BUSINESS_WITHOUT_FACE"):
            session.go(QdScreen.KEY_BUSINESS)
            return
        self._face.start(session, FaceRequest(_PURPOSE, person.name, person.document_number, QdScreen.HOME))
        session.message = Message("办理该业务需先进行扫脸认证，提升实名等级至四级", MessageKind.INFO)

    def _passed(self, session: PortalSession, request: FaceRequest) -> None:
        self._qd.people.set_level(request.document_number, FULL_LEVEL)
        session.go(QdScreen.KEY_BUSINESS, Message("扫脸认证通过，实名等级已提升至四级", MessageKind.SUCCESS))

    def _scan_hook(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        number, token, passed = payload.get("document_number"), payload.get("token"), payload.get("face_match", True)
        if not isinstance(number, str) or not number.strip() or not isinstance(token, str | None):
            raise SeedError("'document_number' must be a non-empty string and 'token' a string or null")
        if not isinstance(passed, bool):
            raise SeedError("'face_match' must be true or false")
        confirmed = self.scans.confirm(number.strip().upper(), token, passed)
        return {"document_number": number.strip().upper(), "confirmed": confirmed}
