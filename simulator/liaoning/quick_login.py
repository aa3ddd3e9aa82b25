"""快捷登录: 纳税人识别号, 企业密码, the identity (身份), its real-name mobile, the SMS code, 【同意协议】, 【登录】."""

from __future__ import annotations

from simulator import deviations
from simulator.common.flow import Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, View, refused
from simulator.domain.enterprise import FIRST_LOGIN_ROLES, Handler
from simulator.external.script import ExternalServiceError
from simulator.liaoning.credentials import AGREEMENT, agreement_problem, enterprise_problem
from simulator.liaoning.handler_sync import HandlerSync
from simulator.liaoning.screens import (
    FACTOR,
    HANDLER,
    LOGIN_KINDS,
    NORMAL_LOGIN,
    QUICK_LOGIN,
    SMS_SENDER,
    TAX_ID,
    Liaoning,
    LnScreen,
    frozen_message,
)
from vocabulary.roles import Role

IDENTITY, MOBILE, CODE = "登录身份", "手机号码", "验证码"
FIELDS = ("纳税人识别号", "企业密码", IDENTITY, MOBILE, CODE, AGREEMENT)
#: 温馨提示(1) and 首次切换新版用户权限体系…必须使用「普通登录」: the guide gives no wording for the refusal.
NORMAL_LOGIN_FIRST = "快捷登录适用于已通过普通登录完成法定代表人、财务负责人信息同步的纳税人，请先使用普通登录"
#: 常见问题9: a handler must first be added with an identity (企业人员维护) by the legal rep or finance head.
HANDLER_NOT_ADDED = "办税人员须由法定代表人或财务负责人在【企业人员维护】中维护身份并添加后，才可以使用快捷登录"
SOCIAL_SECURITY_ONLY = "纯社保户只能使用普通登录"
NO_SUCH_PERSON = "所选身份下没有实名采集手机号码为该号码的人员，请输入实名采集信息中的手机号码"


class QuickLogin:
    """The login page in its 快捷登录 way; every check runs before a code is sent and again at 【登录】."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def render(self, session: PortalSession) -> View:
        return View(LnScreen.LOGIN, tab=f"企业登录-{QUICK_LOGIN}", fields=FIELDS,
                    controls=(*LOGIN_KINDS, NORMAL_LOGIN, QUICK_LOGIN, "获取验证码", "登录"),
                    message=session.message,
                    values=dict(session.values), options={IDENTITY: tuple(self._ln.variant.role_word(r) for r in Role)},
                    template="ln_login", extras={"kinds": LOGIN_KINDS, "active_kind": "企业登录",
                                                 "modes": (QUICK_LOGIN, NORMAL_LOGIN), "active_mode": QUICK_LOGIN,
                                                 "keep_passwords": True, "checkboxes": (AGREEMENT,)})

    def send_code(self, session: PortalSession, form: Form) -> None:
        handler, problem = self._person(form)
        if handler is not None:
            problem = self._ln.sms_codes.send(_code_mobile(handler, form), _purpose(handler), sender=SMS_SENDER)
        session.go(LnScreen.LOGIN, problem, _kept(form))

    def submit(self, session: PortalSession, form: Form) -> None:
        problem = None if deviations.on("LN_QUICK_AGREEMENT_SKIPPED") else agreement_problem(form.get(AGREEMENT, ""))
        handler, wrong = self._person(form)
        problem = problem or wrong
        if handler is not None and problem is None:
            typed = None if deviations.on("LN_QUICK_SMS_SKIPPED") else \
                self._ln.sms_codes.check(_code_mobile(handler, form), _purpose(handler), form.get(CODE, ""))
            problem = None if typed is None else refused(typed)
        if handler is None or problem is not None:
            session.go(LnScreen.LOGIN, problem, _kept(form))
            return
        session.state.update({TAX_ID: handler.tax_id, HANDLER: handler.id_number, FACTOR: QUICK_LOGIN})
        session.go(LnScreen.HOME)

    def _person(self, form: Form) -> tuple[Handler | None, Message | None]:
        tax_id = form.get("纳税人识别号", "").strip().upper()
        account, wrong = enterprise_problem(self._ln.enterprises, tax_id, form.get("企业密码", ""))
        if account is None:
            return None, wrong
        try:
            registration = self._ln.core.registration(tax_id)
        except ExternalServiceError as failure:
            return None, refused(str(failure))
        social = registration is not None and registration.social_security_only
        if social and not self._ln.variant.reads("LN-R01", "may-also-etax"):
            return None, refused(SOCIAL_SECURITY_ONLY)
        if social:  # LN-R01 may-also-etax: its 普通登录 never syncs, so the persons are read from the core system now
            HandlerSync(self._ln.core, self._ln.enterprises, self._ln.personnel).sync(tax_id)
        synced = self._ln.enterprises.handlers(tax_id)
        if not social and (not account.first_login_done or not any(h.role in FIRST_LOGIN_ROLES for h in synced)):
            if not deviations.on("LN_QUICK_BEFORE_NORMAL"):
                return None, refused(NORMAL_LOGIN_FIRST)
            HandlerSync(self._ln.core, self._ln.enterprises, self._ln.personnel).sync(tax_id)  # as if 普通登录 had been
            synced = self._ln.enterprises.handlers(tax_id)
        identity, mobile = _role(form.get(IDENTITY, "")), form.get(MOBILE, "").strip()
        found = next((h for h in synced if h.role == identity and mobile
                      and (h.real_name_mobile == mobile or deviations.on("LN_QUICK_ANY_MOBILE"))), None)
        if found is None:
            return None, refused(NO_SUCH_PERSON)
        if found.role == Role.HANDLER and not self._ln.personnel.of(tax_id, found.id_number).added \
                and not deviations.on("LN_QUICK_HANDLER_NOT_ADDED"):
            return None, refused(HANDLER_NOT_ADDED)
        if found.frozen and not deviations.on("LN_FROZEN_QUICK_LOGIN"):
            return None, refused(frozen_message(self._ln.variant))
        return found, None


def _role(label: str) -> Role | None:
    """The chosen 登录身份 as a role (the page may word it 办税员 or 法定代表人（业主）)."""
    try:
        return Role.from_label(label)
    except ValueError:
        return None


def _code_mobile(handler: Handler, form: Form) -> str:
    """二(一) 温馨提示: the code goes to the chosen identity's real-name mobile (a deviation: to whatever was typed)."""
    return form.get(MOBILE, "").strip() if deviations.on("LN_QUICK_ANY_MOBILE") else handler.real_name_mobile


def _purpose(handler: Handler) -> str:
    return f"liaoning-quick-login:{handler.tax_id}"


def _kept(form: Form) -> dict[str, str]:
    """What the page keeps after a press: all but the code; the 企业密码 too, as a page asking by AJAX would."""
    return {k: v for k, v in form.items() if k in ("纳税人识别号", "企业密码", IDENTITY, MOBILE, AGREEMENT)}
