"""The one clock the simulator reads time through: real time, or time the conformance hooks control."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time (timezone-aware, UTC)."""

    def now(self) -> datetime: ...


class SystemClock:
    """Wall-clock time; in-process runs move it with freezegun, which patches datetime."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ControlledClock:
    """Wall-clock time plus an offset, or a frozen instant: what the hooks' clock endpoints move."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frozen: datetime | None = None
        self._offset = timedelta()

    def now(self) -> datetime:
        with self._lock:
            if self._frozen is not None:
                return self._frozen
            return datetime.now(UTC) + self._offset

    def set(self, instant: datetime) -> None:
        """Freeze the clock at an instant; it then moves only when advanced."""
        if instant.tzinfo is None:
            raise ValueError("时间须带时区，例如 2024-03-01T10:00:00+08:00")
        with self._lock:
            self._frozen = instant.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward (frozen or running alike)."""
        if delta < timedelta():
            raise ValueError("时钟只能向前拨动")
        with self._lock:
            if self._frozen is not None:
                self._frozen += delta
            else:
                self._offset += delta

    def release(self) -> None:
        """Back to wall-clock time."""
        with self._lock:
            self._frozen, self._offset = None, timedelta()
