"""【忘记密码】 (FAQ 8, 10 一): 证件号码, then 短信验证 to the account's phone or 扫脸验证, then a new password —
also for someone who does not remember whether they ever had one. Nothing changes before the phone or face is proven."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.qingdao.access import log_out
from simulator.qingdao.face import FaceFlow, FaceRequest
from simulator.qingdao.passwords import AGAIN, NEW, RULE, new_password_problem
from simulator.qingdao.people import QdPerson
from simulator.qingdao.screens import NOT_REGISTERED, SMS_SENDER, QdScreen, Qingdao, sms_purpose

NUMBER, PHONE, CODE = "证件号码", "手机号码", "短信验证码"
SEND, NEXT, FACE, CONFIRM, BACK = "获取验证码", "下一步", "扫脸验证", "确定", "返回"
_PROVEN, _PURPOSE = "qingdao.forgot.proven", "forgot-password"
DONE = "新密码设置成功，请使用新密码登录"


class ForgotPasswordFlow(FlowBase):
    """The person is proven by the SMS code to the account's phone, or by the face; then the new password."""

    def __init__(self, qd: Qingdao, face: FaceFlow) -> None:
        self._qd, self._face = qd, face
        face.purpose(_PURPOSE, self._face_passed)

    def screens(self) -> Iterable[str]:
        return (QdScreen.FORGOT, QdScreen.FORGOT_NEW)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(QdScreen.LOGIN, "忘记密码"): self._open,
                (QdScreen.FORGOT, SEND): self._send, (QdScreen.FORGOT, NEXT): self._by_sms,
                (QdScreen.FORGOT, FACE): self._by_face, (QdScreen.FORGOT, BACK): lambda s, _: log_out(s),
                (QdScreen.FORGOT_NEW, CONFIRM): self._save, (QdScreen.FORGOT_NEW, BACK): lambda s, _: log_out(s)}

    def render(self, session: PortalSession) -> View:
        if session.screen == QdScreen.FORGOT_NEW:
            return View(QdScreen.FORGOT_NEW, fields=(NEW, AGAIN), controls=(CONFIRM, BACK), message=session.message,
                        extras={"hint": RULE})
        return View(QdScreen.FORGOT, fields=(NUMBER, PHONE, CODE), controls=(SEND, NEXT, FACE, BACK),
                    message=session.message, values=dict(session.values),
                    extras={"intro": "通过短信验证或扫脸验证找回密码"})

    def _open(self, session: PortalSession, _: Form) -> None:
        session.state.pop(_PROVEN, None)
        session.go(QdScreen.FORGOT)

    def _person(self, session: PortalSession, form: Form) -> QdPerson | None:
        number = form.get(NUMBER, "").strip().upper()
        person = self._qd.people.account(number) if number else None
        if person is None:
            session.go(QdScreen.FORGOT, refused(NOT_REGISTERED if number else "请输入证件号码"), _kept(form))
        return person

    def _send(self, session: PortalSession, form: Form) -> None:
        person = self._person(session, form)
        if person is None:
            return
        if form.get(PHONE, "").strip() != person.phone:
            session.go(QdScreen.FORGOT, refused("手机号码与账户登记的不一致"), _kept(form))
            return
        sent = self._qd.sms_codes.send(person.phone, sms_purpose(person.document_number, "forgot"), SMS_SENDER)
        session.go(QdScreen.FORGOT, sent, _kept(form))

    def _by_sms(self, session: PortalSession, form: Form) -> None:
        person = self._person(session, form)
        if person is None:
            return
        problem = self._qd.sms_codes.check(person.phone, sms_purpose(person.document_number, "forgot"),
                                           form.get(CODE, ""))
        if problem is not None:
            session.go(QdScreen.FORGOT, refused(problem), _kept(form))
            return
        session.state[_PROVEN] = person.document_number
        session.go(QdScreen.FORGOT_NEW)

    def _by_face(self, session: PortalSession, form: Form) -> None:
        person = self._person(session, form)
        if person is not None:
            self._face.start(session, FaceRequest(_PURPOSE, person.name, person.document_number, QdScreen.FORGOT))

    def _face_passed(self, session: PortalSession, request: FaceRequest) -> None:
        session.state[_PROVEN] = request.document_number
        session.go(QdScreen.FORGOT_NEW)

    def _save(self, session: PortalSession, form: Form) -> None:
        person = self._qd.people.account(str(session.state.get(_PROVEN) or ""))
        if person is None:
            log_out(session)
            return
        problem = new_password_problem(form, None)
        if problem is not None:
            session.go(QdScreen.FORGOT_NEW, refused(problem))
            return
        self._qd.people.set_password(person.document_number, hash_password(form.get(NEW, "")))
        log_out(session, Message(DONE, MessageKind.SUCCESS))


def _kept(form: Form) -> dict[str, str]:
    return {NUMBER: form.get(NUMBER, "").strip().upper(), PHONE: form.get(PHONE, "").strip()}
