"""手机验证码登录 (FAQ 11): 手机号码 and the code sent to it — the first factor; the second follows (FAQ 9)."""

from __future__ import annotations

from collections.abc import Mapping

from simulator import deviations
from simulator.common.flow import Action, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, refused
from simulator.qingdao.access import enter, to_second_factor
from simulator.qingdao.lockout import LOCKED
from simulator.qingdao.screens import NOT_REGISTERED, SMS_SENDER, QdScreen, Qingdao

SMS_LOGIN = "手机验证码登录"
MOBILE, SMS_CODE, SEND = "手机号码", "短信验证码", "获取验证码"
_PURPOSE = "qingdao-sms-login"


class SmsLogin:
    """A number no registered person uses gets no code, but the page answers as for any other number."""

    name = SMS_LOGIN

    def __init__(self, qd: Qingdao) -> None:
        self._qd = qd

    def fields(self, session: PortalSession) -> tuple[str, ...]:
        return (MOBILE, SMS_CODE)

    def controls(self, session: PortalSession) -> tuple[str, ...]:
        return (SEND,)

    def actions(self) -> Mapping[str, Action]:
        return {SEND: self._send}

    def _send(self, session: PortalSession, form: Form) -> None:
        phone = form.get(MOBILE, "").strip()
        if not (phone.isdigit() and len(phone) == 11 and phone.startswith("1")):
            session.go(QdScreen.LOGIN, refused("请输入正确的11位手机号码"), {MOBILE: phone})
            return
        sent = self._qd.sms_codes.send(phone, _PURPOSE, SMS_SENDER) if self._qd.people.find_by_phone(phone) else \
            Message(f"验证码已发送至手机尾号{phone[-4:]}", MessageKind.INFO)
        session.go(QdScreen.LOGIN, sent, {MOBILE: phone})

    def submit(self, session: PortalSession, form: Form) -> None:
        phone = form.get(MOBILE, "").strip()
        people = self._qd.people.find_by_phone(phone) if phone else []
        if len(people) != 1:  # nobody, or a number several people share: it cannot name one person
            unknown = NOT_REGISTERED if not people else "该手机号码对应多个用户，请使用其他方式登录"
            session.go(QdScreen.LOGIN, refused(unknown), {MOBILE: phone})
            return
        person, today = people[0], self._qd.today()
        if self._qd.lockout.locked(person.document_number, self.name, today):
            session.go(QdScreen.LOGIN, Message(LOCKED, MessageKind.LOCKED), {MOBILE: phone})
            return
        problem = self._qd.sms_codes.check(phone, _PURPOSE, form.get(SMS_CODE, ""))
        if problem is not None:
            self._qd.lockout.failed(person.document_number, self.name, today)
            session.go(QdScreen.LOGIN, refused(problem), {MOBILE: phone})
            return
        self._qd.lockout.succeeded(person.document_number, self.name)
        if deviations.on("QD_SMS_CODE_ALONE"):  # the code alone lets in: no second factor after it
            enter(self._qd, session, person.document_number)
            return
        to_second_factor(session, person)
