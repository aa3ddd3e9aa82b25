"""Pressing a flow's controls without a page: what the optional hooks shortcuts do (docs/vendors.md, "Optional
shortcuts").

A shortcut reaches the outcome of a long flow on a scratch session: the same actions, checks, variant readings and
deviation switches as the pages (the router's actions, no page rendered, no browser round trip). `as_shown` also
asks the screen's own rendering whether it offers the control, so a page that names or hides a control otherwise
(a deviation of its labels) is not walked past by the shortcut either.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from simulator.common.flow import Action, Flow, FlowBase, Form
from simulator.common.router import ANY_CONTROL, CONTROL
from simulator.common.sessions import ACTING_SESSION, PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import MessageKind, View

if TYPE_CHECKING:
    from simulator.common.handoff import Handoffs


def shown(screen: str) -> str:
    """A session screen as its page names it (without the entry's key prefix, 'APP:', '青岛:' …)."""
    return str(screen).split(":", 1)[-1]


def payload_text(payload: Mapping[str, Any], key: str, *, required: bool = True, strip: bool = True) -> str:
    """A shortcut's text field: a non-empty string (stripped, unless a password where a space may count), or ""
    when absent and not required; else the caller's error."""
    value = payload.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise SeedError(f"'{key}' must be a non-empty string")
    return value.strip() if strip else value


def scratch(screen: str) -> PortalSession:
    """A session nobody holds (its id is never a cookie) starting on `screen`."""
    return PortalSession(f"hooks-{secrets.token_hex(8)}", screen=screen)


class Backstage:
    """Presses controls of the flows on a scratch session, as the router does for a page (without rendering)."""

    def __init__(self, flows: Sequence[Flow]) -> None:
        self._actions: dict[tuple[str, str], Action] = {}
        self._owners: dict[str, Flow] = {}
        for flow in flows:
            self._actions.update(flow.actions())
            self._owners.update(dict.fromkeys(flow.screens(), flow))

    def view(self, session: PortalSession) -> View:
        """What the page of the session's screen would show (its rows and their buttons, its boxes)."""
        return self._owners[session.screen].render(session)

    def offers(self, session: PortalSession, control: str) -> bool:
        """Whether the session's screen, as rendered, shows this control."""
        owner = self._owners.get(session.screen)
        return owner is not None and control in owner.render(session).controls

    def press(self, session: PortalSession, control: str, form: Form | None = None, as_shown: bool = False) -> None:
        given = dict(form or {})
        action = self._actions.get((session.screen, control))
        if action is None and (session.screen, ANY_CONTROL) in self._actions:
            action, given = self._actions[(session.screen, ANY_CONTROL)], {**given, CONTROL: control}
        if action is None or (as_shown and not self.offers(session, control)):
            raise SeedError(f"「{shown(session.screen)}」页面上没有【{control}】")
        acting = ACTING_SESSION.set(session.origin)
        try:
            action(session, given)
        finally:
            ACTING_SESSION.reset(acting)

    def press_through(self, session: PortalSession, control: str, form: Form | None = None, *,
                      expected: str | tuple[str, ...] = (), shown_only: bool = True) -> None:
        """The control pressed as the page shows it (`shown_only`); a refusal or a lock on the way, or another page
        than `expected` (when given), is the caller's error (400) in the page's words."""
        self.press(session, control, form, as_shown=shown_only)
        message = session.message
        if message is not None and message.kind in (MessageKind.REFUSED, MessageKind.LOCKED):
            raise SeedError(message.text)
        wanted = (expected,) if isinstance(expected, str) else expected
        if wanted and session.screen not in wanted:
            raise SeedError(f"【{control}】后未进入「{shown(wanted[-1])}」（停留在「{shown(session.screen)}」）")


class ShortcutFlow(FlowBase):
    """A flow that owns no screen and no control: it only offers hooks capabilities (the optional shortcuts), which
    press other flows' controls through a Backstage. Subclasses override `hooks`."""

    def screens(self) -> Iterable[str]:
        return ()

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {}

    def render(self, session: PortalSession) -> View:
        raise LookupError(f"{type(self).__name__} owns no screen ({session.screen})")


class HandoffFlow(ShortcutFlow):
    """A shortcut that walks other flows' pages on a scratch session (refusals and wrong pages are the caller's
    error) and hands the session over through a one-time address (simulator/common/handoff.py)."""

    def __init__(self, flows: Sequence[Flow], handoffs: Handoffs) -> None:
        self._backstage, self._handoffs = Backstage(flows), handoffs

    def _press(self, session: PortalSession, control: str, form: Form | None = None, *,
               expected: str | tuple[str, ...] = (), shown_only: bool = True) -> None:
        self._backstage.press_through(session, control, form, expected=expected, shown_only=shown_only)

    def _hand_over(self, entry: str, session: PortalSession) -> dict[str, Any]:
        """The answer of the capability: `{"open": <one-time address of the session in entry>}`."""
        return {"open": self._handoffs.address(self._handoffs.mint(entry, session))}
