"""The chosen handler's second factor: 短信登录 (【获取验证码】, code, 【确定】) or 「密码登录」; 【取消】 goes back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.enterprise import FIRST_LOGIN_ROLES, Handler, masked
from simulator.liaoning.binding import personal_login_hash
from simulator.liaoning.screens import (
    AGENT_LOGIN,
    FACTOR,
    HANDLER,
    KIND,
    PASSWORD_LOGIN,
    SMS_LOGIN,
    SMS_SENDER,
    Liaoning,
    LnScreen,
    logged_in_enterprise,
    sms_purpose,
)

#: 常见问题1 (the PDF's stray space removed).
NO_PASSWORD_YET = "尚未设置密码"
#: 三(二), 常见问题8: what 【重置密码】 in 企业人员维护 sets; LN-R04 change-forced makes its holder set a new one.
RESET_PASSWORD = "111111"
NO_MOBILE = ("无法发送验证码：税务登记中的【移动电话】与实名采集的手机号码不一致或为空"
             "（号码录在【固定电话号码】中的，须修改到【移动电话】）")


def current_handler(liaoning: Liaoning, session: PortalSession) -> Handler | None:
    return liaoning.enterprises.handler(logged_in_enterprise(session), str(session.state.get(HANDLER) or ""))


def enter(liaoning: Liaoning, session: PortalSession, handler: Handler) -> None:
    """Logged in: a first login sets the personal password first (第4步), then the 电子税务局首页."""
    agent = session.state.get(KIND) == AGENT_LOGIN
    if not handler.has_personal_password and not (agent and liaoning.variant.agent_plain_step2) \
            and not deviations.on("LN_PERSONAL_PASSWORD_NOT_FORCED"):
        session.go(LnScreen.SET_PASSWORD)
        return
    if handler.role in FIRST_LOGIN_ROLES or liaoning.variant.reads("LN-R02", "any-synced-person"):
        liaoning.enterprises.first_login_done(handler.tax_id)
    # 代理机构登录 第三步: the agency's person goes on to pick the client enterprise.
    session.go(LnScreen.CLIENTS if session.state.get(KIND) == AGENT_LOGIN else LnScreen.HOME)


class HandlerLoginFlow(FlowBase):
    """短信登录 is where a picked person lands; 「密码登录」 needs the personal password set at the first login."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return (LnScreen.IDENTITY,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        screen = LnScreen.IDENTITY
        return {(screen, SMS_LOGIN): lambda s, _: self._factor(s, SMS_LOGIN),
                (screen, PASSWORD_LOGIN): lambda s, _: self._factor(s, PASSWORD_LOGIN),
                (screen, "获取验证码"): self._send_code, (screen, "确定"): self._confirm, (screen, "取消"): _cancel}

    def render(self, session: PortalSession) -> View:
        handler = current_handler(self._ln, session)
        factor = str(session.state.get(FACTOR) or SMS_LOGIN)
        by_sms = factor == SMS_LOGIN
        fields = ("短信验证码",) if by_sms else ("密码",)
        controls = (SMS_LOGIN, PASSWORD_LOGIN, *(("获取验证码",) if by_sms else ()), "确定", "取消")
        rows: tuple[tuple[str, ...], ...] = ()
        if handler is not None:
            rows = ((handler.name, self._ln.variant.role_word(handler.role), masked(handler.sms_mobile)),)
        return View(LnScreen.IDENTITY, tab=factor, fields=fields, controls=controls, message=session.message,
                    rows=rows, template="ln_identity", extras={"factors": (SMS_LOGIN, PASSWORD_LOGIN)})

    def _factor(self, session: PortalSession, factor: str) -> None:
        session.state[FACTOR] = factor
        session.go(LnScreen.IDENTITY)

    def _send_code(self, session: PortalSession, _: Form) -> None:
        handler = current_handler(self._ln, session)
        if handler is None or not handler.sms_mobile:  # 常见问题2
            session.go(LnScreen.IDENTITY, refused(NO_MOBILE))
            return
        sent = self._ln.sms_codes.send(handler.sms_mobile, sms_purpose(handler.tax_id), sender=SMS_SENDER)
        session.go(LnScreen.IDENTITY, sent)

    def _confirm(self, session: PortalSession, form: Form) -> None:
        handler = current_handler(self._ln, session)
        if handler is None:
            _cancel(session, form)
            return
        if session.state.get(FACTOR) == PASSWORD_LOGIN:
            problem = self._password_problem(handler, form.get("密码", ""))
        elif not handler.sms_mobile:
            problem = NO_MOBILE
        else:
            problem = None if deviations.on("LN_SMS_LOGIN_CODE_SKIPPED") else self._ln.sms_codes.check(
                handler.sms_mobile, sms_purpose(handler.tax_id), form.get("短信验证码", ""))
        if problem is not None:
            session.go(LnScreen.IDENTITY, refused(problem))
            return
        if (session.state.get(FACTOR) == PASSWORD_LOGIN and form.get("密码", "") == RESET_PASSWORD
                and self._ln.variant.reads("LN-R04", "change-forced")):
            forced = Message("个人密码已被重置为初始密码，请先设置新的个人密码", MessageKind.INFO)
            session.go(LnScreen.SET_PASSWORD, forced)
            return
        enter(self._ln, session, handler)

    def _password_problem(self, handler: Handler, typed: str) -> str | None:
        expected = personal_login_hash(self._ln.personnel, handler)  # 三(一)3: bound, the 自然人 login password
        if expected is None:
            return "未设置密码" if deviations.on("LN_NOT_SET_MESSAGE_WORD") else NO_PASSWORD_YET
        enterprise = self._ln.enterprises.find(handler.tax_id)
        if deviations.on("LN_ENTERPRISE_PASSWORD_AS_PERSONAL") and enterprise is not None and typed \
                and verify_password(typed, enterprise.password_hash):
            return None
        if not typed or not verify_password(typed, expected):
            return "密码有误：请输入本人的个人登录密码（不是企业密码）"
        return None


def _cancel(session: PortalSession, _: Form) -> None:
    """【取消】: back to 办税人员选择."""
    session.state.update({HANDLER: None, FACTOR: None})
    session.go(LnScreen.LOGIN if deviations.on("LN_CANCEL_LEAVES_CHOICE") else LnScreen.HANDLERS)
