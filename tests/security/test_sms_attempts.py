"""SMS codes have an attempt limit (issue 11): the 5th wrong entry voids the code; a new one is needed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from simulator.clock import ControlledClock
from simulator.common.sms_codes import MAX_WRONG_ENTRIES, VOIDED, SmsCodes
from simulator.external.script import ExternalScript
from simulator.external.sms import FakeSmsGateway

PHONE, PURPOSE = "13800138000", "test"


def _codes() -> tuple[SmsCodes, FakeSmsGateway]:
    clock = ControlledClock()
    clock.set(datetime(2024, 3, 1, 2, 0, tzinfo=UTC))
    gateway = FakeSmsGateway(ExternalScript())
    return SmsCodes(gateway, clock, timedelta(minutes=5)), gateway


def _sent(gateway: FakeSmsGateway) -> str:
    text = gateway.delivered[-1].text
    return text[text.index("验证码为") + 4:][:6]


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def test_300_wrong_then_the_right_one_is_refused() -> None:
    codes, gateway = _codes()
    codes.send(PHONE, PURPOSE)
    right = _sent(gateway)
    answers = [codes.check(PHONE, PURPOSE, _wrong(right)) for _ in range(300)]
    assert answers[:MAX_WRONG_ENTRIES - 1] == ["短信验证码错误"] * (MAX_WRONG_ENTRIES - 1)
    assert answers[MAX_WRONG_ENTRIES - 1] == VOIDED
    assert codes.check(PHONE, PURPOSE, right) is not None


def test_four_wrong_then_the_right_one_passes_and_a_new_code_starts_afresh() -> None:
    codes, gateway = _codes()
    codes.send(PHONE, PURPOSE)
    for _ in range(MAX_WRONG_ENTRIES - 1):
        codes.check(PHONE, PURPOSE, _wrong(_sent(gateway)))
    assert codes.check(PHONE, PURPOSE, _sent(gateway)) is None
    codes.send(PHONE, PURPOSE)
    for _ in range(MAX_WRONG_ENTRIES - 1):
        codes.check(PHONE, PURPOSE, _wrong(_sent(gateway)))
    codes.send(PHONE, PURPOSE)  # a new code: its own 5 entries
    for _ in range(MAX_WRONG_ENTRIES - 1):
        codes.check(PHONE, PURPOSE, _wrong(_sent(gateway)))
    assert codes.check(PHONE, PURPOSE, _sent(gateway)) is None
