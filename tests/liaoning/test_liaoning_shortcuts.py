"""The optional shortcuts (enterprise.first_login, personnel.identity, personnel.add_handler) leave the state the
pages leave, and refuse what the pages refuse, with the pages' words."""

from __future__ import annotations

import re

import pytest

from fixtures.identities import IdentityFactory
from simulator.bootstrap import Portal, build_portal
from simulator.common.test_control import SeedError
from simulator.liaoning.add_handler import NOT_FOUND
from simulator.liaoning.handler_choice import FIRST_LOGIN
from simulator.liaoning.personnel_screens import MANAGERS_ONLY, StaffScreen
from simulator.liaoning.screens import LnScreen
from simulator.variant import Variant
from tests.liaoning.liaoning_visitor import LiaoningVisitor
from tests.liaoning.personnel_visitor import BOSS_PASSWORD, boss_home, personnel_page

HANDLER_PASSWORD = "Wxyz5678#"


@pytest.fixture
def identities() -> IdentityFactory:
    return IdentityFactory("shortcut-tests")


def test_the_shortcuts_leave_what_the_pages_leave(portal: Portal, identities: IdentityFactory) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss, handler = visitor.person(identities, "法定代表人"), visitor.person(identities, "办税人员")
    tax_id, call = visitor.enterprise.tax_id, portal.test_control.call
    done = call("enterprise.first_login", {"tax_id": tax_id, "id_number": boss.document_number,
                                           "personal_password": BOSS_PASSWORD})
    assert done["first_login_done"] is True
    call("personnel.identity", {"tax_id": tax_id, "by_id_number": boss.document_number, "name": "全量办税",
                                "functions": ["税费申报及缴纳"]})
    call("personnel.add_handler", {"tax_id": tax_id, "by_id_number": boss.document_number, "name": handler.name,
                                   "id_number": handler.document_number, "personal_password": HANDLER_PASSWORD,
                                   "identities": ["全量办税"]})
    assert call("sms.outbox", {"phone": boss.phone})["messages"] == []  # no page asked for a code
    boss_home(visitor, boss, first=False)  # 「密码登录」 with the 个人密码 the shortcut set
    listed = personnel_page(visitor)
    assert listed.screen == StaffScreen.PERSONNEL
    assert [row[2] for row in listed.rows if row[0] == handler.name] == ["全量办税"]
    visitor.press("返回首页")
    visitor.press("退出")
    visitor.log_in()
    visitor.press(handler.document_number)
    visitor.press("密码登录")
    assert visitor.press("确定", 密码=HANDLER_PASSWORD).screen == LnScreen.HOME


def test_the_shortcuts_refuse_with_the_pages_words(portal: Portal, identities: IdentityFactory) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss, handler = visitor.person(identities, "法定代表人"), visitor.person(identities, "办税人员")
    uncollected = visitor.person(identities, "办税人员", collected=False)
    tax_id, call = visitor.enterprise.tax_id, portal.test_control.call
    with pytest.raises(SeedError, match=re.escape(FIRST_LOGIN)):  # 第1步: a 办税人员 cannot do the first login
        call("enterprise.first_login", {"tax_id": tax_id, "id_number": handler.document_number,
                                        "personal_password": HANDLER_PASSWORD})
    with pytest.raises(SeedError, match="8-15位"):  # the 个人密码 rule
        call("enterprise.first_login", {"tax_id": tax_id, "id_number": boss.document_number,
                                        "personal_password": "short"})
    call("enterprise.first_login", {"tax_id": tax_id, "id_number": boss.document_number,
                                    "personal_password": BOSS_PASSWORD})
    call("personnel.identity", {"tax_id": tax_id, "by_id_number": boss.document_number, "name": "全量办税"})
    with pytest.raises(SeedError, match=re.escape(NOT_FOUND)):  # 常见问题3: not collected, not found
        call("personnel.add_handler", {"tax_id": tax_id, "by_id_number": boss.document_number,
                                       "name": uncollected.name, "id_number": uncollected.document_number,
                                       "personal_password": HANDLER_PASSWORD, "identities": ["全量办税"]})
    call("personnel.add_handler", {"tax_id": tax_id, "by_id_number": boss.document_number, "name": handler.name,
                                   "id_number": handler.document_number, "personal_password": HANDLER_PASSWORD,
                                   "identities": ["全量办税"]})
    with pytest.raises(SeedError, match=re.escape(MANAGERS_ONLY)):  # only the 法定代表人 and 财务负责人 maintain
        call("personnel.identity", {"tax_id": tax_id, "by_id_number": handler.document_number, "name": "查询办税"})


def test_a_portal_without_the_personnel_pages_lists_only_the_first_login() -> None:
    listed = build_portal(variant=Variant.named("default", ln_logins_only=True)).test_control.capabilities()
    assert "enterprise.first_login" in listed
    assert not {"personnel.identity", "personnel.add_handler"} & set(listed)
