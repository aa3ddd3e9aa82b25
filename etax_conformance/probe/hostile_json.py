"""Hostile request bodies for a portal's conformance hooks: what a careless or malicious client sends.

Each case is (label, raw bytes). Together with every path and method of the hooks they make the probe's
"hooks hostile JSON" row: a portal must answer every one with a 4xx and an error message, never a 5xx.
"""

from __future__ import annotations

import json

#: Values of the wrong type or of absurd size, put in every field a capability documents.
HOSTILE_VALUES: tuple[tuple[str, str], ...] = (
    ("list", "[]"),
    ("object", "{}"),
    ("null", "null"),
    ("true", "true"),
    ("NaN", "NaN"),
    ("Infinity", "Infinity"),
    ("-Infinity", "-Infinity"),
    ("1e300", "1e300"),
    ("-1e300", "-1e300"),
    ("1e400", "1e400"),
    ("5000 digits", "9" * 5000),
    ("negative", "-1"),
    ("float", "0.5"),
    ("lone surrogate", '"\\ud800"'),
    ("NUL", '"a\\u0000b"'),
    ("10 kB string", json.dumps("张" * 10_000)),
    ("year 1", '"0001-01-01T00:00:00+08:00"'),
    ("year 9999", '"9999-12-31T23:59:59+08:00"'),
    ("year 9999 UTC-12", '"9999-12-31T23:59:59-12:00"'),
    ("naive time", '"2024-03-01T10:00:00"'),
    ("not a time", '"yesterday"'),
)

#: Whole bodies that are not one JSON object of sane shape.
HOSTILE_BODIES: tuple[tuple[str, bytes], ...] = (
    ("a list", b"[]"),
    ("a list of objects", b'[{"now": "2024-03-01T10:00:00+08:00"}]'),
    ("a string", b'"x"'),
    ("a number", b"1"),
    ("null", b"null"),
    ("NaN", b"NaN"),
    ("5000 digits", b"9" * 5000),
    ("deep nesting 100 000", b"[" * 100_000 + b"]" * 100_000),
    ("deep object nesting 2 000", b'{"a":' * 2_000 + b"1" + b"}" * 2_000),
    ("truncated", b'{"now": '),
    ("invalid UTF-8", b'{"name": "\xff\xfe"}'),
    ("lone surrogate key", b'{"\\udc00": 1}'),
    ("duplicate keys", b'{"minutes": 1, "minutes": -1}'),
    ("BOM", b'\xef\xbb\xbf{"minutes": 1}'),
    ("1 MB string", b'{"name": "' + b"a" * 1_000_000 + b'"}'),
)


def field_cases(example: dict[str, object]) -> list[tuple[str, bytes]]:
    """A capability's valid example with one field (each documented one, and `session`) made hostile."""
    cases: list[tuple[str, bytes]] = []
    for field in [*example, "session"]:
        others = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in example.items() if k != field]
        for label, value in HOSTILE_VALUES:
            body = "{" + ", ".join([*others, f"{json.dumps(field)}: {value}"]) + "}"
            cases.append((f"{field}={label}", body.encode()))
    return cases
