"""【忘记密码】 (ITS §1.1, §2.1(3)): verify the identity, then set a new password, which unlocks the account."""

from __future__ import annotations

from simulator.domain.credentials import password_problem
from simulator.domain.documents import DocumentType
from simulator.service.passwords import hash_password
from simulator.service.screens import render
from simulator.service.sessions import SessionRegistry
from simulator.service.views import Message, MessageKind, Screen, View
from simulator.store.sqlite import SqliteStore


def _refused(text: str) -> Message:
    return Message(text, MessageKind.REFUSED)


class PasswordResetService:
    """Identity verification (姓名, 证件类型, 证件号码, 手机号码), then 新密码 and 确认密码."""

    def __init__(self, store: SqliteStore, sessions: SessionRegistry) -> None:
        self._store, self._sessions = store, sessions

    def open(self, session_id: str) -> View:
        session = self._sessions.get(session_id)
        session.go(Screen.FORGOT_PASSWORD)
        session.values = {}
        return render(session)

    def verify_identity(self, session_id: str, name: str, document_type: str, document_number: str,
                        phone: str) -> View:
        """【下一步】: the identity must match a registered account in every field."""
        session = self._sessions.get(session_id)
        session.values = {"姓名": name, "证件类型": document_type, "证件号码": document_number, "手机号码": phone}
        try:
            doc_type = DocumentType.from_label(document_type)
        except ValueError as exc:
            session.go(Screen.FORGOT_PASSWORD, _refused(str(exc)))
            return render(session)
        account = self._store.find_by_document(doc_type, document_number.strip())
        if account is None or account.person.name != name.strip() or account.phone != phone.strip():
            session.go(Screen.FORGOT_PASSWORD, _refused("身份信息验证未通过，请据实填写姓名、证件及手机号码"))
            return render(session)
        session.account_document = account.person.document_number
        session.values = {}
        session.go(Screen.RESET_PASSWORD)
        return render(session)

    def reset(self, session_id: str, new_password: str, confirmation: str) -> View:
        """【确定】: a new password obeying the rule, typed twice the same, unlocks the account."""
        session = self._sessions.get(session_id)
        problem = password_problem(new_password)
        if problem is None and new_password != confirmation:
            problem = "两次输入的密码不一致"
        account = None
        if session.account_document is not None:
            account = self._store.find_by_document_number(session.account_document)
        if account is None:
            session.go(Screen.FORGOT_PASSWORD, _refused("请先完成身份验证"))
            return render(session)
        if problem is not None:
            session.go(Screen.RESET_PASSWORD, _refused(problem))
            return render(session)
        self._store.save(account.with_new_password(hash_password(new_password)))
        session.account_document = None
        session.captcha_required, session.captcha_answer = False, None
        session.go(Screen.LOGIN, Message("密码重置成功，账号已解锁，请使用新密码登录", MessageKind.SUCCESS))
        return render(session)
