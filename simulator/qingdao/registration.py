"""【用户注册】 under 自然人业务 (FAQ 3–7): 身份信息校验, 基本信息填写, 人脸识别认证 — only a passed face registers,
at 实名等级 四级 (FAQ 5). The four documents of FAQ 6 need the hall's real-name collection first."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.qingdao.access import log_out
from simulator.qingdao.account_center import user_name_problem
from simulator.qingdao.face import FaceFlow, FaceRequest
from simulator.qingdao.passwords import AGAIN, RULE, new_password_problem
from simulator.qingdao.people import DuplicateUserName, QdPerson
from simulator.qingdao.screens import BUSINESS, NATURAL, QdScreen, Qingdao
from vocabulary import qingdao_documents as documents

TYPE, NUMBER, NAME = "证件类型", "证件号码", "姓名"
PHONE, USER_NAME, PASSWORD = "手机号码", "用户名", "密码"
NEXT, BACK = "下一步", "返回"
HALL_FIRST = "使用该证件注册，请先前往办税服务场所采集实名信息，再通过电子税务局完成用户注册"
REGISTERED = "注册成功，实名等级为四级，请通过自然人业务入口登录"
_DRAFT, _PURPOSE = "qingdao.registration", "registration"


@dataclass(frozen=True)
class Draft:
    document_type: str
    document_number: str
    name: str
    phone: str = ""
    user_name: str = ""
    password_hash: str = ""


class RegistrationFlow(FlowBase):
    """Nothing is stored before the face passes; a failed face can be tried again (FAQ 7)."""

    def __init__(self, qd: Qingdao, face: FaceFlow) -> None:
        self._qd, self._face = qd, face
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
            return View(QdScreen.REGISTER_BASIC, fields=(PHONE, USER_NAME, PASSWORD, AGAIN), controls=(NEXT, BACK),
                        message=session.message, values=dict(session.values),
                        extras={"intro": "基本信息填写（用户名可不填）", "hint": RULE})
        return View(QdScreen.REGISTER_IDENTITY, fields=(TYPE, NUMBER, NAME), controls=(NEXT, BACK),
                    message=session.message, values=dict(session.values), options={TYPE: documents.ALL},
                    extras={"intro": "身份信息校验"})

    def _open(self, session: PortalSession, _: Form) -> None:
        session.state.pop(_DRAFT, None)
        session.go(QdScreen.REGISTER_IDENTITY, values={TYPE: documents.DIRECT[0]})

    def _identity(self, session: PortalSession, form: Form) -> None:
        kind = documents.canonical(form.get(TYPE, "")) or ""
        number, name = form.get(NUMBER, "").strip().upper(), form.get(NAME, "").strip()
        kept = {TYPE: kind, NUMBER: number, NAME: name}
        problem = self._identity_problem(kind, number, name)
        if problem is not None:
            session.go(QdScreen.REGISTER_IDENTITY, refused(problem), kept)
            return
        session.state[_DRAFT] = Draft(kind, number, name)
        session.go(QdScreen.REGISTER_BASIC)

    def _identity_problem(self, kind: str, number: str, name: str) -> str | None:
        if not kind:
            return "请选择证件类型"
        if not name or not number:
            return "请输入证件号码和姓名"
        problem = documents.number_problem(kind, number)
        if problem is not None:
            return problem
        known = self._qd.people.find(number)
        if known is not None and known.registered:
            return "该证件号码已注册，请直接登录"
        if kind in documents.HALL_FIRST:
            collected = known is not None and known.document_type == kind and known.name == name
            if not collected:
                return HALL_FIRST
        return None

    def _basic(self, session: PortalSession, form: Form) -> None:
        draft = session.state.get(_DRAFT)
        if not isinstance(draft, Draft):
            session.go(QdScreen.REGISTER_IDENTITY, refused("请先完成身份信息校验"))
            return
        phone, user_name = form.get(PHONE, "").strip(), form.get(USER_NAME, "").strip()
        problem = None if phone.isdigit() and len(phone) == 11 and phone.startswith("1") else "请输入正确的11位手机号码"
        if problem is None and user_name:
            problem = user_name_problem(user_name)
            if problem is None and self._qd.people.find_by_user_name(user_name) is not None:
                problem = f"用户名「{user_name}」已被使用"
        if problem is None:
            problem = new_password_problem(form, None, PASSWORD)
        if problem is not None:
            session.go(QdScreen.REGISTER_BASIC, refused(problem), {PHONE: phone, USER_NAME: user_name})
            return
        session.state[_DRAFT] = Draft(draft.document_type, draft.document_number, draft.name, phone, user_name,
                                      hash_password(form.get(PASSWORD, "")))
        self._face.start(session, FaceRequest(_PURPOSE, draft.name, draft.document_number, QdScreen.REGISTER_BASIC))

    def _face_passed(self, session: PortalSession, _: FaceRequest) -> None:
        draft = session.state.get(_DRAFT)
        if not isinstance(draft, Draft):
            log_out(session)
            return
        try:
            registered = self._qd.people.register(QdPerson(
                draft.document_number, draft.document_type, draft.name, draft.phone, draft.user_name or None, None,
                draft.password_hash, False, 4, True))
        except DuplicateUserName as taken:
            session.go(QdScreen.REGISTER_BASIC, refused(str(taken)))
            return
        if not registered:  # registered meanwhile in another session
            session.state.pop(_DRAFT, None)
            session.go(QdScreen.REGISTER_IDENTITY, refused("该证件号码已注册，请直接登录"))
            return
        session.state.clear()
        session.state[BUSINESS] = NATURAL
        session.go(QdScreen.LOGIN, Message(REGISTERED, MessageKind.SUCCESS))
