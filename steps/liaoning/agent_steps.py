"""Steps of 代理机构登录: the agency's own login, the clients that certified it, their 协议密码."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.enterprises import EnterpriseData, EnterpriseFactory
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect, looking_for, normalise
from steps.common.refusals import absolve, blame
from steps.liaoning.login_steps import set_personal_password, sms_confirm

CERTIFIED = parsers.parse("「{client}」已通过「代理机构认定管理」认定代理机构「{agency}」")
CANCELLED = parsers.parse("「{client}」已取消认定代理机构「{agency}」")


@pytest.fixture
def agreement_passwords() -> dict[tuple[str, str], str]:
    """(client, agency) → the 协议密码 the client gave the agency when it certified it."""
    return {}


@given(CERTIFIED)
def certified(portal: PortalDriver, enterprise_factory: EnterpriseFactory, enterprises: dict[str, EnterpriseData],
              agreement_passwords: dict[tuple[str, str], str], client: str, agency: str) -> None:
    """「代理机构认定管理」 is the enterprise's page after its own login (not built): the outcome is seeded."""
    password = enterprise_factory.agreement_password()
    portal.hook("agency.certify", {"client_tax_id": enterprises[client].tax_id,
                                   "agency_tax_id": enterprises[agency].tax_id, "agreement_password": password})
    agreement_passwords[(client, agency)] = password


@given(CANCELLED)
@when(CANCELLED)
def cancelled(portal: PortalDriver, enterprises: dict[str, EnterpriseData], client: str, agency: str) -> None:
    portal.hook("agency.cancel", {"client_tax_id": enterprises[client].tax_id,
                                  "agency_tax_id": enterprises[agency].tax_id})


@when(parsers.parse("以代理机构「{agency}」的纳税人识别号和登录密码进行代理机构登录"))
def agent_login(portal: PortalDriver, enterprises: dict[str, EnterpriseData], agency: str) -> None:
    portal.open_entry("辽宁省电子税务局")
    portal.click("代理机构登录")
    portal.fill("纳税人识别号", enterprises[agency].tax_id)
    portal.fill("登录密码", enterprises[agency].password)
    portal.click("登录")


@when(parsers.parse("选择待办人员「{who}」，进行手机短信登录"))
def agent_person_sms(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                     personal_passwords: dict[str, str], who: str) -> None:
    """Summary 第二步. Whether the persons must first be synced, and whether a personal password is then asked for,
    the guides leave open: the step does either only where the portal asks (the guide names neither for agents)."""
    name = cast[who].name
    if not portal.shows_control(name) and portal.shows_control("同步办税人"):
        portal.click("同步办税人")
    with looking_for(f"待办人员列表中的「{who}」"):
        portal.click(name)
    portal.click("获取验证码")
    sms_confirm(portal, cast, who)
    if normalise(portal.screen()) == normalise("设置个人密码"):
        set_personal_password(portal, cast, identities, personal_passwords, who)


@when(parsers.parse("选择待办人员「{who}」，进行密码登录"))
def agent_person_password(portal: PortalDriver, cast: dict[str, Identity], personal_passwords: dict[str, str],
                          who: str) -> None:
    """Summary 第二步 「密码登录」 with the person's personal password (set at his first 普通登录 of the agency)."""
    with looking_for(f"待办人员列表中的「{who}」"):
        portal.click(cast[who].name)
    portal.click("密码登录")
    portal.fill("密码", personal_passwords[who])
    portal.click("确定")


@when(parsers.re(r"选择待办企业「(?P<client>[^」]+)」并输入(?P<which>其|错误的)协议密码"))
def choose_client(portal: PortalDriver, enterprises: dict[str, EnterpriseData],
                  agreement_passwords: dict[tuple[str, str], str], wrong_factor: dict[str, str], client: str,
                  which: str) -> None:
    portal.fill("待办企业", enterprises[client].name)
    right = next((p for (c, _), p in agreement_passwords.items() if c == client), "")
    portal.fill("协议密码", right if which == "其" else right + "x9")
    if which == "其":
        absolve(wrong_factor, "协议密码")
    else:
        blame(wrong_factor, "协议密码")
    portal.click("确定")


@then(parsers.re(r"页面(?P<no>未)?列出待办企业「(?P<client>[^」]+)」"))
def client_listed(portal: PortalDriver, enterprises: dict[str, EnterpriseData], no: str | None, client: str) -> None:
    name = enterprises[client].name
    if no:
        expect(not portal.shows_text(name), f"页面上没有待办企业「{name}」", "页面上有")
    else:
        expect(portal.shows_row((name,)), f"页面列出待办企业「{name}」", "没有这一行")
