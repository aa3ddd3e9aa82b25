"""个人所得税APP 登录设置 (ITS §2.2.1(7), §2.2.2(6)): 登录名, 密码, 手机号码 with an SMS check, then the account."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.views import Message, MessageKind, View, refused
from simulator.deviation_rules import loose_login_name_problem, loose_password_problem
from simulator.domain.account import Account, NaturalPerson
from simulator.natural_person.app_hall_code import HallCodes
from simulator.store.sqlite import DuplicateAccount, SqliteStore
from simulator.variant import Variant
from vocabulary.credentials import login_name_problem, password_problem
from vocabulary.documents import DocumentType

#: Where a verified identity waits for its login settings, in the session's per-flow state.
VERIFIED = "app_registration.verified"
SMS_PURPOSE = "app_registration"
FIELDS = ("登录名", "密码", "手机号码", "短信验证码")
RULES = ("登录名应为2-16位字符，可由大小写字母、数字、中文、下划线构成，不支持纯数字，字母需区分大小写。"
         "密码由8-15位的字母大小写、数字、特殊字符其中三种或以上组成，不允许空格。")


class SettingsScreen(enum.StrEnum):
    """Session screens of this flow (prefixed: screen keys are unique across flows); shown without 'APP:'."""

    SETTINGS = "APP:登录设置"
    DONE = "APP:注册成功"


@dataclass(frozen=True)
class Registrant:
    """Who registers: verified by a hall code or by face comparison before the account is made for them."""

    name: str
    document_type: DocumentType
    document_number: str
    hall_code: str | None = None  # the 注册码 it registers with, used up with the account


def hand_over(session: PortalSession, person: Registrant, message: Message | None = None) -> None:
    """The identity is verified: on to the login settings page."""
    session.state[VERIFIED] = person
    session.go(SettingsScreen.SETTINGS, message)


class AppLoginSettingsFlow(FlowBase):
    """【获取验证码】 sends the SMS; 【完成注册】 checks the rules and the code, then creates the account."""

    def __init__(self, store: SqliteStore, sms_codes: SmsCodes, hall_codes: HallCodes, home: str,
                 variant: Variant | None = None) -> None:
        self._store, self._sms, self._hall_codes, self._home = store, sms_codes, hall_codes, home
        #: The variant's WEB registration ends on a 注册成功 page; its APP goes back home instead (the other choice).
        self._done_page = not (variant or Variant.default()).registration_done_page

    def screens(self) -> Iterable[str]:
        return tuple(SettingsScreen)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {
            (SettingsScreen.SETTINGS, "获取验证码"): self.send_code,
            (SettingsScreen.SETTINGS, "完成注册"): self.complete,
            (SettingsScreen.DONE, "返回首页"): lambda s, _: s.go(self._home),
            (SettingsScreen.SETTINGS, "返回"): lambda s, _: s.go(self._home),
        }

    def render(self, session: PortalSession) -> View:
        if session.screen == SettingsScreen.DONE:
            return View("注册成功", controls=("返回首页",), message=session.message)
        return View("登录设置", fields=FIELDS, controls=("完成注册", "获取验证码", "返回"), message=session.message,
                    values=dict(session.values), extras={"hint": RULES})

    def send_code(self, session: PortalSession, form: Form) -> None:
        typed = _kept(form)
        session.go(SettingsScreen.SETTINGS, self._sms.send(typed.get("手机号码", ""), SMS_PURPOSE), typed)

    def complete(self, session: PortalSession, form: Form) -> None:
        """Nothing is stored unless every check passes, so a refusal leaves no half-made account."""
        person = session.state.get(VERIFIED)
        if not isinstance(person, Registrant):
            session.go(self._home, refused("请先完成身份验证"))
            return
        code = person.hall_code
        problem = (None if code is None else self._hall_codes.problem(
            code, person.document_type, person.document_number, person.name)) or self._problem(form)
        if problem is None:
            account = Account(NaturalPerson(person.name, person.document_type, person.document_number),
                              phone=form["手机号码"].strip(), login_name=form["登录名"],
                              password_hash=hash_password(form["密码"]))
            try:
                self._store.create_account(account, *(() if code is None else (self._hall_codes.use(code),)))
            except DuplicateAccount:
                problem = "手机号码、登录名或证件号码已被注册"
        if problem is not None:
            session.go(SettingsScreen.SETTINGS, refused(problem), _kept(form))
            return
        del session.state[VERIFIED]
        done = Message("注册成功，现在可以登录了", MessageKind.SUCCESS)
        if not self._done_page:
            session.go(self._home, Message("注册成功！可通过手机号码/证件号码/登录名登录", MessageKind.SUCCESS))
            return
        session.go(SettingsScreen.DONE, done)

    def _problem(self, form: Form) -> str | None:
        login_name, password, phone = form.get("登录名", ""), form.get("密码", ""), form.get("手机号码", "").strip()
        problem = (loose_login_name_problem(login_name, digits_ok=True) if deviations.on("ITS_APP_LOGIN_NAME_DIGITS")
                   else login_name_problem(login_name)) \
            or (loose_password_problem(password, min_classes=2) if deviations.on("ITS_APP_PASSWORD_TWO_KINDS")
                else password_problem(password))
        if problem is not None:
            return problem
        if self._store.find_by_account_name(login_name) or self._store.find_by_account_name(phone):
            return "手机号码或登录名已被注册"
        return None if deviations.on("ITS_APP_SMS_SKIPPED") else self._sms.check(phone, SMS_PURPOSE,
                                                                                  form.get("短信验证码", ""))


def _kept(form: Form) -> dict[str, str]:
    """What the page shows again after a refusal: never the password or the used code."""
    return {f: form[f] for f in ("登录名", "手机号码") if f in form}
