"""【忘记密码】 proves possession of the phone before anything changes (issue 11): 姓名+证件+手机号 alone change nothing
and unlock nothing; the SMS code has an attempt limit."""

from __future__ import annotations

import pytest

from fixtures.identities import Identity
from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.common.router import UnknownControl
from simulator.common.views import Screen, View
from simulator.variant import Variant
from tests.conftest import seed_of

WRONG = "Wrong-pass-1"
NEW = "Newpass-2024!"


@pytest.fixture(params=["default", "alt"])
def any_portal(request: pytest.FixtureRequest) -> Portal:
    clock = ControlledClock()
    clock.set(ControlledClock().now())
    return build_portal(clock=clock, variant=Variant.named(request.param))


def _login(portal: Portal, person: Identity, password: str) -> View:
    sid, _ = portal.view(None)
    for _ in range(2):
        sid, view = portal.act(sid, "登录", {"账号": person.login_name, "密码": password,
                                             "验证码": portal.test_control.current_captcha(sid) or ""})
        if view.message is None or "验证码" not in view.message.text:
            break
    return view


def _locked(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    for _ in range(5):
        _login(portal, person, WRONG)
    assert _login(portal, person, person.password).locked


def _identity(person: Identity) -> dict[str, str]:
    return {"姓名": person.name, "证件类型": person.document_type.value, "证件号码": person.document_number,
            "手机号码": person.phone}


def _code(portal: Portal, person: Identity) -> str:
    messages = portal.test_control.call("sms.outbox", {"phone": person.phone})["messages"]
    return str(messages[-1]["code"]) if messages else ""


def _wrong(code: str) -> str:
    return f"{(int(code or 0) + 1) % 10**6:06d}"


def _press(portal: Portal, sid: str, control: str, form: dict[str, str]) -> View:
    return portal.act(sid, control, form)[1]


def test_the_identity_alone_changes_nothing_and_unlocks_nothing(any_portal: Portal, person: Identity) -> None:
    _locked(any_portal, person)
    sid, _ = any_portal.view(None)
    _press(any_portal, sid, "忘记密码", {})
    view = _press(any_portal, sid, "下一步", _identity(person))
    assert view.screen != Screen.RESET_PASSWORD
    with pytest.raises(UnknownControl):  # the new password's screen is not reached
        _press(any_portal, sid, "确定", {"新密码": NEW, "确认密码": NEW})
    assert _login(any_portal, person, person.password).locked


def test_300_wrong_codes_then_the_right_one_do_not_reset(any_portal: Portal, person: Identity) -> None:
    _locked(any_portal, person)
    sid, _ = any_portal.view(None)
    _press(any_portal, sid, "忘记密码", {})
    view = _press(any_portal, sid, "获取验证码" if "获取验证码" in any_portal.view(sid)[1].controls else "下一步",
                  _identity(person))
    right = _code(any_portal, person)
    assert right
    for _ in range(300):
        view = _press(any_portal, sid, "下一步", _identity(person) | {"短信验证码": _wrong(right)})
        assert view.screen != Screen.RESET_PASSWORD
    view = _press(any_portal, sid, "下一步", _identity(person) | {"短信验证码": right})
    assert view.screen != Screen.RESET_PASSWORD
    assert view.refused
    assert _login(any_portal, person, person.password).locked


def test_with_the_right_code_the_reset_unlocks(any_portal: Portal, person: Identity) -> None:
    _locked(any_portal, person)
    sid, _ = any_portal.view(None)
    _press(any_portal, sid, "忘记密码", {})
    first = "获取验证码" if "获取验证码" in any_portal.view(sid)[1].controls else "下一步"
    _press(any_portal, sid, first, _identity(person))
    view = _press(any_portal, sid, "下一步", _identity(person) | {"短信验证码": _code(any_portal, person)})
    assert view.screen == Screen.RESET_PASSWORD
    view = _press(any_portal, sid, "确定", {"新密码": NEW, "确认密码": NEW})
    assert view.screen == Screen.LOGIN
    assert _login(any_portal, person, NEW).screen == Screen.UNIT_VERIFICATION
