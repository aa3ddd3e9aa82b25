"""Test-control capabilities of 单位办税验证: seed units and their handlers, read a 临时申报密码."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from simulator.common.flow import Hook
from simulator.common.passwords import hash_password
from simulator.common.test_control import SeedError
from simulator.domain.units import BEIJING, Unit, UnitHandler, tax_id_problem
from simulator.its.declaration_password import DeclarationPasswords
from simulator.store.sqlite import SqliteStore
from simulator.store.units import DuplicateUnit, UnitStore
from vocabulary.roles import Role


def _text(payload: Mapping[str, Any], key: str, *, required: bool = True) -> str | None:
    value = payload.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise SeedError(f"'{key}' must be a non-empty string")
    return value.strip()


def _flag(payload: Mapping[str, Any], key: str) -> bool:
    value = payload.get(key, False)
    if not isinstance(value, bool):
        raise SeedError(f"'{key}' must be true or false")
    return value


def _instant(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise SeedError(f"'ca_valid_until' must be an ISO 8601 date or time, not '{text}'") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=BEIJING)


def ca_credential(tax_id: str) -> dict[str, str]:
    """The CA certificate a seeded unit holds: its id and PIN (derived from the tax id, so nothing is stored)."""
    digest = hashlib.sha256(f"etax-sim-ca:{tax_id}".encode()).hexdigest()
    return {"certificate_id": f"SIMCA-{tax_id}", "pin": str(int(digest[:12], 16) % 10**6).zfill(6)}


def unit_hooks(store: SqliteStore, units: UnitStore, passwords: DeclarationPasswords) -> dict[str, Hook]:
    """seed.unit, seed.unit_handler and unit.temporary_password; every check runs before anything is stored."""

    def seed_unit(payload: Mapping[str, Any]) -> dict[str, Any]:
        tax_id = (_text(payload, "tax_id") or "").upper()
        problem = tax_id_problem(tax_id)
        if problem is not None:
            raise SeedError(problem)
        name = _text(payload, "name") or ""
        password = _text(payload, "declaration_password", required=False)
        if password is not None and any(c.isspace() for c in password):
            raise SeedError("'declaration_password' must not contain spaces")
        ca = _flag(payload, "ca")
        valid_until = _instant(_text(payload, "ca_valid_until", required=False))
        if valid_until is not None and not ca:
            raise SeedError("'ca_valid_until' needs 'ca': true")
        unit = Unit(tax_id, name, None if password is None else hash_password(password), local=_flag(payload, "local"),
                    has_ca=ca, ca_valid_until=valid_until)
        try:
            units.add(unit)
        except DuplicateUnit as exc:
            raise SeedError(str(exc)) from None
        answer: dict[str, Any] = {"tax_id": tax_id, "name": name, "declaration_password_set": password is not None}
        if ca:
            answer["ca"] = ca_credential(tax_id)  # what the unit's CA key presents: the suite types its PIN
        return answer

    def seed_handler(payload: Mapping[str, Any]) -> dict[str, Any]:
        account = _text(payload, "account") or ""
        found = store.find_by_account_name(account)
        if found is None:
            raise SeedError(f"no registered natural person has the account '{account}'")
        tax_id = (_text(payload, "tax_id") or "").upper()
        if units.find(tax_id) is None:
            raise SeedError(f"no unit has the 纳税人识别号 '{tax_id}': seed it with seed.unit first")
        try:
            role = Role.from_label(_text(payload, "role") or "")
        except ValueError as exc:
            raise SeedError(str(exc)) from None
        handler = UnitHandler(found[0].person.document_number, tax_id, role, _flag(payload, "authorized"))
        try:
            units.link(handler)
        except DuplicateUnit as exc:
            raise SeedError(str(exc)) from None
        return {"tax_id": tax_id, "document_number": handler.document_number, "role": role.value,
                "authorized": handler.authorized}

    def temporary_password(payload: Mapping[str, Any]) -> dict[str, Any]:
        tax_id = (_text(payload, "tax_id") or "").upper()
        return {"tax_id": tax_id, "temporary_password": passwords.issued(tax_id)}

    return {"seed.unit": seed_unit, "seed.unit_handler": seed_handler, "unit.temporary_password": temporary_password}
