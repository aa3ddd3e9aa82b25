"""What every login method ends in: the second factor (FAQ 9), then the forced change of an initial password
(FAQ 8/10) or the 首页 in the chosen entry's business (FAQ 1: 企业登录穿透到人)."""

from __future__ import annotations

from simulator import deviations
from simulator.common.passwords import verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, refused
from simulator.qingdao.lockout import LOCKED
from simulator.qingdao.people import QdPerson
from simulator.qingdao.screens import BUSINESS, NOT_REGISTERED, PENDING, PERSON, QdScreen, Qingdao, business

WRONG_PASSWORD = "账号或密码错误"


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


def to_second_factor(session: PortalSession, person: QdPerson) -> None:
    """FAQ 9: 即使账号密码通过后，也需要第二验证因子通过验证 — nothing is logged in yet."""
    chosen = business(session)
    session.state.clear()
    if deviations.on("QD_SECOND_FACTOR_SKIPPED") and not person.must_change:  # the password alone lets in
        session.state.update({BUSINESS: chosen, PERSON: person.document_number})
        session.go(QdScreen.HOME)
        return
    session.state.update({BUSINESS: chosen, PENDING: person.document_number})
    session.go(QdScreen.SECOND_FACTOR)


def enter(qd: Qingdao, session: PortalSession, document_number: str) -> None:
    """Both factors passed (or a method that is two factors by itself): an initial password must be changed first
    (FAQ 8: 登录后系统会要求自然人修改密码), else the 首页 in the chosen entry's business."""
    person = qd.people.account(document_number)
    if person is None:
        session.state.clear()
        session.go(QdScreen.LOGIN, refused(NOT_REGISTERED))
        return
    chosen = business(session)
    session.state.clear()
    session.state[BUSINESS] = chosen
    if person.must_change and not deviations.on("QD_INITIAL_PASSWORD_NOT_CHANGED"):
        session.state[PENDING] = person.document_number
        session.go(QdScreen.CHANGE_INITIAL)
        return
    session.state[PERSON] = person.document_number
    session.go(QdScreen.HOME)


def log_out(session: PortalSession, message: Message | None = None) -> None:
    session.state.clear()
    session.go(QdScreen.LOGIN, message)
