"""What every login method ends in: the second factor (FAQ 9), then the forced change of an initial password
(FAQ 8/10) or the 首页 in the chosen entry's business (FAQ 1: 企业登录穿透到人).

A variant may ask more on the way (simulator/variant.py): a picture captcha with the password, the enterprise's 税号
on 企业业务, and an enterprise-selection screen after both factors.
"""

from __future__ import annotations

from collections.abc import Mapping

from simulator import deviations
from simulator.common import captcha
from simulator.common.passwords import verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, refused
from simulator.qingdao.lockout import LOCKED
from simulator.qingdao.people import QdPerson
from simulator.qingdao.screens import (
    BUSINESS,
    ENTERPRISE,
    ENTERPRISE_CHOSEN,
    NOT_REGISTERED,
    PENDING,
    PERSON,
    SPECIAL,
    TAX_ID,
    QdScreen,
    Qingdao,
    business,
)

WRONG_PASSWORD = "账号或密码错误"
CAPTCHA = "验证码"
TAX_ID_UNKNOWN = "该税号不是您办税的企业，请核对税号"


def check_password(qd: Qingdao, person: QdPerson | None, password: str, method: str) -> Message | None:
    """The first factor of a password login: None when it passed, else the refusal (counted against `method`)."""
    if person is None or not person.registered:
        return refused(WRONG_PASSWORD if deviations.on("QD_NOT_REGISTERED_UNSAID") else NOT_REGISTERED)
    today = qd.today()
    if qd.lockout.locked(person.document_number, method, today):
        return Message(LOCKED, MessageKind.LOCKED)
    if not password or not verify_password(password, person.password_hash):
        qd.lockout.failed(person.document_number, method, today)
        return refused(WRONG_PASSWORD)
    qd.lockout.succeeded(person.document_number, method)
    return None


def password_fields(qd: Qingdao, session: PortalSession, fields: tuple[str, ...]) -> tuple[str, ...]:
    """A password method's fields, with the variant's 税号 (企业业务) before them and its captcha after them."""
    if qd.variant.qd_enterprise_tax_id and business(session) in (ENTERPRISE, SPECIAL):
        fields = (TAX_ID, *fields)
    if qd.variant.qd_login_captcha:
        if not session.captcha_required:
            new_captcha(qd, session)
        fields = (*fields, CAPTCHA)
    return fields


def new_captcha(qd: Qingdao, session: PortalSession) -> None:
    session.require_captcha()
    qd.sessions.captcha_issued(session)


def captcha_problem(qd: Qingdao, session: PortalSession, form: Mapping[str, str]) -> Message | None:
    """The variant's captcha, checked before anything else of the form (a new one is drawn on every press)."""
    if not qd.variant.qd_login_captcha:
        return None
    typed = form.get(CAPTCHA, "")
    right = session.captcha_required and captcha.matches(typed, session.captcha_answer)
    new_captcha(qd, session)
    if right:
        return None
    return refused("请输入验证码" if not typed.strip() else "验证码错误，请重新输入")


def tax_id_problem(qd: Qingdao, session: PortalSession, person: QdPerson,
                   form: Mapping[str, str]) -> Message | None:
    """The variant's 税号 on 企业业务: empty (chosen after the login), or one of the person's enterprises."""
    if not qd.variant.qd_enterprise_tax_id or business(session) not in (ENTERPRISE, SPECIAL):
        return None
    typed = form.get(TAX_ID, "").strip().upper()
    if not typed:
        return None
    if typed not in {tax_id.upper() for tax_id, _ in qd.people.enterprises(person.document_number)}:
        return refused(TAX_ID_UNKNOWN)
    session.state[ENTERPRISE_CHOSEN] = typed
    return None


def to_second_factor(session: PortalSession, person: QdPerson) -> None:
    """FAQ 9: 即使账号密码通过后，也需要第二验证因子通过验证 — nothing is logged in yet."""
    chosen, enterprise = business(session), session.state.get(ENTERPRISE_CHOSEN)
    session.state.clear()
    if deviations.on("QD_SECOND_FACTOR_SKIPPED") and not person.must_change:  # the password alone lets in
        session.state.update({BUSINESS: chosen, PERSON: person.document_number})
        session.go(QdScreen.HOME)
        return
    session.state.update({BUSINESS: chosen, PENDING: person.document_number})
    if enterprise:
        session.state[ENTERPRISE_CHOSEN] = enterprise
    session.go(QdScreen.SECOND_FACTOR)


def enter(qd: Qingdao, session: PortalSession, document_number: str) -> None:
    """Both factors passed (or a method that is two factors by itself): an initial password must be changed first
    (FAQ 8: 登录后系统会要求自然人修改密码), else the 首页 in the chosen entry's business (the variant first asks
    which enterprise, on 企业业务, unless the login already named it)."""
    person = qd.people.account(document_number)
    if person is None:
        session.state.clear()
        session.go(QdScreen.LOGIN, refused(NOT_REGISTERED))
        return
    chosen, enterprise = business(session), session.state.get(ENTERPRISE_CHOSEN)
    session.state.clear()
    session.state[BUSINESS] = chosen
    if enterprise:
        session.state[ENTERPRISE_CHOSEN] = enterprise
    if person.must_change and not deviations.on("QD_INITIAL_PASSWORD_NOT_CHANGED"):
        session.state[PENDING] = person.document_number
        session.go(QdScreen.CHANGE_INITIAL)
        return
    session.state[PERSON] = person.document_number
    if (qd.variant.qd_enterprise_tax_id and chosen == ENTERPRISE and not enterprise
            and qd.people.enterprises(person.document_number)):
        session.go(QdScreen.CHOOSE_ENTERPRISE)
        return
    session.go(QdScreen.HOME)


def log_out(session: PortalSession, message: Message | None = None) -> None:
    session.state.clear()
    session.go(QdScreen.LOGIN, message)
