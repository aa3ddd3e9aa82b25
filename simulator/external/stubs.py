"""In-process stand-ins for the external services at the HTTP level, built on `responses`.

The simulator's real HTTP adapters talk to these; faults and face results come from the same
ExternalScript the fakes read, so a scenario behaves alike in-process and served.
"""

from __future__ import annotations

import json
import re
from typing import Any

import requests
import responses

from simulator.external.core_records import real_name_json, registration_json
from simulator.external.script import ExternalScript, Fault

SMS_BASE = "http://sms-gateway.simulator.invalid"
FACE_BASE = "http://face-comparison.simulator.invalid"
CORE_BASE = "http://core-tax.simulator.invalid"


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
    install_core(mock, script)


def install_core(mock: responses.RequestsMock, script: ExternalScript) -> None:
    """The core tax system (金税三期): registrations and real-name records; `mismatch` answers about someone else."""

    def answer(found: dict[str, Any] | None, key: str) -> tuple[int, dict[str, str], str]:
        fault = script.fault("core")
        if fault is Fault.OK and found is None:
            return 404, {}, json.dumps({"error": "not found"})
        if fault is Fault.MISMATCH:
            found = {**(found or {}), key: "0" * 18}
        return _answer(script, "core", found or {})

    def taxpayer(request: Any) -> tuple[int, dict[str, str], str]:
        found = script.core.registration(request.url.rsplit("/", 1)[-1])
        return answer(None if found is None else registration_json(found), "tax_id")

    def real_name(request: Any) -> tuple[int, dict[str, str], str]:
        found = script.core.real_name(request.url.rsplit("/", 1)[-1])
        return answer(None if found is None else real_name_json(found), "id_number")

    mock.add_callback(responses.GET, re.compile(re.escape(CORE_BASE) + r"/v1/taxpayers/[^/]+$"), callback=taxpayer)
    mock.add_callback(responses.GET, re.compile(re.escape(CORE_BASE) + r"/v1/real-name/[^/]+$"), callback=real_name)
