"""One-time QR login tokens: expiry boundaries, single use, replacement, payload."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from simulator.domain.qr import QR_LIFETIME, QR_PAYLOAD_PREFIX, TokenProblem, issue, token_of

NOW = datetime(2024, 3, 1, 2, 0, tzinfo=UTC)
TICK = timedelta(microseconds=1)


def test_a_new_token_is_usable_and_unguessable() -> None:
    first, second = issue(NOW), issue(NOW)
    assert first.problem(NOW) is None
    assert first.state(NOW) == "pending"
    assert first.value != second.value
    assert len(first.value) >= 20


@pytest.mark.parametrize(("after", "expired"), [
    (timedelta(), False), (QR_LIFETIME - TICK, False), (QR_LIFETIME, True), (QR_LIFETIME + TICK, True)])
def test_expiry_boundary(after: timedelta, expired: bool) -> None:
    token = issue(NOW)
    assert token.is_expired(NOW + after) is expired
    assert (token.problem(NOW + after) is TokenProblem.EXPIRED) is expired
    assert token.seconds_left(NOW + after) == max(0.0, (QR_LIFETIME - after).total_seconds())


def test_a_token_logs_in_once() -> None:
    used = issue(NOW).use(NOW + timedelta(seconds=5))
    assert used.used_at == NOW + timedelta(seconds=5)
    assert used.problem(NOW + timedelta(seconds=6)) is TokenProblem.USED
    with pytest.raises(ValueError, match="已被使用"):
        used.use(NOW + timedelta(seconds=6))


def test_an_expired_or_replaced_token_cannot_be_used() -> None:
    with pytest.raises(ValueError, match="已过期"):
        issue(NOW).use(NOW + QR_LIFETIME)
    replaced = replace(issue(NOW), replaced=True)
    assert replaced.problem(NOW) is TokenProblem.REPLACED
    assert replaced.state(NOW) == "replaced"


def test_used_outranks_expired() -> None:
    used = issue(NOW).use(NOW)
    assert used.problem(NOW + QR_LIFETIME * 2) is TokenProblem.USED


def test_payload_round_trip() -> None:
    token = issue(NOW)
    assert token.payload.startswith(QR_PAYLOAD_PREFIX)
    assert token_of(token.payload) == token.value == token_of(f"  {token.value} ")
