"""FAQ 12: the cross-region identities come with a 特定主体 login only; 【切换主管税务机关】 switches between them."""

from __future__ import annotations

import pytest

from simulator.bootstrap import Portal
from simulator.common.test_control import SeedError
from simulator.qingdao.screens import QdScreen
from tests.qingdao.qingdao_visitor import ID_NUMBER, Visitor

IDENTITIES = [{"kind": "跨区域报验户", "authority": "黄岛区税务局"},
              {"kind": "跨区域税源登记纳税人", "authority": "崂山区税务局"}]


def _visitor(portal: Portal) -> Visitor:
    visitor = Visitor(portal)
    visitor.seed()
    visitor.hook("qingdao.cross_region.seed", person=ID_NUMBER, taxpayer="甲公司", tax_id="91370200MA3C0000XX",
                 identities=IDENTITIES)
    return visitor


def _log_in(visitor: Visitor, entry: str) -> None:
    visitor.press("企业业务")
    if entry == "特定主体":
        visitor.press("特定主体")
    visitor.press("登录", 证件号码=ID_NUMBER, 密码="Qd#pass2024")
    visitor.sms()


def test_a_special_subject_login_switches_between_the_identities(portal: Portal) -> None:
    visitor = _visitor(portal)
    _log_in(visitor, "特定主体")
    welcome = [c for c in visitor.view.controls if c.startswith("欢迎，甲公司")]
    assert welcome
    assert "跨区域报验户" in welcome[0]
    assert "切换主管税务机关" in visitor.view.controls
    assert visitor.press(welcome[0]).screen == QdScreen.HOME  # the welcome opens its menu
    visitor.press("切换主管税务机关")
    options = visitor.view.options["身份"]
    assert len(options) == 2
    assert visitor.press("确定", 身份="没有的身份").refused
    view = visitor.press("确定", 身份=options[1])
    assert any("跨区域税源登记纳税人" in c and "崂山区税务局" in c for c in view.controls)


def test_an_enterprise_login_does_not_offer_them(portal: Portal) -> None:
    visitor = _visitor(portal)
    _log_in(visitor, "企业业务")
    assert visitor.view.screen == QdScreen.HOME
    assert not [c for c in visitor.view.controls if "跨区域" in c or c == "切换主管税务机关"]


@pytest.mark.parametrize("identities", [[], [{"kind": "报验户", "authority": "x"}], "x", [{"kind": "跨区域报验户"}]])
def test_identities_the_hooks_cannot_seed_are_a_clear_error(portal: Portal, identities: object) -> None:
    with pytest.raises(SeedError):
        portal.test_control.call("qingdao.cross_region.seed", {"person": ID_NUMBER, "taxpayer": "甲公司",
                                                               "tax_id": "1", "identities": identities})
