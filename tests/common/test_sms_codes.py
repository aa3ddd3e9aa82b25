"""SMS verification codes: sent through the gateway, checked once, expiring; a failed send keeps nothing."""

from __future__ import annotations

from datetime import timedelta

from simulator.clock import ControlledClock
from simulator.common.sms_codes import CODE_LIFETIME, SmsCodes
from simulator.common.views import MessageKind
from simulator.external.wiring import fakes

PHONE = "13800138000"


def _codes() -> tuple[SmsCodes, ControlledClock]:
    clock = ControlledClock()
    clock.set(clock.now())
    externals = fakes()
    return SmsCodes(externals.sms, clock), clock


def _code(codes: SmsCodes) -> str:
    return str(codes.hooks()["sms.outbox"]({"phone": PHONE})["messages"][-1]["code"])


def test_a_code_is_sent_and_used_once() -> None:
    codes, _ = _codes()
    assert codes.send(PHONE, "registration").kind is MessageKind.INFO
    code = _code(codes)
    assert len(code) == 6
    assert codes.check(PHONE, "registration", "000000" if code != "000000" else "111111") == "短信验证码错误"
    assert codes.check(PHONE, "other-purpose", code) == "请先获取短信验证码"
    assert codes.check(PHONE, "registration", code) is None
    assert codes.check(PHONE, "registration", code) == "请先获取短信验证码"


def test_a_code_expires() -> None:
    codes, clock = _codes()
    codes.send(PHONE, "registration")
    code = _code(codes)
    clock.advance(CODE_LIFETIME - timedelta(seconds=1))
    clock.advance(timedelta(seconds=1))
    assert codes.check(PHONE, "registration", code) == "短信验证码已过期，请重新获取"


def test_a_failed_send_is_refused_and_keeps_nothing() -> None:
    clock = ControlledClock()
    externals = fakes()
    codes = SmsCodes(externals.sms, clock)
    externals.script.set_fault("sms", "down")
    message = codes.send(PHONE, "registration")
    assert message.kind is MessageKind.REFUSED
    assert "短信服务暂时不可用" in message.text
    assert codes.hooks()["sms.outbox"]({"phone": PHONE}) == {"messages": []}
    assert codes.check(PHONE, "registration", "123456") == "请先获取短信验证码"


def test_a_bad_phone_is_refused_before_the_gateway() -> None:
    codes, _ = _codes()
    assert codes.send("12345", "registration").kind is MessageKind.REFUSED
