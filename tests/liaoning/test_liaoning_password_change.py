"""【修改密码】 and 【修改企业密码】 below the features: the captcha, the old password, binding, nothing half-done."""

from __future__ import annotations

import pytest

from fixtures.identities import IdentityFactory
from simulator.bootstrap import Portal
from simulator.common.passwords import verify_password
from simulator.liaoning.password_change import BOUND
from simulator.liaoning.personnel_screens import StaffScreen
from simulator.liaoning.screens import LnScreen
from simulator.store.personnel import PersonnelStore
from tests.liaoning.liaoning_visitor import LiaoningVisitor
from tests.liaoning.personnel_visitor import BOSS_PASSWORD, boss_home, personnel_page

NEW = "Qwer5678$"


@pytest.fixture
def identities() -> IdentityFactory:
    return IdentityFactory("password-change-tests")


def _change(visitor: LiaoningVisitor, old: str, *, captcha: str | None = None) -> str:
    answer = visitor.portal.test_control.current_captcha(visitor.session) or ""
    view = visitor.press("保存", 旧密码=old, 新密码=NEW, 确认新密码=NEW, 验证码=answer if captcha is None else captcha)
    return str(view.screen)


def test_a_refusal_draws_a_new_captcha_and_changes_nothing(portal: Portal, identities: IdentityFactory) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss = visitor.person(identities, "法定代表人")
    boss_home(visitor, boss)
    visitor.press(visitor.enterprise.name)
    visitor.press("修改密码")
    first = portal.test_control.current_captcha(visitor.session)
    assert _change(visitor, BOSS_PASSWORD, captcha="0000") == StaffScreen.CHANGE_PASSWORD
    assert portal.test_control.current_captcha(visitor.session) != first
    assert _change(visitor, "Wrong123!") == StaffScreen.CHANGE_PASSWORD
    assert _change(visitor, BOSS_PASSWORD) == LnScreen.HOME
    visitor.press("退出")
    visitor.log_in()
    visitor.press(boss.document_number)
    visitor.press("密码登录")
    assert visitor.press("确定", 密码=NEW).screen == LnScreen.HOME


def test_a_bound_person_changes_no_personal_password(portal: Portal, identities: IdentityFactory) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss = visitor.person(identities, "法定代表人")
    boss_home(visitor, boss)
    personnel = PersonnelStore(portal.store)  # bound as 【绑定】 leaves it (that page is tested elsewhere)
    personnel.set_bound(visitor.enterprise.tax_id, boss.document_number, True)
    visitor.press(visitor.enterprise.name)
    visitor.press("修改密码")
    answer = portal.test_control.current_captcha(visitor.session) or ""
    refused = visitor.press("保存", 旧密码=BOSS_PASSWORD, 新密码=NEW, 确认新密码=NEW, 验证码=answer)
    assert refused.message is not None
    assert refused.message.text == BOUND


def test_the_enterprise_password_changes_only_when_everything_is_right(portal: Portal,
                                                                       identities: IdentityFactory) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss = visitor.person(identities, "法定代表人")
    boss_home(visitor, boss)
    personnel_page(visitor)
    visitor.press("修改企业密码")
    answer = portal.test_control.current_captcha(visitor.session) or ""
    old = visitor.enterprise.password
    mismatch = visitor.press("保存", 旧密码=old, 新密码=NEW, 确认新密码=NEW + "x", 验证码=answer)
    assert mismatch.screen == StaffScreen.CHANGE_ENTERPRISE_PASSWORD
    unchanged = portal.store.rows("SELECT password_hash FROM etax_enterprises WHERE tax_id = ?",
                                  visitor.enterprise.tax_id)
    assert verify_password(visitor.enterprise.password, unchanged[0]["password_hash"])
    assert _change(visitor, visitor.enterprise.password) == StaffScreen.PERSONNEL
    stored = portal.store.rows("SELECT password_hash FROM etax_enterprises WHERE tax_id = ?", visitor.enterprise.tax_id)
    assert verify_password(NEW, stored[0]["password_hash"])
