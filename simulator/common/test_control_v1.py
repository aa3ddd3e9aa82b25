"""Test control as hooks v1 see it: a thin adapter over the one test control (v2, test_control.py).

v1 lists the clock as one capability ("clock"), calls the QR code the app can scan "pending", gives no state in
qr.confirm's answer and no CA credential in seed.unit's; everything else is v2's answer as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.common.test_control import BASICS, TestControl

VERSION = 1
#: v1's names of the basics (v1 lists one "clock" for three calls).
V1_BASICS = ("reset", "seed.natural_person", "captcha", "clock")
#: v2's QR states → v1's words.
QR_STATES = {"issued": "pending"}


def capabilities(control: TestControl) -> list[str]:
    return [*V1_BASICS, *(name for name in control.capabilities() if name not in BASICS)]


def call(control: TestControl, name: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """v2's call of the same name, its answer in v1's words."""
    answer = control.call(name, payload)
    if name == "qr.current" and answer.get("state") in QR_STATES:
        answer["state"] = QR_STATES[answer["state"]]
    elif name == "qr.confirm":
        answer.pop("state", None)
    elif name == "seed.unit":
        answer.pop("ca", None)
    return answer
