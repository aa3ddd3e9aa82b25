"""Steps of the client's CA ways (ITS 注意, §1.3): the former 申报密码 and CA logins, and a unit's CA 校验."""

from __future__ import annotations

from pytest_bdd import parsers, when

from drivers.protocol import PortalDriver
from fixtures.units import UnitData
from steps.common.labels import CA_CHECK, CA_LOGIN, FORMER_PASSWORD_LOGIN


@when(parsers.parse("以原申报密码方式登录「{unit}」"))
def former_password_login(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    """注意: the former way in, 纳税人识别号 and 申报密码 without a real-name login (the guide names no control)."""
    portal.open_login()
    portal.click(FORMER_PASSWORD_LOGIN)
    portal.fill("纳税人识别号", unit_cast[unit].tax_id)
    portal.fill("申报密码", unit_cast[unit].declaration_password or "")
    portal.click("登录")


@when(parsers.parse("尝试以原申报密码方式登录「{unit}」"))
def tries_former_password_login(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    """After 2020-01-01 a portal may show no former 申报密码 way in at all (or never had one): try it only as far as
    the page offers it; the Then asserts the unit's business was not reached either way."""
    portal.open_login()
    if not portal.shows_control(FORMER_PASSWORD_LOGIN):
        return
    portal.click(FORMER_PASSWORD_LOGIN)
    for field, value in (("纳税人识别号", unit_cast[unit].tax_id), ("申报密码", unit_cast[unit].declaration_password)):
        if value and portal.shows_field(field):
            portal.fill(field, value)
    if portal.shows_control("登录"):
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


#: Where the CA certificate's PIN is typed (hooks v2 hand it over); the guide names no field.
CA_PIN = "证书密码"


def _present_certificate(portal: PortalDriver, ca_pins: dict[str, str]) -> None:
    """The certificate presents itself; its PIN is typed where the portal asks for one (the unit being verified
    is the only seeded CA unit in any scenario, so its PIN is the one)."""
    if ca_pins and portal.shows_field(CA_PIN):
        portal.fill(CA_PIN, next(iter(ca_pins.values())))


@when("通过CA进行校验")
def ca_check(portal: PortalDriver, ca_pins: dict[str, str]) -> None:
    """§1.3.1 本市单位也可通过CA进行校验 (no control is named: CA_CHECK is the suite's, mapped by a profile)."""
    _present_certificate(portal, ca_pins)
    portal.click(CA_CHECK)


@when("尝试通过CA进行校验")
def tries_ca_check(portal: PortalDriver, ca_pins: dict[str, str]) -> None:
    """Where CA 校验 is withdrawn a portal may show no CA control at all: try it only where offered."""
    if portal.shows_control(CA_CHECK):
        _present_certificate(portal, ca_pins)
        portal.click(CA_CHECK)
