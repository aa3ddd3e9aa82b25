"""A flow of the guides: the screens it owns, how each renders, what each control on them does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from simulator.common.sessions import PortalSession
from simulator.common.views import View

#: What the user typed on the screen, by the guide's field labels (「账号」, 「密码」…).
Form = Mapping[str, str]
#: A control's effect: it moves the session (screen, message, state); the router renders the result.
Action = Callable[[PortalSession, Form], None]
#: A test-control capability: JSON-like payload in, JSON-like answer out.
Hook = Callable[[Mapping[str, Any]], dict[str, Any]]


class Flow(Protocol):
    """One part of a guide (login, password reset, unit verification, registration…)."""

    def entries(self) -> Mapping[str, str]:
        """Ways in (扣缴客户端, 个人所得税APP…) this flow opens, each with the screen a visitor starts on."""
        ...

    def screens(self) -> Iterable[str]: ...
    def render(self, session: PortalSession) -> View: ...
    def actions(self) -> Mapping[tuple[str, str], Action]: ...
    def hooks(self) -> Mapping[str, Hook]: ...


class FlowBase:
    """Defaults for a flow that opens no entry and registers no capability (most flows): inherit, then override."""

    def entries(self) -> Mapping[str, str]:
        return {}

    def hooks(self) -> Mapping[str, Hook]:
        return {}
