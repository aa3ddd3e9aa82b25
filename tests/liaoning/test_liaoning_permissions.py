"""【权限管理】 below the features: a 办税员's identities and 管理权限 shown ticked, replaced, or all taken away."""

from __future__ import annotations

import pytest

from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal
from simulator.liaoning.personnel_screens import StaffScreen
from simulator.store.personnel import PersonnelStore
from simulator.web.app import create_app
from tests.liaoning.liaoning_visitor import LiaoningVisitor
from tests.liaoning.personnel_visitor import add_handler, add_identity, boss_home, personnel_page


@pytest.fixture
def identities() -> IdentityFactory:
    return IdentityFactory("permission-tests")


def _with_added_handler(portal: Portal, identities: IdentityFactory) -> tuple[LiaoningVisitor, Identity, Identity]:
    """The boss on 企业人员维护 with identities 全量办税 (申报) and 查询办税 (历史), the handler given 全量办税."""
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss = visitor.person(identities, "法定代表人")
    handler = visitor.person(identities, "办税人员")
    boss_home(visitor, boss)
    personnel_page(visitor)
    add_identity(visitor, "全量办税", "税费申报及缴纳")
    add_identity(visitor, "查询办税", "历史办税操作查找")
    assert add_handler(visitor, handler, "全量办税").screen == StaffScreen.PERSONNEL
    return visitor, boss, handler


def test_the_page_shows_what_was_given_and_saving_replaces_it(portal: Portal, identities: IdentityFactory) -> None:
    visitor, _, handler = _with_added_handler(portal, identities)
    page = visitor.press("权限管理", 人员=handler.document_number)
    assert page.screen == StaffScreen.PERMISSIONS
    assert page.options["身份类型"] == ("全量办税", "查询办税")
    assert page.values == {"全量办税": "勾选"}
    saved = visitor.press("确定", 查询办税="勾选", 管理权限="勾选")
    assert saved.screen == StaffScreen.PERSONNEL
    assert any(row[0] == handler.name and row[2] == "查询办税" and row[4] == "有" for row in saved.rows)
    tax_id = visitor.enterprise.tax_id
    assert PersonnelStore(portal.store).functions_of(tax_id, handler.document_number) == ("历史办税操作查找",)
    again = visitor.press("权限管理", 人员=handler.document_number)
    assert again.values == {"查询办税": "勾选", "管理权限": "勾选"}


def test_taking_every_identity_away_leaves_the_row_but_no_function(portal: Portal,
                                                                  identities: IdentityFactory) -> None:
    visitor, _, handler = _with_added_handler(portal, identities)
    visitor.press("权限管理", 人员=handler.document_number)
    saved = visitor.press("确定")
    assert [row[2] for row in saved.rows if row[0] == handler.name] == [""]
    assert PersonnelStore(portal.store).functions_of(visitor.enterprise.tax_id, handler.document_number) == ()


def test_only_a_handlers_row_has_it(portal: Portal, identities: IdentityFactory) -> None:
    visitor, boss, _ = _with_added_handler(portal, identities)
    refused = visitor.press("权限管理", 人员=boss.document_number)
    assert refused.screen == StaffScreen.PERSONNEL
    assert refused.refused


def test_the_served_page_ticks_the_given_boxes(portal: Portal, identities: IdentityFactory) -> None:
    visitor, _, handler = _with_added_handler(portal, identities)
    visitor.press("权限管理", 人员=handler.document_number, 管理权限="勾选")
    visitor.press("确定", 全量办税="勾选", 管理权限="勾选")
    page = visitor.press("权限管理", 人员=handler.document_number)
    app = create_app(portal)
    with app.test_request_context():
        html = app.jinja_env.get_template("page.html").render(view=page, act_url="/etax/act", entry="辽宁省电子税务局")
    assert html.count(" checked>") == 2  # 全量办税 and 管理权限, not 查询办税
    assert 'value="勾选" checked><label for="st-f4">管理权限</label>' in html
