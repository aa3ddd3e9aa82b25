"""Whose password 「忘记密码」 recovers, and to which mobile on record the SMS code may go (see forgot_password.py)."""

from __future__ import annotations

from dataclasses import dataclass

from simulator import deviations
from simulator.common.passwords import hash_password
from simulator.domain.enterprise import taxpayer_id_problem
from simulator.external.core_tax import CoreTaxSystem
from simulator.external.script import ExternalServiceError
from simulator.store.enterprises import EnterpriseStore
from simulator.store.password_locks import account_lock
from simulator.store.sqlite import MatchedBy, SqliteStore

NOT_ON_RECORD = "该手机号码不是税务机关登记的手机号码，无法找回密码"


@dataclass(frozen=True)
class Target:
    """An enterprise (by 纳税人识别号) or a natural person (by 证件号码), and the verified mobile."""

    enterprise: bool
    key: str
    phone: str

    @property
    def purpose(self) -> str:
        return f"liaoning-forgot-password:{'enterprise' if self.enterprise else 'person'}:{self.key}"


class RecoveryTargets:
    """Checks who and which mobile before any code is sent; sets the new password at the end."""

    def __init__(self, enterprises: EnterpriseStore, core: CoreTaxSystem, accounts: SqliteStore) -> None:
        self._enterprises, self._core, self._accounts = enterprises, core, accounts

    def enterprise(self, tax_id: str, phone: str) -> tuple[Target | None, str | None]:
        """The 企业密码: the mobile must be a 【移动电话】 in the enterprise's tax registration (金税三期)."""
        if not tax_id or not phone:
            return None, "请输入纳税人识别号和手机号码"
        wrong = taxpayer_id_problem(tax_id)
        if wrong is not None:
            return None, wrong
        if self._enterprises.find(tax_id) is None:
            return None, "该纳税人尚未开通电子税务局"
        try:
            registration = self._core.registration(tax_id)
        except ExternalServiceError as failure:
            return None, str(failure)
        mobiles = {p.mobile.strip() for p in registration.persons} if registration is not None else set()
        if phone not in mobiles and not deviations.on("LN_FORGOT_ENTERPRISE_ANY_MOBILE"):
            return None, NOT_ON_RECORD
        return Target(True, tax_id, phone), None

    def natural_person(self, name: str, phone: str) -> tuple[Target | None, str | None]:
        """A natural person's login password: the mobile must be the one of their account."""
        if not name or not phone:
            return None, "请输入用户名和手机号码"
        found = self._accounts.find_by_account_name(name)
        if found is None or (found[0].phone != phone and not deviations.on("LN_FORGOT_NATURAL_ANY_MOBILE")):
            return None, NOT_ON_RECORD if found is not None else "用户名不存在"
        return Target(False, found[0].person.document_number, phone), None

    def natural_person_by_phone(self, phone: str) -> tuple[Target | None, str | None]:
        """A natural person's login password by the mobile number alone (the Q&A: 通过手机号码找回密码)."""
        if not phone:
            return None, "请输入手机号码"
        found = self._accounts.find_by_account_name(phone)
        if found is None or found[1] is not MatchedBy.PHONE:
            return None, "该手机号码未注册自然人账户，无法找回密码"
        return Target(False, found[0].person.document_number, phone), None

    def set_password(self, target: Target, password: str) -> None:
        if target.enterprise:
            self._enterprises.set_password(target.key, hash_password(password))
            return
        account = self._accounts.find_by_document_number(target.key)
        if account is not None:
            self._accounts.save(account.with_new_password(hash_password(password)))
            account_lock(self._accounts).release(target.key)

