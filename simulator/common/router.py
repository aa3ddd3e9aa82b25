"""Routes a session to the flow owning its screen: what the user sees, and what a control does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from simulator.common.flow import Action, Flow, Form
from simulator.common.sessions import ACTING_SESSION, PortalSession, SessionRegistry
from simulator.common.views import Message, View

#: The entry of the ITS withholding client (扣缴客户端): its login page.
CLIENT = "扣缴客户端"
#: An action for (screen, ANY_CONTROL) answers any other control of that screen (buttons named by data, e.g. a
#: person's name); it finds the pressed control in the form under CONTROL.
ANY_CONTROL, CONTROL = "*", "_control"
#: Controls a flow adds to a page another flow owns (「忘记密码」 on a login page) are listed here in View.extras, so a
#: hand-made page shows them; a flow offers them through an optional `page_links(session, view)` method.
LINKS = "links"


class UnknownControl(LookupError):
    """A control that the current screen does not offer."""


class Router:
    """Every screen belongs to exactly one flow; every (screen, control) pair to one action."""

    def __init__(self, flows: Sequence[Flow], sessions: SessionRegistry,
                 reword: Callable[[str], str] | None = None) -> None:
        self._sessions = sessions
        #: A variant's own wording of the messages no guide quotes (simulator/variant_wording.py).
        self._reword = reword
        self._owner: dict[str, Flow] = {}
        self._actions: dict[tuple[str, str], Action] = {}
        self.entries: dict[str, str] = {}
        for flow in flows:
            self.entries.update(flow.entries())
            for screen in flow.screens():
                if screen in self._owner:
                    raise ValueError(f"screen {screen} is owned by two flows")
                self._owner[screen] = flow
            self._actions.update(flow.actions())
        self._links: list[Callable[[PortalSession, View], Iterable[str]]] = [
            getattr(flow, "page_links") for flow in flows if hasattr(flow, "page_links")]  # noqa: B009

    def view(self, session_id: str | None, entry: str = CLIENT) -> tuple[str, View]:
        """The session's current screen (an unknown session starts where the entry starts)."""
        session = self._sessions.get(session_id, self._start(entry))
        self._sessions.follow_sign_in(session)  # signed in meanwhile (a QR code confirmed in the app): a new id
        return session.id, self._render(session)

    def open(self, session_id: str | None, screen: str, entry: str = CLIENT) -> tuple[str, View]:
        """A screen asked for by its address (a bookmark, a link the page hides): the simulator's screens are reached
        only through their flows' controls, so the session stays where it is and that screen is shown again."""
        del screen  # asked for, never granted: every gate of the guides is kept at the server
        return self.view(session_id, entry)

    def act(self, session_id: str | None, control: str, form: Form, entry: str = CLIENT) -> tuple[str, View]:
        """Press a control with what was typed; the session moves and its new screen is returned."""
        session = self._sessions.get(session_id, self._start(entry))
        action = self._actions.get((session.screen, control))
        if action is None and control and (session.screen, ANY_CONTROL) in self._actions:
            action, form = self._actions[(session.screen, ANY_CONTROL)], {**form, CONTROL: control}
        if action is None:
            raise UnknownControl(f"「{session.screen}」页面上没有【{control}】")
        acting = ACTING_SESSION.set(session.origin)  # what an SMS sent now is filed under (hooks v2)
        try:
            action(session, form)
        finally:
            ACTING_SESSION.reset(acting)
        self._sessions.follow_sign_in(session)  # logged in or out: a new session id, the old one dead
        return session.id, self._render(session)

    def _render(self, session: PortalSession) -> View:
        view = self._owner[session.screen].render(session)
        if self._reword is not None and view.message is not None:
            view = replace(view, message=Message(self._reword(view.message.text), view.message.kind))
        added = tuple(label for links in self._links for label in links(session, view) if label not in view.controls)
        if not added:
            return view
        return replace(view, controls=(*view.controls, *added),
                       extras={**view.extras, LINKS: (*view.extras.get(LINKS, ()), *added)})

    def _start(self, entry: str) -> str:
        if entry not in self.entries:
            raise UnknownControl(f"没有「{entry}」这一入口（有：{'、'.join(self.entries)}）")
        return self.entries[entry]

    def offers(self, screen: str, control: str) -> bool:
        return (screen, control) in self._actions
