"""Steps of 企业人员维护 and 密码管理 (Liaoning manual 二(一) 第5-9步, 三(一), 三(二)): the 右上角纳税人名称 menu,
a row's 【删除】/【冻结】/【权限管理】/…, boxes of a group ticked (or shown ticked), a handler added, logging in with
one password or another."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from drivers.protocol import TICKED, PortalDriver
from fixtures.enterprises import EnterpriseData
from fixtures.identities import Identity, IdentityFactory
from steps.expect import expect, expect_text
from steps.liaoning_login_steps import HOME, normal_login

#: 第8步: the search's 身份证件类型 (the registration and 实名采集 hold a 居民身份证号码).
RESIDENT_ID = "居民身份证"


def _password_login(portal: PortalDriver, enterprise: EnterpriseData, person: Identity, password: str) -> None:
    """普通登录, the person, 「密码登录」 with this password, 【确定】."""
    normal_login(portal, {"": enterprise}, "")
    portal.click(person.name)
    portal.click("密码登录")
    portal.fill("密码", password)
    portal.click("确定")


@when(parsers.re(r"「(?P<who>[^」]+)」以(?P<which>个人密码|自然人电子税务局登录密码|个人密码「(?P<given>[^」]+)」)"
                 r"登录企业「(?P<name>[^」]+)」"))
def password_login(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
                   personal_passwords: dict[str, str], who: str, which: str, given: str | None, name: str) -> None:
    password = given or (cast[who].password if which.startswith("自然人") else personal_passwords[who])
    _password_login(portal, enterprises[name], cast[who], password)


@when(parsers.parse("点击右上角的纳税人名称「{name}」"))
def open_menu(portal: PortalDriver, enterprises: dict[str, EnterpriseData], name: str) -> None:
    portal.click(enterprises[name].name)


@when(parsers.parse("点击办税人「{who}」对应的【{control}】"))
def click_in_row(portal: PortalDriver, cast: dict[str, Identity], who: str, control: str) -> None:
    portal.click_in_row(cast[who].name, control)


@when(parsers.re(r"在「(?P<group>[^」]+)」中(?P<undo>取消)?勾选「(?P<option>[^」]+)」"))
def tick_in_group(portal: PortalDriver, group: str, undo: str | None, option: str) -> None:
    portal.fill(option, "" if undo else TICKED)


@when(parsers.parse("在「姓名」、「身份证件类型」、「身份证件号码」中填写「{who}」的信息"))
def type_person(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    portal.fill("姓名", cast[who].name)
    portal.fill("身份证件类型", RESIDENT_ID)
    portal.fill("身份证件号码", cast[who].document_number)


@when(parsers.re(r"在「(?P<first>[^」]+)」和「(?P<second>[^」]+)」中设置「(?P<who>[^」]+)」的(?P<new>新)?个人密码"))
def type_personal_password(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                           personal_passwords: dict[str, str], first: str, second: str, who: str,
                           new: str | None = None) -> None:
    """A rule-satisfying password, remembered as the person's 个人密码 from now on."""
    password = identities.new_password(cast[who])
    portal.fill(first, password)
    portal.fill(second, password)
    personal_passwords[who] = password


@when(parsers.parse("在「新密码」和「确认新密码」中设置企业「{name}」的新企业密码"))
def type_enterprise_password(portal: PortalDriver, identities: IdentityFactory, new_passwords: dict[str, str],
                             name: str) -> None:
    password = identities.new_password(identities.person())  # the rule of the personal password: no other given
    portal.fill("新密码", password)
    portal.fill("确认新密码", password)
    new_passwords[name] = password


@given(parsers.re(r"「(?P<who>[^」]+)」已在企业「(?P<name>[^」]+)」的【企业人员维护】中维护权限身份「(?P<identity>[^」]+)」"
                  r"(?:，勾选「(?P<function>[^」]+)」)?(?:，并添加办税人员「(?P<handler>[^」]+)」)?"))
def maintained(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
               enterprises: dict[str, EnterpriseData], personal_passwords: dict[str, str], who: str, name: str,
               identity: str, function: str | None, handler: str | None) -> None:
    """第5-9步 as one history step: the identity (with a function ticked, or none), then the handler added."""
    _password_login(portal, enterprises[name], cast[who], personal_passwords[who])
    portal.click(enterprises[name].name)
    portal.click("企业人员维护")
    portal.click("身份维护")
    portal.fill("权限身份名称", identity)
    portal.fill("权限描述", identity)
    if function:
        portal.fill(function, TICKED)
    portal.click("保存")
    portal.click("返回")
    if handler:
        portal.click("添加办税人员")
        type_person(portal, cast, handler)
        portal.click("搜索")
        portal.click("下一步")
        type_personal_password(portal, cast, identities, personal_passwords, "个人密码", "确认个人密码", handler)
        portal.fill(identity, TICKED)
        portal.click("确定")
        expect(portal.shows_row((cast[handler].name, identity)), f"「{handler}」已添加，身份为「{identity}」",
               f"「{portal.screen()}」，提示「{portal.message()}」")
    portal.click("返回首页")
    expect_text(HOME, portal.screen(), "当前页面")
    portal.click("退出")


@then(parsers.re(r"「(?P<group>[^」]+)」中(?:没有可勾选的项目|可勾选「(?P<option>[^」]+)」)"))
def group_choices(portal: PortalDriver, group: str, option: str | None) -> None:
    offered = portal.choices(group)
    wanted = f"「{group}」中可勾选「{option}」" if option else f"「{group}」中没有可勾选的项目"
    expect(option in offered if option else not offered, wanted, f"可勾选：{'、'.join(offered) or '无'}")


@then(parsers.re(r"页面列出「(?P<who>[^」]+)」，(?P<what>权限身份|状态)为「(?P<value>[^」]+)」"))
def listed_with(portal: PortalDriver, cast: dict[str, Identity], who: str, what: str, value: str) -> None:
    name = cast[who].name
    expect(portal.shows_row((name, value)), f"企业人员中有「{name}」，{what}为「{value}」", "没有这一行")



@then(parsers.re(r"「(?P<where>[^」]+)」(?:中(?P<state>已|未)勾选「(?P<box>[^」]+)」|(?P<alone>已|未)勾选)"))
def shown_ticked(portal: PortalDriver, where: str, state: str | None, box: str | None, alone: str | None) -> None:
    """A box of a group (「身份类型」中已勾选「全量办税」) or a box alone (「管理权限」已勾选), as the page shows it."""
    shown = portal.ticked(box or where)
    wanted = f"「{where}」中{state}勾选「{box}」" if box else f"「{where}」{alone}勾选"
    expect(shown == ((state or alone) == "已"), wanted, "已勾选" if shown else "未勾选")
