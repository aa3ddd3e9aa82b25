"""What the suite scripts about external systems: faults (down, slow) and the next face-comparison results."""

from __future__ import annotations

import enum
import threading
from collections import deque

from simulator.external.core_records import CoreTaxRecords


class ExternalServiceError(RuntimeError):
    """An external system failed (down, slow, bad answer); the text is what the user may be told."""


class Fault(enum.StrEnum):
    """How an external system behaves for the next calls."""

    OK = "ok"
    DOWN = "down"
    SLOW = "slow"
    #: Answers about someone else (the core tax system's records of another taxpayer or person).
    MISMATCH = "mismatch"


SERVICES = ("sms", "face", "core")


class ExternalScript:
    """Shared by the fakes and by the in-process HTTP stubs, so both drivers see the same behaviour."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, Fault] = {}
        self._face_results: deque[bool] = deque()
        #: The core tax system's (金税三期) registrations and real-name records, as seeded.
        self.core = CoreTaxRecords()

    def set_fault(self, service: str, fault: str) -> None:
        if service not in SERVICES:
            raise ValueError(f"unknown external service '{service}' (known: {', '.join(SERVICES)})")
        try:
            mode = Fault(fault)
        except ValueError:
            raise ValueError(f"unknown fault '{fault}' (known: {', '.join(f.value for f in Fault)})") from None
        if mode is Fault.MISMATCH and service != "core":
            raise ValueError("the fault 'mismatch' applies only to the core tax system ('core')")
        with self._lock:
            self._faults[service] = mode

    def fault(self, service: str) -> Fault:
        with self._lock:
            return self._faults.get(service, Fault.OK)

    def script_face(self, match: bool) -> None:
        """The next face comparison answers match / no match (default without a script: match)."""
        with self._lock:
            self._face_results.append(match)

    def next_face_result(self) -> bool:
        with self._lock:
            return self._face_results.popleft() if self._face_results else True

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self._face_results.clear()
        self.core.clear()
