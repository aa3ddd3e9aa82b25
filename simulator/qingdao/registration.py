"""【用户注册】 under 自然人业务 (FAQ 3–7): 身份信息校验, 基本信息填写, 人脸识别认证 — only a passed face registers,
at 实名等级 四级 (FAQ 5). The four documents of FAQ 6 need the hall's real-name collection first."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.qingdao.access import log_out
from simulator.qingdao.account_center import FIRST_COUNTS, FIRST_SETTING
from simulator.qingdao.face import FaceFlow, FaceRequest
from simulator.qingdao.passwords import AGAIN, RULE
from simulator.qingdao.registrar import ALREADY, PHONE, USER_NAME, Draft, Registrar
from simulator.qingdao.screens import BUSINESS, NATURAL, QdScreen, Qingdao
from vocabulary import qingdao_documents as documents

TYPE, NUMBER, NAME = "证件类型", "证件号码", "姓名"
NEXT, BACK = "下一步", "返回"
REGISTERED = "注册成功，实名等级为四级，请通过自然人业务入口登录"
_DRAFT, _PURPOSE = "qingdao.registration", "registration"


def registrar(qd: Qingdao) -> Registrar:
    """The registration rules with this portal's choices (a password step; where the four documents stop)."""
    counts = qd.variant.reads(FIRST_SETTING, FIRST_COUNTS)  # QD-R02: a name set at registration is the year's change
    return Registrar(qd.people, asks_password=qd.variant.qd_registration_password,
                     hall_check_after_basic=qd.variant.qd_hall_check_after_basic,
                     user_name_counts_from=qd.now if counts else None)


class RegistrationFlow(FlowBase):
    """Nothing is stored before the face passes; a failed face can be tried again (FAQ 7)."""

    def __init__(self, qd: Qingdao, face: FaceFlow) -> None:
        self._qd, self._face, self._registrar = qd, face, registrar(qd)
        face.purpose(_PURPOSE, self._face_passed)

    def screens(self) -> Iterable[str]:
        return (QdScreen.REGISTER_IDENTITY, QdScreen.REGISTER_BASIC)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(QdScreen.LOGIN, "用户注册"): self._open,
                (QdScreen.REGISTER_IDENTITY, NEXT): self._identity,
                (QdScreen.REGISTER_IDENTITY, BACK): lambda s, _: log_out(s),
                (QdScreen.REGISTER_BASIC, NEXT): self._basic,
                (QdScreen.REGISTER_BASIC, BACK): lambda s, _: s.go(QdScreen.REGISTER_IDENTITY)}

    def render(self, session: PortalSession) -> View:
        if session.screen == QdScreen.REGISTER_BASIC:
            asked = self._registrar.basic_fields()
            return View(QdScreen.REGISTER_BASIC, fields=asked, controls=(NEXT, BACK),
                        message=session.message, values=dict(session.values),
                        extras={"intro": "基本信息填写（用户名可不填）", **({"hint": RULE} if AGAIN in asked else {})})
        return View(QdScreen.REGISTER_IDENTITY, fields=(TYPE, NUMBER, NAME), controls=(NEXT, BACK),
                    message=session.message, values=dict(session.values), options={TYPE: documents.ALL},
                    extras={"intro": "身份信息校验"})

    def _open(self, session: PortalSession, _: Form) -> None:
        session.state.pop(_DRAFT, None)
        session.go(QdScreen.REGISTER_IDENTITY, values={TYPE: documents.DIRECT[0]})

    def _identity(self, session: PortalSession, form: Form) -> None:
        checked = self._registrar.identity(form.get(TYPE, ""), form.get(NUMBER, ""), form.get(NAME, ""))
        if isinstance(checked, str):
            kept = {TYPE: documents.canonical(form.get(TYPE, "")) or "", NUMBER: form.get(NUMBER, "").strip().upper(),
                    NAME: form.get(NAME, "").strip()}
            session.go(QdScreen.REGISTER_IDENTITY, refused(checked), kept)
            return
        session.state[_DRAFT] = checked
        session.go(QdScreen.REGISTER_BASIC)

    def _basic(self, session: PortalSession, form: Form) -> None:
        draft = session.state.get(_DRAFT)
        if not isinstance(draft, Draft):
            session.go(QdScreen.REGISTER_IDENTITY, refused("请先完成身份信息校验"))
            return
        filled = self._registrar.basic(draft, form)
        if isinstance(filled, str):
            session.go(QdScreen.REGISTER_BASIC, refused(filled),
                       {PHONE: form.get(PHONE, "").strip(), USER_NAME: form.get(USER_NAME, "").strip()})
            return
        session.state[_DRAFT] = filled
        if deviations.on("QD_REGISTRATION_WITHOUT_FACE"):  # registered without the face check
            self._face_passed(session, FaceRequest(_PURPOSE, draft.name, draft.document_number,
                                                   QdScreen.REGISTER_BASIC))
            return
        self._face.start(session, FaceRequest(_PURPOSE, draft.name, draft.document_number, QdScreen.REGISTER_BASIC))

    def _face_passed(self, session: PortalSession, _: FaceRequest) -> None:
        draft = session.state.get(_DRAFT)
        if not isinstance(draft, Draft):
            log_out(session)
            return
        problem = self._registrar.register(draft)
        if problem == ALREADY:  # registered meanwhile in another session
            session.state.pop(_DRAFT, None)
            session.go(QdScreen.REGISTER_IDENTITY, refused(problem))
            return
        if problem is not None:
            session.go(QdScreen.REGISTER_BASIC, refused(problem))
            return
        session.state.clear()
        session.state[BUSINESS] = NATURAL
        session.go(QdScreen.LOGIN, Message(REGISTERED, MessageKind.SUCCESS))
