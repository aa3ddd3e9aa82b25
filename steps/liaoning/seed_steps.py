"""Steps that set up the Liaoning e-tax bureau: enterprises, their tax registration, real-name collection."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, when

from drivers.protocol import PortalDriver
from fixtures.enterprises import EnterpriseData, EnterpriseFactory
from fixtures.identities import Identity, IdentityFactory

ROLES = "法定代表人|财务负责人|办税人员"
#: How the registration holds the person's number (常见问题2): in 【移动电话】, in 【固定电话号码】, or another mobile.
PHONE_FIELDS = {None: "mobile", "手机号码登记在【固定电话号码】": "landline",
                "登记的【移动电话】与实名采集的不同": "other mobile"}


@pytest.fixture
def enterprise_factory(scenario_seed: str) -> EnterpriseFactory:
    return EnterpriseFactory(scenario_seed)


@pytest.fixture
def registered_roles() -> dict[tuple[str, str], str]:
    """(person, enterprise) → the person's role in that enterprise's tax registration."""
    return {}


@pytest.fixture
def enterprises() -> dict[str, EnterpriseData]:
    """The enterprises of this scenario, by the name the scenario gives them (「甲公司」)."""
    return {}


def person_in(cast: dict[str, Identity], identities: IdentityFactory, role: str) -> Identity:
    """The person of this scenario called `role`, drawn from the Faker factory on first mention."""
    if role not in cast:
        cast[role] = identities.person()
    return cast[role]


@given(parsers.re(r"(?P<kind>企业|纯社保户|涉税代理机构)「(?P<name>[^」]+)」已开通辽宁省电子税务局"))
def an_enterprise(portal: PortalDriver, enterprise_factory: EnterpriseFactory, enterprises: dict[str, EnterpriseData],
                  kind: str, name: str) -> None:
    """Its 税务登记 is in the core tax system (金税三期); its 企业密码 is the portal's."""
    enterprise = enterprise_factory.enterprise()
    portal.hook("seed.enterprise", {"tax_id": enterprise.tax_id, "name": enterprise.name,
                                    "password": enterprise.password, "social_security_only": kind == "纯社保户",
                                    "agency": kind == "涉税代理机构"})
    enterprises[name] = enterprise


IN_REGISTRATION = parsers.re(rf"「(?P<who>[^」]+)」是「(?P<name>[^」]+)」税务登记中的(?P<role>{ROLES})"
                             r"(?:，(?P<phone>手机号码登记在【固定电话号码】|登记的【移动电话】与实名采集的不同))?")
MOBILE_FIXED = parsers.parse("「{who}」的号码已通过变更税务登记改到「{name}」税务登记的【移动电话】")


@given(IN_REGISTRATION)
@when(IN_REGISTRATION)
def in_registration(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                    enterprises: dict[str, EnterpriseData], registered_roles: dict[tuple[str, str], str], who: str,
                    name: str, role: str, phone: str | None) -> None:
    person = person_in(cast, identities, who)
    registered_roles[(who, name)] = role
    where = PHONE_FIELDS[phone]
    mobile = {"mobile": person.phone, "landline": "", "other mobile": identities.unregistered_phone()}[where]
    portal.hook("seed.registration_person", {
        "tax_id": enterprises[name].tax_id, "role": role, "name": person.name, "id_number": person.document_number,
        "mobile": mobile, "landline": person.phone if where == "landline" else ""})


@given(parsers.re(r"「(?P<who>[^」]+)」已实名采集(?P<linked>并与|，但未与)「(?P<name>[^」]+)」关联"))
@when(parsers.re(r"「(?P<who>[^」]+)」(?P<linked>完成实名采集并与)「(?P<name>[^」]+)」关联"))
def real_name_collected(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                        enterprises: dict[str, EnterpriseData], who: str, linked: str, name: str) -> None:
    """实名采集 (manual 四) as the tax hall or the app records it: the person, the mobile, the linked enterprises."""
    person = person_in(cast, identities, who)
    linked_to = [enterprises[name].tax_id] if linked.endswith("并与") else []
    portal.hook("seed.real_name_collection", {"id_number": person.document_number, "name": person.name,
                                              "mobile": person.phone, "enterprises": linked_to})


@given(parsers.re(rf"「(?P<who>[^」]+)」是「(?P<name>[^」]+)」的(?P<role>{ROLES})，已实名采集并与企业关联"))
@when(parsers.re(rf"「(?P<who>[^」]+)」是「(?P<name>[^」]+)」的(?P<role>{ROLES})，已实名采集并与企业关联"))
def eligible_person(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                    enterprises: dict[str, EnterpriseData], registered_roles: dict[tuple[str, str], str], who: str,
                    name: str, role: str) -> None:
    in_registration(portal, cast, identities, enterprises, registered_roles, who, name, role, None)
    real_name_collected(portal, cast, identities, enterprises, who, "并与", name)


@given(MOBILE_FIXED)
@when(MOBILE_FIXED)
def mobile_fixed(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
                 registered_roles: dict[tuple[str, str], str], who: str, name: str) -> None:
    """常见问题2's remedy: the number moves from 【固定电话号码】 (or another mobile) to 【移动电话】."""
    person = cast[who]
    portal.hook("seed.registration_person", {"tax_id": enterprises[name].tax_id, "role": registered_roles[(who, name)],
                                             "name": person.name, "id_number": person.document_number,
                                             "mobile": person.phone})


@given(parsers.parse("「{who}」已通过变更税务登记从「{name}」的办税人员中移除"))
def removed_from_registration(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
                              who: str, name: str) -> None:
    portal.hook("core.remove_registration_person", {"tax_id": enterprises[name].tax_id,
                                                     "id_number": cast[who].document_number})


@given(parsers.parse("「{who}」作为「{name}」的办税人已被冻结"))
def frozen_handler(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
                   who: str, name: str) -> None:
    """三(一)2 冻结, which the legal representative does in 企业人员维护 (3_enterprise_personnel.feature): seeded."""
    portal.hook("handler.freeze", {"tax_id": enterprises[name].tax_id, "id_number": cast[who].document_number})

