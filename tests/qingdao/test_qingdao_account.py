"""【账户中心】: the 用户名 once a year (both boundaries), the level raised by the app's scan or a key business."""

from __future__ import annotations

from datetime import timedelta

from simulator.bootstrap import Portal
from simulator.clock import ControlledClock
from simulator.qingdao.screens import QdScreen
from tests.qingdao.qingdao_visitor import ID_NUMBER, Visitor


def _user_name(visitor: Visitor, name: str) -> bool:
    visitor.press("账户中心")
    refused = visitor.press("个人信息管理模块").refused or visitor.press("保存", 用户名=name).refused
    visitor.press("返回")
    visitor.press("返回")
    return not refused


def test_a_user_name_changes_once_a_year(portal: Portal) -> None:
    assert isinstance(portal.clock, ControlledClock)
    visitor = Visitor(portal)
    visitor.seed()
    visitor.log_in()
    assert _user_name(visitor, "qd_first")  # adding one is not a change
    assert _user_name(visitor, "qd_second")
    portal.clock.advance(timedelta(days=364, hours=23))
    visitor = Visitor(portal)  # the idle session expired: log in again
    visitor.log_in()
    assert not _user_name(visitor, "qd_third")
    portal.clock.advance(timedelta(hours=1))
    visitor = Visitor(portal)  # an hour later the idle session has expired again
    visitor.log_in()
    assert _user_name(visitor, "qd_third")


def test_the_app_scan_raises_the_level_once_the_qr_was_shown(portal: Portal) -> None:
    visitor = Visitor(portal)
    visitor.seed()
    assert not visitor.hook("qingdao.level_scan", document_number=ID_NUMBER)["confirmed"]  # no code shown yet
    visitor.log_in()
    visitor.press("账户中心")
    view = visitor.press("个人实名等级")
    assert ("个人实名等级", "三级") in view.rows
    assert str(view.extras["qr"]).startswith("qingdao-level:")
    assert not visitor.hook("qingdao.level_scan", document_number=ID_NUMBER, face_match=False)["confirmed"]
    assert visitor.hook("qingdao.level_scan", document_number=ID_NUMBER)["confirmed"]
    assert ("个人实名等级", "四级") in visitor.press("刷新").rows


def test_a_key_business_asks_a_level_three_person_for_the_face_only(portal: Portal) -> None:
    visitor = Visitor(portal)
    visitor.seed()
    visitor.log_in()
    assert visitor.press("发票开具").screen == QdScreen.FACE
    assert visitor.press("拍摄", 照片=visitor.view.values["照片"]).screen == QdScreen.KEY_BUSINESS
    visitor.press("返回")
    assert visitor.press("发票开具").screen == QdScreen.KEY_BUSINESS  # 四级 now
