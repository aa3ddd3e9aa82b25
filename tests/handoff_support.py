"""Shared by the tests of the handoff shortcuts (registration.verified, enterprise.logged_in, qingdao.logged_in):
redeeming an answered address in-process, and a driver that records what a step presses on the pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drivers.inprocess import InProcessDriver
from simulator.bootstrap import Portal
from simulator.common.handoff import PATH
from simulator.common.sessions import PortalSession


def redeemed(portal: Portal, answer: Mapping[str, Any]) -> tuple[str, PortalSession]:
    """The entry and session behind the answer's one-time address (spent now); fails when it opens nothing."""
    found = portal.handoffs.redeem(str(answer["open"]).removeprefix(PATH))
    assert found is not None, answer
    return found


class ClickCounting(InProcessDriver):
    """The in-process driver, recording the controls a step presses (none: the shortcut was taken)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.clicks: list[str] = []

    def click(self, control: str) -> None:
        self.clicks.append(control)
        super().click(control)
