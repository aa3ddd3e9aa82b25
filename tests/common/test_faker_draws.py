"""Factories share one Faker, yet each draws as if it had its own: interleaving changes nobody's people."""

from __future__ import annotations

from faker import Faker

from fixtures.enterprises import EnterpriseFactory
from fixtures.faker_draws import SeededDraws
from fixtures.identities import IdentityFactory


def test_draws_equal_a_faker_of_its_own_seeded_alike() -> None:
    own = Faker("zh_CN")
    own.seed_instance(12345)
    shared = SeededDraws(12345)
    assert [shared("name") for _ in range(20)] == [str(own.name()) for _ in range(20)]


def test_interleaved_factories_draw_what_each_draws_alone() -> None:
    a, b, shop = IdentityFactory("a"), IdentityFactory("b"), EnterpriseFactory("a")
    mixed_a = []
    for _ in range(2):
        mixed_a.append(a.person())
        b.person()
        shop.enterprise()
    lone = IdentityFactory("a")
    assert [lone.person(), lone.person()] == mixed_a
