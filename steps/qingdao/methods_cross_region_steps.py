"""Steps of the Qingdao cross-region taxpayers (FAQ 12): their identities, the 特定主体 login, 【切换主管税务机关】."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from steps.common.expect import expect
from steps.qingdao import login_method_labels as label
from steps.qingdao.people import QdUser, tax_id_of

#: FAQ 12's two kinds; each identity is under a 主管税务机关 of its own (the suite's example authorities).
KINDS = ("跨区域报验户", "跨区域税源登记纳税人")
AUTHORITIES = {"跨区域报验户": "国家税务总局青岛市黄岛区税务局",
               "跨区域税源登记纳税人": "国家税务总局青岛市崂山区税务局"}


@given(parsers.parse("企业「{company}」在青岛是跨区域报验户和跨区域税源登记纳税人，由「{who}」办理"))
def cross_region(portal: PortalDriver, qd_users: dict[str, QdUser], company: str, who: str) -> None:
    user = qd_users[who]
    portal.hook("qingdao.cross_region.seed", {
        "person": user.document_number, "taxpayer": company,
        "tax_id": tax_id_of(user, company),
        "identities": [{"kind": kind, "authority": AUTHORITIES[kind]} for kind in KINDS]})


@then(parsers.parse("页面右上角显示「欢迎，某某纳税人」，某某纳税人为企业「{company}」"))
def welcome(portal: PortalDriver, company: str) -> None:
    expect(portal.shows_text(f"欢迎，{company}"), f"页面显示「欢迎，{company}」",
           lambda: f"页面「{portal.screen()}」")


@when(parsers.parse("切换为{kind}身份"))
def switch_to(portal: PortalDriver, kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"身份只能是{'或'.join(KINDS)}，而不是「{kind}」")
    options = [o for o in portal.choices(label.IDENTITY) if kind in o]
    expect(bool(options), f"可切换为{kind}身份", lambda: portal.choices(label.IDENTITY))
    portal.fill(label.IDENTITY, options[0])
    portal.click(label.CONFIRM_SWITCH)


@then(parsers.parse("当前身份为{kind}，主管税务机关为该身份的税务机关"))
def current_identity(portal: PortalDriver, kind: str) -> None:
    expect(portal.shows_text(kind) and portal.shows_text(AUTHORITIES[kind]), f"当前身份为{kind}（{AUTHORITIES[kind]}）",
           lambda: f"页面「{portal.screen()}」")


@then(parsers.parse("「{who}」不能选择跨区域报验户身份"))
def cannot_choose(portal: PortalDriver, who: str) -> None:
    """FAQ 12: 从企业业务入口登录时，怎么没法选择报验户身份了 — whatever the 首页 shows, no way leads to choosing the
    跨区域报验户 identity: 【切换主管税务机关】, where offered, does not offer it."""
    if not portal.shows_control("切换主管税务机关"):
        return
    portal.click("切换主管税务机关")
    offered = portal.choices(label.IDENTITY) if portal.shows_field(label.IDENTITY) else ()
    expect(not any(KINDS[0] in option for option in offered), f"「{who}」不能选择{KINDS[0]}身份",
           f"【切换主管税务机关】提供：{'、'.join(offered)}")
