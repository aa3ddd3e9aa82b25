"""Conformance namespaces: one served simulator, many independent portals, chosen per request by a header.

Parallel conformance runs (pytest-xdist workers, CI shards) drive ONE served portal at once. A global hooks
`reset` or a clock move by one worker would break every other worker's scenario, so each worker names its own
namespace in the `X-Conformance-Namespace` header of every request — its pages (the browser context sends it
on every request) and its hooks calls. Here each namespace is a portal of its own: its own store (SQLite in
memory), ControlledClock, sessions, captcha and SMS outbox. A request without the header reaches the default
portal, exactly as before namespaces existed.

Only a hooks call carrying the valid token creates a namespace (a scenario begins with the hooks' reset); a page
request naming an unknown namespace is refused with 404, so people using the portal cannot make it grow. At
most `limit` namespaces live at once; the one used least recently is dropped when another is created.
"""

from __future__ import annotations

import hmac
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask

HEADER = "X-Conformance-Namespace"
TOKEN_HEADER = "X-Conformance-Token"
_ENVIRON = "HTTP_" + HEADER.upper().replace("-", "_")
_TOKEN_ENVIRON = "HTTP_" + TOKEN_HEADER.upper().replace("-", "_")
#: A namespace's name: letters, digits, '.', '_' and '-', at most 64 characters.
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
LIMIT = 32
#: Key of app.config that tells the hooks (api_v2) that namespaces are served, and which one the app is.
CONFIG_KEY = "CONFORMANCE_NAMESPACES"

StartResponse = Callable[..., Any]


def describe(app: Flask) -> dict[str, Any] | None:
    """The answer of the hooks' `namespace` capability for this app; None when namespaces are not served."""
    info: dict[str, Any] | None = app.config.get(CONFIG_KEY)
    return None if info is None else dict(info)


class NamespacedApp:
    """A WSGI app: no header → the default app; a header → that namespace's own app (made by `make`)."""

    def __init__(self, default: Flask, make: Callable[[], Flask], hooks_token: str, limit: int = LIMIT) -> None:
        if limit < 1:
            raise ValueError("a namespace limit must be at least 1")
        self.default, self._make, self._token, self.limit = default, make, hooks_token, limit
        self._apps: OrderedDict[str, Flask] = OrderedDict()
        self._lock = threading.Lock()
        default.config[CONFIG_KEY] = self._info(None)

    def _info(self, name: str | None) -> dict[str, Any]:
        return {"header": HEADER, "namespace": name, "limit": self.limit}

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        name = environ.get(_ENVIRON)
        if name is None or name == "":
            return self.default(environ, start_response)
        if not NAME.fullmatch(name):
            return _refuse(start_response, "400 Bad Request",
                           f"{HEADER} must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        app = self._app(name, creating=self._token_given(environ))
        if app is None:
            return _refuse(start_response, "404 Not Found",
                           f"unknown conformance namespace {name!r}: a hooks call with the token creates it")
        return app(environ, start_response)

    def _token_given(self, environ: dict[str, Any]) -> bool:
        given = str(environ.get(_TOKEN_ENVIRON, ""))
        return hmac.compare_digest(given.encode(), self._token.encode())

    def _app(self, name: str, creating: bool) -> Flask | None:
        with self._lock:
            app = self._apps.get(name)
            if app is not None:
                self._apps.move_to_end(name)
                return app
            if not creating:
                return None
            app = self._make()
            app.config[CONFIG_KEY] = self._info(name)
            self._apps[name] = app
            while len(self._apps) > self.limit:
                _, dropped = self._apps.popitem(last=False)
                _close(dropped)
            return app

    def names(self) -> list[str]:
        """The namespaces alive, least recently used first."""
        with self._lock:
            return list(self._apps)


def _close(app: Flask) -> None:
    portal = app.config.get("PORTAL")
    if portal is not None:
        portal.store.close()


def _refuse(start_response: StartResponse, status: str, message: str) -> list[bytes]:
    body = message.encode("utf-8")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]
