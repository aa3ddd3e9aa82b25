"""HTTP client of the conformance hooks (v1, and v2's per-session reads), used by the browser driver."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import requests

from drivers import failure_text
from drivers.protocol import NotVerifiable
from fixtures.identities import Identity

TOKEN_HEADER = "X-Conformance-Token"
#: Names the portal state (namespace) a parallel worker's calls and pages use (hooks v2, docs/parallel.md).
NAMESPACE_HEADER = "X-Conformance-Namespace"


class HooksClient:
    """Calls a portal's test-control API; a missing capability raises NotVerifiable, never passes."""

    def __init__(self, base_url: str, token: str, timeout: float = 10.0, namespace: str | None = None) -> None:
        self._base, self._timeout = base_url.rstrip("/"), timeout
        self._http = requests.Session()
        self._http.headers[TOKEN_HEADER] = token
        if namespace:
            self._http.headers[NAMESPACE_HEADER] = namespace
        #: This scenario's exchanges with the hooks (method, path, request, status, answer): evidence on failure.
        self.exchanges: list[dict[str, Any]] = []

    def _call(self, method: str, path: str, capability: str, **kwargs: Any) -> Any:
        exchange: dict[str, Any] = {"method": method, "path": path, "capability": capability,
                                    "request": kwargs.get("json", kwargs.get("params"))}
        self.exchanges.append(exchange)
        try:
            response = self._http.request(method, self._base + path, timeout=self._timeout, **kwargs)
        except requests.RequestException as exc:
            exchange["error"] = str(exc)
            raise NotVerifiable(failure_text.hooks_unreachable(capability, exc)) from None
        exchange.update(status=response.status_code, response=response.text[:4000],
                        ms=round(response.elapsed.total_seconds() * 1000, 1))
        if response.status_code in (404, 405, 501):
            raise NotVerifiable(failure_text.hook_missing(capability, f"HTTP {response.status_code}"))
        if response.status_code == 401:
            raise NotVerifiable(failure_text.hooks_refused_token())
        if response.status_code >= 400:
            detail = response.json().get("error", response.text) if response.content else ""
            failed = failure_text.hook_failed(capability, response.status_code, detail, exchange["request"])
            raise AssertionError(failed)
        return response.json() if response.content else None

    def reset(self) -> None:
        self._call("POST", "/reset", "reset")

    def seed_person(self, identity: Identity, document_type: str | None = None) -> None:
        """Seed a registered person; document_type is the portal's spelling of it (the profile's aliases)."""
        self._call("POST", "/natural-persons", "seed.natural_person", json={
            "name": identity.name, "document_type": document_type or identity.document_type.value,
            "document_number": identity.document_number, "phone": identity.phone,
            "login_name": identity.login_name, "password": identity.password})

    def current_captcha(self, session: str | None = None) -> str | None:
        """The captcha the portal asks of this browser session (named by its cookie), else the one issued last."""
        params = {"session": session} if session else None
        answer = self._call("GET", "/captcha", "captcha", params=params)["answer"]
        return None if answer is None else str(answer)

    def set_clock(self, iso_instant: str) -> None:
        self._call("PUT", "/clock", "clock", json={"now": iso_instant})

    def advance_clock(self, delta: timedelta) -> None:
        self._call("POST", "/clock/advance", "clock", json={"minutes": delta.total_seconds() / 60})

    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """A named capability: POST {base}/capabilities/{name} with the payload as JSON."""
        answer = self._call("POST", f"/capabilities/{capability}", capability, json=dict(payload or {}))
        return dict(answer or {})

    def close(self) -> None:
        self._http.close()
