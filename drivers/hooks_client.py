"""HTTP client of the conformance hooks, used by the browser driver.

On a v2 base it calls only what hooks v2 define: `GET {base}/`, `GET {base}/capabilities` and
`POST {base}/capabilities/<name>` — the basics (reset, seed.natural_person, captcha, clock.*) are capabilities by
name. A v1 base (its path ends in /v1, or its /capabilities say version 1) keeps v1's paths for the basics.
"""

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

    def __init__(self, base_url: str, token: str, timeout: float = 10.0, namespace: str | None = None,
                 version: int | None = None) -> None:
        self._base, self._timeout = base_url.rstrip("/"), timeout
        self._version = version or _version_of_path(self._base)
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

    @property
    def version(self) -> int:
        """The hooks' version: from the base path (…/v1, …/v2), else what their /capabilities say (once)."""
        if self._version is None:
            try:
                listed = self._call("GET", "/capabilities", "capabilities")
                self._version = 1 if isinstance(listed, dict) and listed.get("version") == 1 else 2
            except (NotVerifiable, AssertionError, ValueError):
                self._version = 2
        return self._version

    def reset(self) -> None:
        if self.version == 1:
            self._call("POST", "/reset", "reset")
        else:
            self.hook("reset")

    def seed_person(self, identity: Identity, document_type: str | None = None) -> None:
        """Seed a registered person; document_type is the portal's spelling of it (the profile's aliases)."""
        person = {"name": identity.name, "document_type": document_type or identity.document_type.value,
                  "document_number": identity.document_number, "phone": identity.phone,
                  "login_name": identity.login_name, "password": identity.password}
        if self.version == 1:
            self._call("POST", "/natural-persons", "seed.natural_person", json=person)
        else:
            self.hook("seed.natural_person", person)

    def current_captcha(self, session: str | None = None) -> str | None:
        """The captcha the portal asks of this browser session (named by its cookie), else the one issued last."""
        if self.version == 1:
            params = {"session": session} if session else None
            answer = self._call("GET", "/captcha", "captcha", params=params)["answer"]
        else:
            answer = self.hook("captcha", {"session": session} if session else {}).get("answer")
        return None if answer is None else str(answer)

    def set_clock(self, iso_instant: str) -> None:
        if self.version == 1:
            self._call("PUT", "/clock", "clock", json={"now": iso_instant})
        else:
            self.hook("clock.set", {"now": iso_instant})

    def advance_clock(self, delta: timedelta) -> None:
        minutes = delta.total_seconds() / 60
        if self.version == 1:
            self._call("POST", "/clock/advance", "clock", json={"minutes": minutes})
        else:
            self.hook("clock.advance", {"minutes": minutes})

    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """A named capability: POST {base}/capabilities/{name} with the payload as JSON."""
        answer = self._call("POST", f"/capabilities/{capability}", capability, json=dict(payload or {}))
        return dict(answer or {})

    def close(self) -> None:
        self._http.close()


def _version_of_path(base: str) -> int | None:
    """1 or 2 when the base path names its version (/__conformance__/v1 …), else None (ask the hooks)."""
    last = base.rsplit("/", 1)[-1]
    return {"v1": 1, "v2": 2}.get(last)
