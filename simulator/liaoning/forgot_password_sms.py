"""A variant's 「忘记密码」 (Variant.ln_recovery_sms_step): the SMS code asked on a screen of its own.

Who and which mobile come first (找回密码); when they are right the code is sent and asked for on 短信验证; the right
code leads to 设置新密码. The default asks the code on 找回密码 itself (forgot_password.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from simulator.common.flow import Action, Form
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.views import View, refused
from simulator.liaoning.forgot_password_targets import Target
from simulator.liaoning.screens import SMS_SENDER

#: The screen's session key (shown as 短信验证), and where the verified-but-not-yet-coded target waits.
SMS_SCREEN, PENDING = "LN:短信验证", "liaoning.recovery.pending"
NEXT, RESEND = "下一步", "获取验证码"


class RecoverySmsStep:
    """Sends to the pending target's mobile; a right code hands the target over to the new-password screen."""

    def __init__(self, sms_codes: SmsCodes, verify_screen: str, reset_screen: str, target_key: str,
                 back: Action) -> None:
        self._sms, self._verify, self._reset, self._target_key, self._back = (
            sms_codes, verify_screen, reset_screen, target_key, back)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(SMS_SCREEN, NEXT): self._check, (SMS_SCREEN, RESEND): self.resend,
                (SMS_SCREEN, "返回登录"): self._back}

    @staticmethod
    def render(session: PortalSession) -> View:
        return View("短信验证", fields=("短信验证码",), controls=(NEXT, RESEND, "返回登录"), message=session.message,
                    extras={"intro": "验证码已发送，请输入收到的短信验证码。"})

    def start(self, session: PortalSession, target: Target) -> None:
        session.state[PENDING] = target
        self.resend(session, {})

    def resend(self, session: PortalSession, _: Form) -> None:
        target = session.state.get(PENDING)
        if not isinstance(target, Target):
            session.go(self._verify)
            return
        session.go(SMS_SCREEN, self._sms.send(target.phone, target.purpose, SMS_SENDER))

    def _check(self, session: PortalSession, form: Form) -> None:
        target = session.state.get(PENDING)
        if not isinstance(target, Target):
            session.go(self._verify, refused("请先填写手机号码"))
            return
        problem = self._sms.check(target.phone, target.purpose, form.get("短信验证码", ""))
        if problem is not None:
            session.go(SMS_SCREEN, refused(problem))
            return
        session.state[self._target_key] = session.state.pop(PENDING)
        session.go(self._reset)


def forget_pending(session: PortalSession) -> None:
    session.state.pop(PENDING, None)


