"""A strict router built from an OpenAPI document: the hooks serve what the document lists, and nothing else.

Nothing is hand-routed: every (method, path) of the document is dispatched by its operationId to a handler,
every path the document does not list answers 404 (a listed path with another method, 405), and a request
body is parsed strictly (bodies.py) and checked against the operation's documented schema (contract.py) before
a handler sees it. Building the router fails when the document has an operation no handler serves.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable, Mapping
from typing import Any

from flask import Blueprint, Response, jsonify, request

from simulator.hooks.bodies import MAX_BODY, BadBody, parse
from simulator.hooks.contract import Operation, operations

TOKEN_HEADER = "X-Conformance-Token"
#: A handler: (the operation routed, its path parameters, its checked body) → the answer and its status.
Handler = Callable[[Operation, Mapping[str, str], dict[str, Any]], tuple[Response, int]]
#: Finds the handler of an operationId (None: the document lists an operation this server cannot serve).
Resolve = Callable[[str], Handler | None]


def error(status: int, message: str) -> tuple[Response, int]:
    return jsonify({"error": message}), status


def read_body() -> dict[str, Any]:
    """The request's JSON object, parsed strictly (an empty body is {}); BadBody saying why otherwise."""
    if (request.content_length or 0) > MAX_BODY:
        raise BadBody(f"body is larger than {MAX_BODY} bytes")
    return parse(request.stream.read(MAX_BODY + 1))


def make_blueprint(name: str, url_prefix: str, version: int, document: dict[str, Any], resolve: Resolve,
                   token: str) -> Blueprint:
    """The hooks of `document` under url_prefix, each operation served by resolve(its operationId)."""
    routes: list[tuple[Operation, re.Pattern[str], Handler]] = []
    for operation in operations(document):
        handler = resolve(operation.operation_id)
        if handler is None:
            raise ValueError(f"no handler serves {operation.method} {operation.path} ({operation.operation_id})")
        routes.append((operation, operation.pattern, handler))
    hooks = Blueprint(name, __name__, url_prefix=url_prefix)

    @hooks.before_request
    def check_token() -> tuple[Response, int] | None:
        given = request.headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            return error(401, "conformance hooks need a valid X-Conformance-Token header")
        return None

    def dispatch(path: str = "") -> tuple[Response, int]:
        wanted, allowed = "/" + path, []
        for operation, pattern, handler in routes:
            matched = pattern.fullmatch(wanted)
            if matched is None:
                continue
            if operation.method != request.method:
                allowed.append(operation.method)
                continue
            try:
                body = read_body()
                operation.check(body)
            except BadBody as exc:
                return error(400, str(exc))
            return handler(operation, matched.groupdict(), body)
        if allowed:
            answer, status = error(405, f"{request.method} is not a method of {wanted} (it takes {', '.join(allowed)})")
            answer.headers["Allow"] = ", ".join(allowed)
            return answer, status
        return error(404, f"hooks v{version} have no {wanted} (see the OpenAPI document)")

    # Every method reaches dispatch, which alone says what is served (no automatic OPTIONS or HEAD answers).
    methods = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"]
    hooks.add_url_rule("/", "root", dispatch, methods=methods, provide_automatic_options=False)
    hooks.add_url_rule("/<path:path>", "path", dispatch, methods=methods, provide_automatic_options=False)
    return hooks
