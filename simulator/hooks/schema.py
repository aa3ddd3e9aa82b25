"""What the hooks accept, read from openapi.yaml: a capability's body is checked against its documented schema.

The document is the contract, so a body the schema refuses is refused (400, naming the field) before any
flow sees it, and the schema says exactly what is accepted. Fields the schema does not name are ignored.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from simulator.hooks.bodies import BadBody

DOCUMENT = Path(__file__).with_name("openapi.yaml")
_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "integer": (int,), "number": (int, float),
                                       "boolean": (bool,), "object": (dict,), "array": (list,)}


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    return loaded


def request_schema(capability: str) -> dict[str, Any] | None:
    """The documented body of POST /capabilities/<capability>, or None when the document has none."""
    operation = document()["paths"].get(f"/capabilities/{capability}", {}).get("post", {})
    schema: dict[str, Any] | None = (operation.get("requestBody", {}).get("content", {})
                                     .get("application/json", {}).get("schema"))
    return schema


def check(capability: str, body: dict[str, Any]) -> None:
    """BadBody naming the first field that breaks the capability's documented schema."""
    schema = request_schema(capability)
    if schema is not None:
        _check(body, schema, "body")


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = document()
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _check(value: Any, schema: dict[str, Any], where: str) -> None:
    schema = _resolve(schema)
    if value is None:
        if schema.get("nullable") or "type" not in schema:
            return
        raise BadBody(f"{where} must not be null")
    kind = schema.get("type")
    if kind is not None:
        wanted = _TYPES[kind]
        if not isinstance(value, wanted) or (isinstance(value, bool) and bool not in wanted):
            raise BadBody(f"{where} must be {'an' if kind[0] in 'aeio' else 'a'} {kind}")
    if "enum" in schema and value not in schema["enum"]:
        raise BadBody(f"{where} must be one of {', '.join(map(str, schema['enum']))}")
    if isinstance(value, str):
        _check_string(value, schema, where)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        _check_number(value, schema, where)
    elif isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                raise BadBody(f"{where}.{key} is missing")
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                _check(value[key], sub, f"{where}.{key}")
    elif isinstance(value, list):
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            raise BadBody(f"{where} has more than {schema['maxItems']} items")
        for index, item in enumerate(value):
            _check(item, schema.get("items", {}), f"{where}[{index}]")


def _check_string(value: str, schema: dict[str, Any], where: str) -> None:
    if len(value) > schema.get("maxLength", len(value)):
        raise BadBody(f"{where} is longer than {schema['maxLength']} characters")
    if len(value) < schema.get("minLength", 0):
        raise BadBody(f"{where} is shorter than {schema['minLength']} characters")
    if schema.get("format") == "date-time":
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            raise BadBody(f"{where} must be an ISO 8601 date-time, e.g. 2024-03-01T10:00:00+08:00") from None
        if instant.tzinfo is None:
            raise BadBody(f"{where} must carry a UTC offset, e.g. 2024-03-01T10:00:00+08:00")


def _check_number(value: float, schema: dict[str, Any], where: str) -> None:
    if "minimum" in schema and value < schema["minimum"]:
        raise BadBody(f"{where} must be at least {schema['minimum']}")
    if "maximum" in schema and value > schema["maximum"]:
        raise BadBody(f"{where} must be at most {schema['maximum']}")
