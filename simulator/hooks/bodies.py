"""Request bodies of the conformance hooks: one JSON object, parsed strictly, checked against openapi.yaml.

Whatever a client sends — lists, NaN, 1e400, 5 000-digit numbers, deep nesting, lone surrogates, invalid
UTF-8 — becomes a BadBody (answered 400 with its message), never an exception that reaches the server (500).
"""

from __future__ import annotations

import json
import math
from typing import Any

#: A body larger than this is refused before it is parsed (a test-control call never needs more).
MAX_BODY = 64 * 1024
#: Objects and lists nested deeper than this are refused (a documented body nests two levels).
MAX_DEPTH = 16
#: A number written with more characters than this is refused (no test-control field needs more).
MAX_NUMBER_CHARS = 40


class BadBody(ValueError):
    """A request body that is not one JSON object a capability can use; the message says why."""


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise BadBody(f"a number has {len(text)} characters (at most {MAX_NUMBER_CHARS})")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise BadBody(f"a number has {len(text)} characters (at most {MAX_NUMBER_CHARS})")
    value = float(text)
    if not math.isfinite(value):
        raise BadBody(f"the number {text} is too large")
    return value


def _constant(name: str) -> Any:
    raise BadBody(f"{name} is not JSON (numbers must be finite)")


def parse(raw: bytes) -> dict[str, Any]:
    """The JSON object in raw (an empty body is {}); anything else is a BadBody saying why."""
    if len(raw) > MAX_BODY:
        raise BadBody(f"body is larger than {MAX_BODY} bytes")
    if not raw.strip():
        return {}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadBody(f"body is not UTF-8 (byte {exc.start})") from None
    if _depth(text) > MAX_DEPTH:
        raise BadBody(f"body nests objects or lists deeper than {MAX_DEPTH} levels")
    try:
        body = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except BadBody:
        raise
    except (ValueError, RecursionError) as exc:
        raise BadBody(f"body is not valid JSON: {str(exc)[:200]}") from None
    if not isinstance(body, dict):
        raise BadBody(f"body must be a JSON object, not {_kind(body)}")
    _check_text(body, "body")
    return body


def _depth(text: str) -> int:
    """How deep brackets nest outside strings (counted before parsing, so that parsing cannot recurse deep)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _check_text(value: Any, where: str) -> None:
    """Every key and string is text a store can keep: no lone surrogates (\\ud800 …)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise BadBody(f"{where} holds a lone surrogate (\\ud800-\\udfff alone), which is not text") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, f"{where} key")
            _check_text(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_text(item, f"{where}[{index}]")


def _kind(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            type(None): "null"}.get(type(value), type(value).__name__)
