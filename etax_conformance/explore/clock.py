"""Real elapsed time while freezegun holds the process's clock (the in-process portals' time is frozen)."""

from __future__ import annotations

import freezegun.api


def elapsed() -> float:
    """Seconds on a real monotonic clock (freezegun keeps its own module's reference to the real function)."""
    return float(freezegun.api.real_monotonic())
