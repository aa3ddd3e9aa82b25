"""Test-control capabilities of 代理机构登录: certify (认定) an agency for a client enterprise, or cancel it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.common.flow import Hook
from simulator.common.passwords import hash_password
from simulator.common.test_control import SeedError
from simulator.liaoning.seeds import tax_id_of, text_of
from simulator.store.agencies import AgencyStore
from simulator.store.enterprises import EnterpriseStore


def agency_hooks(enterprises: EnterpriseStore, agencies: AgencyStore) -> dict[str, Hook]:
    """agency.certify {client_tax_id, agency_tax_id, agreement_password}, agency.cancel {client_tax_id, agency_tax_id}.

    The guide has the enterprise do both in 「代理机构认定管理」 after its own login; that page is not built, so the
    suite seeds the outcome.
    """

    def pair(payload: Mapping[str, Any]) -> tuple[str, str]:
        client, agency = tax_id_of(payload, "client_tax_id"), tax_id_of(payload, "agency_tax_id")
        if enterprises.find(client) is None:
            raise SeedError(f"no enterprise '{client}' on the e-tax bureau: seed it with seed.enterprise first")
        if not agencies.is_agency(agency):
            raise SeedError(f"'{agency}' is not an agency: seed it with seed.enterprise and 'agency': true")
        return client, agency

    def certify(payload: Mapping[str, Any]) -> dict[str, Any]:
        client, agency = pair(payload)
        password = text_of(payload, "agreement_password")
        agencies.certify(agency, client, hash_password(password))
        return {"client_tax_id": client, "agency_tax_id": agency, "certified": True}

    def cancel(payload: Mapping[str, Any]) -> dict[str, Any]:
        client, agency = pair(payload)
        if not agencies.cancel(agency, client):
            raise SeedError(f"'{client}' has not certified the agency '{agency}'")
        return {"client_tax_id": client, "agency_tax_id": agency, "certified": False}

    return {"agency.certify": certify, "agency.cancel": cancel}
