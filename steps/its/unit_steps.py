"""Steps of 单位办税验证 (ITS §1.3, 前言, 注意) and the 临时申报密码 (Liaoning Q&A 3/9): units, dates, 申报密码."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.clock import BEIJING
from fixtures.identities import Identity
from fixtures.units import UnitData, UnitFactory
from steps.common.expect import expect, expect_refused_on, normalise
from steps.common.labels import NEXT, SUBMIT, UNIT_SCREEN
from steps.common.refusals import absolve, blame, blamed
from steps.its.captcha import press_answering_captcha

TAX_ID, PASSWORD = "纳税人识别号", "申报密码"
#: How a step describes a unit → (本市, CA证书).
KINDS = {"扣缴单位": (False, False), "本市扣缴单位": (True, False), "持CA证书的本市扣缴单位": (True, True),
         "持CA证书的非本市扣缴单位": (False, True)}


@pytest.fixture
def units(scenario_seed: str) -> UnitFactory:
    return UnitFactory(scenario_seed)


@pytest.fixture
def ca_pins() -> dict[str, str]:
    """The CA certificate PIN of each unit seeded with one, by role (hooks v2 `seed.unit` answer `ca.pin`)."""
    return {}


@pytest.fixture
def unit_cast() -> dict[str, UnitData]:
    """The units of this scenario, by the role name the scenario gives them (「甲公司」)."""
    return {}


@given(parsers.parse("当前时间为 {moment}"))
def clock_at(portal: PortalDriver, moment: str) -> None:
    """北京时间, e.g. 「当前时间为 2019-12-31 23:59」."""
    portal.set_clock(datetime.fromisoformat(moment).replace(tzinfo=BEIJING))


@given(parsers.re(r"(?P<kind>扣缴单位|本市扣缴单位|持CA证书的(?:非)?本市扣缴单位)「(?P<role>[^」]+)」(?P<state>已设置|尚未设置)申报密码"))
def a_unit(portal: PortalDriver, units: UnitFactory, unit_cast: dict[str, UnitData], ca_pins: dict[str, str],
           kind: str, role: str, state: str) -> None:
    unit = units.unit(with_password=state == "已设置")
    local, ca = KINDS[kind]
    seed: dict[str, object] = {"tax_id": unit.tax_id, "name": unit.name, "local": local, "ca": ca}
    if unit.declaration_password is not None:  # a unit without one: the field is absent (openapi.yaml)
        seed["declaration_password"] = unit.declaration_password
    answer = portal.hook("seed.unit", seed)
    unit_cast[role] = unit
    # Hooks v2 hand over the unit's CA credential (its PIN); v1 answer without one.
    credential = answer.get("ca") if isinstance(answer, dict) else None
    if isinstance(credential, dict) and credential.get("pin"):
        ca_pins[role] = str(credential["pin"])


@given(parsers.re(r"「(?P<person>[^」]+)」是「(?P<unit>[^」]+)」的(?P<role>法定代表人|财务负责人|办税人员)"
                  r"(?:，(?P<grant>有|无)办税授权)?"))
def acts_for(portal: PortalDriver, cast: dict[str, Identity], unit_cast: dict[str, UnitData], person: str,
             unit: str, role: str, grant: str | None) -> None:
    portal.hook("seed.unit_handler", {"account": cast[person].login_name, "tax_id": unit_cast[unit].tax_id,
                                      "role": role, "authorized": grant == "有"})


@given(parsers.parse("选中「{unit}」并点击【进入】"))
@when(parsers.parse("选中「{unit}」并点击【进入】"))
def select_and_enter(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    portal.fill("办税单位", unit_cast[unit].name)
    portal.click("进入")


def _submit(portal: PortalDriver, unit: UnitData, password: str, *, tax_id_asked: bool = False,
            right: bool = False) -> None:
    """The unit's 纳税人识别号 where the portal asks for it (前言: 按系统提示), on the same screen as the 申报密码
    or one of its own, then the 申报密码, the captcha when asked, and submit. With tax_id_asked the 纳税人识别号
    must be asked (前言: 首次实名办税). right: the right 申报密码 (see press_answering_captcha)."""
    asked = portal.shows_field(TAX_ID)
    if asked:
        portal.fill(TAX_ID, unit.tax_id)
        if not portal.shows_field(PASSWORD):
            portal.click(NEXT)
    if tax_id_asked:
        expect(asked, "按系统提示输入办税企业的纳税人识别号",
               lambda: f"页面「{portal.screen()}」没有要求输入纳税人识别号")
    portal.fill(PASSWORD, password)
    press_answering_captcha(portal, SUBMIT, lambda: portal.fill(PASSWORD, password), right=right)


@when("提交单位办税验证")
def submit(portal: PortalDriver) -> None:
    """Submitting what was typed (the guide names no control for it)."""
    portal.click(SUBMIT)


@when(parsers.parse("按系统提示输入「{unit}」的纳税人识别号和申报密码并提交"))
def tax_id_and_password(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    _submit(portal, unit_cast[unit], unit_cast[unit].declaration_password or "", tax_id_asked=True, right=True)


@when(parsers.parse("输入「{unit}」的申报密码"))
def type_password(portal: PortalDriver, unit_cast: dict[str, UnitData], wrong_factor: dict[str, str],
                  unit: str) -> None:
    portal.fill(PASSWORD, unit_cast[unit].declaration_password or "")
    absolve(wrong_factor, PASSWORD)


@given(parsers.parse("输入「{unit}」的申报密码并提交"))
@when(parsers.parse("输入「{unit}」的申报密码并提交"))
def right_password(portal: PortalDriver, unit_cast: dict[str, UnitData], wrong_factor: dict[str, str],
                   unit: str) -> None:
    absolve(wrong_factor, PASSWORD)
    _submit(portal, unit_cast[unit], unit_cast[unit].declaration_password or "", right=True)


@given(parsers.parse("输入「{unit}」的错误申报密码并提交"))
@when(parsers.parse("输入「{unit}」的错误申报密码并提交"))
@given(parsers.parse("连续{times:d}次输入「{unit}」的错误申报密码并提交"))
@when(parsers.parse("连续{times:d}次输入「{unit}」的错误申报密码并提交"))
def wrong_password(portal: PortalDriver, unit_cast: dict[str, UnitData], wrong_factor: dict[str, str], unit: str,
                   times: int = 1) -> None:
    blame(wrong_factor, PASSWORD)
    for _ in range(times):
        _submit(portal, unit_cast[unit], unit_cast[unit].wrong_password())


@when(parsers.parse("输入「{unit}」的临时申报密码并提交"))
def temporary_password(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    answer = portal.hook("unit.temporary_password", {"tax_id": unit_cast[unit].tax_id})
    _submit(portal, unit_cast[unit], str(answer.get("temporary_password") or ""), right=True)


@then(parsers.parse("页面显示「{unit}」的临时申报密码"))
def shows_temporary_password(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    issued = portal.hook("unit.temporary_password", {"tax_id": unit_cast[unit].tax_id}).get("temporary_password")
    shown = portal.message()
    expect(bool(issued) and portal.shows_text(str(issued)), f"页面显示临时申报密码「{issued}」", f"「{shown}」")


def _in_business(portal: PortalDriver, name: str) -> bool:
    """Past 单位办税验证 without a refusal, the unit's name shown (which unit one works for)."""
    return portal.screen() != UNIT_SCREEN and not portal.is_refused() and portal.shows_text(name)


@then(parsers.parse("进入「{unit}」的办税业务"))
def in_unit_business(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    name = unit_cast[unit].name
    expect(_in_business(portal, name), f"单位办税验证通过，进入「{name}」的办税业务",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then("单位办税验证未通过")
def verification_refused(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    expect_refused_on(portal, UNIT_SCREEN, "单位办税验证未通过，停留在「单位办税验证」", naming=blamed(wrong_factor))


@then("申报密码被锁定")
def declaration_password_locked(portal: PortalDriver) -> None:
    expect_refused_on(portal, UNIT_SCREEN, "单位办税验证被拒绝：申报密码已锁定", locked=True)


@then("页面要求进行单位办税验证")
def asks_for_verification(portal: PortalDriver) -> None:
    """§1.3: the unit's 申报密码 is asked (or first its 纳税人识别号, on a screen of its own): no business yet."""
    screen = portal.screen()
    expect(screen == UNIT_SCREEN and (portal.shows_field(PASSWORD) or portal.shows_field(TAX_ID)),
           "进行单位办税验证：页面要求输入申报密码", lambda: f"页面「{screen}」，提示「{portal.message()}」")


@then(parsers.parse("未进入「{unit}」的办税业务"))
def not_in_unit_business(portal: PortalDriver, unit_cast: dict[str, UnitData], unit: str) -> None:
    name = unit_cast[unit].name
    expect(not _in_business(portal, name), f"未进入「{name}」的办税业务",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then(parsers.parse("页面不提供【{control}】"))
def does_not_offer(portal: PortalDriver, control: str) -> None:
    offered = portal.shows_control(control) or normalise(control) in normalise(portal.active_tab())
    expect(not offered, f"页面不提供【{control}】", lambda: f"「{portal.screen()}」页面上有【{control}】")


@then(parsers.re(r"页面提供“(?P<name>[^”]+)”的(?P<what>链接|二维码)"))
def offers_link_or_qr(portal: PortalDriver, name: str, what: str) -> None:
    expect(portal.shows_control(name), f"页面提供“{name}”的{what}", lambda: f"「{portal.screen()}」页面上没有")
