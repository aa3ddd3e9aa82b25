"""「忘记密码」 on the Liaoning login page: who may recover, by which mobile, and what changes only at the end."""

from __future__ import annotations

import pytest

from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal
from simulator.common.passwords import verify_password
from simulator.common.views import View
from simulator.liaoning.screens import ETAX, LnScreen
from simulator.web.app import create_app
from tests.conftest import seed_of
from tests.liaoning.liaoning_visitor import LiaoningVisitor

NEW = "Neu-Passwort1"


class Recovery:
    """One visitor on /etax/ recovering a password from the login page's 企业登录 or 自然人登录."""

    def __init__(self, portal: Portal, kind: str = "企业登录") -> None:
        self.portal = portal
        self.session, _ = portal.view(None, ETAX)
        self.press(kind)
        self.opened = self.press("忘记密码")

    def press(self, control: str, **form: str) -> View:
        self.session, view = self.portal.act(self.session, control, form, ETAX)
        return view

    def sms_count(self, phone: str) -> int:
        return len(self.portal.test_control.call("sms.outbox", {"phone": phone})["messages"])

    def verify(self, who: dict[str, str], phone: str, code: str | None = None) -> View:
        sent = self.press("获取验证码", **who, 手机号码=phone)
        if sent.refused:
            return sent
        code = code or self.portal.test_control.call("sms.outbox", {"phone": phone})["messages"][-1]["code"]
        return self.press("下一步", **who, 手机号码=phone, 短信验证码=code)


@pytest.fixture
def visitor(portal: Portal) -> LiaoningVisitor:
    return LiaoningVisitor.with_enterprise(portal)


def test_the_login_page_offers_it_for_enterprises_and_natural_persons_only(portal: Portal) -> None:
    session, view = portal.view(None, ETAX)
    assert "忘记密码" in view.controls
    for kind, offered in (("自然人登录", True), ("代理机构登录", False), ("企业登录", True)):
        if kind in view.controls:
            session, view = portal.act(session, kind, {}, ETAX)
            assert ("忘记密码" in view.controls) is offered, kind
    assert "忘记密码" in create_app(portal).test_client().get("/etax/").get_data(as_text=True)


def test_an_enterprise_recovers_by_a_registered_mobile(portal: Portal, visitor: LiaoningVisitor) -> None:
    legal = visitor.person(IdentityFactory("t"), "法定代表人")
    recovery = Recovery(portal)
    assert recovery.opened.screen == "找回密码"
    assert recovery.verify({"纳税人识别号": visitor.enterprise.tax_id}, legal.phone).screen == "设置新密码"
    assert recovery.press("确定", 新密码=NEW, 确认新密码=NEW + "x").refused
    done = recovery.press("确定", 新密码=NEW, 确认新密码=NEW)
    assert (done.screen, done.refused, done.tab) == (LnScreen.LOGIN, False, "企业登录-普通登录")
    assert visitor.log_in().refused
    assert visitor.log_in(NEW).screen == LnScreen.HANDLERS


@pytest.mark.parametrize("where", ["landline", "nowhere"])
def test_a_number_not_in_the_registrations_mobile_field_gets_no_code(portal: Portal, visitor: LiaoningVisitor,
                                                                     where: str) -> None:
    identities = IdentityFactory("t")
    phone = identities.unregistered_phone()
    if where == "landline":
        who = identities.person()
        portal.test_control.call("seed.registration_person", {
            "tax_id": visitor.enterprise.tax_id, "role": "财务负责人", "name": who.name,
            "id_number": who.document_number, "mobile": "", "landline": phone})
    recovery = Recovery(portal)
    view = recovery.verify({"纳税人识别号": visitor.enterprise.tax_id}, phone)
    assert (view.screen, view.refused, recovery.sms_count(phone)) == ("找回密码", True, 0)


def test_the_core_tax_system_down_is_a_clear_refusal(portal: Portal, visitor: LiaoningVisitor) -> None:
    legal = visitor.person(IdentityFactory("t"), "法定代表人")
    portal.test_control.call("external.fault", {"service": "core", "mode": "down"})
    view = Recovery(portal).verify({"纳税人识别号": visitor.enterprise.tax_id}, legal.phone)
    assert view.refused
    assert "金税三期" in (view.message.text if view.message else "")


def test_a_wrong_code_or_an_unverified_save_changes_nothing(portal: Portal, visitor: LiaoningVisitor) -> None:
    legal = visitor.person(IdentityFactory("t"), "法定代表人")
    recovery = Recovery(portal)
    wrong = recovery.verify({"纳税人识别号": visitor.enterprise.tax_id}, legal.phone, code="000000")
    assert (wrong.screen, wrong.refused, wrong.values["手机号码"]) == ("找回密码", True, legal.phone)
    with pytest.raises(LookupError):  # 【确定】 is not on the 找回密码 page
        recovery.press("确定", 新密码=NEW, 确认新密码=NEW)
    assert recovery.press("返回登录").screen == LnScreen.LOGIN
    assert visitor.log_in().screen == LnScreen.HANDLERS


def test_a_natural_person_recovers_by_the_accounts_mobile(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    recovery = Recovery(portal, "自然人登录")
    other = IdentityFactory("t").unregistered_phone()
    assert recovery.verify({"用户名": person.login_name}, other).refused
    assert recovery.verify({"用户名": person.login_name}, person.phone).screen == "设置新密码"
    done = recovery.press("确定", 新密码=NEW, 确认新密码=NEW)
    assert (done.screen, done.tab) == (LnScreen.LOGIN, "自然人登录")
    account = portal.store.find_by_document_number(person.document_number)
    assert account is not None
    assert verify_password(NEW, account.password_hash)
    assert not verify_password(person.password, account.password_hash)
