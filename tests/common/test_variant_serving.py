"""The variant switch end to end: the CLI option, create_app, a served alt simulator, lifetimes no guide fixes."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from etax_conformance.cli import _parser
from etax_conformance.serving import ServedSimulator
from fixtures.identities import Identity
from simulator.bootstrap import build_portal
from simulator.clock import ControlledClock
from simulator.variant import Variant
from simulator.web.app import create_app
from tests.conftest import seed_of

CODE_SEED = {"document_type": "居民身份证", "document_number": "110101199003074477",
             "issued_at": "2024-03-01T10:00:00+08:00"}


def test_serve_and_run_take_a_variant_and_refuse_an_unknown_one() -> None:
    assert _parser().parse_args(["serve", "--variant", "alt"]).variant == "alt"
    assert _parser().parse_args(["serve"]).variant == "default"
    assert _parser().parse_args(["run", "--driver", "browser", "--variant", "alt"]).variant == "alt"
    with pytest.raises(SystemExit):
        _parser().parse_args(["serve", "--variant", "other"])


def test_create_app_builds_the_portal_of_the_variant() -> None:
    assert create_app().config["PORTAL"].variant == Variant.default()
    app = create_app(variant=Variant.alt())
    assert app.config["PORTAL"].variant.name == "alt"


def test_a_served_alt_simulator_follows_the_alt_readings(tmp_path: Path) -> None:
    served = ServedSimulator.start(tmp_path / "alt.sqlite3", variant="alt")
    try:
        answer = requests.post(served.url + "/__conformance__/v1/capabilities/seed.registration_code",
                               json=CODE_SEED, headers={"X-Conformance-Token": served.hooks_token}, timeout=10)
        assert answer.json()["expires_at"] == "2024-03-09T00:00:00+08:00"  # ITS-R03 through-seventh-day
    finally:
        served.stop()


@pytest.mark.parametrize(("variant", "seconds", "minutes"), [(Variant.default(), 120, 5), (Variant.alt(), 300, 10)])
def test_qr_and_sms_code_lifetimes_are_the_variants(variant: Variant, seconds: int, minutes: int) -> None:
    clock = ControlledClock()
    clock.set(ControlledClock().now())
    portal = build_portal(clock=clock, variant=variant)
    session, _ = portal.view(None)
    portal.act(session, "二维码登录", {})
    assert portal.test_control.call("qr.current", {})["lifetime_seconds"] == seconds
    portal.sms_codes.send("13800138000", "test")
    text = portal.test_control.call("sms.outbox", {"phone": "13800138000"})["messages"][-1]["text"]
    assert f"{minutes}分钟内有效" in text


@pytest.mark.parametrize(("variant", "again"), [(Variant.default(), False), (Variant.alt(), True)])
def test_a_qr_code_scanned_again_before_it_expires(variant: Variant, again: bool, person: Identity) -> None:
    """ITS-R04: single-use (default) refuses the second scan; reusable-until-expiry (alt) logs in again."""
    clock = ControlledClock()
    clock.set(ControlledClock().now())
    portal = build_portal(clock=clock, variant=variant)
    portal.test_control.seed_person(seed_of(person))
    session, _ = portal.view(None)
    portal.act(session, "二维码登录", {})
    assert portal.test_control.call("qr.confirm", {"login_name": person.login_name})["confirmed"]
    assert portal.test_control.call("qr.confirm", {"login_name": person.login_name})["confirmed"] is again
    assert portal.view(session)[1].screen == "单位办税验证"
