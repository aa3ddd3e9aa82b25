"""A bug planted in the simulator for explore's Liaoning test: 【同步办税人】 forgets that a handler is frozen.

Liaoning 手册 三(一)2: a handler 冻结 in 企业人员维护 cannot log in until 解冻 (「您选择的办税人已经被锁定，
请选择其他办税人」). The reference keeps the freeze when the handlers are synced again from 金税三期
(普通登录 【同步办税人】); with the bug, a sync writes every synced person back unfrozen, so a frozen handler
logs in after a resync. No scenario of features/ freezes and then syncs. `install()` patches the sync; the bug
acts only while ACTIVE["on"] (explore turns it on for the portal under test, off for the reference).

Run as a program (`python planted_bug_liaoning.py ARGS…`): `etax-conformance ARGS…` with the bug on throughout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from drivers.inprocess import InProcessDriver
from simulator.domain.enterprise import Handler
from simulator.store.enterprises import EnterpriseStore

ACTIVE = {"on": False}
_original = EnterpriseStore.replace_handlers


def _forgetful_replace(self: EnterpriseStore, tax_id: str, synced: Sequence[Handler]) -> None:
    _original(self, tax_id, synced)
    if ACTIVE["on"]:
        for handler in synced:
            self.set_frozen(tax_id, handler.id_number, False)


def install() -> None:
    EnterpriseStore.replace_handlers = _forgetful_replace  # type: ignore[method-assign]


def uninstall() -> None:
    EnterpriseStore.replace_handlers = _original  # type: ignore[method-assign]


def plant(portal: InProcessDriver) -> Callable[[bool], None]:
    """explore's plant hook: the bug on while the portal under test acts, off for the reference."""
    return lambda on: ACTIVE.__setitem__("on", on)


install()  # inert until ACTIVE["on"]


if __name__ == "__main__":
    from etax_conformance.cli import main

    ACTIVE["on"] = True
    sys.exit(main(sys.argv[1:]))
