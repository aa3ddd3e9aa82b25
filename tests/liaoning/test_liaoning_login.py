"""The Liaoning enterprise login below the features: refusals, sync, first login, the personal password."""

from __future__ import annotations

import pytest

from fixtures.identities import IdentityFactory
from simulator.bootstrap import Portal
from simulator.liaoning.handler_login import NO_PASSWORD_YET
from simulator.liaoning.handler_sync import NOT_IN_REGISTRATION
from simulator.liaoning.screens import LnScreen
from tests.liaoning.liaoning_visitor import LiaoningVisitor


@pytest.fixture
def visitor(portal: Portal) -> LiaoningVisitor:
    return LiaoningVisitor.with_enterprise(portal)


@pytest.fixture
def identities() -> IdentityFactory:
    return IdentityFactory("liaoning-tests")


def test_login_page_asks_for_the_captcha_from_the_start(visitor: LiaoningVisitor, portal: Portal) -> None:
    session, view = portal.view(None, "辽宁省电子税务局")
    assert view.screen == LnScreen.LOGIN
    assert view.captcha_required
    assert portal.test_control.current_captcha(session) is not None


@pytest.mark.parametrize("change", ["password", "agreement", "captcha"])
def test_each_refusal_draws_a_new_captcha_and_keeps_the_tax_id(visitor: LiaoningVisitor, portal: Portal,
                                                               change: str) -> None:
    visitor.session, _ = portal.view(None, "辽宁省电子税务局")
    first = portal.test_control.current_captcha(visitor.session)
    form = {"纳税人识别号": visitor.enterprise.tax_id, "企业密码": visitor.enterprise.password, "验证码": first or "",
            "同意协议": "勾选"}
    form[{"password": "企业密码", "agreement": "同意协议", "captcha": "验证码"}[change]] = ""
    view = visitor.press("登录", **form)
    assert view.screen == LnScreen.LOGIN
    assert view.refused
    assert view.values["纳税人识别号"] == visitor.enterprise.tax_id
    assert portal.test_control.current_captcha(visitor.session) != first or first is None


def test_sync_keeps_only_collected_linked_people_with_the_registered_name(visitor: LiaoningVisitor,
                                                                          identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    visitor.person(identities, "财务负责人", collected=False)
    visitor.person(identities, "办税人员", linked=False)
    visitor.log_in()
    view = visitor.press("同步办税人")
    assert view.rows == ((boss.name, "法定代表人", f"{boss.phone[:3]}****{boss.phone[-4:]}"),)


def test_a_failed_resync_keeps_the_old_list(visitor: LiaoningVisitor, portal: Portal,
                                           identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    visitor.log_in()
    visitor.press("同步办税人")
    visitor.person(identities, "财务负责人")
    portal.externals.script.set_fault("core", "mismatch")
    view = visitor.press("同步办税人")
    assert view.refused
    assert [row[0] for row in view.rows] == [boss.name]


def test_first_login_sets_a_personal_password_that_is_not_the_enterprise_password(
        visitor: LiaoningVisitor, identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    visitor.log_in()
    visitor.press("同步办税人")
    visitor.press(boss.document_number)
    assert visitor.press("密码登录").screen == LnScreen.IDENTITY
    assert visitor.press("确定", 密码="Abcd1234!").message.text == NO_PASSWORD_YET  # type: ignore[union-attr]
    visitor.press("短信登录")
    visitor.press("获取验证码")
    assert visitor.press("确定", 短信验证码=visitor.sms_code(boss.phone)).screen == LnScreen.SET_PASSWORD
    for new, again in (("abc", "abc"), ("Abcd1234!", "Abcd1234?"), (visitor.enterprise.password,) * 2):
        assert visitor.press("保存", 新密码=new, 确认密码=again).refused
    assert visitor.press("保存", 新密码="Abcd1234!", 确认密码="Abcd1234!").screen == LnScreen.HOME


def test_a_person_removed_from_the_registration_is_refused_with_the_guides_words(
        visitor: LiaoningVisitor, portal: Portal, identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    visitor.log_in()
    visitor.press("同步办税人")
    portal.test_control.call("core.remove_registration_person", {"tax_id": visitor.enterprise.tax_id,
                                                                 "id_number": boss.document_number})
    view = visitor.press(boss.name)
    assert view.screen == LnScreen.HANDLERS
    assert view.message is not None
    assert view.message.text == NOT_IN_REGISTRATION
