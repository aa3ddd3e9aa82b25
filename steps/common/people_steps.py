"""Steps that bring people into a scenario by role; identities come from the Faker factory."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers

from drivers.protocol import PortalDriver
from fixtures.identities import Identity, IdentityFactory
from vocabulary.documents import DocumentType

#: How a step names a person's attribute → the Identity field.
ATTRIBUTES = {"手机号码": "phone", "登录名": "login_name", "证件号码": "document_number", "姓名": "name",
              "证件类型": "document_type", "密码": "password"}


@pytest.fixture
def identities(scenario_seed: str) -> IdentityFactory:
    return IdentityFactory(scenario_seed)


@pytest.fixture
def cast() -> dict[str, Identity]:
    """The people of this scenario, by the role name the scenario gives them (「张三」)."""
    return {}


def attribute(person: Identity, name: str) -> str:
    if name not in ATTRIBUTES:
        raise ValueError(f"未知的个人信息「{name}」（可用：{'、'.join(ATTRIBUTES)}）")
    return str(getattr(person, ATTRIBUTES[name]))


@given(parsers.parse("已实名注册的自然人「{role}」持{document}"))
def registered_person(role: str, document: str, portal: PortalDriver, identities: IdentityFactory,
                      cast: dict[str, Identity]) -> None:
    person = identities.person(DocumentType.from_label(document))
    portal.seed_person(person)
    cast[role] = person


@given(parsers.parse("未注册的自然人「{role}」"))
def unregistered_person(role: str, identities: IdentityFactory, cast: dict[str, Identity]) -> None:
    cast[role] = identities.person()
