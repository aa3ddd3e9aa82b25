"""The optional shortcuts personnel.row_action and personnel.permissions leave the state the pages leave, refuse what
the pages refuse (with their words), and the history Givens walk the pages where a portal lacks them."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from drivers.inprocess import InProcessDriver
from drivers.protocol import PortalDriver
from etax_conformance.hooks_check import run_hooks_check
from etax_conformance.serving import ServedSimulator
from etax_conformance.without_hooks import WithoutHooks
from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal, build_portal
from simulator.common.test_control import SeedError
from simulator.liaoning.enterprise_personnel import NO_NATURAL_ACCOUNT
from simulator.liaoning.handler_login import RESET_PASSWORD
from simulator.liaoning.personnel_screens import MANAGERS_ONLY, StaffScreen
from simulator.liaoning.screens import FROZEN, LnScreen
from simulator.variant import Variant
from steps.liaoning.personnel_steps import acted_on, permissions_changed, was_reset
from tests.liaoning.liaoning_visitor import LiaoningVisitor
from tests.liaoning.personnel_visitor import BOSS_PASSWORD, boss_home, personnel_page

HANDLER_PASSWORD = "Wxyz5678#"
SHORTCUTS = "personnel.row_action,personnel.permissions"


@pytest.fixture
def identities() -> IdentityFactory:
    return IdentityFactory("row-shortcut-tests")


def _world(portal: Portal, identities: IdentityFactory) -> tuple[LiaoningVisitor, dict[str, Identity]]:
    """甲公司 with 张三 (法定代表人, logged in once), 李四 (财务负责人, never logged in), 王五 (办税人员, added with
    「全量办税」; 「查询办税」 maintained too) — through the shortcuts the previous session tested."""
    visitor = LiaoningVisitor.with_enterprise(portal)
    cast = {"张三": visitor.person(identities, "法定代表人"), "李四": visitor.person(identities, "财务负责人"),
            "王五": visitor.person(identities, "办税人员")}
    tax_id, boss, call = visitor.enterprise.tax_id, cast["张三"].document_number, portal.test_control.call
    call("enterprise.first_login", {"tax_id": tax_id, "id_number": boss, "personal_password": BOSS_PASSWORD})
    for name, function in (("全量办税", "税费申报及缴纳"), ("查询办税", "历史办税操作查找")):
        call("personnel.identity", {"tax_id": tax_id, "by_id_number": boss, "name": name, "functions": [function]})
    call("personnel.add_handler", {"tax_id": tax_id, "by_id_number": boss, "name": cast["王五"].name,
                                   "id_number": cast["王五"].document_number, "personal_password": HANDLER_PASSWORD,
                                   "identities": ["全量办税"]})
    return visitor, cast


def _body(visitor: LiaoningVisitor, cast: dict[str, Identity], who: str, **more: Any) -> dict[str, Any]:
    return {"tax_id": visitor.enterprise.tax_id, "by_id_number": cast["张三"].document_number,
            "id_number": cast[who].document_number, **more}


def _choose(visitor: LiaoningVisitor, person: Identity) -> LiaoningVisitor:
    """A new tab: 普通登录, then the person picked from the list (the 办税人员选择's answer in its view)."""
    tab = LiaoningVisitor(visitor.portal, visitor.enterprise)
    tab.log_in()
    tab.press(person.document_number)
    return tab


def _said(tab: LiaoningVisitor) -> str:
    return tab.view.message.text if tab.view is not None and tab.view.message is not None else ""


def _rows(visitor: LiaoningVisitor, boss: Identity) -> dict[str, tuple[str, ...]]:
    """The boss's 企业人员维护 list in a new tab, by name (then logged out)."""
    visitor = LiaoningVisitor(visitor.portal, visitor.enterprise)
    boss_home(visitor, boss, first=False)
    listed = personnel_page(visitor)
    assert listed.screen == StaffScreen.PERSONNEL, listed.message
    visitor.press("返回首页")
    visitor.press("退出")
    return {row[0]: row for row in listed.rows}


def test_a_frozen_handler_is_refused_with_the_frozen_message(portal: Portal, identities: IdentityFactory) -> None:
    visitor, cast = _world(portal, identities)
    done = portal.test_control.call("personnel.row_action", _body(visitor, cast, "王五", action="冻结"))
    assert done == {"tax_id": visitor.enterprise.tax_id, "id_number": cast["王五"].document_number, "action": "冻结"}
    refused = _choose(visitor, cast["王五"])
    assert _said(refused) == FROZEN  # LN-R06 (section-message on the default portal)
    assert refused.view is not None
    assert refused.view.screen == LnScreen.HANDLERS
    portal.test_control.call("personnel.row_action", _body(visitor, cast, "王五", action="解冻"))
    chosen = _choose(visitor, cast["王五"]).view
    assert chosen is not None
    assert chosen.screen == LnScreen.IDENTITY


def test_a_reset_password_is_111111_and_a_deleted_handler_is_gone(portal: Portal, identities: IdentityFactory) -> None:
    visitor, cast = _world(portal, identities)
    portal.test_control.call("personnel.row_action", _body(visitor, cast, "王五", action="重置密码"))
    tab = _choose(visitor, cast["王五"])
    tab.press("密码登录")
    assert tab.press("确定", 密码=HANDLER_PASSWORD).screen == LnScreen.IDENTITY  # the old one is refused
    assert tab.press("确定", 密码=RESET_PASSWORD).screen != LnScreen.IDENTITY
    portal.test_control.call("personnel.row_action", _body(visitor, cast, "王五", action="删除"))
    assert cast["王五"].name not in _rows(visitor, cast["张三"])


def test_permissions_tick_exactly_the_identities_given(portal: Portal, identities: IdentityFactory) -> None:
    visitor, cast = _world(portal, identities)
    call = portal.test_control.call
    changed = call("personnel.permissions", _body(visitor, cast, "王五", identities=["查询办税"]))
    assert changed["identities"] == ["查询办税"]
    assert changed["management"] is False
    assert _rows(visitor, cast["张三"])[cast["王五"].name][2] == "查询办税"
    managing = call("personnel.permissions", _body(visitor, cast, "王五", identities=["全量办税"], management=True))
    assert managing["management"] is True
    kept = call("personnel.permissions", _body(visitor, cast, "王五", identities=[]))  # 管理权限 left as it was
    assert kept["identities"] == []
    assert kept["management"] is True
    row = _rows(visitor, cast["张三"])[cast["王五"].name]
    assert (row[2], row[4]) == ("", "有")


@pytest.mark.parametrize(("capability", "who", "more", "said"), [
    ("personnel.row_action", "李四", {"action": "冻结"}, "has not logged in"),
    ("personnel.row_action", "张三", {"action": "冻结"}, "这一行没有【冻结】"),  # the 法定代表人's row
    ("personnel.row_action", "王五", {"action": "解冻"}, "这一行没有【解冻】"),  # not frozen
    ("personnel.row_action", "王五", {"action": "绑定"}, NO_NATURAL_ACCOUNT),  # what the confirmation refuses
    ("personnel.row_action", "王五", {"action": "升级"}, "'action' must be one of"),
    ("personnel.row_action", "nobody", {"action": "重置密码"}, "请选择企业人员"),
    ("personnel.permissions", "张三", {"identities": []}, "这一行没有【权限管理】"),
    ("personnel.permissions", "王五", {"identities": ["全能办税"]}, "「身份类型」中没有 全能办税"),
    ("personnel.permissions", "nobody", {"identities": []}, "请选择要管理权限的办税人员"),
])
def test_the_shortcuts_refuse_what_the_pages_refuse(portal: Portal, identities: IdentityFactory, capability: str,
                                                    who: str, more: dict[str, Any], said: str) -> None:
    visitor, cast = _world(portal, identities)
    cast["nobody"] = identities.person()  # in no registration: the page lists no such row
    body = _body(visitor, cast, who, **more)
    if who == "李四":
        body = {**body, "by_id_number": cast["李四"].document_number, "id_number": cast["王五"].document_number}
    with pytest.raises(SeedError, match=re.escape(said)):
        portal.test_control.call(capability, body)


def test_a_handler_may_not_maintain(portal: Portal, identities: IdentityFactory) -> None:
    visitor, cast = _world(portal, identities)
    body = {**_body(visitor, cast, "王五"), "by_id_number": cast["王五"].document_number}
    for capability, more in (("personnel.row_action", {"action": "重置密码"}), ("personnel.permissions",
                                                                               {"identities": []})):
        with pytest.raises(SeedError, match=re.escape(MANAGERS_ONLY)):
            portal.test_control.call(capability, {**body, **more})


def test_a_portal_without_the_personnel_pages_does_not_list_them() -> None:
    listed = build_portal(variant=Variant.named("default", ln_logins_only=True)).test_control.capabilities()
    assert not {"personnel.row_action", "personnel.permissions"} & set(listed)


def test_the_hooks_check_calls_both_on_the_served_simulator(tmp_path: Path) -> None:
    served = ServedSimulator.start(tmp_path / "portal.sqlite3")
    try:
        out = io.StringIO()
        assert run_hooks_check(out, served.url, served.hooks_token) == 0, out.getvalue()
    finally:
        served.stop()
    assert "ok       personnel.permissions\n" in out.getvalue()  # the documented examples, after x-check-setup
    assert "ok       personnel.row_action\n" in out.getvalue()


class Counting:
    """A driver that counts the pages' gestures (click, fill, click_in_row) and hooks calls it passes on."""

    def __init__(self, driver: PortalDriver) -> None:
        self._driver, self.gestures = driver, 0
        self.hooks: list[str] = []

    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        self.hooks.append(capability)
        return self._driver.hook(capability, payload)

    def __getattr__(self, name: str) -> Any:
        if name in ("click", "fill", "click_in_row"):
            self.gestures += 1
        return getattr(self._driver, name)


@pytest.fixture
def driver() -> Iterator[InProcessDriver]:
    made = InProcessDriver()
    yield made
    made.close()


@pytest.mark.parametrize("shortcuts", [True, False], ids=["shortcut", "pages"])
def test_the_givens_reach_the_same_state_both_ways(driver: InProcessDriver, identities: IdentityFactory,
                                                   shortcuts: bool) -> None:
    visitor, cast = _world(driver.portal, identities)
    enterprises = {"甲公司": visitor.enterprise}
    passwords = {"张三": BOSS_PASSWORD, "王五": HANDLER_PASSWORD}
    inner: PortalDriver = driver if shortcuts else WithoutHooks(driver, frozenset(SHORTCUTS.split(",")))
    portal = Counting(inner)
    given: PortalDriver = portal
    permissions_changed(given, cast, enterprises, passwords, "张三", "甲公司", None, None, "王五")
    assert _rows(visitor, cast["张三"])[cast["王五"].name][2] == ""
    permissions_changed(given, cast, enterprises, passwords, "张三", "甲公司", "王五", "查询办税", None)
    assert _rows(visitor, cast["张三"])[cast["王五"].name][2] == "查询办税"
    was_reset(given, cast, enterprises, passwords, "张三", "甲公司", "王五")
    acted_on(given, cast, enterprises, passwords, "王五", "张三", "甲公司", "冻结")
    assert _said(_choose(visitor, cast["王五"])) == FROZEN
    acted_on(given, cast, enterprises, passwords, "王五", "张三", "甲公司", "解冻")
    tab = _choose(visitor, cast["王五"])
    tab.press("密码登录")
    assert tab.press("确定", 密码=RESET_PASSWORD).screen != LnScreen.IDENTITY  # reset, as the pages do
    assert portal.hooks == ["personnel.permissions"] * 2 + ["personnel.row_action"] * 3
    assert (portal.gestures == 0) is shortcuts  # the pages are walked only without the shortcuts
