"""Items pressed themselves (ITS §1.3.2 双击某家单位; an APP unit clicked): what the in-process driver posts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.inprocess import InProcessDriver
from drivers.protocol import DriverError
from fixtures.identities import Identity
from simulator.common import item_lists
from simulator.common.views import View

UNITS = {"91110000600037341L": "甲公司", "110105123456789": "乙公司"}


@pytest.fixture
def driver() -> Iterator[InProcessDriver]:
    portal = InProcessDriver()
    yield portal
    portal.close()


def _logged_in_with_two_units(driver: InProcessDriver, person: Identity) -> None:
    driver.seed_person(person)
    for tax_id, name in UNITS.items():
        driver.hook("seed.unit", {"tax_id": tax_id, "name": name, "declaration_password": "Decl-pw1"})
        driver.hook("seed.unit_handler", {"account": person.login_name, "tax_id": tax_id, "role": "办税人员"})
    driver.open_login()
    driver.fill("账号", person.login_name)
    driver.fill("密码", person.password)
    driver.click("登录")


def test_a_double_click_on_a_unit_enters_it(driver: InProcessDriver, person: Identity) -> None:
    _logged_in_with_two_units(driver, person)
    assert not driver.shows_field("申报密码")
    driver.double_click("乙公司")
    assert driver.shows_field("申报密码")


def test_a_double_click_on_what_the_list_lacks_is_a_driver_error(driver: InProcessDriver, person: Identity) -> None:
    _logged_in_with_two_units(driver, person)
    with pytest.raises(DriverError, match="丙公司"):
        driver.double_click("丙公司")
    with pytest.raises(DriverError, match="丙公司"):
        driver.click("丙公司")  # a single click on the unit list only selects: no item is pressed by it


def test_target_names_the_field_and_control_only_for_listed_items() -> None:
    view = View("企业办税权限", options={"单位": ("甲公司",)}, extras=item_lists.gestures("单位", click="查看单位"))
    assert item_lists.target(view, item_lists.CLICK, "甲公司") == ("单位", "查看单位")
    assert item_lists.target(view, item_lists.CLICK, "乙公司") is None
    assert item_lists.target(view, item_lists.DOUBLE_CLICK, "甲公司") is None
