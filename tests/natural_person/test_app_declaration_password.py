"""申报密码 reset in the 个人所得税APP (Liaoning Q&A 9 方法二) below the features: roles, phone, SMS, the lock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.clock import ControlledClock
from simulator.common.passwords import verify_password
from simulator.common.sms_codes import CODE_LIFETIME
from simulator.common.test_control import SeedError
from simulator.common.views import MessageKind, View
from simulator.store.units import UnitStore
from tests.conftest import seed_of
from tests.natural_person.app_visitor import App

TAX_ID, NAME, OLD, NEW = "91110000600037341L", "甲公司", "Decl-pw1", "New-decl-2"


@pytest.fixture
def seeded(portal: Portal, person: Identity) -> Portal:
    portal.test_control.seed_person(seed_of(person))
    portal.test_control.call("seed.unit", {"tax_id": TAX_ID, "name": NAME, "declaration_password": OLD})
    return portal


def _staff_list(portal: Portal, person: Identity, role: str) -> App:
    """Signed in to the APP as a person with this role, on the unit's 企业办税人员列表."""
    portal.test_control.call("seed.unit_handler", {"account": person.login_name, "tax_id": TAX_ID, "role": role})
    app = App(portal)
    app.press("登录")
    app.press("登录", {"账号": person.login_name, "密码": person.password})
    for control in ("个人中心", "企业办税权限"):
        app.press(control)
    assert app.view.extras["units"] == (NAME,)
    assert app.press("查看单位", {"单位": NAME}).screen == "企业办税人员列表"
    return app


def _sms(portal: Portal, phone: str) -> str:
    return str(portal.test_control.call("sms.outbox", {"phone": phone})["messages"][-1]["code"])


def _unit_password_is(portal: Portal, password: str) -> bool:
    unit = UnitStore(portal.store).find(TAX_ID)
    return unit is not None and unit.password_hash is not None and verify_password(password, unit.password_hash)


@pytest.mark.parametrize(("role", "offered"), [("法定代表人", True), ("财务负责人", True), ("办税人员", False)])
def test_only_the_legal_representative_and_finance_head_are_offered_the_reset(
        seeded: Portal, person: Identity, role: str, offered: bool) -> None:
    app = _staff_list(seeded, person, role)
    assert ("重置申报密码" in app.view.controls) is offered
    assert app.view.extras["staff"] == [(person.name, role)]


def test_a_handler_posting_the_reset_anyway_is_refused(seeded: Portal, person: Identity) -> None:
    app = _staff_list(seeded, person, "办税人员")
    view = app.press("重置申报密码")
    assert view.screen == "企业办税人员列表"
    assert view.refused


def test_a_wrong_app_password_does_not_sign_in(seeded: Portal, person: Identity) -> None:
    app = App(seeded)
    app.press("登录")
    view = app.press("登录", {"账号": person.login_name, "密码": person.password + "x"})
    assert (view.screen, view.refused) == ("登录", True)


def test_the_reset_sets_the_password_and_lifts_the_lock(seeded: Portal, person: Identity) -> None:
    units = UnitStore(seeded.store)
    unit = units.find(TAX_ID)
    assert unit is not None
    for _ in range(5):
        unit = unit.after_wrong_password(seeded.clock.now())
    units.save(unit)
    app = _staff_list(seeded, person, "财务负责人")
    app.press("重置申报密码")
    app.press("获取验证码")
    view = app.press("保存", {"新密码": NEW, "确认密码": NEW, "短信验证码": _sms(seeded, person.phone)})
    assert view.message is not None
    assert (view.message.text, view.message.kind) == ("重置成功", MessageKind.SUCCESS)
    after = units.find(TAX_ID)
    assert after is not None
    assert not after.is_locked(seeded.clock.now())
    assert _unit_password_is(seeded, NEW)


@pytest.mark.parametrize("mistake", ["mismatch", "wrong-code", "no-code", "expired-code"])
def test_a_refused_save_changes_nothing(seeded: Portal, person: Identity, mistake: str) -> None:
    app = _staff_list(seeded, person, "法定代表人")
    app.press("重置申报密码")
    app.press("获取验证码")
    sent = _sms(seeded, person.phone)
    if mistake == "expired-code":
        assert isinstance(seeded.clock, ControlledClock)
        seeded.clock.advance(CODE_LIFETIME + timedelta(seconds=1))
    typed = {"wrong-code": "".join("2" if c == "1" else "1" for c in sent), "no-code": ""}.get(mistake, sent)
    confirm = NEW + "x" if mistake == "mismatch" else NEW
    view = app.press("保存", {"新密码": NEW, "确认密码": confirm, "短信验证码": typed})
    assert (view.screen, view.refused) == ("申报密码重置", True)
    assert _unit_password_is(seeded, OLD)


def test_the_sms_gateway_down_is_refused_and_changes_nothing(seeded: Portal, person: Identity) -> None:
    app = _staff_list(seeded, person, "法定代表人")
    app.press("重置申报密码")
    seeded.test_control.call("external.fault", {"service": "sms", "mode": "down"})
    assert app.press("获取验证码").refused
    assert app.press("保存", {"新密码": NEW, "确认密码": NEW, "短信验证码": ""}).refused
    assert _unit_password_is(seeded, OLD)


def _bind(app: App, phone: str) -> View:
    app.press("个人中心")
    app.press("安全中心")
    app.press("获取验证码", {"手机号码": phone})
    return app.press("绑定手机号", {"手机号码": phone, "短信验证码": _sms(app.portal, phone)})


def test_without_a_bound_phone_the_security_center_comes_first(seeded: Portal, person: Identity) -> None:
    seeded.test_control.call("seed.bound_phone", {"account": person.login_name, "phone": None})
    app = _staff_list(seeded, person, "法定代表人")
    view = app.press("重置申报密码")
    assert (view.screen, view.refused) == ("企业办税人员列表", True)
    assert _bind(app, person.phone).greeting == f"已绑定手机号：尾号{person.phone[-4:]}"
    app.press("个人中心")
    app.press("企业办税权限")
    app.press("查看单位", {"单位": NAME})
    assert app.press("重置申报密码").screen == "申报密码重置"


@pytest.mark.parametrize(("payload", "words"), [({"account": "nobody", "phone": None}, "no registered"),
                                                ({"phone": None}, "no registered"), ({"phone": "123"}, "11-digit")])
def test_bad_bound_phone_seeds_are_refused(seeded: Portal, person: Identity, payload: dict[str, object],
                                           words: str) -> None:
    if "phone" in payload and payload["phone"] is not None:
        payload = {"account": person.login_name, **payload}
    with pytest.raises(SeedError, match=words):
        seeded.test_control.call("seed.bound_phone", payload)
