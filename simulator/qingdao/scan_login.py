"""扫码登录 (FAQ 11): the login page's 扫码登录 shows a QR code for “青岛税务APP扫码登录”, “个人所得税APP扫码登录” or
“电子营业执照扫码”; the phone that scans it signs this web session in (the app's business, or 个人业务, or the licence's
enterprise). No second factor follows: the phone's own sign-in is the person's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form, Hook
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import Message, MessageKind, View
from simulator.its.qr_login import qr_svg
from simulator.qingdao.access import enter
from simulator.qingdao.lockout import LOCKED
from simulator.qingdao.screens import BUSINESS, ENTERPRISE, ENTERPRISE_CHOSEN, NATURAL, QdScreen, Qingdao, logged_in
from simulator.qingdao_app.codes import IIT_APP_LOGIN, LICENCE_LOGIN, QINGDAO_APP_LOGIN, ScanCodes
from simulator.qingdao_app.people import AppPerson
from simulator.qingdao_app.screens import ENTERPRISE_BUSINESS

SCAN_LOGIN = "扫码登录"
SCAN_SCREEN = "青岛:扫码登录"
#: FAQ 11 quotes the three ways: “青岛税务APP扫码登录”、“个人所得税APP扫码登录”、“电子营业执照扫码”.
SCANS = (QINGDAO_APP_LOGIN, IIT_APP_LOGIN, LICENCE_LOGIN)
#: The simulator's own labels (the guide names none): a new code, and back to the password methods.
REFRESH, BACK = "刷新二维码", "返回密码登录"
#: Which web session showed a code, and which person: the enterprise a scan logged in for (企业业务).
SCANNED_ENTERPRISE = "qingdao.scan.enterprise"
_HOW = {QINGDAO_APP_LOGIN: "请使用青岛税务APP（手机税税通）扫描二维码登录：APP登录企业业务的，网页登录企业业务；"
                           "登录个人业务的，网页登录个人业务。",
        IIT_APP_LOGIN: "请使用已登录的个人所得税APP扫描二维码，登录个人业务。",
        LICENCE_LOGIN: "请使用电子营业执照扫描二维码登录企业业务。"}
_KIND = "qingdao.scan.kind"


class ScanLogin:
    """The login page's method: 【登录】 (or one of the three) shows the code for the way chosen."""

    name = SCAN_LOGIN

    def __init__(self, qd: Qingdao, codes: ScanCodes) -> None:
        self._qd, self._codes = qd, codes

    def fields(self, session: PortalSession) -> tuple[str, ...]:
        return ()

    def controls(self, session: PortalSession) -> tuple[str, ...]:
        words = {QINGDAO_APP_LOGIN: "青岛税务APP扫码" if deviations.on("QD_QINGDAO_APP_SCAN_WORD") else None,
                 LICENCE_LOGIN: "营业执照扫码" if deviations.on("QD_LICENCE_SCAN_WORD") else None}
        return tuple(words.get(kind) or kind for kind in SCANS)

    def actions(self) -> Mapping[str, Action]:
        return {kind: self._shower(kind) for kind in SCANS}

    def _shower(self, kind: str) -> Action:
        return lambda session, _: self.show(session, kind)

    def submit(self, session: PortalSession, form: Form) -> None:
        self.show(session, QINGDAO_APP_LOGIN)

    def show(self, session: PortalSession, kind: str) -> None:
        session.state[_KIND] = kind
        self._codes.issue(session.id, kind, self._qd.clock.now())
        session.go(SCAN_SCREEN)


class ScanPageFlow(FlowBase):
    """The code's page: the code (a real QR image), its way, the other ways, 【刷新二维码】 when it has expired."""

    def __init__(self, qd: Qingdao, codes: ScanCodes, method: ScanLogin) -> None:
        self._qd, self._codes, self._method = qd, codes, method

    def screens(self) -> Iterable[str]:
        return (SCAN_SCREEN,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(SCAN_SCREEN, REFRESH): lambda s, _: self._method.show(s, str(s.state.get(_KIND))),
                (SCAN_SCREEN, BACK): self._back,
                **{(SCAN_SCREEN, kind): self._method.actions()[kind] for kind in SCANS}}

    def hooks(self) -> Mapping[str, Hook]:
        return {"qingdao.qr.current": self.current}

    def render(self, session: PortalSession) -> View:
        found, now = self._codes.latest(session.id), self._qd.clock.now()
        kind = str(session.state.get(_KIND) or QINGDAO_APP_LOGIN)
        token = None if found is None else found[0]
        expired = token is None or token.problem(now) is not None
        controls = (*SCANS, *((REFRESH,) if expired else ()), BACK)
        return View(SCAN_SCREEN, tab=f"{SCAN_LOGIN}-{kind}", controls=controls, message=session.message,
                    template="qd_scan_login", extras={
                        "qr_svg": "" if token is None else qr_svg(token.payload), "expired": expired, "kind": kind,
                        "expires_in": 0 if token is None else math.ceil(token.seconds_left(now)), "intro": _HOW[kind]})

    def _back(self, session: PortalSession, _: Form) -> None:
        self._codes.void(session.id)
        session.state.pop(_KIND, None)
        session.go(QdScreen.LOGIN)

    def current(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """qingdao.qr.current: the code shown last (to `session`, if given): payload, way, state, seconds left."""
        session = payload.get("session")
        if session is not None and not isinstance(session, str):
            raise SeedError("qingdao.qr.current: 'session' must be a portal session id (a string)")
        found = self._codes.latest(session)
        if found is None:
            return {"token": None, "state": None}
        token, _, kind = found
        now = self._qd.clock.now()
        return {"token": token.value, "payload": token.payload, "kind": kind, "state": token.state(now),
                "expires_in_seconds": token.seconds_left(now)}


class QingdaoWebSignIn:
    """What a phone's scan does to the web session: the person is in, in the scan's business (FAQ 11 注意)."""

    def __init__(self, qd: Qingdao) -> None:
        self._qd = qd

    def sign_in(self, session: PortalSession, person: AppPerson, business: str, tax_id: str | None) -> None:
        # FAQ 14: failures count per 认证方式; 扫码登录 has its own (a scan itself never fails here, so only a
        # deviation that adds up every method's failures can ever find it locked).
        if self._qd.lockout.locked(person.document_number, SCAN_LOGIN, self._qd.today()):
            session.go(session.screen, Message(LOCKED, MessageKind.LOCKED))
            return
        session.state.clear()
        session.state[BUSINESS] = ENTERPRISE if business == ENTERPRISE_BUSINESS \
            or deviations.on("QD_SCAN_BUSINESS_IGNORED") else NATURAL  # FAQ 11 注意: the app's business
        if tax_id is not None:
            session.state[ENTERPRISE_CHOSEN] = tax_id  # the scan names the enterprise: nothing to choose after
        enter(self._qd, session, person.document_number)
        if tax_id is not None and logged_in(session):
            session.state[SCANNED_ENTERPRISE] = tax_id

    def person_of(self, session: PortalSession) -> str | None:
        return logged_in(session)

    def awaiting_scan(self, session: PortalSession) -> bool:
        return session.screen == SCAN_SCREEN
