"""The PortalDriver protocol: what steps may ask of any portal, in the guides' terms."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

from fixtures.identities import Identity

T = TypeVar("T")

#: The value that ticks a checkbox field (「同意协议」, a box of 「身份类型」); any other value clears it.
TICKED = "勾选"


class DriverError(AssertionError):
    """The portal does not offer what a step asked for (a field or control missing on the screen)."""


class NotVerifiable(Exception):
    """The portal under test lacks a capability the scenario needs (e.g. a conformance hook)."""


class PortalDriver(Protocol):
    """Arrange through test control, act through labels, observe what the user sees."""

    name: str

    # Test control (conformance hooks).
    def reset(self) -> None: ...
    def seed_person(self, identity: Identity) -> None: ...
    def current_captcha(self) -> str: ...
    def advance_clock(self, delta: timedelta) -> None:
        """Move the portal's clock, and the page's own where it counts down (e.g. a QR code's expiry)."""
        ...
    def set_clock(self, instant: datetime) -> None:
        """Put the portal's clock at an instant (timezone-aware), e.g. before a date the guide names."""
        ...
    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """A named test-control capability (e.g. ``seed.unit``); NotVerifiable when the portal lacks it."""
        ...
    def take_over(self, capability: str, payload: Mapping[str, Any], entry: str) -> None:
        """A session the portal prepared through an optional capability answering ``{"open": address}`` (e.g.
        ``registration.verified``), taken over here: the address opened once in this driver's own session of
        `entry` (the browser: its page), which then shows where that session stands. NotVerifiable when the portal
        lacks the capability (the step then walks the pages); DriverError when the address is refused."""
        ...

    # Acting, by the labels the guides print: fields 「…」, controls 【…】.
    def open_login(self) -> None: ...
    def open_entry(self, entry: str) -> None:
        """Open a client the guides name (扣缴客户端, 个人所得税APP…), resuming its session if any."""
        ...
    def try_open(self, screen: str) -> bool:
        """Go straight to a screen by its own address, as a person with a bookmark or a copied link would (a gate is
        proven closed only when going on is really attempted). True when it was attempted: the browser opens the
        screen's fixed `url` when the profile declares one (screens by URL); in-process the simulator is asked to
        show that screen to the session. False, and nothing done, where the portal gives no address for it. What
        the portal shows afterwards is the screen (a portal that keeps its gate shows where the session is)."""
        ...
    def refresh(self) -> None:
        """Look at the screen again (what a person sees after waiting, e.g. for a QR confirmation): a portal whose
        page moves on by itself is waited for, not reloaded (the profile's `refresh: wait`)."""
        ...
    def fill(self, field: str, value: str) -> None:
        """Type into, choose or pick a value for a field, in the guide's words; a checkbox (「同意协议」) is ticked by
        the value 勾选 and cleared by any other."""
        ...
    def click(self, control: str) -> None:
        """Press a control 【…】 (on some portals several gestures), or click an item of a list (a unit, by name)."""
        ...
    def double_click(self, item: str) -> None:
        """Double-click an item of a list the page shows (ITS §1.3.2: 双击某家单位)."""
        ...
    def click_in_row(self, row: str, control: str) -> None:
        """Press the control 【…】 of the row that shows this text (点击办税员名称对应的【删除】按钮)."""
        ...

    # Observing.
    def screen(self) -> str: ...
    def active_tab(self) -> str: ...
    def message(self) -> str | None: ...
    def is_refused(self) -> bool: ...
    def is_locked(self) -> bool: ...
    def shows_field(self, field: str) -> bool: ...
    def choices(self, field: str) -> tuple[str, ...]:
        """What a field offers to pick: a list's options, or the boxes of a group to tick (身份类型)."""
        ...
    def ticked(self, box: str) -> bool:
        """Whether a checkbox is ticked (a box of a group such as 「身份类型」, or 「管理权限」), as filled or shown."""
        ...
    def shows_control(self, control: str) -> bool: ...
    def shows_text(self, text: str) -> bool:
        """Whether the screen shows this text anywhere (a name, a 身份, a tab that cannot be pressed)."""
        ...
    def shows_row(self, cells: tuple[str, ...]) -> bool:
        """Whether one row of a list or table on the screen shows all these texts (e.g. 姓名 and 身份)."""
        ...
    def soft_keyboard_open(self) -> bool: ...

    # Several people at once (the guides' lock rules hold under any concurrency).
    def at_once(self, visitors: int, prepare: Callable[[PortalDriver], None],
                act: Callable[[PortalDriver], T]) -> Sequence[T]:
        """`visitors` new visitors of this portal, each with a session of its own (in a browser: a context of its
        own), sharing the portal's state and clock: each is prepared (e.g. the login page opened, the account typed),
        then all act at the same moment. What each act returned, in order; the visitors are gone afterwards."""
        ...

    def close(self) -> None: ...
