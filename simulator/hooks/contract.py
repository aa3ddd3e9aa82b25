"""The hooks' contract, read from their OpenAPI documents: which operations exist and what bodies they accept.

openapi.yaml (v2) and openapi-v1.yaml (v1) are the contract. Their operations are what the hooks route
(simulator/hooks/router.py) and their request schemas are checked by a maintained validator
(openapi-schema-validator's OpenAPI 3.0 validator, over jsonschema), so the documents and the checks cannot
drift: the in-process driver checks its hooks bodies with the same `check`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from jsonschema.exceptions import best_match
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from simulator.hooks.bodies import BadBody

#: The documents, by hooks version.
DOCUMENTS = {1: "openapi-v1.yaml", 2: "openapi.yaml"}
METHODS = ("get", "put", "post", "delete", "patch")
CAPABILITY_PREFIX = "/capabilities/"
#: What a format asks, said in a refusal.
FORMAT_HINTS = {"date-time": "an ISO 8601 date-time with a UTC offset, e.g. 2024-03-01T10:00:00+08:00"}


@cache
def document(version: int = 2) -> dict[str, Any]:
    """The OpenAPI document of hooks `version` shipped with the simulator."""
    text = resources.files("simulator.hooks").joinpath(DOCUMENTS[version]).read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@dataclass(frozen=True)
class Operation:
    """One (method, path) a document lists: its operationId and the validator of its request body (if any)."""

    method: str
    path: str
    operation_id: str
    body: OAS30Validator | None = field(default=None, compare=False, repr=False)

    @property
    def pattern(self) -> re.Pattern[str]:
        """The path as a regular expression: a `{parameter}` is one path segment."""
        parts = re.split(r"(\{[^}/]+\})", self.path)
        return re.compile("".join(f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts))

    def check(self, body: dict[str, Any]) -> None:
        """BadBody when the body breaks the operation's documented request schema (none documented: anything)."""
        if self.body is not None:
            _raise_first(self.body, body)


def operations(doc: dict[str, Any]) -> list[Operation]:
    """Every operation of the document, in its order; an operation without an operationId is an error."""
    found = []
    for path, item in doc["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            if "operationId" not in operation:
                raise ValueError(f"{method.upper()} {path} has no operationId: the router cannot dispatch it")
            has_body = "application/json" in operation.get("requestBody", {}).get("content", {})
            pointer = "/".join(["#/paths", _escape(path), method, "requestBody/content/application~1json/schema"])
            found.append(Operation(method.upper(), path, str(operation["operationId"]),
                                   _validator(doc, pointer) if has_body else None))
    return found


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _validator(doc: dict[str, Any], pointer: str) -> OAS30Validator:
    """The OpenAPI 3.0 validator of the schema at `pointer`, its $refs resolved in the document."""
    return OAS30Validator({**doc, "$ref": pointer}, format_checker=oas30_format_checker)


def _raise_first(validator: OAS30Validator, body: dict[str, Any]) -> None:
    """BadBody naming the field and the rule of the most relevant error, if any."""
    error = best_match(validator.iter_errors(body))
    if error is not None:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        hint = FORMAT_HINTS.get(str(error.schema.get("format"))) if error.validator == "format" else None
        raise BadBody(f"body{where}: {error.message}{f' ({hint})' if hint else ''}")


@cache
def _capabilities() -> dict[str, Operation]:
    return {o.path.removeprefix(CAPABILITY_PREFIX): o for o in operations(document(2))
            if o.method == "POST" and o.path.startswith(CAPABILITY_PREFIX)}


def check(capability: str, body: dict[str, Any]) -> None:
    """The body of hooks v2's POST /capabilities/<capability>, against its documented schema (if documented)."""
    operation = _capabilities().get(capability)
    if operation is not None:
        operation.check(body)
