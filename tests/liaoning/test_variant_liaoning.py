"""The alt variant's Liaoning choices in the service layer: wording, agent step 2, recovery, readings LN-R01..R06."""

from __future__ import annotations

import pytest

from fixtures.enterprises import EnterpriseFactory
from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.common.views import View
from simulator.external.core_tax import TaxRegistration
from simulator.liaoning.handler_choice import NOT_ADDED
from simulator.liaoning.screens import ETAX, FROZEN_FAQ, LnScreen
from simulator.store.enterprises import EnterpriseStore
from simulator.variant import Variant
from tests.conftest import seed_of
from tests.liaoning.liaoning_visitor import LiaoningVisitor
from tests.liaoning.personnel_visitor import BOSS_PASSWORD, boss_home, personnel_page


@pytest.fixture
def alt() -> Portal:
    clock = ControlledClock()
    clock.set(ControlledClock().now())
    return build_portal(clock=clock, variant=Variant.alt())


@pytest.fixture
def identities() -> IdentityFactory:
    return IdentityFactory("variant-liaoning")


@pytest.fixture
def visitor(alt: Portal) -> LiaoningVisitor:
    return LiaoningVisitor.with_enterprise(alt)


def _text(view: View) -> str:
    return "" if view.message is None else view.message.text


def _sms_login(visitor: LiaoningVisitor, who: Identity) -> View:
    visitor.press("获取验证码")
    return visitor.press("确定", 短信验证码=visitor.sms_code(who.phone))


def test_synced_persons_are_worded_as_the_manual_writes_them(visitor: LiaoningVisitor,
                                                             identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    clerk = visitor.person(identities, "办税员")  # the seed takes the portal's words too
    visitor.log_in()
    rows = visitor.press("同步办税人").rows
    assert any(row[:2] == (boss.name, "法定代表人（业主）") for row in rows)
    assert any(row[:2] == (clerk.name, "办税员") for row in rows)


def test_any_synced_person_may_do_the_first_normal_login(visitor: LiaoningVisitor,
                                                         identities: IdentityFactory) -> None:
    visitor.person(identities, "法定代表人")
    clerk = visitor.person(identities, "办税人员")
    visitor.log_in()
    visitor.press("同步办税人")
    assert visitor.press(clerk.document_number).screen == LnScreen.IDENTITY
    assert _sms_login(visitor, clerk).screen == LnScreen.SET_PASSWORD


def test_after_the_first_login_a_handler_not_added_is_refused(visitor: LiaoningVisitor,
                                                              identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    clerk = visitor.person(identities, "办税人员")
    boss_home(visitor, boss)
    visitor.press("退出")
    visitor.log_in()
    view = visitor.press(clerk.document_number)
    assert (view.screen, _text(view)) == (LnScreen.HANDLERS, NOT_ADDED)


def test_a_frozen_handler_gets_the_faq_message(visitor: LiaoningVisitor, alt: Portal,
                                               identities: IdentityFactory) -> None:
    visitor.person(identities, "法定代表人")
    clerk = visitor.person(identities, "办税人员")
    visitor.log_in()
    visitor.press("同步办税人")
    EnterpriseStore(alt.store).set_frozen(visitor.enterprise.tax_id, clerk.document_number, True)
    view = visitor.press(clerk.document_number)
    assert view.refused
    assert _text(view) == FROZEN_FAQ


def test_a_social_security_payer_may_also_log_in_quickly(visitor: LiaoningVisitor, alt: Portal,
                                                         identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    core = alt.externals.script.core
    registered = core.registration(visitor.enterprise.tax_id)
    assert registered is not None
    core.register(TaxRegistration(visitor.enterprise.tax_id, visitor.enterprise.name, social_security_only=True,
                                  persons=registered.persons))
    assert visitor.log_in().screen == LnScreen.SOCIAL_SECURITY  # 普通登录 still goes straight there
    visitor.session, visitor.view = alt.view(None, ETAX)
    visitor.press("快捷登录")
    form = {"纳税人识别号": visitor.enterprise.tax_id, "企业密码": visitor.enterprise.password,
            "登录身份": "法定代表人（业主）", "手机号码": boss.phone, "同意协议": "勾选"}
    assert not visitor.press("获取验证码", **form).refused
    assert visitor.press("登录", **form, 验证码=visitor.sms_code(boss.phone)).screen == LnScreen.HOME


def test_a_password_reset_to_111111_must_be_changed_before_the_home(visitor: LiaoningVisitor,
                                                                     identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    boss_home(visitor, boss)
    personnel_page(visitor)
    visitor.press("重置密码", 人员=boss.document_number)
    visitor.press("返回首页")
    visitor.press("退出")
    visitor.log_in()
    visitor.press(boss.document_number)
    visitor.press("密码登录")
    view = visitor.press("确定", 密码="111111")
    assert view.screen == LnScreen.SET_PASSWORD
    assert not view.refused
    assert visitor.press("保存", 新密码=BOSS_PASSWORD + "x", 确认密码=BOSS_PASSWORD + "x").screen == LnScreen.HOME


def test_an_uncollected_handler_may_be_maintained_by_hand(visitor: LiaoningVisitor,
                                                          identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    stranger = identities.person()
    boss_home(visitor, boss)
    personnel_page(visitor)
    visitor.press("添加办税人员")
    visitor.press("搜索", 姓名=stranger.name, 身份证件类型="居民身份证", 身份证件号码=stranger.document_number)
    view = visitor.press("下一步", 姓名=stranger.name, 身份证件号码=stranger.document_number)
    assert view.screen == "手工维护办税人员"
    assert not view.refused
    assert visitor.press("保存", 姓名=stranger.name, 身份证件号码=stranger.document_number,
                         手机号码=stranger.phone).screen == "企业人员维护"


def test_agent_step_two_lists_the_persons_and_forces_no_personal_password(alt: Portal) -> None:
    factory = EnterpriseFactory("variant-agent")
    agency, client = factory.enterprise(), factory.enterprise()
    for enterprise, is_agency in ((agency, True), (client, False)):
        alt.test_control.call("seed.enterprise", {"tax_id": enterprise.tax_id, "name": enterprise.name,
                                                  "password": enterprise.password, "agency": is_agency})
    alt.test_control.call("agency.certify", {"client_tax_id": client.tax_id, "agency_tax_id": agency.tax_id,
                                             "agreement_password": "Agree-123"})
    visitor = LiaoningVisitor(alt, agency)
    clerk = visitor.person(IdentityFactory("variant-agent"), "办税人员")
    visitor.press("代理机构登录")
    view = visitor.press("登录", 纳税人识别号=agency.tax_id, 登录密码=agency.password)
    assert view.screen == LnScreen.HANDLERS
    assert "同步办税人" not in view.controls
    assert any(row[0] == clerk.name for row in view.rows)
    visitor.press(clerk.document_number)
    clients = _sms_login(visitor, clerk)
    assert clients.screen == LnScreen.CLIENTS
    assert "退出" not in clients.controls
    assert clients.extras["picker"] == "radio"
    assert visitor.press("确定", 待办企业=client.tax_id, 协议密码="Agree-123").screen == LnScreen.HOME


def _recovery(portal: Portal, kind: str) -> tuple[str, View]:
    session, _ = portal.view(None, ETAX)
    session, _ = portal.act(session, kind, {}, ETAX)
    return portal.act(session, "忘记密码", {}, ETAX)


def test_an_enterprise_recovery_sends_the_code_then_asks_it_on_its_own_screen(visitor: LiaoningVisitor,
                                                                               alt: Portal,
                                                                               identities: IdentityFactory) -> None:
    boss = visitor.person(identities, "法定代表人")
    session, view = _recovery(alt, "企业登录")
    assert "短信验证码" not in view.fields
    who = {"纳税人识别号": visitor.enterprise.tax_id, "手机号码": boss.phone}
    session, view = alt.act(session, "下一步", who, ETAX)
    assert (view.screen, view.fields) == ("短信验证", ("短信验证码",))
    session, view = alt.act(session, "下一步", {"短信验证码": visitor.sms_code(boss.phone)}, ETAX)
    assert view.screen == "设置新密码"
    alt.act(session, "确定", {"新密码": "Neu-Passwort1", "确认新密码": "Neu-Passwort1"}, ETAX)
    assert visitor.log_in("Neu-Passwort1").screen == LnScreen.HANDLERS


def test_a_natural_person_recovers_by_the_mobile_number_alone(alt: Portal, identities: IdentityFactory) -> None:
    person = identities.person()
    alt.test_control.seed_person(seed_of(person))
    session, view = _recovery(alt, "自然人登录")
    assert "用户名" not in view.fields
    assert "手机号码" in view.fields
    assert alt.act(session, "下一步", {"手机号码": "13000000001"}, ETAX)[1].refused
    session, view = alt.act(session, "下一步", {"手机号码": person.phone}, ETAX)
    code = alt.test_control.call("sms.outbox", {"phone": person.phone})["messages"][-1]["code"]
    assert alt.act(session, "下一步", {"短信验证码": code}, ETAX)[1].screen == "设置新密码"


def test_a_personal_password_equal_to_the_enterprise_password_is_accepted(visitor: LiaoningVisitor,
                                                                          identities: IdentityFactory) -> None:
    """LN-R07 description: 「该密码与企业密码不同」 read as a description, not a rule."""
    boss = visitor.person(identities, "法定代表人")
    visitor.log_in()
    visitor.press("同步办税人")
    visitor.press(boss.document_number)
    assert _sms_login(visitor, boss).screen == LnScreen.SET_PASSWORD
    same = visitor.enterprise.password
    assert visitor.press("保存", 新密码=same, 确认密码=same).screen == LnScreen.HOME
