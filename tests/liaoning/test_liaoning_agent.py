"""代理机构登录 below the features: agencies and certifications as seeded, the three steps, bad seeds refused."""

from __future__ import annotations

import pytest

from fixtures.enterprises import EnterpriseFactory
from fixtures.identities import IdentityFactory
from simulator.bootstrap import Portal
from simulator.common.test_control import SeedError
from simulator.liaoning.agent_login import NOT_AN_AGENCY
from simulator.liaoning.screens import LnScreen
from tests.liaoning.liaoning_visitor import LiaoningVisitor

FACTORY = EnterpriseFactory("agent-tests")
AGENCY, CLIENT, OTHER = FACTORY.enterprise(), FACTORY.enterprise(), FACTORY.enterprise()


@pytest.fixture
def portal_with_agency(portal: Portal) -> Portal:
    for enterprise, agency in ((AGENCY, True), (CLIENT, False), (OTHER, False)):
        portal.test_control.call("seed.enterprise", {"tax_id": enterprise.tax_id, "name": enterprise.name,
                                                     "password": enterprise.password, "agency": agency})
    portal.test_control.call("agency.certify", {"client_tax_id": CLIENT.tax_id, "agency_tax_id": AGENCY.tax_id,
                                                "agreement_password": "Agree-123"})
    return portal


def test_the_three_steps_reach_the_clients_home(portal_with_agency: Portal) -> None:
    visitor = LiaoningVisitor(portal_with_agency, AGENCY)
    boss = visitor.person(IdentityFactory("agent-tests"), "法定代表人")
    visitor.press("代理机构登录")
    assert visitor.press("登录", 纳税人识别号=AGENCY.tax_id, 登录密码=AGENCY.password).screen == LnScreen.HANDLERS
    visitor.press("同步办税人")
    visitor.press(boss.name)
    visitor.press("获取验证码")
    visitor.press("确定", 短信验证码=visitor.sms_code(boss.phone))
    clients = visitor.press("保存", 新密码="Abcd1234!", 确认密码="Abcd1234!")
    assert clients.screen == LnScreen.CLIENTS
    assert clients.options["待办企业"] == (CLIENT.name,)
    assert visitor.press("确定", 待办企业=CLIENT.name, 协议密码="Agree-12").refused
    home = visitor.press("确定", 待办企业=CLIENT.name, 协议密码="Agree-123")
    assert home.screen == LnScreen.HOME
    assert ("纳税人名称", CLIENT.name) in home.rows
    assert ("代理机构", AGENCY.name) in home.rows


def test_an_enterprise_that_is_no_agency_is_refused(portal_with_agency: Portal) -> None:
    visitor = LiaoningVisitor(portal_with_agency, CLIENT)
    visitor.press("代理机构登录")
    view = visitor.press("登录", 纳税人识别号=CLIENT.tax_id, 登录密码=CLIENT.password)
    assert view.screen == LnScreen.LOGIN
    assert view.message is not None
    assert view.message.text == NOT_AN_AGENCY


@pytest.mark.parametrize(("capability", "payload", "words"), [
    ("agency.certify", {"client_tax_id": OTHER.tax_id, "agency_tax_id": CLIENT.tax_id, "agreement_password": "x"},
     "not an agency"),
    ("agency.certify", {"client_tax_id": OTHER.tax_id, "agency_tax_id": AGENCY.tax_id}, "agreement_password"),
    ("agency.cancel", {"client_tax_id": OTHER.tax_id, "agency_tax_id": AGENCY.tax_id}, "has not certified"),
    ("seed.enterprise", {"tax_id": FACTORY.enterprise().tax_id, "name": "戊", "password": "p", "agency": "yes"},
     "true or false"),
])
def test_bad_agency_seeds_are_refused(portal_with_agency: Portal, capability: str, payload: dict[str, object],
                                      words: str) -> None:
    with pytest.raises(SeedError, match=words):
        portal_with_agency.test_control.call(capability, payload)
