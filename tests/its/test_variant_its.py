"""The alt variant's ITS choices through the service layer: each free choice taken the other way, the rules kept."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import datetime

import pytest

from fixtures.identities import Identity
from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.common.item_lists import GESTURES
from simulator.common.views import MessageKind, Screen, View
from simulator.domain.units import BEIJING
from simulator.its.unit_pages import HOME
from simulator.variant import Variant
from tests.conftest import seed_of
from tests.natural_person.app_visitor import App
from vocabulary.documents import DocumentType

TAX_ID, OTHER_ID, NAME = "91110000600037341L", "110105123456789", "甲公司"


@pytest.fixture
def alt() -> Portal:
    clock = ControlledClock()
    clock.set(ControlledClock().now())
    return build_portal(clock=clock, variant=Variant.alt())


def _text(view: View) -> str:
    return "" if view.message is None else view.message.text


def _sms(portal: Portal, phone: str) -> str:
    return str(portal.test_control.call("sms.outbox", {"phone": phone})["messages"][-1]["code"])


def _logged_in(portal: Portal, person: Identity) -> tuple[str, View]:
    """A person already seeded logs in to the client."""
    sid, _ = portal.view(None)
    return portal.act(sid, "登录", {"账号": person.login_name, "密码": person.password})


def test_default_is_the_reference_simulator_and_alt_changes_every_choice() -> None:
    assert Variant.default() == Variant() == Variant.named("default")
    alt = Variant.alt()
    assert Variant.named("alt") == alt
    # liaoning_personnel is not a free choice but a portal that certifies fewer plans (--ln-logins-only).
    changed = [f.name for f in fields(Variant) if getattr(alt, f.name) == getattr(Variant(), f.name)
               and f.name != "liaoning_personnel"]
    assert changed == []
    assert all(not alt.reads(reading, slug) for reading, slug in Variant().readings)
    with pytest.raises(ValueError, match="unknown simulator variant"):
        Variant.named("other")


def test_web_registration_ends_on_a_success_page_with_a_way_to_the_login(alt: Portal, person: Identity) -> None:
    code = alt.test_control.call("seed.registration_code", {
        "name": person.name, "document_type": person.document_type.value,
        "document_number": person.document_number})["code"]
    sid, _ = alt.view(None)
    for control in ("立即注册", "同意并继续", "大厅注册码注册"):
        sid, _ = alt.act(sid, control, {})
    sid, view = alt.act(sid, "下一步", {"注册码": code, "姓名": person.name, "证件类型": person.document_type.value,
                                       "证件号码": person.document_number})
    alt.act(sid, "获取验证码", {"手机号码": person.phone})
    sid, view = alt.act(sid, "完成注册", {"登录名": person.login_name, "密码": person.password,
                                          "手机号码": person.phone, "短信验证码": _sms(alt, person.phone),
                                          "户籍所在地": "北京市"})
    assert (view.screen, view.controls) == ("注册成功", ("返回登录",))
    assert view.message is not None
    assert view.message.kind is MessageKind.SUCCESS
    assert alt.act(sid, "返回登录", {})[1].screen == Screen.LOGIN
    assert alt.act(sid, "登录", {"账号": person.phone, "密码": person.password})[1].screen == Screen.UNIT_VERIFICATION


def test_forgot_password_asks_an_sms_code_before_the_new_password(alt: Portal, person: Identity) -> None:
    alt.test_control.seed_person(seed_of(person))
    sid, _ = alt.act(None, "忘记密码", {})
    identity = {"姓名": person.name, "证件类型": person.document_type.value, "证件号码": person.document_number,
                "手机号码": person.phone}
    sid, view = alt.act(sid, "下一步", identity)
    assert (view.screen, view.fields) == ("短信验证", ("短信验证码",))
    wrong = "000000" if _sms(alt, person.phone) != "000000" else "111111"
    assert alt.act(sid, "下一步", {"短信验证码": wrong})[1].refused
    sid, view = alt.act(sid, "获取验证码", {})
    sid, view = alt.act(sid, "下一步", {"短信验证码": _sms(alt, person.phone)})
    assert view.screen == Screen.RESET_PASSWORD
    sid, view = alt.act(sid, "确定", {"新密码": "New-pass-9", "确认密码": "New-pass-9"})
    assert view.screen == Screen.LOGIN
    assert not view.refused
    assert alt.act(sid, "登录", {"账号": person.login_name, "密码": "New-pass-9"})[1].screen == Screen.UNIT_VERIFICATION


def test_first_unit_verification_asks_the_tax_id_then_the_password(alt: Portal, person: Identity) -> None:
    alt.test_control.call("seed.unit", {"tax_id": TAX_ID, "name": NAME, "declaration_password": "Decl-pw1"})
    alt.test_control.seed_person(seed_of(person))
    sid, view = _logged_in(alt, person)
    assert (view.fields, "下一步" in view.controls) == (("纳税人识别号",), True)
    assert alt.act(sid, "下一步", {"纳税人识别号": OTHER_ID})[1].refused
    sid, view = alt.act(sid, "下一步", {"纳税人识别号": TAX_ID})
    assert view.fields == ("申报密码",)
    assert NAME in (view.greeting or "")
    assert alt.act(sid, "提交", {"申报密码": "wrong-pw1"})[1].refused
    assert alt.act(sid, "提交", {"申报密码": "Decl-pw1", "验证码": alt.test_control.current_captcha(sid) or ""}
                   )[1].screen == HOME


def _linked_units(portal: Portal, person: Identity, count: int) -> None:
    for tax_id, name in ((TAX_ID, NAME), (OTHER_ID, "乙公司"))[:count]:
        portal.test_control.call("seed.unit", {"tax_id": tax_id, "name": name, "declaration_password": "Decl-pw1",
                                               "local": True, "ca": True})
        portal.test_control.call("seed.unit_handler", {"account": person.login_name, "tax_id": tax_id,
                                                       "role": "办税人员"})


def test_several_units_are_a_radio_table_with_one_continue_button(alt: Portal, person: Identity) -> None:
    alt.test_control.seed_person(seed_of(person))
    _linked_units(alt, person, 2)
    sid, view = _logged_in(alt, person)
    assert view.extras["picker"] == "radio"
    assert GESTURES in view.extras  # 双击某家单位 still works (§1.3.2)
    assert (NAME, TAX_ID) in view.rows
    assert "进入" in view.controls
    assert alt.act(sid, "进入", {"办税单位": TAX_ID})[1].greeting == f"办税单位：{NAME}"


@pytest.mark.parametrize(("when", "offered"), [(datetime(2019, 12, 31, tzinfo=BEIJING), True),
                                               (datetime(2020, 1, 2, tzinfo=BEIJING), False)])
def test_ca_verification_is_withdrawn_with_the_ca_login_on_2020_01_01(alt: Portal, person: Identity,
                                                                      when: datetime, offered: bool) -> None:
    alt.test_control.seed_person(seed_of(person))
    _linked_units(alt, person, 1)
    alt.test_control.set_clock(when)
    sid, view = _logged_in(alt, person)
    assert ("CA校验" in view.controls) is offered
    assert (alt.act(sid, "CA校验", {})[1].screen == HOME) is offered


def test_before_2019_11_09_the_real_name_login_is_shown_and_refuses(alt: Portal, person: Identity) -> None:
    alt.test_control.seed_person(seed_of(person))
    alt.test_control.set_clock(datetime(2019, 11, 8, 12, tzinfo=BEIJING))
    sid, view = alt.view(None)
    assert view.screen == Screen.LOGIN
    assert {"申报密码登录", "CA登录"} <= set(view.controls)
    view = alt.act(sid, "登录", {"账号": person.login_name, "密码": person.password})[1]
    assert view.refused
    assert "2019年11月9日" in _text(view)


def test_a_non_resident_id_holder_may_log_in_by_document_number(alt: Portal, person: Identity) -> None:
    passport = replace(person, document_type=DocumentType.FOREIGN_PASSPORT, document_number="E12345678")
    alt.test_control.seed_person(seed_of(passport))
    assert _logged_in(alt, passport)[1].screen == Screen.UNIT_VERIFICATION
    sid, _ = alt.view(None)
    assert alt.act(sid, "登录", {"账号": "E12345678", "密码": person.password})[1].screen == Screen.UNIT_VERIFICATION


def test_a_registration_code_lasts_through_the_seventh_calendar_day(alt: Portal, person: Identity) -> None:
    answer = alt.test_control.call("seed.registration_code", {
        "document_type": "居民身份证", "document_number": person.document_number,
        "issued_at": "2024-03-01T10:00:00+08:00"})
    assert answer["expires_at"] == "2024-03-09T00:00:00+08:00"


def test_the_app_agreement_is_a_box_to_tick_and_a_next_button(alt: Portal) -> None:
    app = App(alt)
    app.press("注册")
    view = app.press("大厅注册码注册")
    assert (view.fields, view.controls) == (("阅读并同意用户注册协议",), ("下一步", "返回"))
    assert app.press("下一步").refused
    assert app.press("下一步", {"阅读并同意用户注册协议": "勾选"}).screen == "大厅注册码注册"


def test_an_app_reset_of_the_declaration_password_ends_the_clients_session(alt: Portal, person: Identity) -> None:
    alt.test_control.seed_person(seed_of(person))
    alt.test_control.call("seed.unit", {"tax_id": TAX_ID, "name": NAME, "declaration_password": "Decl-pw1"})
    alt.test_control.call("seed.unit_handler", {"account": person.login_name, "tax_id": TAX_ID, "role": "法定代表人"})
    client, view = alt.act(alt.view(None)[0], "登录", {"账号": person.login_name, "密码": person.password})
    assert view.screen == Screen.UNIT_VERIFICATION
    app = App(alt)
    app.press("登录")
    app.press("登录", {"账号": person.login_name, "密码": person.password})
    for control in ("个人中心", "企业办税权限"):
        app.press(control)
    app.press("查看单位", {"单位": NAME})
    app.press("重置申报密码")
    app.press("获取验证码")
    done = app.press("保存", {"新密码": "New-decl-2", "确认密码": "New-decl-2", "短信验证码": _sms(alt, person.phone)})
    assert _text(done) == "重置成功"
    view = alt.view(client)[1]
    assert view.screen == Screen.LOGIN
    assert not view.refused


def test_own_wording_of_unquoted_messages_keeps_the_lock_recognisable(alt: Portal, person: Identity) -> None:
    alt.test_control.seed_person(seed_of(person))
    sid, view = alt.act(alt.view(None)[0], "登录", {"账号": person.login_name, "密码": "Wrong-pass1"})
    assert view.refused
    assert "再错" not in _text(view)
    for _ in range(4):
        captcha = alt.test_control.current_captcha(sid) or ""
        sid, view = alt.act(sid, "登录", {"账号": person.login_name, "密码": "Wrong-pass1", "验证码": captcha})
    assert view.locked
    assert "锁定" in _text(view)
    assert "120分钟" in _text(view)
