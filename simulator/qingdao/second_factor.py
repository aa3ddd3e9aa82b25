"""The second factor (FAQ 1, 9): 短信验证 to the account's phone, or 刷脸验证; only then is the person in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.qingdao.access import enter, log_out
from simulator.qingdao.face import FaceFlow, FaceRequest
from simulator.qingdao.lockout import LOCKED
from simulator.qingdao.screens import PENDING, SMS_SENDER, QdScreen, Qingdao, sms_purpose

SMS_CODE, SEND, CONFIRM, FACE, BACK = "短信验证码", "获取验证码", "确定", "刷脸验证", "返回"
SMS_METHOD = "短信验证"
_PURPOSE = "second-factor"


class SecondFactorFlow(FlowBase):
    """The person past the first factor is `PENDING`; nothing is logged in until 【确定】 or a passed face."""

    def __init__(self, qd: Qingdao, face: FaceFlow) -> None:
        self._qd, self._face = qd, face
        face.purpose(_PURPOSE, lambda session, request: enter(qd, session, request.document_number))

    def screens(self) -> Iterable[str]:
        return (QdScreen.SECOND_FACTOR,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        screen = QdScreen.SECOND_FACTOR
        return {(screen, SEND): self._send, (screen, CONFIRM): self._confirm, (screen, FACE): self._start_face,
                (screen, BACK): lambda s, _: log_out(s)}

    def render(self, session: PortalSession) -> View:
        person = self._qd.people.account(str(session.state.get(PENDING) or ""))
        tail = "" if person is None else person.phone[-4:]
        return View(QdScreen.SECOND_FACTOR, fields=(SMS_CODE,), controls=(SEND, CONFIRM, FACE, BACK),
                    message=session.message,
                    extras={"intro": f"请完成第二验证因子：短信验证（手机尾号{tail}）或刷脸验证"})

    def _send(self, session: PortalSession, _: Form) -> None:
        person = self._qd.people.account(str(session.state.get(PENDING) or ""))
        if person is None:
            log_out(session)
            return
        sent = self._qd.sms_codes.send(person.phone, sms_purpose(person.document_number, "login"), SMS_SENDER)
        session.go(QdScreen.SECOND_FACTOR, sent)

    def _confirm(self, session: PortalSession, form: Form) -> None:
        person = self._qd.people.account(str(session.state.get(PENDING) or ""))
        if person is None:
            log_out(session)
            return
        today = self._qd.today()
        if self._qd.lockout.locked(person.document_number, SMS_METHOD, today):
            session.go(QdScreen.SECOND_FACTOR, Message(LOCKED, MessageKind.LOCKED))
            return
        typed = form.get(SMS_CODE, "")
        problem = self._qd.sms_codes.check(person.phone, sms_purpose(person.document_number, "login"), typed)
        if problem is not None:
            self._qd.lockout.failed(person.document_number, SMS_METHOD, today)
            session.go(QdScreen.SECOND_FACTOR, refused(problem))
            return
        self._qd.lockout.succeeded(person.document_number, SMS_METHOD)
        enter(self._qd, session, person.document_number)

    def _start_face(self, session: PortalSession, _: Form) -> None:
        person = self._qd.people.account(str(session.state.get(PENDING) or ""))
        if person is None:
            log_out(session)
            return
        self._face.start(session, FaceRequest(_PURPOSE, person.name, person.document_number, QdScreen.SECOND_FACTOR))
