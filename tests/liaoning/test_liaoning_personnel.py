"""企业人员维护 below the features: identities, adding a handler, the row actions and their confirmation."""

from __future__ import annotations

import pytest

from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal
from simulator.liaoning.add_handler import NO_IDENTITY, NOT_FOUND
from simulator.liaoning.enterprise_personnel import NO_NATURAL_ACCOUNT
from simulator.liaoning.personnel_screens import MANAGERS_ONLY, StaffScreen
from simulator.liaoning.screens import LnScreen
from tests.liaoning.liaoning_visitor import LiaoningVisitor
from tests.liaoning.personnel_visitor import add_handler, add_identity, boss_home, personnel_page


@pytest.fixture
def identities() -> IdentityFactory:
    return IdentityFactory("personnel-tests")


def _on_personnel_page(portal: Portal, identities: IdentityFactory) -> tuple[LiaoningVisitor, Identity]:
    """The legal representative on 企业人员维护; a registered, collected, linked 办税人员 synced with them."""
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss = visitor.person(identities, "法定代表人")
    handler = visitor.person(identities, "办税人员")
    boss_home(visitor, boss)
    personnel_page(visitor)
    return visitor, handler


def test_only_a_collected_linked_registered_handler_is_found(portal: Portal, identities: IdentityFactory) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss = visitor.person(identities, "法定代表人")
    finance = visitor.person(identities, "财务负责人")
    uncollected = visitor.person(identities, "办税人员", collected=False)
    boss_home(visitor, boss)
    personnel_page(visitor)
    visitor.press("添加办税人员")
    for who in (uncollected, finance):
        found = visitor.press("搜索", 姓名=who.name, 身份证件类型="居民身份证", 身份证件号码=who.document_number)
        assert found.message is not None
        assert found.message.text == NOT_FOUND
        assert not found.rows
    assert visitor.press("下一步").screen == StaffScreen.ADD_HANDLER


def test_without_an_identity_nothing_can_be_ticked_and_nothing_is_added(portal: Portal,
                                                                         identities: IdentityFactory) -> None:
    visitor, handler = _on_personnel_page(portal, identities)
    refused = add_handler(visitor, handler, "全量办税")
    assert refused.screen == StaffScreen.HANDLER_DETAILS
    assert refused.options["身份类型"] == ()
    assert refused.message is not None
    assert refused.message.text == NO_IDENTITY
    visitor.press("返回")
    listed = visitor.press("返回")
    assert listed.screen == StaffScreen.PERSONNEL
    assert [row[2] for row in listed.rows if row[0] == handler.name] == [""]  # synced, but given no identity


def test_added_handler_gets_the_identitys_functions_and_quick_login(portal: Portal,
                                                                    identities: IdentityFactory) -> None:
    visitor, handler = _on_personnel_page(portal, identities)
    add_identity(visitor, "全量办税", "历史办税操作查找")
    added = add_handler(visitor, handler, "全量办税")
    assert added.screen == StaffScreen.PERSONNEL, added.message
    assert any(row[0] == handler.name and row[2] == "全量办税" for row in added.rows)
    visitor.press("返回首页")
    visitor.press("退出")
    visitor.press("快捷登录")
    form = {"纳税人识别号": visitor.enterprise.tax_id, "企业密码": visitor.enterprise.password, "登录身份": "办税人员",
            "手机号码": handler.phone, "同意协议": "勾选"}
    visitor.press("获取验证码", **form)
    home = visitor.press("登录", **{**form, "验证码": visitor.sms_code(handler.phone)})
    assert home.screen == LnScreen.HOME
    assert "历史办税操作查找" in home.controls
    assert "税费申报及缴纳" not in home.controls
    menu = visitor.press(visitor.enterprise.name)
    assert "修改密码" in menu.controls
    assert "企业人员维护" not in menu.controls
    refused = visitor.press("企业人员维护")
    assert refused.message is not None
    assert refused.message.text == MANAGERS_ONLY


def test_delete_waits_for_confirmation_and_survives_a_sync(portal: Portal, identities: IdentityFactory) -> None:
    visitor, handler = _on_personnel_page(portal, identities)
    page = visitor.view
    assert page is not None
    assert any(row[0] == handler.name for row in page.rows)  # synced with the boss
    visitor.press("删除", 人员=handler.document_number)
    kept = visitor.press("取消")
    assert any(row[0] == handler.name for row in kept.rows)
    visitor.press("删除", 人员=handler.document_number)
    gone = visitor.press("确定")
    assert not any(row[0] == handler.name for row in gone.rows)
    visitor.press("返回首页")
    visitor.press("退出")
    visitor.log_in()
    again = visitor.press("同步办税人")
    assert not any(row[0] == handler.name for row in again.rows)


def test_binding_needs_a_natural_person_account(portal: Portal, identities: IdentityFactory) -> None:
    visitor, handler = _on_personnel_page(portal, identities)
    visitor.press("绑定", 人员=handler.document_number)
    refused = visitor.press("确定")
    assert refused.message is not None
    assert refused.message.text == NO_NATURAL_ACCOUNT
    assert any(row[0] == handler.name and row[-1] == "未绑定" for row in refused.rows)
