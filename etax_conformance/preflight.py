"""Preflight of a run: the portal answers, its hooks take the token, the profile loads — before any scenario."""

from __future__ import annotations

import errno
import socket
from dataclasses import asdict, dataclass
from typing import Any

import pytest
import requests

TOKEN_HEADER = "X-Conformance-Token"
TIMEOUT = 10.0


class PreflightError(RuntimeError):
    """What stops a run before its first scenario, in one line of plain words."""


@dataclass(frozen=True)
class HooksInfo:
    """What the portal's hooks said of themselves (recorded in results.json)."""

    url: str
    version: int
    capabilities: list[str]
    build: str | None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


#: Where a browser run keeps what the hooks said, for results.json.
HOOKS_INFO = pytest.StashKey[HooksInfo]()


def why_unreachable(exc: BaseException) -> str:
    """A connection failure in plain words (connection refused, unknown host, no answer…)."""
    if isinstance(exc, requests.Timeout):
        return f"no answer within {TIMEOUT:.0f} s"
    seen: BaseException | None = exc
    while seen is not None:  # requests wraps urllib3, which wraps the socket error that says why
        if isinstance(seen, ConnectionRefusedError) or getattr(seen, "errno", None) == errno.ECONNREFUSED:
            return "connection refused"
        if isinstance(seen, socket.gaierror):
            return "unknown host"
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror.lower()
        seen = seen.__cause__ or seen.__context__ or _wrapped(seen)
    text = str(exc)
    return "connection refused" if "refused" in text.lower() else text


def _wrapped(exc: BaseException) -> BaseException | None:
    # urllib3's MaxRetryError keeps the real error in .reason, not in the exception chain.
    reason = getattr(exc, "reason", None)
    return reason if isinstance(reason, BaseException) else None


def check_portal(url: str, entry: str = "/") -> None:
    """The portal answers HTTP at its login entry (any answer below 500 counts: it is up)."""
    if not url.startswith(("http://", "https://")):
        raise PreflightError(f"--portal-url {url} must start with http:// or https://")
    target = url.rstrip("/") + "/" + entry.lstrip("/")
    try:
        answer = requests.get(target, timeout=TIMEOUT)
    except requests.RequestException as exc:
        raise PreflightError(f"portal {url} cannot be reached ({why_unreachable(exc)})") from None
    if answer.status_code >= 500:
        raise PreflightError(f"portal {url} answers {target} with HTTP {answer.status_code}: it is not working")


def check_hooks(url: str, token: str | None, base_path: str | None) -> HooksInfo:
    """The hooks answer {base}/capabilities with this token: their version and capabilities."""
    if not token:
        raise PreflightError("no --hooks-token given: the suite needs the token of the portal's conformance hooks")
    if not base_path:
        raise PreflightError("the profile names no hooks.base_path: where are the portal's conformance hooks?")
    base = url.rstrip("/") + "/" + base_path.strip("/")
    try:
        answer = requests.get(base + "/capabilities", headers={TOKEN_HEADER: token}, timeout=TIMEOUT)
    except requests.RequestException as exc:
        raise PreflightError(f"conformance hooks at {base} cannot be reached ({why_unreachable(exc)})") from None
    if answer.status_code in (401, 403):
        raise PreflightError(f"conformance hooks at {base} refused the token given with --hooks-token "
                             f"(HTTP {answer.status_code})")
    if answer.status_code != 200:
        raise PreflightError(f"no conformance hooks at {base}/capabilities (HTTP {answer.status_code}); "
                             "check hooks.base_path in the profile")
    try:
        body = answer.json()
    except ValueError:
        raise PreflightError(f"conformance hooks at {base}/capabilities did not answer JSON") from None
    version, names = (body.get("version"), body.get("capabilities")) if isinstance(body, dict) else (None, None)
    if not isinstance(version, int) or isinstance(version, bool):
        raise PreflightError(f"conformance hooks at {base} give no integer 'version' in /capabilities")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise PreflightError(f"conformance hooks at {base} give no list of capability names in /capabilities")
    build = body.get("build")
    return HooksInfo(base, version, list(names), build if isinstance(build, str) else None)


def preflight(url: str, token: str | None, profile_path: str | None) -> HooksInfo:
    """Profile, portal, hooks, in that order; the first problem raises PreflightError."""
    from drivers.profile import SIMULATOR_PROFILE, ProfileError, load_profile

    try:
        profile = load_profile(profile_path or SIMULATOR_PROFILE)
    except ProfileError as exc:
        raise PreflightError(str(exc)) from None
    check_portal(url, profile.entry)
    return check_hooks(url, token, profile.hooks_base_path)
