"""What the core tax system (金税三期) holds: tax registrations and real-name collection (实名采集) records."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Any

from vocabulary.roles import Role


@dataclass(frozen=True)
class RegisteredPerson:
    """A person in the registration, with the 【移动电话】 and 【固定电话号码】 fields as registered."""

    role: Role
    name: str
    id_number: str
    mobile: str = ""
    landline: str = ""


@dataclass(frozen=True)
class TaxRegistration:
    """An enterprise's 税务登记: taxpayer id (统一社会信用代码), name, persons, whether it is a 纯社保户."""

    tax_id: str
    name: str
    social_security_only: bool = False
    persons: tuple[RegisteredPerson, ...] = ()

    def person(self, id_number: str) -> RegisteredPerson | None:
        return next((p for p in self.persons if p.id_number == id_number.upper()), None)


@dataclass(frozen=True)
class RealNameRecord:
    """A completed 实名采集: who, the mobile collected, the enterprises the person is linked to."""

    id_number: str
    name: str
    mobile: str
    enterprises: frozenset[str] = frozenset()


class CoreTaxRecords:
    """The core system's data, shared by its fake and its HTTP stubs (seeded through the hooks)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._registrations: dict[str, TaxRegistration] = {}
        self._real_names: dict[str, RealNameRecord] = {}

    def register(self, registration: TaxRegistration) -> None:
        with self._lock:
            self._registrations[registration.tax_id] = registration

    def add_person(self, tax_id: str, person: RegisteredPerson) -> TaxRegistration:
        """变更税务登记 adding a person (replacing one with the same ID number); KeyError if no such taxpayer."""
        with self._lock:
            found = self._registrations[tax_id]
            others = tuple(p for p in found.persons if p.id_number != person.id_number)
            self._registrations[tax_id] = changed = replace(found, persons=(*others, person))
            return changed

    def remove_person(self, tax_id: str, id_number: str) -> TaxRegistration:
        """变更税务登记 removing a person; KeyError if no such taxpayer."""
        with self._lock:
            found = self._registrations[tax_id]
            kept = tuple(p for p in found.persons if p.id_number != id_number.upper())
            self._registrations[tax_id] = changed = replace(found, persons=kept)
            return changed

    def collect(self, record: RealNameRecord) -> None:
        with self._lock:
            self._real_names[record.id_number] = record

    def registration(self, tax_id: str) -> TaxRegistration | None:
        with self._lock:
            return self._registrations.get(tax_id.upper())

    def real_name(self, id_number: str) -> RealNameRecord | None:
        with self._lock:
            return self._real_names.get(id_number.upper())

    def registered_with(self, id_number: str) -> frozenset[str]:
        """纳税人识别号 of the registrations that name this person (whom a new 实名采集 links the person to)."""
        with self._lock:
            return frozenset(r.tax_id for r in self._registrations.values()
                             if any(p.id_number == id_number.upper() for p in r.persons))

    def clear(self) -> None:
        with self._lock:
            self._registrations.clear()
            self._real_names.clear()


def registration_json(registration: TaxRegistration) -> dict[str, Any]:
    """The wire form of a registration (the HTTP contract of docs/external-systems.md)."""
    return {"tax_id": registration.tax_id, "name": registration.name,
            "social_security_only": registration.social_security_only,
            "persons": [{"role": p.role.value, "name": p.name, "id_number": p.id_number, "mobile": p.mobile,
                         "landline": p.landline} for p in registration.persons]}


def registration_from_json(body: Any) -> TaxRegistration:
    """The registration in an answer; ValueError when it is malformed."""
    try:
        persons = tuple(RegisteredPerson(Role(p["role"]), str(p["name"]), str(p["id_number"]),
                                         str(p.get("mobile") or ""), str(p.get("landline") or ""))
                        for p in body["persons"])
        return TaxRegistration(str(body["tax_id"]), str(body["name"]), bool(body["social_security_only"]), persons)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"malformed registration: {exc}") from None


def real_name_json(record: RealNameRecord) -> dict[str, Any]:
    return {"id_number": record.id_number, "name": record.name, "mobile": record.mobile,
            "enterprises": sorted(record.enterprises)}


def real_name_from_json(body: Any) -> RealNameRecord:
    try:
        return RealNameRecord(str(body["id_number"]), str(body["name"]), str(body["mobile"]),
                              frozenset(str(t) for t in body["enterprises"]))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"malformed real-name record: {exc}") from None
