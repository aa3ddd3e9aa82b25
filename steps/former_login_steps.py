"""Steps of the client's CA ways (ITS 注意, §1.3): the former 申报密码 and CA logins, and a unit's CA 校验."""

from __future__ import annotations

from pytest_bdd import parsers, when

from drivers.protocol import PortalDriver
from fixtures.units import UnitData
from steps.labels import CA_CHECK, CA_LOGIN, FORMER_PASSWORD_LOGIN


@when(parsers.parse("以原申报密码方式登录「{unit}」"))
def former_password_login(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    """注意: the former way in, 纳税人识别号 and 申报密码 without a real-name login (the guide names no control)."""
    portal.open_login()
    portal.click(FORMER_PASSWORD_LOGIN)
    portal.fill("纳税人识别号", unit_cast[unit].tax_id)
    portal.fill("申报密码", unit_cast[unit].declaration_password or "")
    portal.click("登录")


@when(parsers.parse("以本市CA方式登录「{unit}」"))
def former_ca_login(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    portal.open_login()
    portal.click(CA_LOGIN)
    portal.fill("纳税人识别号", unit_cast[unit].tax_id)
    portal.click("登录")


@when(parsers.parse("尝试以本市CA方式登录「{unit}」"))
def tries_ca_login(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    """After 2020-01-01 a portal may show no CA way in at all: try it only as far as the page offers it."""
    portal.open_login()
    if not portal.shows_control(CA_LOGIN):
        return
    portal.click(CA_LOGIN)
    if portal.shows_field("纳税人识别号"):
        portal.fill("纳税人识别号", unit_cast[unit].tax_id)
    if portal.shows_control("登录"):
        portal.click("登录")


@when("通过CA进行校验")
def ca_check(portal: PortalDriver) -> None:
    """§1.3.1 本市单位也可通过CA进行校验 (no control is named: CA_CHECK is the suite's, mapped by a profile)."""
    portal.click(CA_CHECK)


@when("尝试通过CA进行校验")
def tries_ca_check(portal: PortalDriver) -> None:
    """Where CA 校验 is withdrawn a portal may show no CA control at all: try it only where offered."""
    if portal.shows_control(CA_CHECK):
        portal.click(CA_CHECK)
