"""【扫一扫】 in the 青岛税务APP: a web login code (Q11) signs the web in to the app's business; the 【个人实名等级】
page's code (Q5) opens the face capture, and a face the public-security comparison matches raises the person to 四级.

The camera is simulated: the scanned text is typed into 「二维码」 (the suite reads it through the hooks, as the
ITS QR login does); the face capture posts a frame the page holds, as the 个人所得税APP's camera does.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping

from simulator.clock import Clock
from simulator.common.face_capture import PHOTO, face_passes
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.qr import token_of
from simulator.external.face import FaceComparison
from simulator.qingdao_app.app_login import app_person
from simulator.qingdao_app.codes import QINGDAO_APP_LOGIN, ScanCodes
from simulator.qingdao_app.people import LevelScan, QingdaoPeople, WebSignIn
from simulator.qingdao_app.screens import BUSINESS, ENTERPRISE, PENDING_LEVEL_CODE, QdAppScreen, shown

CODE, CONFIRM, BACK, SHOOT = "二维码", "确认", "返回", "拍摄"
#: What the 【个人实名等级】 page's code reads (the Qingdao core draws it): this prefix, then its token.
LEVEL_PREFIX = "qingdao-level:"
LOGGED_IN = "扫码成功，网页端已登录"
RAISED = "扫脸认证通过，实名等级已提升至四级"
FACE_MISMATCH = "扫脸认证未通过：与公安人像数据比对不一致，请本人重新扫脸"


class QingdaoAppScanFlow(FlowBase):
    """A code is used once, before it expires, by a signed-in app user; a refusal changes nothing."""

    def __init__(self, people: QingdaoPeople, codes: ScanCodes, web: WebSignIn, levels: LevelScan,
                 face: FaceComparison, sessions: SessionRegistry, clock: Clock) -> None:
        self._people, self._codes, self._web, self._levels, self._face = people, codes, web, levels, face
        self._sessions, self._clock = sessions, clock

    def screens(self) -> Iterable[str]:
        return (QdAppScreen.SCAN, QdAppScreen.FACE)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        home = lambda s, _: s.go(QdAppScreen.HOME)  # noqa: E731
        return {(QdAppScreen.SCAN, CONFIRM): self._confirm, (QdAppScreen.SCAN, BACK): home,
                (QdAppScreen.FACE, SHOOT): self._capture, (QdAppScreen.FACE, BACK): home}

    def render(self, session: PortalSession) -> View:
        screen = QdAppScreen(session.screen)
        if app_person(self._people, session) is None:
            session.go(QdAppScreen.LOGIN, refused("请先登录青岛税务APP"))
            return View(shown(QdAppScreen.LOGIN), fields=("手机号码", "短信验证码"), controls=("获取验证码", "登录"),
                        message=session.message)
        if screen is QdAppScreen.SCAN:
            return View(shown(screen), fields=(CODE,), controls=(CONFIRM, BACK), message=session.message,
                        values=dict(session.values), extras={"intro": "将二维码放入框内，即可自动扫描"})
        return View(shown(screen), controls=(SHOOT, BACK), message=session.message,
                    values={PHOTO: secrets.token_hex(32)}, template="app_face_capture")

    def _confirm(self, session: PortalSession, form: Form) -> None:
        person, typed = app_person(self._people, session), form.get(CODE, "").strip()
        if person is not None and typed.startswith(LEVEL_PREFIX) and typed != LEVEL_PREFIX:
            session.state[PENDING_LEVEL_CODE] = typed.removeprefix(LEVEL_PREFIX)
            session.go(QdAppScreen.FACE)  # whose page showed it is checked with the face: confirm(…) below
            return
        found = self._codes.find(token_of(typed)) if typed else None
        if person is None or found is None or found[2] != QINGDAO_APP_LOGIN:
            session.go(QdAppScreen.SCAN, refused("无法识别的二维码，请扫描电子税务局网页上的二维码"))
            return
        token, web_id, _ = found
        problem = token.problem(self._clock.now())
        if problem is not None:
            session.go(QdAppScreen.SCAN, refused(problem.value.replace("客户端", "网页")))
            return
        web = self._sessions.get(web_id)
        if web.id != web_id or not self._web.awaiting_scan(web):  # the web page has moved on or ended meanwhile
            session.go(QdAppScreen.SCAN, refused("网页已失效，请刷新网页二维码后重新扫描"))
            return
        self._codes.mark_used(token, self._clock.now())
        enterprise = session.state.get(ENTERPRISE)
        self._web.sign_in(web, person, str(session.state.get(BUSINESS)), enterprise if isinstance(enterprise, str)
                          else None)
        session.go(QdAppScreen.HOME, Message(LOGGED_IN, MessageKind.SUCCESS))

    def _capture(self, session: PortalSession, form: Form) -> None:
        """【拍摄】: a mismatch, or the comparison down, keeps the camera open and changes nothing."""
        person, token = app_person(self._people, session), str(session.state.get(PENDING_LEVEL_CODE) or "")
        if person is None or not token:
            session.go(QdAppScreen.SCAN, refused("请先扫描【个人实名等级】页面上的二维码"))
            return
        if not face_passes(self._face, person.name, person.document_number, form, session, QdAppScreen.FACE,
                           FACE_MISMATCH):
            return
        session.state.pop(PENDING_LEVEL_CODE, None)
        if not self._levels.confirm(person.document_number, token, True):
            session.go(QdAppScreen.SCAN, refused("二维码已失效或不是本人的实名等级二维码，请刷新网页后重新扫描"))
            return
        session.go(QdAppScreen.HOME, Message(RAISED, MessageKind.SUCCESS))
