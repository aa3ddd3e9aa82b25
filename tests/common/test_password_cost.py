"""The password-hashing cost is the simulator's setting: strong when served for people, cheap in test runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etax_conformance.cli import _parser
from etax_conformance.serving import ServedSimulator, password_cost_info
from simulator.common import passwords
from simulator.common.passwords import STRONG, TEST, configure, hash_password, verify_password


@pytest.fixture
def restore_cost() -> Iterator[None]:
    before = passwords.current_cost()
    yield
    configure(before)


def test_a_hash_carries_its_cost_and_verifies_under_the_other(restore_cost: None) -> None:
    configure(TEST)
    cheap = hash_password("Abc12345")
    assert cheap.split("$")[1:4] == ["16", "8", "1"]
    configure(STRONG)
    strong = hash_password("Abc12345")
    assert strong.split("$")[1:4] == [str(STRONG.n), str(STRONG.r), str(STRONG.p)]
    assert verify_password("Abc12345", cheap)
    assert verify_password("Abc12345", strong)
    assert not verify_password("Abc12346", cheap)
    assert not verify_password("Abc12346", strong)


def test_strong_is_owasp_scrypt_minimum() -> None:
    # OWASP Password Storage Cheat Sheet: N=2^15, r=8, p=3 is one of its equivalent scrypt minimums.
    assert (STRONG.n, STRONG.r, STRONG.p) == (2**15, 8, 3)
    assert STRONG.n > TEST.n


def test_serve_hashes_strongly_unless_told() -> None:
    assert _parser().parse_args(["serve"]).password_cost == "strong"
    assert _parser().parse_args(["serve", "--password-cost", "test"]).password_cost == "test"


def test_the_runs_own_simulator_is_a_test_run() -> None:
    assert ServedSimulator.password_cost == "test"
    assert password_cost_info("test") == {"scheme": "scrypt", "name": "test", "n": 16, "r": 8, "p": 1}

