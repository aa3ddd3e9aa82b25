"""In-process stand-ins for the external services at the HTTP level, built on `responses`.

The simulator's real HTTP adapters talk to these; faults and face results come from the same
ExternalScript the fakes read, so a scenario behaves alike in-process and served.
"""

from __future__ import annotations

import json
from typing import Any

import requests
import responses

from simulator.external.script import ExternalScript, Fault

SMS_BASE = "http://sms-gateway.simulator.invalid"
FACE_BASE = "http://face-comparison.simulator.invalid"


def _answer(script: ExternalScript, service: str, body: dict[str, Any]) -> tuple[int, dict[str, str], str]:
    fault = script.fault(service)
    if fault is Fault.SLOW:
        raise requests.exceptions.ReadTimeout(f"{service} did not answer in time")
    if fault is Fault.DOWN:
        return 503, {}, json.dumps({"error": "service unavailable"})
    return 200, {"Content-Type": "application/json"}, json.dumps(body)


def install(mock: responses.RequestsMock, script: ExternalScript) -> None:
    """Register the SMS gateway and the face-comparison service on a started RequestsMock."""

    def sms(request: Any) -> tuple[int, dict[str, str], str]:
        return _answer(script, "sms", {"status": "accepted"})

    def face(request: Any) -> tuple[int, dict[str, str], str]:
        if script.fault("face") is Fault.OK:
            return _answer(script, "face", {"match": script.next_face_result()})
        return _answer(script, "face", {})

    mock.add_callback(responses.POST, SMS_BASE + "/v1/messages", callback=sms)
    mock.add_callback(responses.POST, FACE_BASE + "/v1/compare", callback=face)
