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

from simulator.common.flow import Action, Flow, FlowBase, Form
from simulator.common.router import ANY_CONTROL, CONTROL
from simulator.common.sessions import ACTING_SESSION, PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import View


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
            raise SeedError(f"「{str(session.screen).removeprefix('APP:')}」页面上没有【{control}】")
        acting = ACTING_SESSION.set(session.origin)
        try:
            action(session, given)
        finally:
            ACTING_SESSION.reset(acting)


class ShortcutFlow(FlowBase):
    """A flow that owns no screen and no control: it only offers hooks capabilities (the optional shortcuts), which
    press other flows' controls through a Backstage. Subclasses override `hooks`."""

    def screens(self) -> Iterable[str]:
        return ()

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {}

    def render(self, session: PortalSession) -> View:
        raise LookupError(f"{type(self).__name__} owns no screen ({session.screen})")
