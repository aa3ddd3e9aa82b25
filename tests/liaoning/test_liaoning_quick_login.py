"""快捷登录 below the features: its preconditions, the identity and real-name mobile, the 纯社保户."""

from __future__ import annotations

import pytest

from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal
from simulator.common.views import View
from simulator.liaoning.quick_login import HANDLER_NOT_ADDED, NORMAL_LOGIN_FIRST, SOCIAL_SECURITY_ONLY
from simulator.liaoning.screens import LnScreen
from tests.liaoning.liaoning_visitor import LiaoningVisitor


@pytest.fixture
def identities() -> IdentityFactory:
    return IdentityFactory("quick-login-tests")


def _first_login(visitor: LiaoningVisitor, boss: Identity) -> None:
    visitor.log_in()
    visitor.press("同步办税人")
    visitor.press(boss.document_number)
    visitor.press("获取验证码")
    visitor.press("确定", 短信验证码=visitor.sms_code(boss.phone))
    assert visitor.press("保存", 新密码="Abcd1234!", 确认密码="Abcd1234!").screen == LnScreen.HOME
    visitor.press("退出")


def _quick(visitor: LiaoningVisitor, role: str, mobile: str, *, code: bool = True) -> View:
    visitor.press("快捷登录")
    form = {"纳税人识别号": visitor.enterprise.tax_id, "企业密码": visitor.enterprise.password, "登录身份": role,
            "手机号码": mobile, "同意协议": "勾选"}
    sent = visitor.press("获取验证码", **form)
    if not code or sent.refused:
        return sent
    return visitor.press("登录", **{**form, "验证码": visitor.sms_code(mobile)})


def _refusal(view: View) -> str:
    assert view.screen == LnScreen.LOGIN
    assert view.message is not None
    return view.message.text


def test_quick_login_waits_for_a_normal_login(portal: Portal, identities: IdentityFactory) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss = visitor.person(identities, "法定代表人")
    assert _refusal(_quick(visitor, "法定代表人", boss.phone)) == NORMAL_LOGIN_FIRST
    _first_login(visitor, boss)
    home = _quick(visitor, "法定代表人", boss.phone)
    assert home.screen == LnScreen.HOME
    assert ("办税人", boss.name, "法定代表人") in home.rows


def test_the_page_keeps_what_was_typed_across_get_code(portal: Portal, identities: IdentityFactory) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss = visitor.person(identities, "法定代表人")
    _first_login(visitor, boss)
    sent = _quick(visitor, "法定代表人", boss.phone, code=False)
    assert not sent.refused
    assert sent.values["企业密码"] == visitor.enterprise.password
    assert sent.values["手机号码"] == boss.phone


def test_a_handler_and_a_wrong_mobile_are_refused(portal: Portal, identities: IdentityFactory) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    boss = visitor.person(identities, "法定代表人")
    clerk = visitor.person(identities, "办税人员")
    _first_login(visitor, boss)
    assert _refusal(_quick(visitor, "办税人员", clerk.phone)) == HANDLER_NOT_ADDED
    assert _quick(visitor, "财务负责人", boss.phone).refused
    assert not portal.test_control.call("sms.outbox", {"phone": clerk.phone})["messages"]


def test_a_social_security_payer_only_logs_in_normally(portal: Portal) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    portal.externals.script.core.register(
        portal.externals.script.core.registration(visitor.enterprise.tax_id).__class__(  # type: ignore[union-attr]
            visitor.enterprise.tax_id, visitor.enterprise.name, social_security_only=True))
    assert _refusal(_quick(visitor, "法定代表人", "13800138000")) == SOCIAL_SECURITY_ONLY
    assert visitor.log_in().screen == LnScreen.SOCIAL_SECURITY
