"""What a phone received, read through the driver's sms.outbox capability: one place for every step that needs it."""

from __future__ import annotations

from typing import Any

from drivers.protocol import DriverError, PortalDriver


def sms_messages(portal: PortalDriver, phone: str) -> list[dict[str, Any]]:
    """Every message the portal sent to this phone, oldest first."""
    return list(portal.hook("sms.outbox", {"phone": phone})["messages"])


def last_sms_code(portal: PortalDriver, phone: str, who: str | None = None, *, required: bool = True) -> str:
    """The code last sent to this phone; with required=False, "" when none came (e.g. the gateway was down)."""
    messages = sms_messages(portal, phone)
    if messages:
        return str(messages[-1]["code"])
    if required:
        raise DriverError(f"「{who}」的手机没有收到短信" if who else f"手机号码 {phone} 没有收到短信")
    return ""
