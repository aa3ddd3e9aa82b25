"""「忘记密码」 of the Liaoning login page (manual 二(一) 快捷登录 温馨提示(3), 二(二) 温馨提示1).

The manual requires the function but does not describe it. The Q&A at the end of the manual file (secondary) says
the password is recovered by the mobile number registered with the tax bureau. The suite's assumption, built here:
the enterprise's 企业密码 by an SMS code to a 【移动电话】 of its tax registration (法定代表人, 财务负责人 or 办税人员),
read from the core tax system; a natural person's login password by a code to the mobile of their account; then
the new password, typed twice.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, Flow, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.views import Message, MessageKind, View, refused
from simulator.external.core_tax import CoreTaxSystem
from simulator.liaoning.forgot_password_sms import SMS_SCREEN, RecoverySmsStep, forget_pending
from simulator.liaoning.forgot_password_targets import RecoveryTargets, Target
from simulator.liaoning.natural_person_login import NATURAL_LOGIN
from simulator.liaoning.personal_password import PASSWORD_RULE
from simulator.liaoning.screens import KIND, SMS_SENDER, LnScreen
from simulator.store.enterprises import EnterpriseStore
from simulator.store.sqlite import SqliteStore
from simulator.variant import Variant
from vocabulary.credentials import password_problem

FORGOT = "忘记密码"
SEND_SMS, NEXT, CONFIRM, BACK = "获取验证码", "下一步", "确定", "返回登录"
#: Which of the login page's kinds offer 「忘记密码」 (None: the page's default, 企业登录).
_KINDS = (None, "企业登录", NATURAL_LOGIN)
_KIND, _TARGET = "liaoning.recovery.kind", "liaoning.recovery.target"
DONE = "密码已重置，请使用新密码登录"


class RecoveryScreen(enum.StrEnum):
    """找回密码 (who, the mobile, the SMS code), then 设置新密码."""

    VERIFY = "找回密码"
    RESET = "设置新密码"


class ForgotPasswordFlow(FlowBase):
    """「忘记密码」 on the login page of 企业登录 and 自然人登录; nothing changes until the new password is saved."""

    def __init__(self, targets: RecoveryTargets, sms_codes: SmsCodes, variant: Variant | None = None) -> None:
        self._targets, self._sms = targets, sms_codes
        variant = variant or Variant.default()
        self._by_phone = variant.natural_recovery_by_phone
        self._sms_step = RecoverySmsStep(sms_codes, RecoveryScreen.VERIFY, RecoveryScreen.RESET, _TARGET, _back) \
            if variant.ln_recovery_sms_step else None

    def screens(self) -> Iterable[str]:
        return (*RecoveryScreen, SMS_SCREEN)

    def page_links(self, session: PortalSession, view: View) -> tuple[str, ...]:
        return (FORGOT,) if session.screen == LnScreen.LOGIN and session.state.get(KIND) in _KINDS else ()

    def actions(self) -> Mapping[tuple[str, str], Action]:
        verify, reset = RecoveryScreen.VERIFY, RecoveryScreen.RESET
        return {(LnScreen.LOGIN, FORGOT): self._open, (verify, SEND_SMS): self._send_code, (verify, NEXT): self._verify,
                (reset, CONFIRM): self._reset, (verify, BACK): _back, (reset, BACK): _back,
                **(self._sms_step.actions() if self._sms_step is not None else {})}

    def render(self, session: PortalSession) -> View:
        natural = session.state.get(_KIND) == NATURAL_LOGIN
        if session.screen == RecoveryScreen.RESET:
            return View(RecoveryScreen.RESET, fields=("新密码", "确认新密码"), controls=(CONFIRM, BACK),
                        message=session.message, extras={"intro": PASSWORD_RULE})
        if session.screen == SMS_SCREEN:
            return RecoverySmsStep.render(session)
        who: tuple[str, ...] = () if natural and self._by_phone else ("用户名",) if natural else ("纳税人识别号",)
        intro = ("请输入用户名和注册时登记的手机号码" if natural else
                 "请输入纳税人识别号，以及法定代表人、财务负责人或办税人员在税务登记中登记的移动电话")
        if natural and self._by_phone:
            intro = "请输入注册时登记的手机号码"
        code, controls = (("短信验证码",), (SEND_SMS, NEXT, BACK)) if self._sms_step is None else ((), (NEXT, BACK))
        return View(RecoveryScreen.VERIFY, tab="自然人" if natural else "企业", fields=(*who, "手机号码", *code),
                    controls=controls, message=session.message, values=dict(session.values),
                    extras={"intro": intro})

    def _open(self, session: PortalSession, _: Form) -> None:
        kind = session.state.get(KIND)
        if kind not in _KINDS:
            session.go(LnScreen.LOGIN)
            return
        session.state.update({_KIND: kind, _TARGET: None})
        session.go(RecoveryScreen.VERIFY)

    def _target(self, session: PortalSession, form: Form) -> tuple[Target | None, str | None]:
        if session.state.get(_KIND) == NATURAL_LOGIN and self._by_phone:
            return self._targets.natural_person_by_phone(form.get("手机号码", "").strip())
        if session.state.get(_KIND) == NATURAL_LOGIN:
            return self._targets.natural_person(form.get("用户名", "").strip(), form.get("手机号码", "").strip())
        return self._targets.enterprise(form.get("纳税人识别号", "").strip().upper(), form.get("手机号码", "").strip())

    def _send_code(self, session: PortalSession, form: Form) -> None:
        target, problem = self._target(session, form)
        sent = refused(problem or "") if target is None else self._sms.send(target.phone, target.purpose, SMS_SENDER)
        session.go(RecoveryScreen.VERIFY, sent, _kept(form))

    def _verify(self, session: PortalSession, form: Form) -> None:
        target, problem = self._target(session, form)
        if target is not None and self._sms_step is not None:  # the variant: the code on a screen of its own
            self._sms_step.start(session, target)
            return
        if target is not None:
            problem = self._sms.check(target.phone, target.purpose, form.get("短信验证码", ""))
        if target is None or problem is not None:
            session.go(RecoveryScreen.VERIFY, refused(problem or ""), _kept(form))
            return
        session.state[_TARGET] = target
        session.go(RecoveryScreen.RESET)

    def _reset(self, session: PortalSession, form: Form) -> None:
        target = session.state.get(_TARGET)
        if not isinstance(target, Target):
            session.go(RecoveryScreen.VERIFY, refused("请先完成短信验证"))
            return
        new = form.get("新密码", "")
        problem = password_problem(new) or (None if new == form.get("确认新密码", "") else "两次输入的密码不一致")
        if problem is not None:
            session.go(RecoveryScreen.RESET, refused(problem))
            return
        self._targets.set_password(target, new)
        _back(session, form, Message(DONE, MessageKind.SUCCESS))


def _kept(form: Form) -> dict[str, str]:
    return {k: v.strip() for k, v in form.items() if k in ("纳税人识别号", "用户名", "手机号码")}


def _back(session: PortalSession, _: Form, message: Message | None = None) -> None:
    """Back to the login page, on the kind of login the recovery started from."""
    session.state.pop(_TARGET, None)
    forget_pending(session)
    kind = session.state.pop(_KIND, None)
    if kind is not None:
        session.state[KIND] = kind
    session.go(LnScreen.LOGIN, message)


def forgot_password_flows(store: SqliteStore, core: CoreTaxSystem, sms_codes: SmsCodes,
                          variant: Variant | None = None) -> list[Flow]:
    """「忘记密码」 on the e-tax bureau's login page, for the composition root."""
    return [ForgotPasswordFlow(RecoveryTargets(EnterpriseStore(store), core, store), sms_codes, variant)]
