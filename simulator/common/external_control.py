"""Test-control capabilities over the external systems: fault one, script the next face result."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.common.flow import Hook
from simulator.common.test_control import SeedError
from simulator.external.script import ExternalScript


class ExternalControl:
    """`external.fault` {service: sms|face, mode: ok|down|slow}; `face.next_result` {match: bool}."""

    def __init__(self, script: ExternalScript) -> None:
        self._script = script

    def hooks(self) -> Mapping[str, Hook]:
        return {"external.fault": self._fault, "face.next_result": self._face}

    def _fault(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        try:
            self._script.set_fault(str(payload.get("service")), str(payload.get("mode")))
        except ValueError as exc:
            raise SeedError(str(exc)) from None
        return {"service": payload["service"], "mode": payload["mode"]}

    def _face(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        match = payload.get("match")
        if not isinstance(match, bool):
            raise SeedError("face.next_result needs 'match': true or false")
        self._script.script_face(match)
        return {"match": match}

    def reset_state(self) -> None:
        self._script.clear()
