"""The optional hooks shortcuts (docs/vendors.md, "Optional shortcuts"): a Given's history reached through the
portal's capability where it offers one, else the caller walks the pages. Both return False, having done nothing,
when the portal lacks the capability (NotVerifiable); any other error stays an error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drivers.protocol import NotVerifiable, PortalDriver


def hooked(portal: PortalDriver, capability: str, payload: Mapping[str, Any]) -> bool:
    """The state set on the portal's side through the capability; False where the portal lacks it."""
    try:
        portal.hook(capability, dict(payload))
    except NotVerifiable:
        return False
    return True


def taken_over(portal: PortalDriver, capability: str, payload: Mapping[str, Any], entry: str) -> bool:
    """A session the portal prepared through the capability, opened in this driver's session of entry; False where
    the portal lacks it. The caller checks where the page stands."""
    try:
        portal.take_over(capability, payload, entry)
    except NotVerifiable:
        return False
    return True
