"""Withholding units below the features: credit codes, the 申报密码 lock, the dates, the repository."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from fixtures.units import UnitFactory
from simulator.domain.units import (
    AUTHORIZATION_LAUNCH,
    BEIJING,
    REAL_NAME_LOGIN_LAUNCH,
    Unit,
    UnitHandler,
    authorization_in_force,
    former_logins_valid,
    real_name_login_offered,
    tax_id_problem,
)
from simulator.store.sqlite import SqliteStore
from simulator.store.units import DuplicateUnit, UnitStore
from vocabulary.roles import Role

NOW = datetime(2024, 3, 1, 10, tzinfo=BEIJING)


@pytest.mark.parametrize("tax_id", ["91110000600037341L", "110105123456789", "11010512345678901234"])
def test_valid_tax_ids(tax_id: str) -> None:
    assert tax_id_problem(tax_id) is None


@pytest.mark.parametrize(("tax_id", "words"), [("91110000600037341M", "校验位"), ("1234", "18位"),
                                                ("91110000600037341", "18位")])
def test_invalid_tax_ids_say_why(tax_id: str, words: str) -> None:
    assert words in (tax_id_problem(tax_id) or "")


def test_generated_units_have_valid_codes_and_distinct_names() -> None:
    factory = UnitFactory("t")
    made = [factory.unit() for _ in range(50)]
    assert all(tax_id_problem(u.tax_id) is None for u in made)
    assert len({u.name for u in made}) == 50


def test_fifth_wrong_password_locks_for_120_minutes() -> None:
    unit = Unit("91110000600037341L", "甲", "hash")
    for _ in range(4):
        unit = unit.after_wrong_password(NOW)
    assert not unit.is_locked(NOW)
    unit = unit.after_wrong_password(NOW)
    assert unit.is_locked(NOW + timedelta(minutes=119, seconds=59))
    assert not unit.is_locked(NOW + timedelta(minutes=120))


def test_ca_counts_only_for_local_units_while_valid() -> None:
    until = NOW + timedelta(days=1)
    assert Unit("x", "甲", None, local=True, has_ca=True, ca_valid_until=until).ca_valid(NOW)
    assert not Unit("x", "甲", None, local=True, has_ca=True, ca_valid_until=until).ca_valid(until + timedelta(1))
    assert not Unit("x", "甲", None, local=False, has_ca=True).ca_valid(NOW)
    assert not Unit("x", "甲", None, local=True, has_ca=False).ca_valid(NOW)


def test_date_boundaries_are_beijing_midnight() -> None:
    second = timedelta(seconds=1)
    assert not real_name_login_offered(REAL_NAME_LOGIN_LAUNCH - second)
    assert real_name_login_offered(REAL_NAME_LOGIN_LAUNCH)
    assert former_logins_valid(AUTHORIZATION_LAUNCH - second)
    assert not former_logins_valid(AUTHORIZATION_LAUNCH)
    assert authorization_in_force(AUTHORIZATION_LAUNCH)
    assert not authorization_in_force(AUTHORIZATION_LAUNCH - second)
    assert AUTHORIZATION_LAUNCH.isoformat() == "2020-01-01T00:00:00+08:00"


def test_store_round_trip_and_duplicates() -> None:
    units = UnitStore(SqliteStore())
    unit = Unit("91110000600037341L", "甲公司", None, local=True, has_ca=True, ca_valid_until=NOW)
    units.add(unit)
    assert units.find("91110000600037341l") == unit
    with pytest.raises(DuplicateUnit):
        units.add(Unit("110105123456789", "甲公司", None))
    units.link(UnitHandler("11010519491231002X", unit.tax_id, Role.FINANCE_HEAD, authorized=True))
    with pytest.raises(DuplicateUnit):
        units.link(UnitHandler("11010519491231002x", unit.tax_id, Role.HANDLER))
    [(found, handler)] = units.units_of("11010519491231002x")
    assert found == unit
    assert handler.role is Role.FINANCE_HEAD
    assert handler.authorized
    locked = unit.with_temporary_password("h").after_wrong_password(NOW)
    units.save(locked)
    assert units.find(unit.tax_id) == locked
