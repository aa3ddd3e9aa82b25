"""Core tax system (金税三期核心征管系统): the port, an HTTP adapter on requests, and a fake."""

from __future__ import annotations

from typing import Any, Protocol

import requests

from simulator.external.core_records import (
    RealNameRecord,
    TaxRegistration,
    real_name_from_json,
    registration_from_json,
)
from simulator.external.script import ExternalScript, ExternalServiceError, Fault

UNAVAILABLE = "金税三期核心征管系统暂时不可用，请稍后重试"
MISMATCH = "金税三期核心征管系统返回的数据与所查询的不符，请稍后重试"


class CoreTaxSystem(Protocol):
    """Reads registrations and real-name records; ExternalServiceError when the system cannot answer."""

    def registration(self, tax_id: str) -> TaxRegistration | None: ...
    def real_name(self, id_number: str) -> RealNameRecord | None: ...


def _same(asked: str, answered: str) -> None:
    """An answer about someone else is as unusable as no answer (the `mismatch` fault)."""
    if asked.upper() != answered.upper():
        raise ExternalServiceError(MISMATCH)


class HttpCoreTaxSystem:
    """GET {base}/v1/taxpayers/{tax_id} and GET {base}/v1/real-name/{id_number}: 200 JSON, or 404 for none."""

    def __init__(self, base_url: str, timeout: float = 5.0, http: requests.Session | None = None) -> None:
        self._base, self._timeout = base_url.rstrip("/"), timeout
        self._http = http or requests.Session()

    def registration(self, tax_id: str) -> TaxRegistration | None:
        body = self._get(f"/v1/taxpayers/{tax_id.upper()}")
        if body is None:
            return None
        try:
            found = registration_from_json(body)
        except ValueError:
            raise ExternalServiceError(MISMATCH) from None
        _same(tax_id, found.tax_id)
        return found

    def real_name(self, id_number: str) -> RealNameRecord | None:
        body = self._get(f"/v1/real-name/{id_number.upper()}")
        if body is None:
            return None
        try:
            found = real_name_from_json(body)
        except ValueError:
            raise ExternalServiceError(MISMATCH) from None
        _same(id_number, found.id_number)
        return found

    def _get(self, path: str) -> Any:
        try:
            response = self._http.get(self._base + path, timeout=self._timeout)
        except requests.RequestException:
            raise ExternalServiceError(UNAVAILABLE) from None
        if response.status_code == 404:
            return None
        if not response.ok:
            raise ExternalServiceError(UNAVAILABLE)
        try:
            return response.json()
        except ValueError:
            raise ExternalServiceError(MISMATCH) from None


class FakeCoreTaxSystem:
    """Answers from the scripted records; honours the faults as the HTTP stubs do."""

    def __init__(self, script: ExternalScript) -> None:
        self._script = script

    def registration(self, tax_id: str) -> TaxRegistration | None:
        self._check_fault()
        return self._script.core.registration(tax_id)

    def real_name(self, id_number: str) -> RealNameRecord | None:
        self._check_fault()
        return self._script.core.real_name(id_number)

    def _check_fault(self) -> None:
        fault = self._script.fault("core")
        if fault is Fault.MISMATCH:
            raise ExternalServiceError(MISMATCH)
        if fault is not Fault.OK:
            raise ExternalServiceError(UNAVAILABLE)
