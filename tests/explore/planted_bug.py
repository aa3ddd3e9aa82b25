"""A bug planted in the simulator for explore's tests: the account's wrong-password count is forgotten after a QR login.

ITS §1.1 locks the account at the 5th wrong password (连续); the reference's QR login (§1.2) leaves the count as it is.
With the bug, a QR login sets it back to 0, so four wrong passwords, a QR login and one more wrong password do not
lock. No scenario of features/ goes through that sequence. `install()` patches the QR flow; the bug acts only while
ACTIVE["on"] (explore turns it on for the portal under test, off for the reference).

Run as a program (`python planted_bug.py ARGS…`): `etax-conformance ARGS…` with the bug on throughout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any

from drivers.inprocess import InProcessDriver
from simulator.its.qr_login import QrLoginFlow

ACTIVE = {"on": False}
_original = QrLoginFlow.confirm


def _forgetful_confirm(self: QrLoginFlow, payload: Mapping[str, Any]) -> dict[str, Any]:
    answer = _original(self, payload)
    if ACTIVE["on"] and answer.get("confirmed"):
        account = self._store.find_by_account_name(str(payload["login_name"]).strip())
        if account is not None:
            self._store.execute("UPDATE accounts SET failed_password_attempts = 0 WHERE document_number = ?",
                                account[0].person.document_number)
    return answer


def install() -> None:
    QrLoginFlow.confirm = _forgetful_confirm  # type: ignore[method-assign]


def uninstall() -> None:
    QrLoginFlow.confirm = _original  # type: ignore[method-assign]


def plant(portal: InProcessDriver) -> Callable[[bool], None]:
    """explore's plant hook: the bug on while the portal under test acts, off for the reference (the portals bind
    their flows' methods when built: the patch is installed on import, before any portal)."""
    return lambda on: ACTIVE.__setitem__("on", on)


install()  # inert until ACTIVE["on"]


if __name__ == "__main__":
    from etax_conformance.cli import main

    ACTIVE["on"] = True
    sys.exit(main(sys.argv[1:]))
