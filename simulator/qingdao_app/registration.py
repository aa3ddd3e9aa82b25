"""注册 in the 青岛税务APP (FAQ 6: the seven documents 可以直接通过电子税务局网页版或青岛税务APP（手机税税通）注册用户).

The same three parts as the web's 【用户注册】 (FAQ 3: 身份信息校验, 基本信息填写, 人脸识别认证) and the same rules —
the e-tax bureau's, through the port `Registrations`: the four documents only after the hall's collection, nothing
stored before the face passes, then registered at 四级 in the one Qingdao user store (the web's 自然人业务 logs him
in). The app's screens and the name 注册 are the suite's assumption; no guide shows the app.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping

from simulator.common.face_capture import PHOTO, face_passes
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.external.face import FaceComparison
from simulator.qingdao_app.app_login import REGISTER
from simulator.qingdao_app.people import Registrations
from simulator.qingdao_app.screens import QdAppScreen, shown
from vocabulary import qingdao_documents as documents

TYPE, NUMBER, NAME, PHONE, USER_NAME = "证件类型", "证件号码", "姓名", "手机号码", "用户名"
PASSWORD, AGAIN, NEXT, BACK, SHOOT = "密码", "确认密码", "下一步", "返回", "拍摄"
REGISTERED = "注册成功，实名等级为四级，可登录青岛税务APP或通过电子税务局自然人业务入口登录"
FACE_FAILED = "人脸识别认证未通过，请本人重新拍摄；如仍无法通过，请前往办税服务厅进行实名信息采集"
_DRAFT, _WHO = "qingdao_app.registration", "qingdao_app.registration.who"


class AppRegistrationFlow(FlowBase):
    """A failed face keeps the camera open and stores nothing (FAQ 7); only a pass registers."""

    def __init__(self, registrations: Registrations, face: FaceComparison) -> None:
        self._rules, self._face = registrations, face

    def screens(self) -> Iterable[str]:
        return (QdAppScreen.REGISTER_IDENTITY, QdAppScreen.REGISTER_BASIC, QdAppScreen.REGISTER_FACE)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(QdAppScreen.LOGIN, REGISTER): self._open,
                (QdAppScreen.REGISTER_IDENTITY, NEXT): self._identity,
                (QdAppScreen.REGISTER_IDENTITY, BACK): self._cancel,
                (QdAppScreen.REGISTER_BASIC, NEXT): self._basic,
                (QdAppScreen.REGISTER_BASIC, BACK): lambda s, _: s.go(QdAppScreen.REGISTER_IDENTITY),
                (QdAppScreen.REGISTER_FACE, SHOOT): self._capture,
                (QdAppScreen.REGISTER_FACE, BACK): lambda s, _: s.go(QdAppScreen.REGISTER_BASIC)}

    def render(self, session: PortalSession) -> View:
        screen = QdAppScreen(session.screen)
        if screen is QdAppScreen.REGISTER_FACE:
            return View(shown(screen), controls=(SHOOT, BACK), message=session.message,
                        values={PHOTO: secrets.token_hex(32)}, template="app_face_capture")
        if screen is QdAppScreen.REGISTER_BASIC:
            return View(shown(screen), fields=self._rules.basic_fields(), controls=(NEXT, BACK),
                        message=session.message, values=dict(session.values),
                        extras={"intro": "基本信息填写（用户名可不填）"})
        return View(shown(QdAppScreen.REGISTER_IDENTITY), fields=(TYPE, NUMBER, NAME), controls=(NEXT, BACK),
                    message=session.message, values=dict(session.values), options={TYPE: documents.ALL},
                    extras={"intro": "身份信息校验"})

    def _open(self, session: PortalSession, _: Form) -> None:
        session.state.clear()
        session.go(QdAppScreen.REGISTER_IDENTITY, values={TYPE: documents.DIRECT[0]})

    def _cancel(self, session: PortalSession, _: Form) -> None:
        session.state.clear()
        session.go(QdAppScreen.LOGIN)

    def _identity(self, session: PortalSession, form: Form) -> None:
        kind, number, name = form.get(TYPE, ""), form.get(NUMBER, "").strip().upper(), form.get(NAME, "").strip()
        checked = self._rules.identity(kind, number, name)
        if isinstance(checked, str):
            session.go(QdAppScreen.REGISTER_IDENTITY, refused(checked), {TYPE: kind, NUMBER: number, NAME: name})
            return
        session.state.update({_DRAFT: checked, _WHO: (name, number)})
        session.go(QdAppScreen.REGISTER_BASIC)

    def _basic(self, session: PortalSession, form: Form) -> None:
        if _DRAFT not in session.state:
            session.go(QdAppScreen.REGISTER_IDENTITY, refused("请先完成身份信息校验"))
            return
        filled = self._rules.basic(session.state[_DRAFT], form)
        if isinstance(filled, str):
            session.go(QdAppScreen.REGISTER_BASIC, refused(filled),
                       {PHONE: form.get(PHONE, "").strip(), USER_NAME: form.get(USER_NAME, "").strip()})
            return
        session.state[_DRAFT] = filled
        session.go(QdAppScreen.REGISTER_FACE)

    def _capture(self, session: PortalSession, form: Form) -> None:
        who = session.state.get(_WHO)
        if _DRAFT not in session.state or not isinstance(who, tuple):
            session.go(QdAppScreen.REGISTER_IDENTITY, refused("请先完成身份信息校验"))
            return
        if not face_passes(self._face, who[0], who[1], form, session, QdAppScreen.REGISTER_FACE,
                           FACE_FAILED):
            return
        problem = self._rules.register(session.state[_DRAFT])
        if problem is not None:
            session.go(QdAppScreen.REGISTER_BASIC, refused(problem))
            return
        session.state.clear()
        session.go(QdAppScreen.LOGIN, Message(REGISTERED, MessageKind.SUCCESS))
