"""Steps of 企业人员维护 (Liaoning manual 二(一) 第5-9步, 三(一)): reaching the page, a row's 【删除】/【冻结】/…
confirmed, an identity maintained, a handler added; each walks the pages through stable control names a profile maps."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from drivers.protocol import TICKED, NotVerifiable, PortalDriver
from fixtures.enterprises import EnterpriseData
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect, expect_text, looking_for
from steps.common.shortcuts import hooked, taken_over
from steps.liaoning.login_steps import ETAX, HOME, log_out, password_login_as

#: 第8步: the search's 身份证件类型 (the registration and 实名采集 hold a 居民身份证号码).
RESIDENT_ID = "居民身份证"
#: 第5步: what a person clicks to reach 【企业人员维护】 (the enterprise's name, shown at the top right).
TAXPAYER_NAME = "右上角的纳税人名称（【企业人员维护】的入口）"
#: The suite's names for controls no guide names; a profile maps each to the portal's own control.
BACK_TO_PERSONNEL, CONFIRM, DECLINE = "返回", "确定", "取消"
ROW_ACTIONS = "删除|冻结|解冻|绑定|解绑"


def logged_in_by_hooks(portal: PortalDriver, enterprise: EnterpriseData, person: Identity, password: str) -> bool:
    """The way to the page, not the rule under test: the login (普通登录, the person, 「密码登录」) done on the portal's
    side and taken over on its 首页, which must show the enterprise; False (nothing done) where the portal lacks the
    optional `enterprise.logged_in`, and the caller walks the pages."""
    if not taken_over(portal, "enterprise.logged_in", {
            "tax_id": enterprise.tax_id, "enterprise_password": enterprise.password,
            "id_number": person.document_number, "personal_password": password}, ETAX):
        return False
    expect_text(HOME, portal.screen(), "「enterprise.logged_in」打开的页面")
    expect(portal.shows_text(enterprise.name), f"首页显示企业「{enterprise.name}」", "首页上没有")
    return True


def open_personnel(portal: PortalDriver, enterprise: EnterpriseData, person: Identity, password: str) -> None:
    """Logged in as this person (the optional `enterprise.logged_in`, else 普通登录 and 「密码登录」 on the pages),
    then 右上角纳税人名称 → 【企业人员维护】 (第5步)."""
    if not logged_in_by_hooks(portal, enterprise, person, password):
        password_login_as(portal, enterprise, person, password)
    with looking_for(TAXPAYER_NAME):
        portal.click(enterprise.name)
    with looking_for("纳税人名称下的【企业人员维护】"):
        portal.click("企业人员维护")


@given(parsers.parse("「{who}」登录企业「{name}」并打开【企业人员维护】"))
@when(parsers.parse("「{who}」登录企业「{name}」并打开【企业人员维护】"))
def personnel_page(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
                   personal_passwords: dict[str, str], who: str, name: str) -> None:
    open_personnel(portal, enterprises[name], cast[who], personal_passwords[who])


@when(parsers.parse("点击右上角的纳税人名称「{name}」"))
def open_menu(portal: PortalDriver, enterprises: dict[str, EnterpriseData], name: str) -> None:
    with looking_for(TAXPAYER_NAME):
        portal.click(enterprises[name].name)


@when(parsers.re(rf"点击办税人「(?P<who>[^」]+)」对应的【(?P<action>{ROW_ACTIONS})】(?P<how>并确认|，不确认)"))
def row_action(portal: PortalDriver, cast: dict[str, Identity], who: str, action: str, how: str) -> None:
    """三(一): 点击办税员名称对应的【…】按钮，确认后 — the confirmation is the suite's 确定/取消 (a profile maps it)."""
    with looking_for(f"办税人「{who}」所在行的【{action}】"):
        portal.click_in_row(cast[who].name, action)
    portal.click(CONFIRM if how == "并确认" else DECLINE)


@when(parsers.parse("点击办税人「{who}」对应的【{control}】"))
def click_in_row(portal: PortalDriver, cast: dict[str, Identity], who: str, control: str) -> None:
    with looking_for(f"办税人「{who}」所在行的【{control}】"):
        portal.click_in_row(cast[who].name, control)


@when(parsers.parse("为办税人「{who}」重置个人登录密码"))
def reset_password(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    """三(二): the guide names no control; 重置密码 is the suite's name for it (a profile maps it)."""
    with looking_for(f"办税人「{who}」所在行的【重置密码】（本套件的名称）"):
        portal.click_in_row(cast[who].name, "重置密码")


@given(parsers.re(rf"「(?P<handler>[^」]+)」已被「(?P<who>[^」]+)」在企业「(?P<name>[^」]+)」的【企业人员维护】中"
                  rf"(?P<action>{ROW_ACTIONS})"))
def acted_on(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
             personal_passwords: dict[str, str], handler: str, who: str, name: str, action: str) -> None:
    """History: the row's action, confirmed, by this 法定代表人 or 财务负责人; through the optional
    `personnel.row_action` where the portal offers it, else its pages (then logged out)."""
    if not _row_action_hook(portal, cast, enterprises[name], who, handler, action):
        open_personnel(portal, enterprises[name], cast[who], personal_passwords[who])
        row_action(portal, cast, handler, action, "并确认")
        log_out(portal)


@given(parsers.parse("「{who}」已在【企业人员维护】中为企业「{name}」的办税人「{handler}」重置个人登录密码"))
def was_reset(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
              personal_passwords: dict[str, str], who: str, name: str, handler: str) -> None:
    """History: 三(二) by this 法定代表人 or 财务负责人; through `personnel.row_action` (重置密码) where the portal
    offers it, else its pages."""
    if not _row_action_hook(portal, cast, enterprises[name], who, handler, "重置密码"):
        open_personnel(portal, enterprises[name], cast[who], personal_passwords[who])
        reset_password(portal, cast, handler)
        log_out(portal)


def _row_action_hook(portal: PortalDriver, cast: dict[str, Identity], enterprise: EnterpriseData, who: str,
                     handler: str, action: str) -> bool:
    """The optional shortcut `personnel.row_action`; False when the portal lacks it (the pages are walked then)."""
    return hooked(portal, "personnel.row_action", {
        "tax_id": enterprise.tax_id, "by_id_number": cast[who].document_number,
        "id_number": cast[handler].document_number, "action": action})


@when(parsers.parse("在【身份维护】中保存权限身份「{identity}」，勾选「{function}」，回到企业人员维护界面"))
def maintain_identity(portal: PortalDriver, identity: str, function: str | None) -> None:
    """第7步: 「权限身份名称」, 「权限描述」, 「勾选功能树」, 【保存】; then 回到企业人员维护界面 (第8步)."""
    portal.click("身份维护")
    portal.fill("权限身份名称", identity)
    portal.fill("权限描述", identity)
    if function:
        portal.fill(function, TICKED)
    portal.click("保存")
    portal.click(BACK_TO_PERSONNEL)


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


@when(parsers.re(r"添加办税人员「(?P<handler>[^」]+)」：【搜索】、【下一步】、设置个人密码、勾选身份「(?P<identity>[^」]+)」"
                 r"(?P<management>和「管理权限」)?、【确定】"))
def add_handler(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                personal_passwords: dict[str, str], handler: str, identity: str, management: str | None) -> None:
    """第8-9步, started on the 企业人员维护 screen."""
    portal.click("添加办税人员")
    type_person(portal, cast, handler)
    portal.click("搜索")
    portal.click("下一步")
    type_personal_password(portal, cast, identities, personal_passwords, "个人密码", "确认个人密码", handler)
    portal.fill(identity, TICKED)
    if management:
        portal.fill("管理权限", TICKED)
    portal.click("确定")


@given(parsers.re(r"「(?P<who>[^」]+)」已在企业「(?P<name>[^」]+)」的【企业人员维护】中维护权限身份「(?P<identity>[^」]+)」"
                  r"(?:，勾选「(?P<function>[^」]+)」)?(?:，并添加办税人员「(?P<handler>[^」]+)」)?"))
def maintained(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
               enterprises: dict[str, EnterpriseData], personal_passwords: dict[str, str], who: str, name: str,
               identity: str, function: str | None, handler: str | None) -> None:
    """第5-9步 as one history step: the identity (with a function ticked, or none), then the handler added; through
    the optional `personnel.identity` and `personnel.add_handler` where the portal offers them, else its pages."""
    enterprise, by = enterprises[name], cast[who].document_number
    try:
        portal.hook("personnel.identity", {"tax_id": enterprise.tax_id, "by_id_number": by, "name": identity,
                                           "description": identity, "functions": [function] if function else []})
    except NotVerifiable:
        open_personnel(portal, enterprise, cast[who], personal_passwords[who])
        maintain_identity(portal, identity, function)
        if handler:
            add_and_check(portal, cast, identities, personal_passwords, handler, identity)
        log_out(portal)
        return
    if handler:
        password = identities.new_password(cast[handler])
        try:
            portal.hook("personnel.add_handler", {
                "tax_id": enterprise.tax_id, "by_id_number": by, "name": cast[handler].name,
                "id_number": cast[handler].document_number, "personal_password": password, "identities": [identity],
                "management": False})
            personal_passwords[handler] = password
        except NotVerifiable:
            open_personnel(portal, enterprise, cast[who], personal_passwords[who])
            add_and_check(portal, cast, identities, personal_passwords, handler, identity)
            log_out(portal)


def add_and_check(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory,
                  personal_passwords: dict[str, str], handler: str, identity: str) -> None:
    """第8-9步 on the pages, from the 企业人员维护 screen; the new row is listed."""
    add_handler(portal, cast, identities, personal_passwords, handler, identity, None)
    expect(portal.shows_row((cast[handler].name,)), f"「{handler}」已添加",
           lambda: f"「{portal.screen()}」，提示「{portal.message()}」")


@given(parsers.re(r"「(?P<who>[^」]+)」已在企业「(?P<name>[^」]+)」通过“权限管理”(?:把「(?P<handler>[^」]+)」的身份类型改为「(?P<identity>[^」]+)」"
                  r"|取消「(?P<all_of>[^」]+)」的全部身份类型)"))
def permissions_changed(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
                        personal_passwords: dict[str, str], who: str, name: str, handler: str | None,
                        identity: str | None, all_of: str | None) -> None:
    """Summary 第四步 “权限管理”: every 身份类型 box unticked but the one named; 【确定】 (the suite's, as on 添加);
    through the optional `personnel.permissions` where the portal offers it, else its pages (then logged out)."""
    enterprise, person = enterprises[name], cast[handler or all_of or ""]
    if not hooked(portal, "personnel.permissions", {
            "tax_id": enterprise.tax_id, "by_id_number": cast[who].document_number,
            "id_number": person.document_number, "identities": [identity] if identity else []}):
        open_personnel(portal, enterprise, cast[who], personal_passwords[who])
        portal.click_in_row(person.name, "权限管理")
        for offered in portal.choices("身份类型"):
            portal.fill(offered, TICKED if offered == identity else "")
        portal.click(CONFIRM)
        log_out(portal)


@then(parsers.parse("企业人员维护中列出办税人「{who}」"))
def personnel_lists(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    name = cast[who].name
    expect(portal.shows_row((name,)), f"企业人员维护中列出「{name}」", lambda: f"「{portal.screen()}」上没有这一行")
