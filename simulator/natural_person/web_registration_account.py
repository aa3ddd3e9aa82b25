"""ITS §2.1 ③: set 登录名, 密码, 手机号码 (SMS-checked) and 户籍所在地; the account is created at once or not at all."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from simulator import deviations
from simulator.clock import Clock
from simulator.common.flow import Action, Form
from simulator.common.passwords import hash_password
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.views import Message, MessageKind, Screen, View, refused
from simulator.deviation_rules import loose_login_name_problem, loose_password_problem
from simulator.domain.account import Account, NaturalPerson
from simulator.natural_person.web_registration_common import SMS_PURPOSE, WebScreen, draft
from simulator.store.registration import RegistrationStore
from simulator.store.sqlite import DuplicateAccount
from simulator.variant import Variant
from vocabulary.credentials import login_name_problem, password_problem
from vocabulary.documents import DocumentType
from vocabulary.regions import PROVINCES

SETTINGS = WebScreen.LOGIN_SETTINGS
FIELDS = ("登录名", "密码", "手机号码", "短信验证码", "户籍所在地")
SEND_CODE, FINISH, TO_LOGIN = "获取验证码", "完成注册", "返回登录"
CHOOSE = "请选择"
#: What the page shows again after a refusal; never the password or the SMS code.
_KEPT = ("登录名", "手机号码", "户籍所在地")
HINT = ("登录名应为2-16位字符，可由大小写字母、数字、中文、下划线构成，不支持纯数字，字母需区分大小写。"
        "密码由8-15位的字母大小写、数字、特殊字符其中三种或以上组成，不允许空格。")


class LoginSettings:
    """The last screen: 【获取验证码】 sends the SMS, 【完成注册】 checks everything, then registers."""

    def __init__(self, registrations: RegistrationStore, sms: SmsCodes, clock: Clock,
                 code_problem: Callable[[PortalSession], str | None], variant: Variant) -> None:
        self._registrations, self._sms, self._clock = registrations, sms, clock
        self._code_problem, self._variant = code_problem, variant

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(SETTINGS, SEND_CODE): self.send_code, (SETTINGS, FINISH): self.finish,
                (WebScreen.DONE, TO_LOGIN): _to_login}

    def render(self, session: PortalSession) -> View:
        if session.screen == WebScreen.DONE:
            return View(WebScreen.DONE, controls=(TO_LOGIN,), message=session.message)
        return View(SETTINGS, fields=FIELDS, controls=(SEND_CODE, FINISH, "返回登录"), message=session.message,
                    values=dict(session.values), options={"户籍所在地": (CHOOSE, *PROVINCES.values())},
                    extras={"hint": HINT, "intro": "请设置登录名、密码、手机号码（需短信验证）和户籍所在地。"})

    def send_code(self, session: PortalSession, form: Form) -> None:
        session.go(SETTINGS, self._sms.send(form.get("手机号码", "").strip(), SMS_PURPOSE), _kept(form))

    def finish(self, session: PortalSession, form: Form) -> None:
        """【完成注册】: on any refusal nothing is stored and the page says why."""
        problem = self._code_problem(session) or self._settings_problem(form)
        identity = draft(session).get("identity", {})
        phone = form.get("手机号码", "").strip()
        if problem is None:
            problem = None if deviations.on("ITS_WEB_SMS_SKIPPED") else \
                self._sms.check(phone, SMS_PURPOSE, form.get("短信验证码", ""))
        if problem is None:
            person = NaturalPerson(identity["姓名"].strip(), DocumentType.from_label(identity["证件类型"]),
                                   identity["证件号码"].strip().upper())
            account = Account(person=person, phone=phone, login_name=form.get("登录名", ""),
                              password_hash=hash_password(form.get("密码", "")))
            try:
                self._registrations.register(account, draft(session)["code"], form.get("户籍所在地", ""),
                                             self._clock.now())
            except DuplicateAccount:
                problem = "手机号码、登录名或证件号码已被注册"
            else:
                _registered(session, person, self._variant.registration_done_page)
                return
        session.go(SETTINGS, refused(problem), _kept(form))

    def _settings_problem(self, form: Form) -> str | None:
        login_name, phone = form.get("登录名", ""), form.get("手机号码", "").strip()
        password = form.get("密码", "")
        problem = (loose_login_name_problem(login_name, max_len=17) if deviations.on("ITS_WEB_LOGIN_NAME_17")
                   else login_name_problem(login_name)) \
            or (loose_password_problem(password, min_len=7) if deviations.on("ITS_WEB_PASSWORD_7")
                else password_problem(password))
        if problem is not None:
            return problem
        if not (phone.isdigit() and len(phone) == 11 and phone.startswith("1")):
            return "请输入正确的11位手机号码"
        if form.get("户籍所在地", "") not in PROVINCES.values():
            return "请选择户籍所在地"
        if self._registrations.taken("login_name", login_name):
            return "该登录名已被使用，请另设登录名"
        if self._registrations.taken("phone", phone):
            return "该手机号码已被注册"
        return None


def _kept(form: Form) -> dict[str, str]:
    return {f: form.get(f, "") for f in _KEPT}


def _registered(session: PortalSession, person: NaturalPerson, done_page: bool) -> None:
    """§2.1 ③ 完成注册后登录: back to the login page (or a 注册成功 page), saying which names may log in."""
    names = "手机号码/证件号码/登录名" if person.document_type.allows_document_number_login else "手机号码/登录名"
    session.state.clear()
    if done_page:
        session.go(WebScreen.DONE, Message(f"注册成功！{person.name}，今后可通过{names}登录自然人办税服务平台",
                                           MessageKind.SUCCESS))
        return
    session.go(Screen.LOGIN, Message(f"{person.name}，您已完成实名注册，请使用{names}登录", MessageKind.SUCCESS))


def _to_login(session: PortalSession, _: Form) -> None:
    """【返回登录】 of the 注册成功 page: an empty login page."""
    session.state.clear()
    session.go(Screen.LOGIN)
