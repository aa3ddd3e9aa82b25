"""`--without-hooks clock,…`: run as against a portal that lacks these conformance hooks (vendors try it first).

The driver is wrapped so that each named capability raises NotVerifiable, as a portal answering 404 would:
the scenarios needing it come out "not verifiable" with the capability named, never passed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drivers import failure_text
from drivers.protocol import NotVerifiable, PortalDriver

#: The driver's test-control methods and the hooks v2 capability each calls (`--without-hooks clock` names all three).
METHOD_CAPABILITY = {"reset": "reset", "advance_clock": "clock.advance", "set_clock": "clock.set",
                     "current_captcha": "captcha", "seed_person": "seed.natural_person"}


def parse_missing(value: str | None) -> frozenset[str]:
    return frozenset(part.strip() for part in (value or "").split(",") if part.strip())


class WithoutHooks:
    """A PortalDriver whose portal lacks some hooks: everything else is the wrapped driver's."""

    def __init__(self, driver: PortalDriver, missing: frozenset[str]) -> None:
        self._driver, self._missing = driver, missing
        self.name = driver.name

    def _check(self, capability: str) -> None:
        if capability in self._missing or capability.split(".", 1)[0] in self._missing:
            raise NotVerifiable(failure_text.hook_missing(capability, "--without-hooks"))

    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        self._check(capability)
        return self._driver.hook(capability, payload)

    def take_over(self, capability: str, payload: Mapping[str, Any], entry: str) -> None:
        self._check(capability)
        self._driver.take_over(capability, payload, entry)

    def __getattr__(self, name: str) -> Any:
        capability = METHOD_CAPABILITY.get(name)
        if capability is not None:
            self._check(capability)
        return getattr(self._driver, name)
