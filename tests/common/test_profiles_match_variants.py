"""The shipped profiles declare exactly the readings the simulator's variants implement."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.profile import load_profile
from etax_conformance.paths import CATALOG_DIR
from etax_conformance.readings import load_readings
from simulator.variant import Variant

PROFILES = Path(__file__).resolve().parent.parent.parent / "profiles"


@pytest.mark.parametrize(("profile", "variant"), [("simulator.yaml", Variant.default()), ("alt.yaml", Variant.alt())])
def test_profile_declares_the_variants_readings(profile: str, variant: Variant) -> None:
    declared = load_profile(PROFILES / profile).readings
    assert declared == dict(variant.readings)
    assert set(declared) == set(load_readings(CATALOG_DIR))
