"""Test-control capabilities of the Liaoning e-tax bureau: enterprises, their registration, real-name collection."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stdnum.cn import ric

from simulator.common.flow import Hook
from simulator.common.passwords import hash_password
from simulator.common.test_control import SeedError
from simulator.domain.enterprise import EnterpriseAccount, taxpayer_id_problem
from simulator.external.core_records import RealNameRecord, RegisteredPerson, TaxRegistration
from simulator.external.script import ExternalScript
from simulator.store.agencies import AgencyStore
from simulator.store.enterprises import DuplicateEnterprise, EnterpriseStore
from vocabulary.roles import Role


def text_of(payload: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    value = payload.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise SeedError(f"'{key}' must be a non-empty string")
    return value.strip()


def tax_id_of(payload: Mapping[str, Any], key: str = "tax_id") -> str:
    tax_id = text_of(payload, key).upper()
    problem = taxpayer_id_problem(tax_id)
    if problem is not None:
        raise SeedError(f"{key} '{tax_id}': {problem}")
    return tax_id


def _id_number(payload: Mapping[str, Any]) -> str:
    number = text_of(payload, "id_number").upper()
    if not ric.is_valid(number):
        raise SeedError(f"id_number '{number}' is not a valid 居民身份证号码 (check digit or birth date)")
    return number


def _phone(payload: Mapping[str, Any], key: str, *, required: bool) -> str:
    phone = text_of(payload, key, required=required)
    if phone and not (phone.isdigit() and 7 <= len(phone) <= 12):
        raise SeedError(f"'{key}' must be a telephone number of digits, not '{phone}'")
    return phone


def liaoning_hooks(enterprises: EnterpriseStore, script: ExternalScript, agencies: AgencyStore) -> dict[str, Hook]:
    """seed.enterprise, seed.registration_person, seed.real_name_collection, core.remove_registration_person,
    handler.freeze; every check runs before anything is stored."""
    core = script.core

    def seed_enterprise(payload: Mapping[str, Any]) -> dict[str, Any]:
        tax_id, name, password = tax_id_of(payload), text_of(payload, "name"), text_of(payload, "password")
        social, agency = payload.get("social_security_only", False), payload.get("agency", False)
        if not isinstance(social, bool) or not isinstance(agency, bool):
            raise SeedError("'social_security_only' and 'agency' must be true or false")
        if any(c.isspace() for c in password):
            raise SeedError("'password' must not contain spaces")
        try:
            enterprises.add(EnterpriseAccount(tax_id, name, hash_password(password)))
        except DuplicateEnterprise as exc:
            raise SeedError(str(exc)) from None
        if agency:  # 涉税代理机构 (代理机构登录); cannot fail: the enterprise was new
            agencies.add_agency(tax_id)
        core.register(TaxRegistration(tax_id, name, social))
        return {"tax_id": tax_id, "name": name, "social_security_only": social, "agency": agency}

    def seed_person(payload: Mapping[str, Any]) -> dict[str, Any]:
        tax_id, number, name = tax_id_of(payload), _id_number(payload), text_of(payload, "name")
        try:
            role = Role.from_label(text_of(payload, "role"))
        except ValueError as exc:
            raise SeedError(str(exc)) from None
        mobile, landline = _phone(payload, "mobile", required=False), _phone(payload, "landline", required=False)
        if core.registration(tax_id) is None:
            raise SeedError(f"no tax registration for '{tax_id}': seed it with seed.enterprise first")
        core.add_person(tax_id, RegisteredPerson(role, name, number, mobile, landline))
        return {"tax_id": tax_id, "id_number": number, "role": role.value}

    def seed_collection(payload: Mapping[str, Any]) -> dict[str, Any]:
        number, name, mobile = _id_number(payload), text_of(payload, "name"), text_of(payload, "mobile")
        if not (mobile.isdigit() and len(mobile) == 11 and mobile.startswith("1")):
            raise SeedError(f"'mobile' must be an 11-digit mobile number, not '{mobile}'")
        linked = payload.get("enterprises", [])
        if not isinstance(linked, list) or not all(isinstance(t, str) for t in linked):
            raise SeedError("'enterprises' must be a list of 纳税人识别号")
        core.collect(RealNameRecord(number, name, mobile, frozenset(t.strip().upper() for t in linked)))
        return {"id_number": number, "enterprises": sorted(linked)}

    def remove_person(payload: Mapping[str, Any]) -> dict[str, Any]:
        tax_id, number = tax_id_of(payload), _id_number(payload)
        if core.registration(tax_id) is None:
            raise SeedError(f"no tax registration for '{tax_id}'")
        core.remove_person(tax_id, number)
        return {"tax_id": tax_id, "removed": number}

    def freeze(payload: Mapping[str, Any]) -> dict[str, Any]:
        tax_id, number = tax_id_of(payload), _id_number(payload)
        if enterprises.handler(tax_id, number) is None:
            raise SeedError(f"'{number}' is not a synced handler of '{tax_id}': sync the handlers first")
        enterprises.set_frozen(tax_id, number, True)
        return {"tax_id": tax_id, "id_number": number, "frozen": True}

    return {"seed.enterprise": seed_enterprise, "seed.registration_person": seed_person,
            "seed.real_name_collection": seed_collection, "core.remove_registration_person": remove_person,
            "handler.freeze": freeze}
