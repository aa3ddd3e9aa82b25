"""Probe: the conformance hooks under hostile JSON — every answer a 4xx with an error message, never a 5xx.

Works through any `send` (HTTP in the probe, a Flask test client in the tests), so the same cases run both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from etax_conformance.probe.hostile_json import HOSTILE_BODIES, field_cases

#: send(method, path, body) → (status, the answer's JSON or None when it is not JSON).
Send = Callable[[str, str, bytes], tuple[int, Any]]
V1, V2 = "/__conformance__/v1", "/__conformance__/v2"
#: v1's paths with a body and the v2 capability whose schema they share.
V1_PATHS = (("POST", "/natural-persons", "seed.natural_person"), ("PUT", "/clock", "clock.set"),
            ("POST", "/clock/advance", "clock.advance"))


@dataclass
class HostileResult:
    requests: int = 0
    server_errors: list[str] = field(default_factory=list)
    without_message: list[str] = field(default_factory=list)
    accepted: int = 0


def targets(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, valid example) of every call of hooks v1 and v2 that takes a body."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            content = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if content is not None:
                found.append((method.upper(), V2 + path, dict(content.get("example") or {})))
    examples = {path.removeprefix(V2 + "/capabilities/"): example for _, path, example in found
                if path.startswith(V2 + "/capabilities/")}
    for method, path, capability in V1_PATHS:
        found.append((method, V1 + path, examples.get(capability, {})))
    found += [("POST", V1 + "/capabilities/" + name, example) for name, example in examples.items()
              if name not in ("seed.natural_person", "clock.set", "clock.advance", "reset")]
    return found


def run(send: Send, document: dict[str, Any], *, fast: bool = False) -> HostileResult:
    """Every hostile body and every hostile field value at every target; fast: fewer targets, same cases."""
    result = HostileResult()
    chosen = targets(document)
    if fast:
        chosen = [t for t in chosen if t[1].endswith(("v1/clock", "v2/capabilities/clock.advance",
                                                       "v2/capabilities/seed.unit"))]
    for method, path, example in chosen:
        for label, body in [*HOSTILE_BODIES, *field_cases(example)]:
            status, answer = send(method, path, body)
            result.requests += 1
            where = f"{method} {path} [{label}]"
            if status >= 500:
                result.server_errors.append(f"{where} → {status}")
            elif status == 413:  # oversized: refused before it is read, as the document says
                continue
            elif status >= 400 and not (isinstance(answer, dict) and isinstance(answer.get("error"), str)
                                        and answer["error"].strip()):
                result.without_message.append(f"{where} → {status} without an error message")
            elif status < 400:
                result.accepted += 1
    return result
