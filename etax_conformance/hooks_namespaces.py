"""`hooks check --namespaces`: two namespaces seeded differently stay apart (docs/parallel.md, docs/vendors.md).

Through the capabilities by name only (`POST {base}/capabilities/<name>`, as the suite's HooksClient calls them):
each namespace names itself; a clock set in A leaves B's where B set it; a person seeded in A is known in A (seeding
it again is a conflict, 409) and unknown in B (seeding it there succeeds); a reset of B leaves A's person.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any, TextIO

from drivers.hooks_client import NAMESPACE_HEADER, HooksClient
from drivers.protocol import NotVerifiable

#: The two instants each namespace's clock is set to (different years, so neither can pass for the other).
CLOCK_A, CLOCK_B = "2031-05-01T09:00:00+08:00", "2033-11-20T15:30:00+08:00"
#: The person seeded in A only (hooks v2's example body, a login name of its own).
PERSON = {"name": "张三", "document_type": "居民身份证", "document_number": "110105199003070017",
          "phone": "13800138000", "login_name": "nscheck01", "password": "Abcd1234!"}


class _Outcome:
    """A capability's answer: its body, or the HTTP status it was refused with."""

    def __init__(self, client: HooksClient, name: str, body: dict[str, Any]) -> None:
        self.answer: dict[str, Any] = {}
        self.status = 200
        try:
            self.answer = client.hook(name, body)
        except (AssertionError, NotVerifiable):
            self.status = int(client.exchanges[-1].get("status") or 0)


class NamespacesCheck:
    """Writes one line per check (ok / MISMATCH) and counts the mismatches."""

    def __init__(self, base: str, token: str, capabilities: list[str] | tuple[str, ...], out: TextIO,
                 say: Callable[[str, list[str], str], None]) -> None:
        self.capabilities, self.out, self._say = set(capabilities), out, say
        run = secrets.token_hex(3)
        self.names = (f"hooks-check-a-{run}", f"hooks-check-b-{run}")
        self.a, self.b = (HooksClient(base, token, namespace=name) for name in self.names)

    def run(self) -> None:
        if "namespace" not in self.capabilities:
            self.out.write("absent   namespace: not offered (the suite runs this portal with one worker)\n")
            return
        try:
            self._named()
            if "reset" in self.capabilities:
                _Outcome(self.a, "reset", {})
                _Outcome(self.b, "reset", {})
            if {"clock.set", "clock.now"} <= self.capabilities:
                self._clocks()
            if "seed.natural_person" in self.capabilities:
                self._people()
        finally:
            for client in (self.a, self.b):
                if "reset" in self.capabilities:
                    _Outcome(client, "reset", {})
                client.close()

    def _named(self) -> None:
        found = []
        for client, name in zip((self.a, self.b), self.names, strict=True):
            said = _Outcome(client, "namespace", {})
            if said.status != 200 or said.answer.get("namespace") != name:
                found.append(f"with {NAMESPACE_HEADER}: {name} the namespace capability answered "
                             f"HTTP {said.status} {said.answer or ''}".rstrip())
        self._say("namespaces: each request names its own", found, "")

    def _clocks(self) -> None:
        _Outcome(self.a, "clock.set", {"now": CLOCK_A})
        _Outcome(self.b, "clock.set", {"now": CLOCK_B})
        _Outcome(self.a, "clock.advance", {"minutes": 60})
        found = []
        for client, name, year in ((self.a, self.names[0], "2031"), (self.b, self.names[1], "2033")):
            now = str(_Outcome(client, "clock.now", {}).answer.get("now", ""))
            if not now.startswith(year):
                found.append(f"{name}'s clock says {now or 'nothing'}, not the {year} it was set to")
        self._say("namespaces: a clock set in one leaves the other's", found, "")

    def _people(self) -> None:
        found = []
        if _Outcome(self.a, "seed.natural_person", PERSON).status != 200:
            found.append("seeding a person in namespace A failed")
        again = _Outcome(self.a, "seed.natural_person", PERSON).status
        elsewhere = _Outcome(self.b, "seed.natural_person", PERSON).status
        if elsewhere != 200:
            found.append(f"the person seeded in A is known in B (seeding it in B got HTTP {elsewhere})")
        note = "" if again == 409 else f"(seeding the same person twice in A got HTTP {again}, not 409: " \
                                       "the check cannot tell A keeps its people)"
        if "reset" in self.capabilities:
            _Outcome(self.b, "reset", {})
            after = _Outcome(self.a, "seed.natural_person", PERSON).status
            if again == 409 and after != 409:
                found.append(f"a reset of B removed A's person (seeding it in A again got HTTP {after})")
        self._say("namespaces: a person seeded in one is unknown in the other", found, note)


def check_namespaces(base: str, token: str, capabilities: list[str] | tuple[str, ...], out: TextIO,
                     say: Callable[[str, list[str], str], None]) -> None:
    """Two namespaces seeded differently stay apart; each finding goes through say(name, problems, note)."""
    NamespacesCheck(base, token, capabilities, out, say).run()
