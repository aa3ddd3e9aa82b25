"""【忘记密码】 (ITS §1.1, §2.1(3)): verify the identity, then set a new password, which unlocks the account.

The guide says only 进行身份验证 … 再进行密码重置. 姓名, 证件 and 手机号码 alone prove nothing (others may know them),
so the identity check also proves possession of the phone: an SMS code sent to the account's phone (5 wrong entries void
it, see sms_codes.py) — on the identity screen itself (【获取验证码】 next to 「短信验证码」), or, in a variant
(Variant.forgot_sms_step), on a screen of its own. Nothing changes, and nothing unlocks, before the code is right.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.views import Message, MessageKind, Screen, View, refused
from simulator.domain.account import Account
from simulator.its.login import back_to_login
from simulator.store.password_locks import account_lock
from simulator.store.sqlite import SqliteStore
from simulator.variant import Variant
from vocabulary.credentials import password_problem
from vocabulary.documents import DocumentType

IDENTITY_FIELDS = ("姓名", "证件类型", "证件号码", "手机号码")
#: The variant's SMS step (the session key; the page shows 短信验证), its SMS purpose and what the session keeps.
SMS_STEP, SMS_PURPOSE, _VERIFIED = "ITS:短信验证", "its-forgot-password", "its_forgot_password.verified"


class PasswordResetFlow(FlowBase):
    """Identity verification (姓名, 证件类型, 证件号码, 手机号码), then 新密码 and 确认密码."""

    def __init__(self, store: SqliteStore, sms_codes: SmsCodes, variant: Variant | None = None) -> None:
        self._store, self._sms = store, sms_codes
        self._sms_step = (variant or Variant.default()).forgot_sms_step

    def screens(self) -> Iterable[str]:
        return (Screen.FORGOT_PASSWORD, Screen.RESET_PASSWORD, SMS_STEP)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {
            (Screen.FORGOT_PASSWORD, "下一步"): self.verify_identity,
            (Screen.FORGOT_PASSWORD, "获取验证码"): self.send_code,
            (Screen.FORGOT_PASSWORD, "返回登录"): back_to_login,
            (SMS_STEP, "下一步"): self.verify_code,
            (SMS_STEP, "获取验证码"): self.resend,
            (SMS_STEP, "返回登录"): back_to_login,
            (Screen.RESET_PASSWORD, "确定"): self.reset,
            (Screen.RESET_PASSWORD, "返回登录"): back_to_login,
        }

    def render(self, session: PortalSession) -> View:
        if session.screen == SMS_STEP:
            return View("短信验证", fields=("短信验证码",), controls=("下一步", "获取验证码", "返回登录"),
                        message=session.message, extras={"intro": "请输入发送到您注册手机号码的短信验证码。"})
        if session.screen == Screen.FORGOT_PASSWORD:
            fields, controls = ((IDENTITY_FIELDS, ("下一步", "返回登录")) if self._sms_step else
                                ((*IDENTITY_FIELDS, "短信验证码"), ("获取验证码", "下一步", "返回登录")))
            return View(Screen.FORGOT_PASSWORD, fields=fields, controls=controls,
                        message=session.message, values=dict(session.values),
                        options={"证件类型": tuple(t.value for t in DocumentType)},
                        extras={"intro": "身份验证：请据实填写以下信息。"})
        return View(Screen.RESET_PASSWORD, fields=("新密码", "确认密码"), controls=("确定", "返回登录"),
                    message=session.message,
                    extras={"hint": "密码由8-15位的字母大小写、数字、特殊字符其中三种或以上组成，不允许空格。"})

    def _identified(self, session: PortalSession, form: Form) -> tuple[dict[str, str], Account | None]:
        """The typed identity, and the account it names when every field matches (else a refusal is shown)."""
        typed = {f: form.get(f, "").strip() for f in IDENTITY_FIELDS}
        try:
            doc_type = DocumentType.from_label(typed["证件类型"])
        except ValueError as exc:
            session.go(Screen.FORGOT_PASSWORD, refused(str(exc)), typed)
            return typed, None
        account = self._store.find_by_document(doc_type, typed["证件号码"])
        name_ok = account is not None and (account.person.name == typed["姓名"]
                                            or deviations.on("ITS_FORGOT_PASSWORD_NAME_UNCHECKED"))
        if account is None or not name_ok or account.phone != typed["手机号码"]:
            session.go(Screen.FORGOT_PASSWORD, refused("身份信息验证未通过，请据实填写姓名、证件及手机号码"), typed)
            return typed, None
        return typed, account

    def send_code(self, session: PortalSession, form: Form) -> None:
        """【获取验证码】 on the identity screen: a code to the phone of the account the identity names, if it does."""
        typed, account = self._identified(session, form)
        if account is not None:
            session.go(Screen.FORGOT_PASSWORD, self._sms.send(account.phone, SMS_PURPOSE), typed)

    def verify_identity(self, session: PortalSession, form: Form) -> None:
        """【下一步】: the identity must match a registered account in every field, and the SMS code sent to its phone
        must be right (on this screen, or on the variant's next one)."""
        typed, account = self._identified(session, form)
        if account is None:
            return
        if self._sms_step:
            session.account_document = account.person.document_number
            session.state[_VERIFIED] = False
            self.resend(session, form)
            return
        problem = self._sms.check(account.phone, SMS_PURPOSE, form.get("短信验证码", ""))
        if problem is not None:
            session.go(Screen.FORGOT_PASSWORD, refused(problem), typed)
            return
        session.account_document = account.person.document_number
        session.state[_VERIFIED] = True
        session.go(Screen.RESET_PASSWORD)

    def resend(self, session: PortalSession, _: Form) -> None:
        """The variant's SMS step: a (new) code to the phone of the account just identified."""
        account = self._store.find_by_document_number(session.account_document or "")
        if account is None:
            session.go(Screen.FORGOT_PASSWORD, refused("请先完成身份验证"))
            return
        session.go(SMS_STEP, self._sms.send(account.phone, SMS_PURPOSE))

    def verify_code(self, session: PortalSession, form: Form) -> None:
        account = self._store.find_by_document_number(session.account_document or "")
        if account is None:
            session.go(Screen.FORGOT_PASSWORD, refused("请先完成身份验证"))
            return
        problem = self._sms.check(account.phone, SMS_PURPOSE, form.get("短信验证码", ""))
        if problem is not None:
            session.go(SMS_STEP, refused(problem))
            return
        session.state[_VERIFIED] = True
        session.go(Screen.RESET_PASSWORD)

    def reset(self, session: PortalSession, form: Form) -> None:
        """【确定】: a new password obeying the rule, typed twice the same, unlocks the account."""
        new_password, confirmation = form.get("新密码", ""), form.get("确认密码", "")
        account = self._store.find_by_document_number(session.account_document or "")
        if account is None or session.state.get(_VERIFIED) is not True:
            session.go(Screen.FORGOT_PASSWORD, refused("请先完成身份验证"))
            return
        problem = password_problem(new_password)
        if problem is None and new_password != confirmation:
            problem = "两次输入的密码不一致"
        if problem is not None:
            session.go(Screen.RESET_PASSWORD, refused(problem))
            return
        renewed = account.with_new_password(hash_password(new_password))
        self._store.save(replace(renewed, locked_until=account.locked_until)  # the lock kept
                         if deviations.on("ITS_FORGOT_PASSWORD_KEEPS_LOCK") else renewed)
        account_lock(self._store).release(account.person.document_number)
        session.account_document = None
        session.state.pop(_VERIFIED, None)
        session.captcha_required, session.captcha_answer = False, None
        session.go(Screen.LOGIN, Message("密码重置成功，账号已解锁，请使用新密码登录", MessageKind.SUCCESS))
