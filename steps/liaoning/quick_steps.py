"""Steps of the Liaoning enterprise 快捷登录: the identity, its real-name mobile, 勾选【…】 as the manual writes it."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from drivers.protocol import TICKED, PortalDriver
from fixtures.enterprises import EnterpriseData
from fixtures.identities import Identity
from steps.common.expect import expect
from steps.common.sms import last_sms_code
from steps.liaoning.observe_steps import role_names


@when(parsers.parse("勾选【{label}】"))
def tick_or_choose(portal: PortalDriver, label: str) -> None:
    """The manual says 勾选 both for the way of login (【快捷登录】) and for the agreement box (【同意协议】)."""
    if portal.shows_field(label):
        portal.fill(label, TICKED)
    else:
        portal.click(label)


@when(parsers.parse("在快捷登录中填写企业「{name}」的纳税人识别号和企业密码"))
def quick_enterprise(portal: PortalDriver, enterprises: dict[str, EnterpriseData], name: str) -> None:
    portal.fill("纳税人识别号", enterprises[name].tax_id)
    portal.fill("企业密码", enterprises[name].password)


@when(parsers.parse("选择登录身份「{role}」并填写「{who}」实名采集的手机号码"))
def quick_identity(portal: PortalDriver, cast: dict[str, Identity], role: str, who: str) -> None:
    """The identity is picked in whichever of the guides' wordings the portal offers (法定代表人（业主）, 办税员…)."""
    offered = portal.choices("登录身份")
    portal.fill("登录身份", next((name for name in role_names(role) if name in offered), role))
    portal.fill("手机号码", cast[who].phone)


@when("在「验证码」中输入错误的短信验证码")
def quick_wrong_code(portal: PortalDriver) -> None:
    portal.fill("验证码", "000000")  # six digits, never issued: codes are drawn as random six digits


@when(parsers.parse("「{who}」以登录身份「{role}」快捷登录企业「{name}」"))
def quick_login(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData], who: str,
                role: str, name: str) -> None:
    """二(一) 快捷登录 1-5: 【企业登录】, 【快捷登录】, 税号和密码, 身份和手机号, 验证码, 【同意协议】, 【登录】."""
    portal.open_entry("辽宁省电子税务局")
    portal.click("企业登录")
    tick_or_choose(portal, "快捷登录")
    quick_enterprise(portal, enterprises, name)
    quick_identity(portal, cast, role, who)
    portal.click("获取验证码")
    portal.fill("验证码", last_sms_code(portal, cast[who].phone, required=False))
    tick_or_choose(portal, "同意协议")
    portal.click("登录")


@then(parsers.re(r"页面显示企业「(?P<name>[^」]+)」"))
def shows_enterprise(portal: PortalDriver, enterprises: dict[str, EnterpriseData], name: str) -> None:
    """Manual 第5步 / summary 02: the 首页's 右上角 shows the 纳税人名称. Who logged in, or the agency acting, no guide
    says the page shows: not asserted (issue 19)."""
    text = enterprises[name].name
    expect(portal.shows_text(text), f"页面显示「{text}」", lambda: f"「{portal.screen()}」页面上没有")
