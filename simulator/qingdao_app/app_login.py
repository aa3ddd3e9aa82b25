"""青岛税务APP sign-in (手机号码 and 短信验证码: the suite's assumption), the business it is in, and its 首页.

No guide describes how the app signs in. Q11 注意 says only that it is logged in to 企业业务 or 个人业务, and that a
web page scanned from it gets the same business: the app asks which after the sign-in (企业业务 for one of the
person's enterprises), and 【切换业务】 asks again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.views import Message, MessageKind, View, refused
from simulator.qingdao_app.people import AppPerson, QingdaoPeople
from simulator.qingdao_app.screens import (
    BUSINESS,
    ENTERPRISE,
    ENTERPRISE_BUSINESS,
    PERSON,
    PERSONAL_BUSINESS,
    QINGDAO_APP,
    QdAppScreen,
    is_mobile,
    shown,
)

LOG_IN, LOG_OUT, SEND_SMS, SCAN, SWITCH = "登录", "退出登录", "获取验证码", "扫一扫", "切换业务"
#: 注册 (FAQ 6): opens the app's registration (simulator/qingdao_app/registration.py).
REGISTER = "注册"
MOBILE, SMS_CODE, ENTERPRISE_FIELD = "手机号码", "短信验证码", "企业"
SMS_PURPOSE, SMS_SENDER = "qingdao-app-login", "青岛税务APP"


def app_person(people: QingdaoPeople, session: PortalSession) -> AppPerson | None:
    """Who is signed in to the app in this session (None before the sign-in)."""
    document = session.state.get(PERSON)
    return people.by_document(document) if isinstance(document, str) else None


class QingdaoAppLoginFlow(FlowBase):
    """Only a person registered at the e-tax bureau signs in; the SMS goes to his registered mobile."""

    def __init__(self, people: QingdaoPeople, sms_codes: SmsCodes) -> None:
        self._people, self._sms = people, sms_codes

    def entries(self) -> Mapping[str, str]:
        return {QINGDAO_APP: QdAppScreen.LOGIN}

    def screens(self) -> Iterable[str]:
        return (QdAppScreen.LOGIN, QdAppScreen.BUSINESS, QdAppScreen.HOME)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(QdAppScreen.LOGIN, SEND_SMS): self._send_code, (QdAppScreen.LOGIN, LOG_IN): self._log_in,
                (QdAppScreen.BUSINESS, ENTERPRISE_BUSINESS): self._enterprise,
                (QdAppScreen.BUSINESS, PERSONAL_BUSINESS): self._personal,
                (QdAppScreen.HOME, SCAN): lambda s, _: s.go(QdAppScreen.SCAN),
                (QdAppScreen.HOME, SWITCH): lambda s, _: s.go(QdAppScreen.BUSINESS),
                **{(screen, LOG_OUT): _log_out for screen in (QdAppScreen.BUSINESS, QdAppScreen.HOME)}}

    def render(self, session: PortalSession) -> View:
        screen, person = QdAppScreen(session.screen), app_person(self._people, session)
        if screen is not QdAppScreen.LOGIN and person is None:
            session.go(QdAppScreen.LOGIN, refused("请先登录青岛税务APP"))
            screen = QdAppScreen.LOGIN
        if screen is QdAppScreen.LOGIN or person is None:
            return View(shown(QdAppScreen.LOGIN), fields=(MOBILE, SMS_CODE), controls=(SEND_SMS, LOG_IN, REGISTER),
                        message=session.message, values=dict(session.values))
        if screen is QdAppScreen.BUSINESS:
            names = tuple(name for _, name in person.enterprises)
            return View(shown(screen), fields=(ENTERPRISE_FIELD,) if names else (),
                        controls=(*((ENTERPRISE_BUSINESS,) if names else ()), PERSONAL_BUSINESS, LOG_OUT),
                        message=session.message, options={ENTERPRISE_FIELD: names} if names else {},
                        values={ENTERPRISE_FIELD: names[0]} if names else {}, greeting=f"您好，{person.name}",
                        extras={"intro": "请选择要办理的业务"})
        business = str(session.state.get(BUSINESS) or "")
        enterprise = person.enterprise_named(str(session.state.get(ENTERPRISE) or ""))
        where = f"{business}：{enterprise[1]}" if enterprise and business == ENTERPRISE_BUSINESS else business
        return View(shown(screen), controls=(SCAN, SWITCH, LOG_OUT), message=session.message,
                    greeting=f"您好，{person.name}（{where}）")

    def _send_code(self, session: PortalSession, form: Form) -> None:
        phone = form.get(MOBILE, "").strip()
        if not is_mobile(phone):
            session.go(QdAppScreen.LOGIN, refused("请输入正确的11位手机号码"), {MOBILE: phone})
            return
        # A number nobody registered gets no code, and the page says no more than for a registered one.
        message = self._sms.send(phone, SMS_PURPOSE, sender=SMS_SENDER) if self._people.by_mobile(phone) else \
            Message(f"验证码已发送至手机尾号{phone[-4:]}", MessageKind.INFO)
        session.go(QdAppScreen.LOGIN, message, {MOBILE: phone})

    def _log_in(self, session: PortalSession, form: Form) -> None:
        phone = form.get(MOBILE, "").strip()
        person = self._people.by_mobile(phone) if is_mobile(phone) else None
        problem = "该用户未注册" if person is None else self._sms.check(phone, SMS_PURPOSE, form.get(SMS_CODE, ""))
        if person is None or problem is not None:
            session.go(QdAppScreen.LOGIN, refused(problem or "该用户未注册"), {MOBILE: phone})
            return
        session.state.clear()
        session.state[PERSON] = person.document_number
        session.go(QdAppScreen.BUSINESS)

    def _enterprise(self, session: PortalSession, form: Form) -> None:
        person = app_person(self._people, session)
        chosen = person.enterprise_named(form.get(ENTERPRISE_FIELD, "").strip()) if person else None
        if chosen is None:
            session.go(QdAppScreen.BUSINESS, refused("请选择要办理企业业务的企业"))
            return
        session.state.update({BUSINESS: ENTERPRISE_BUSINESS, ENTERPRISE: chosen[0]})
        session.go(QdAppScreen.HOME)

    def _personal(self, session: PortalSession, _: Form) -> None:
        session.state.update({BUSINESS: PERSONAL_BUSINESS, ENTERPRISE: None})
        session.go(QdAppScreen.HOME)


def _log_out(session: PortalSession, _: Form) -> None:
    session.state.clear()
    session.go(QdAppScreen.LOGIN)
