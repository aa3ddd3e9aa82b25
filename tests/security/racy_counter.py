"""The old wrong-password counter, kept only as a test double: read, then write what was read plus one.

Between the read and the write another request may count too, and one of the two counts is lost: the counter
issue 11 measured (32 wrong passwords at once → never locked). Tests swap it in to show the new tests fail on it.
"""

from __future__ import annotations

import time
from datetime import datetime

from simulator.store.password_locks import Count, PasswordLock


def non_atomic_count(self: PasswordLock, key: str, now: datetime) -> Count | None:
    """The old counter: read, then write what was read plus one — another request may count in between."""
    found = self._state(key)
    if found is None:
        return None
    failures, until = found
    if until is not None and now < until:
        return Count(False, failures, until)
    time.sleep(0.1)  # the password check and the page's work between the read and the write
    failures, until = failures + 1, None
    if failures >= self.max_failures:
        failures, until = 0, now + self.duration
    self._write(key, failures, until)
    return Count(True, failures, until)


def install() -> None:
    """Make every PasswordLock count the old way (for a whole run in this process)."""
    PasswordLock.count_wrong = non_atomic_count  # type: ignore[method-assign]
