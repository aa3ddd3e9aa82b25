"""What registering a person means (FAQ 3–6), whichever client asks: the web's 【用户注册】 or the 青岛税务APP.

身份信息校验 (the document's type and number; the four documents of FAQ 6 only after the hall's collection),
基本信息填写 (mobile, optional user name, password), and — only once the face passed — the person stored as
registered at 实名等级 四级 (FAQ 5). The clients own their screens and their camera; the rules live here.

A variant (simulator/variant.py) asks no password (the person starts with the initial password of FAQ 8, changed
at the first login) and refuses the four documents of FAQ 6 after 基本信息填写 instead of at 身份信息校验.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from simulator import deviations
from simulator.common.passwords import hash_password
from simulator.qingdao.account_center import user_name_problem
from simulator.qingdao.passwords import AGAIN, new_password_problem
from simulator.qingdao.people import DuplicateUserName, QdPeople, QdPerson
from vocabulary import qingdao_documents as documents

PHONE, USER_NAME, PASSWORD = "手机号码", "用户名", "密码"
HALL_FIRST = "使用该证件注册，请先前往办税服务场所采集实名信息，再通过电子税务局完成用户注册"
ALREADY = "该证件号码已注册，请直接登录"


@dataclass(frozen=True)
class Draft:
    """What the person gave so far; nothing is stored before the face passes (FAQ 7)."""

    document_type: str
    document_number: str
    name: str
    phone: str = ""
    user_name: str = ""
    password_hash: str = ""
    #: Registered with the initial password (no password step): changed at the first login (FAQ 8).
    initial_password: bool = False


class Registrar:
    """The registration rules over the Qingdao people: each step returns the next draft or a problem."""

    def __init__(self, people: QdPeople, *, asks_password: bool = True, hall_check_after_basic: bool = False,
                 user_name_counts_from: Callable[[], datetime] | None = None) -> None:
        self._people = people
        self._asks_password, self._hall_later = asks_password, hall_check_after_basic
        #: QD-R02 first-setting-counts: the clock whose now is the 用户名's first (counted) setting.
        self._counts_from = user_name_counts_from

    def basic_fields(self) -> tuple[str, ...]:
        """What 基本信息填写 asks (the password and its confirmation only where this portal asks one)."""
        return (PHONE, USER_NAME, PASSWORD, AGAIN) if self._asks_password else (PHONE, USER_NAME)

    def identity(self, kind: str, number: str, name: str) -> Draft | str:
        """身份信息校验: a Draft, or the problem (in Chinese) that stops it."""
        kind = documents.canonical(kind) or ""
        number, name = number.strip().upper(), name.strip()
        if not kind:
            return "请选择证件类型"
        if not name or not number:
            return "请输入证件号码和姓名"
        problem = documents.number_problem(kind, number)
        if problem is not None:
            return problem
        known = self._people.find(number)
        if known is not None and known.registered:
            return ALREADY
        if not self._hall_later and not self._collected(kind, number, name):
            return HALL_FIRST
        return Draft(kind, number, name)

    def _collected(self, kind: str, number: str, name: str) -> bool:
        """FAQ 6: the four documents register only after the hall collected the person (the others always)."""
        known = self._people.find(number)
        if deviations.on("QD_UNCOLLECTED_FOREIGNER_REGISTERS"):
            return True
        if deviations.on("QD_HK_MACAO_PASS_HALL_FIRST") and kind == "港澳居民来往内地通行证":  # one of the seven
            return known is not None and known.document_type == kind and known.name == name
        return kind not in documents.HALL_FIRST or (known is not None and known.document_type == kind
                                                    and known.name == name)

    def basic(self, draft: Draft, form: Mapping[str, str]) -> Draft | str:
        """基本信息填写 (form: 手机号码, 用户名 — may be empty —, 密码 and its confirmation)."""
        phone, user_name = form.get(PHONE, "").strip(), form.get(USER_NAME, "").strip()
        problem = None if phone.isdigit() and len(phone) == 11 and phone.startswith("1") else "请输入正确的11位手机号码"
        if problem is None and user_name:
            problem = user_name_problem(user_name)
            if problem is None and self._people.find_by_user_name(user_name) is not None:
                problem = f"用户名「{user_name}」已被使用"
        if problem is None and self._hall_later and not self._collected(draft.document_type, draft.document_number,
                                                                         draft.name):
            problem = HALL_FIRST
        if problem is None and self._asks_password:
            problem = new_password_problem(form, None, PASSWORD)
        if problem is not None:
            return problem
        if not self._asks_password:  # FAQ 8: 个人用户密码的初始密码为证件号码后六位
            return Draft(draft.document_type, draft.document_number, draft.name, phone, user_name,
                         hash_password(documents.initial_password(draft.document_number)), True)
        return Draft(draft.document_type, draft.document_number, draft.name, phone, user_name,
                     hash_password(form.get(PASSWORD, "")))

    def register(self, draft: Draft) -> str | None:
        """After the face passed: store the person (四级); the problem if the name or number was taken meanwhile."""
        if not draft.password_hash:
            return "请先填写基本信息"
        try:
            registered = self._people.register(QdPerson(
                draft.document_number, draft.document_type, draft.name, draft.phone, draft.user_name or None, None,
                draft.password_hash, draft.initial_password, 3 if deviations.on("QD_REGISTERED_AT_LEVEL_3") else 4,
                True), None if self._counts_from is None else self._counts_from())
        except DuplicateUserName as taken:
            return str(taken)
        return None if registered else ALREADY
