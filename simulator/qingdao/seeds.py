"""Test-control capabilities of the Qingdao e-tax bureau: existing users (存量用户), the hall's real-name collection,
the dual-track setting. Every check runs before anything is stored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator import deviations
from simulator.common.flow import Hook
from simulator.common.passwords import hash_password
from simulator.common.test_control import SeedError
from simulator.qingdao.people import DuplicateUserName, QdPerson
from simulator.qingdao.screens import Qingdao
from vocabulary import qingdao_documents as documents

_LEVELS = (3, 4)


def _text(payload: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    value = payload.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > 64:
        raise SeedError(f"'{key}' must be a non-empty string of at most 64 characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise SeedError(f"'{key}' must be text (no lone surrogates)") from None
    return value.strip()


def _document(payload: Mapping[str, Any]) -> tuple[str, str]:
    kind = documents.canonical(_text(payload, "document_type"))
    if kind is None:
        raise SeedError(f"'document_type' must be one of: {', '.join(documents.ALL)}")
    number = _text(payload, "document_number").upper()
    problem = documents.number_problem(kind, number)
    if problem is not None:
        raise SeedError(f"document_number '{number}': {problem}")
    return kind, number


def _phone(payload: Mapping[str, Any]) -> str:
    phone = _text(payload, "phone")
    if not (phone.isdigit() and len(phone) == 11 and phone.startswith("1")):
        raise SeedError(f"'phone' must be an 11-digit mobile number, not '{phone}'")
    return phone


def _enterprise(payload: Mapping[str, Any]) -> tuple[str, str]:
    tax_id = _text(payload, "tax_id").upper()
    if not (tax_id.isascii() and tax_id.isalnum() and len(tax_id) in (15, 18, 20)):
        raise SeedError(f"'tax_id' must be a 纳税人识别号 of 15, 18 or 20 letters or digits, not '{tax_id}'")
    return tax_id, _text(payload, "name")


def qingdao_hooks(qd: Qingdao) -> dict[str, Hook]:
    """qingdao.seed_user, qingdao.hall_collection, qingdao.enterprise_handler, qingdao.settings."""

    def seed_user(payload: Mapping[str, Any]) -> dict[str, Any]:
        kind, number = _document(payload)
        name, phone = _text(payload, "name"), _phone(payload)
        password, user_name = _text(payload, "password", required=False), _text(payload, "user_name", required=False)
        level = payload.get("level", 3)
        if level not in _LEVELS or isinstance(level, bool):
            raise SeedError("'level' must be 3 (三级) or 4 (四级)")
        initial = not password  # FAQ 8: 个人用户密码的初始密码为证件号码后六位
        initial_secret = number[-8:] if deviations.on("QD_INITIAL_PASSWORD_NOT_LAST_SIX") \
            else documents.initial_password(number)
        secret = initial_secret if initial else password
        try:
            qd.people.put(QdPerson(number, kind, name, phone, user_name or None, None, hash_password(secret),
                                   initial, int(level), True))
        except DuplicateUserName as taken:
            raise SeedError(str(taken)) from None
        return {"document_number": number, "initial_password": initial, "level": level}

    def hall_collection(payload: Mapping[str, Any]) -> dict[str, Any]:
        kind, number = _document(payload)
        name = _text(payload, "name")
        known = qd.people.find(number)
        if known is not None and known.registered:
            raise SeedError(f"'{number}' is already registered")
        qd.people.put(QdPerson(number, kind, name, "", None, None, "", False, 3, False))
        return {"document_number": number, "collected": True}

    def enterprise_handler(payload: Mapping[str, Any]) -> dict[str, Any]:
        """A person (registered or not yet) is a handler (办税人员) of an enterprise."""
        tax_id, name = _enterprise(payload)
        number = _text(payload, "document_number").upper()
        qd.people.link_enterprise(tax_id, name, number)
        return {"tax_id": tax_id, "document_number": number}

    def settings(payload: Mapping[str, Any]) -> dict[str, Any]:
        dual = payload.get("dual_track")
        if not isinstance(dual, bool):
            raise SeedError("'dual_track' must be true or false")
        qd.settings.dual_track = dual
        return {"dual_track": dual}

    return {"qingdao.seed_user": seed_user, "qingdao.hall_collection": hall_collection,
            "qingdao.enterprise_handler": enterprise_handler, "qingdao.settings": settings}
