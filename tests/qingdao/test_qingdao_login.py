"""The Qingdao login: password then second factor, the forced change of the initial password, per-method failures."""

from __future__ import annotations

from datetime import timedelta

from simulator.bootstrap import Portal
from simulator.clock import ControlledClock
from simulator.qingdao.screens import QdScreen
from tests.qingdao.qingdao_visitor import ID_NUMBER, PASSWORD, Visitor


def test_the_password_alone_never_reaches_the_home_page(portal: Portal) -> None:
    visitor = Visitor(portal)
    visitor.seed()
    for entry in ("企业业务", "自然人业务", "代理业务"):
        assert visitor.first_factor(entry=entry).screen == QdScreen.SECOND_FACTOR
        assert visitor.press("返回").screen == QdScreen.LOGIN
    assert visitor.log_in().screen == QdScreen.HOME
    assert ("姓名", "张三") in visitor.view.rows


def test_an_unregistered_number_is_told_so(portal: Portal) -> None:
    view = Visitor(portal).first_factor()
    assert view.screen == QdScreen.LOGIN
    assert view.message is not None
    assert view.message.text == "该用户未注册"


def test_the_initial_password_is_the_last_six_characters_and_must_be_changed(portal: Portal) -> None:
    visitor = Visitor(portal)
    visitor.seed(password=None)
    assert visitor.first_factor("49123100").refused  # not the last six
    assert visitor.log_in(ID_NUMBER[-6:]).screen == QdScreen.CHANGE_INITIAL
    assert visitor.press("确定", 新密码=ID_NUMBER[-6:], 确认密码=ID_NUMBER[-6:]).refused  # too weak, and the old one
    view = visitor.press("确定", 新密码=PASSWORD, 确认密码=PASSWORD)
    assert view.screen == QdScreen.LOGIN
    assert not view.refused
    assert visitor.first_factor(ID_NUMBER[-6:]).refused
    assert visitor.log_in().screen == QdScreen.HOME


def test_the_fifth_failure_of_a_method_locks_it_until_the_next_day(portal: Portal) -> None:
    """The simulator's documented choice after the cut in FAQ 14 (never asserted by a scenario)."""
    visitor = Visitor(portal)
    visitor.seed()
    for _ in range(4):
        assert visitor.first_factor("Wrong#pass1").refused
    assert not visitor.first_factor("Wrong#pass1").locked  # the 5th is counted…
    assert visitor.first_factor().locked  # …and then the right password is not checked
    assert isinstance(portal.clock, ControlledClock)
    portal.clock.advance(timedelta(days=1))
    assert visitor.first_factor().screen == QdScreen.SECOND_FACTOR


def test_failures_of_the_second_factor_count_apart_from_the_password(portal: Portal) -> None:
    visitor = Visitor(portal)
    visitor.seed()
    for _ in range(4):
        assert visitor.first_factor("Wrong#pass1").refused
    visitor.first_factor()
    for _ in range(4):
        visitor.press("获取验证码")
        assert visitor.press("确定", 短信验证码="000000").refused
    assert visitor.sms().screen == QdScreen.HOME


def test_the_dual_track_setting_offers_the_old_login_and_a_reset_restores_it(portal: Portal) -> None:
    visitor = Visitor(portal)
    assert "旧版登录" in visitor.view.controls
    visitor.hook("qingdao.settings", dual_track=False)
    assert "旧版登录" not in visitor.press("企业业务").controls
    portal.test_control.reset()
    assert "旧版登录" in Visitor(portal).view.controls


def test_the_session_id_is_renewed_past_each_factor(portal: Portal) -> None:
    visitor = Visitor(portal)
    visitor.seed()
    before = visitor.session
    visitor.first_factor()
    past_password = visitor.session
    visitor.sms()
    assert len({before, past_password, visitor.session}) == 3
