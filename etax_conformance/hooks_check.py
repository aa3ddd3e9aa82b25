"""`etax-conformance hooks check`: a vendor's own test of its conformance hooks v2 against the OpenAPI document.

It calls every path the suite calls on a v2 base — `GET {base}/`, `GET {base}/capabilities` and
`POST {base}/capabilities/<name>` (with a `session` too where the suite names the browser's session) — and
nothing else: the suite never calls v1's paths on a v2 base.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TextIO
from urllib.parse import urljoin, urlsplit

import requests
import yaml

from etax_conformance.hooks_namespaces import check_namespaces
from etax_conformance.openapi_schema import problems
from etax_conformance.preflight import TIMEOUT, TOKEN_HEADER, PreflightError, check_hooks, why_unreachable

DEFAULT_BASE_PATH = "/__conformance__/v2"


def load_document() -> dict[str, Any]:
    """The hooks v2 OpenAPI document shipped with the suite."""
    text = resources.files("simulator.hooks").joinpath("openapi.yaml").read_text(encoding="utf-8")
    document: dict[str, Any] = yaml.safe_load(text)
    return document


@dataclass(frozen=True)
class Capability:
    """One documented capability: its example body, answer schema, and what the check does around it."""

    name: str
    example: dict[str, Any]
    answer: dict[str, Any]
    refusal_ok: bool = False
    setup: list[dict[str, Any]] = field(default_factory=list)
    #: The body names the browser's portal session (`session`), as the suite sends it for captcha, sms.outbox …
    takes_session: bool = False


def capabilities(document: dict[str, Any]) -> list[Capability]:
    """The POST /capabilities/{name} operations, in the document's order (the order the check calls them)."""
    found = []
    for path, operations in document["paths"].items():
        post = operations.get("post") if path.startswith("/capabilities/") else None
        if post is None:
            continue
        body = post.get("requestBody", {}).get("content", {}).get("application/json", {})
        answer = post["responses"]["200"]
        answer = document["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]] if "$ref" in answer else answer
        found.append(Capability(post["operationId"], body.get("example", {}),
                                answer["content"]["application/json"]["schema"],
                                bool(post.get("x-check-refusal-ok")), list(post.get("x-check-setup", [])),
                                "session" in _properties(document, body.get("schema", {}))))
    return found


def _properties(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The properties a request schema names (through its $ref)."""
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    properties: dict[str, Any] = schema.get("properties", {})
    return properties


#: The session the check names: no browser holds it, so a read for it answers as for a session with nothing shown.
CHECK_SESSION = "etax-conformance-hooks-check"


class HooksCheck:
    """Calls each capability the portal lists with a minimal valid body and checks the answer's shape."""

    def __init__(self, url: str, token: str, base_path: str, out: TextIO, namespaces: bool = False) -> None:
        self.url, self.token, self.out, self.namespaces = url.rstrip("/"), token, out, namespaces
        self.base = self.url + "/" + base_path.strip("/")
        self.document = load_document()
        self.mismatches = 0

    def _request(self, method: str, path: str, token: str | None = None, **kwargs: Any) -> requests.Response:
        headers = {TOKEN_HEADER: self.token if token is None else token, "Content-Type": "application/json"}
        try:
            return requests.request(method, self.base + path, headers=headers, timeout=TIMEOUT, **kwargs)
        except requests.RequestException as exc:
            raise PreflightError(f"hooks at {self.base} stopped answering ({why_unreachable(exc)})") from None

    def _post(self, name: str, body: Any) -> requests.Response:
        raw = body if isinstance(body, bytes) else None
        return self._request("POST", f"/capabilities/{name}", data=raw, json=None if raw is not None else body)

    def _say(self, name: str, found: list[str], note: str = "") -> None:
        """One line per check: ok (with a note), or MISMATCH and every problem found."""
        if found:
            self.mismatches += 1
        words = "; ".join(found) if found else note
        self.out.write(f"{'MISMATCH' if found else 'ok      '} {name}{': ' + words if words else ''}\n")

    def _answer(self, name: str, response: requests.Response, schema: dict[str, Any]) -> list[str]:
        try:
            body = response.json()
        except ValueError:
            return [f"HTTP {response.status_code} answer is not JSON"]
        return problems(body, schema, self.document)

    def run(self) -> int:
        """0: every listed capability answers as documented; 1: a mismatch; PreflightError: no usable hooks."""
        info = check_hooks(self.url, self.token, self.base.removeprefix(self.url))
        self.out.write(f"hooks at {self.base}: version {info.version}, build {info.build or '(none)'}\n")
        if info.version != 2:
            self._say("version", [f"the hooks say version {info.version}; this check is for hooks v2"])
            return 1
        listing_schema = {"$ref": "#/components/schemas/CapabilityList"}
        for path in ("/", "/capabilities"):  # the suite's preflight and profile check read both
            self._say(f"GET {path}", self._answer(path, self._request("GET", path), listing_schema))
        wrong = self._request("GET", "/capabilities", token=self.token + "-wrong")
        self._say("a wrong token is refused", [] if wrong.status_code == 401 else [f"HTTP {wrong.status_code}"])
        documented = capabilities(self.document)
        for capability in documented:
            if capability.name in info.capabilities:
                self._check(capability)
            else:
                self.out.write(f"absent   {capability.name}: not offered (scenarios needing it: not verifiable)\n")
        for extra in sorted(set(info.capabilities) - {c.name for c in documented}):
            self.out.write(f"extra    {extra}: not defined by hooks v2, not checked\n")
        if "reset" in info.capabilities:
            self._post("reset", {})
        if self.namespaces:  # --namespaces: two namespaces seeded differently stay apart
            check_namespaces(self.base, self.token, list(info.capabilities), self.out, self._say)
        self.out.write(f"{self.mismatches} mismatch(es)\n")
        return 1 if self.mismatches else 0

    def _check(self, capability: Capability) -> None:
        """The documented example answers as its schema says; a body that is not JSON gets 400 and an error."""
        name, note, found = capability.name, "", []
        for setup in capability.setup:
            done = self._post(setup["capability"], setup["body"])
            if done.status_code != 200:
                self._say(name, [f"setting up with {setup['capability']} failed (HTTP {done.status_code})"])
                return
        answer = self._post(name, capability.example)
        error_schema = {"$ref": "#/components/schemas/Error"}
        if answer.status_code == 200:
            found += self._answer(name, answer, capability.answer)
            found += self._handed_once(answer)
        elif answer.status_code == 400 and capability.refusal_ok and not self._answer(name, answer, error_schema):
            note = f"refused, as it may be without the portal's own pages: {answer.json()['error']}"
        else:
            found.append(f"the documented example got HTTP {answer.status_code}: {answer.text[:300]}")
        if capability.takes_session:  # as the suite asks it: for the browser's session, named by its cookie's value
            named = self._post(name, {**capability.example, "session": CHECK_SESSION})
            if named.status_code != 200:
                found.append(f"with a session named, HTTP {named.status_code}: {named.text[:300]}")
            else:
                found += self._answer(name, named, capability.answer)
        bad = self._post(name, b"{not json")
        if bad.status_code != 400 or self._answer(name, bad, error_schema):
            found.append(f"a body that is not JSON got HTTP {bad.status_code}, not 400 with an error")
        self._say(name, found, note)


    def _handed_once(self, answer: requests.Response) -> list[str]:
        """An answer handing a session over (`open`, registration.verified): its address, on the portal's origin,
        opens once (not refused) and is refused the second time (docs/vendors.md, "Optional shortcuts")."""
        address = answer.json().get("open") if isinstance(answer.json(), dict) else None
        if not isinstance(address, str):
            return []
        url = urljoin(self.url + "/", address)
        if urlsplit(url)[:2] != urlsplit(self.url)[:2]:
            return [f"open {address!r} is not on the portal's origin {self.url}"]
        found = []
        for attempt, refused in (("the first", False), ("a second", True)):
            try:
                opened = requests.get(url, allow_redirects=False, timeout=TIMEOUT)
            except requests.RequestException as exc:
                return [f"open {url} did not answer ({why_unreachable(exc)})"]
            if (400 <= opened.status_code < 500) != refused:
                found.append(f"{attempt} opening of open got HTTP {opened.status_code} "
                             f"({'a 4xx refusal expected: the ticket is single-use' if refused else 'refused'})")
        return found


def run_hooks_check(out: TextIO, url: str, token: str, base_path: str = DEFAULT_BASE_PATH,
                    namespaces: bool = False) -> int:
    return HooksCheck(url, token, base_path, out, namespaces).run()
