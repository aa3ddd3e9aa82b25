"""A small validator of JSON values against OpenAPI 3.0 schemas (the subset the hooks document uses)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "integer": (int,), "number": (int, float),
                                       "boolean": (bool,), "object": (dict,), "array": (list,)}


def resolve(node: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """The schema a {$ref: "#/…"} points to (followed until it is no reference)."""
    while "$ref" in node:
        target: Any = document
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def problems(value: Any, schema: dict[str, Any], document: dict[str, Any], where: str = "answer") -> list[str]:
    """Every way value breaks schema, each in plain words naming where (answer.messages[0].code …)."""
    schema = resolve(schema, document)
    if value is None:
        return [] if schema.get("nullable") or "type" not in schema else [f"{where} is null"]
    kind = schema.get("type")
    if kind is not None:
        wanted = _TYPES[kind]
        if not isinstance(value, wanted) or (isinstance(value, bool) and bool not in wanted):
            return [f"{where} should be {'an' if kind[0] in 'aeio' else 'a'} {kind}, not {_name(value)}"]
    found: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where} is {value!r}, not one of {schema['enum']}")
    if schema.get("format") == "date-time" and isinstance(value, str):
        try:
            datetime.fromisoformat(value)
        except ValueError:
            found.append(f"{where} is {value!r}, not an ISO 8601 date-time")
    if "minimum" in schema and isinstance(value, int | float) and value < schema["minimum"]:
        found.append(f"{where} is {value}, below the minimum {schema['minimum']}")
    if isinstance(value, dict):
        found += [f"{where}.{key} is missing" for key in schema.get("required", []) if key not in value]
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                found += problems(value[key], sub, document, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += problems(item, schema["items"], document, f"{where}[{index}]")
    return found


def _name(value: Any) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "an object"}.get(type(value), type(value).__name__)
