"""In-process driver: the simulator's flows in this process, time moved by freezegun.

freezegun's start walks every loaded module to patch datetime and time (~8 ms, most of a scenario's set-up), so a
run starts it once (RunFreezer, the plugin's session fixture) and each scenario's driver moves that frozen clock to
the scenario's start; a driver built alone (the project's tests) starts and stops its own.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, ClassVar, TypeVar

import responses
from freezegun import freeze_time

from drivers import at_once
from drivers.failure_text import Missing, listed
from drivers.protocol import TICKED, DriverError, NotVerifiable
from drivers.text import normalise
from fixtures.clock import SCENARIO_START
from fixtures.identities import Identity
from simulator import deviations
from simulator.bootstrap import build_portal
from simulator.common import handoff, item_lists, row_controls
from simulator.common.passwords import TEST, HashCost
from simulator.common.router import CLIENT, UnknownControl
from simulator.common.test_control import UnknownCapability
from simulator.external import stubs
from simulator.external.wiring import over_http
from simulator.hooks import contract
from simulator.variant import Variant

T = TypeVar("T")

#: The password-hashing cost of in-process runs.
PASSWORD_COST: HashCost = TEST


class RunFreezer:
    """freezegun started once for a whole run; stop() when the run ends."""

    def __init__(self, start: datetime = SCENARIO_START, real_asyncio: bool = False,
                 ignore: tuple[str, ...] = ()) -> None:
        # real_asyncio: an event loop of this process (Playwright's, when a browser drives another portal beside
        # the in-process one: `explore`) keeps real time; ignore: modules that keep real time (`explore`: Hypothesis,
        # which times its own shrinking).
        self._freezer = freeze_time(start, real_asyncio=real_asyncio, ignore=list(ignore))
        self.frozen = self._freezer.start()

    def stop(self) -> None:
        self._freezer.stop()


def use_deviations(names: str | None) -> tuple[str, ...]:
    """Turn on the embedded simulator's deviation switches (selfcheck: a portal NOT conformant on purpose) and
    answer the active ones; ValueError names an unknown switch. None or empty: the conformant simulator."""
    deviations.activate(deviations.parse(names))
    return deviations.active()


def active_deviations() -> tuple[str, ...]:
    """The deviation switches the embedded simulator runs with (results.json records them)."""
    return deviations.active()


class InProcessDriver:
    """Acts as the web pages do: fields fill a form, a control presses it (same router, same flows)."""

    name = "inprocess"
    #: The driver whose external services' stubs answer now (see resume()).
    _holder: ClassVar[InProcessDriver | None] = None

    def __init__(self, start: datetime = SCENARIO_START, freezer: RunFreezer | None = None,
                 variant: Variant | None = None, ln_logins_only: bool = False) -> None:
        if variant is None and ln_logins_only:  # a portal that certifies only the Liaoning logins (plan ln-logins)
            variant = Variant.named("default", ln_logins_only=True)
        self._freezer = freezer or RunFreezer(start)
        self._own_freezer = freezer is None
        self._frozen = self._freezer.frozen
        self._frozen.move_to(start)
        # The simulator's real HTTP adapters reach the external services' stubs through `responses`.
        self._http = responses.RequestsMock(assert_all_requests_are_fired=False)
        self._active = False
        self.resume()
        # A test run: cheap password hashes (the cost is recorded in results.json).
        self.portal = build_portal(externals=over_http(stubs.SMS_BASE, stubs.FACE_BASE, stubs.CORE_BASE),
                                   password_cost=PASSWORD_COST, variant=variant)
        stubs.install(self._http, self.portal.externals.script)
        self._entry = CLIENT
        self._sessions: dict[str, str] = {}  # one session per entry, as a browser keeps one cookie per client
        self._session, self._view = self.portal.view(None)
        self._form: dict[str, str] = {}

    def begin_scenario(self, start: datetime = SCENARIO_START) -> None:
        """A run keeps one driver (one portal, reset per scenario, as a served portal is): back to the start."""
        self._frozen.move_to(start)
        self._http.calls.reset()

    def suspend(self) -> None:
        """Another in-process portal of this process acts for a while (`explore`'s twin): it takes the external
        services' stubs until resume()."""
        if self._active:
            self._http.stop(allow_assert=False)
            self._active = False
        if InProcessDriver._holder is self:
            InProcessDriver._holder = None

    def resume(self) -> None:
        """This portal's external services' stubs answer again (after suspend(); at once when built).

        One driver's stubs answer at a time in a process: `responses` patches `requests` by stacking patchers, and
        two stopped out of their start order would leave a mock answering every later request — even one to a
        loopback portal — with "connection refused". So the driver that held them is suspended first."""
        holder = InProcessDriver._holder
        if holder is not None and holder is not self:
            holder.suspend()
        if not self._active:
            self._http.start()
            self._active = True
        InProcessDriver._holder = self

    def reset(self) -> None:
        self.portal.test_control.reset()
        self._sessions.clear()
        self.open_entry(CLIENT)

    def seed_person(self, identity: Identity) -> None:
        self.hook("seed.natural_person", {  # the served hooks' call, its body checked as theirs is
            "name": identity.name, "document_type": identity.document_type.value,
            "document_number": identity.document_number, "phone": identity.phone,
            "login_name": identity.login_name, "password": identity.password})

    def current_captcha(self) -> str:
        answer = self.portal.test_control.current_captcha(self._session)
        if answer is None:
            raise DriverError("当前页面没有要求输入验证码")
        return answer

    def advance_clock(self, delta: timedelta) -> None:
        self._frozen.tick(delta)
        # A page that counts down (a QR code's expiry) changes with the clock: look at it again, keep the form.
        self._session, self._view = self.portal.view(self._session, self._entry)

    def set_clock(self, instant: datetime) -> None:
        self._frozen.move_to(instant)
        self._session, self._view = self.portal.view(self._session, self._entry)

    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        # The body keeps to the hooks' documented contract (openapi.yaml), checked by the served hooks' validator.
        contract.check(capability, dict(payload or {}))
        try:
            return self.portal.test_control.call(capability, payload or {})
        except UnknownCapability as missing:
            raise NotVerifiable(str(missing)) from None

    def take_over(self, capability: str, payload: Mapping[str, Any], entry: str) -> None:
        """The answered address "opened" as the served app would: its ticket redeemed, the session kept for entry."""
        address = str(self.hook(capability, payload).get("open", ""))
        ticket = address.removeprefix(handoff.PATH) if address.startswith(handoff.PATH) else None
        found = None if ticket is None else self.portal.handoffs.redeem(ticket)
        if found is None or found[0] != entry:
            raise DriverError(f"「{capability}」给出的地址「{address}」打不开「{entry}」的会话")
        self._sessions[entry] = found[1]
        self.open_entry(entry)

    def open_login(self) -> None:
        self.open_entry(CLIENT)

    def open_entry(self, entry: str) -> None:
        try:
            self._session, self._view = self.portal.view(self._sessions.get(entry), entry)
        except UnknownControl as exc:
            raise NotVerifiable(str(exc)) from None
        self._entry, self._sessions[entry] = entry, self._session
        self._form = dict(self._view.values)

    def try_open(self, screen: str) -> bool:
        """The simulator is asked for the screen by name, as a browser asks for its address."""
        self._session, self._view = self.portal.open(self._session, screen, self._entry)
        self._sessions[self._entry] = self._session
        self._form = dict(self._view.values)
        return True

    def refresh(self) -> None:
        self._session, self._view = self.portal.view(self._session, self._entry)
        self._sessions[self._entry] = self._session

    def fill(self, field: str, value: str) -> None:
        if field not in self._view.fields:
            there = listed(tuple(self._view.fields))
            raise Missing(f"页面上有输入项「{field}」", self._shown(f"页面上的输入项：{there}"))
        options = self._view.options.get(field)
        if options is not None and value not in options:
            there = listed(tuple(options))
            raise Missing(f"「{field}」中可以选「{value}」", self._shown(f"「{field}」的选项：{there}"))
        self._form[field] = value

    def click(self, control: str) -> None:
        if control not in self._view.controls:
            if self._press_item(item_lists.CLICK, control):
                return
            raise Missing(f"页面上有【{control}】",
                          self._shown(f"页面上的按钮和链接：{listed(tuple(self._view.controls), '【】')}"))
        self._press(control)

    def double_click(self, item: str) -> None:
        if not self._press_item(item_lists.DOUBLE_CLICK, item):
            raise Missing(f"列表中有可双击的「{item}」", self._shown())

    def click_in_row(self, row: str, control: str) -> None:
        found = row_controls.target(self._view, row, control)
        if found is None:
            raise Missing(f"「{row}」这一行有【{control}】", self._shown())
        field, key = found
        self._form[field] = key
        self._press(control)

    def _press_item(self, gesture: str, item: str) -> bool:
        """What the page posts for a gesture on a list item: the item in its field, and the control."""
        found = item_lists.target(self._view, gesture, item)
        if found is None:
            return False
        field, control = found
        self._form[field] = item
        self._press(control)
        return True

    def _press(self, control: str) -> None:
        try:
            self._session, self._view = self.portal.act(self._session, control, self._form, self._entry)
        except UnknownControl as exc:
            raise DriverError(str(exc)) from None
        self._sessions[self._entry] = self._session  # a new id at login, as a browser's cookie is renewed
        self._form = dict(self._view.values)

    def _shown(self, extra: str = "") -> str:
        message = self.message()
        said = f"，提示「{message}」" if message else "，没有提示"
        return f"页面「{self._view.screen}」{said}{f'；{extra}' if extra else ''}"

    def screen(self) -> str:
        return str(self._view.screen)

    def active_tab(self) -> str:
        return self._view.tab or ""

    def message(self) -> str | None:
        return None if self._view.message is None else self._view.message.text

    def is_refused(self) -> bool:
        return self._view.refused

    def is_locked(self) -> bool:
        return self._view.locked

    def shows_field(self, field: str) -> bool:
        return field in self._view.fields

    def shows_control(self, control: str) -> bool:
        return control in self._view.controls

    def choices(self, field: str) -> tuple[str, ...]:
        if field not in self._view.fields:
            raise Missing(f"页面上有可选的「{field}」", self._shown())
        return tuple(self._view.options.get(field, ()))

    def ticked(self, box: str) -> bool:
        if box not in self._view.fields:
            raise Missing(f"页面上有勾选框「{box}」", self._shown())
        return self._form.get(box) == TICKED

    def shows_text(self, text: str) -> bool:
        view = self._view
        shown = [view.message.text if view.message else "", view.greeting or "", view.tab or "",
                 *(str(view.extras.get(k) or "") for k in ("intro", "hint", "legend")),
                 *(c for row in view.rows for c in row), *view.fields, *view.controls,
                 *(str(v) for v in view.extras.get("kinds", ()))]
        return any(normalise(text) in normalise(part) for part in shown)

    def shows_row(self, cells: tuple[str, ...]) -> bool:
        return any(all(any(normalise(c) == normalise(cell) for cell in row) for c in cells) for row in self._view.rows)

    def soft_keyboard_open(self) -> bool:
        return self._view.soft_keyboard_open

    def at_once(self, visitors: int, prepare: Callable[[InProcessDriver], None],
                act: Callable[[InProcessDriver], T]) -> Sequence[T]:
        """One thread per visitor, against this portal (same store, clock and external stubs)."""
        return at_once.in_threads([self._visitor() for _ in range(visitors)], prepare, act)

    def _visitor(self) -> InProcessDriver:
        """Another person at the same portal: sessions and form of their own."""
        other = copy.copy(self)
        other._entry, other._sessions, other._form = CLIENT, {}, {}
        other._session, other._view = self.portal.view(None)
        return other

    def close(self) -> None:
        self.suspend()
        self._http.reset()
        if self._own_freezer:
            self._freezer.stop()
        self.portal.store.close()

