"""Two portals side by side: the portal under test and the reference simulator, acted on and observed alike.

Each side has its own fixtures (the cast, the identities drawn from one seed, the QR codes seen, the Qingdao users)
and its own clock: in-process portals share the process's frozen clock (freezegun), so the twin moves it to a
side's own instant before acting on it and keeps where the side left it; an in-process side also takes the external
services' stubs (SMS, face, core) while it acts. A step that fails on one side and not on the other is a divergence
as much as an observation that differs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from drivers.inprocess import InProcessDriver, RunFreezer
from drivers.protocol import PortalDriver
from etax_conformance.explore import steps_call
from fixtures.clock import SCENARIO_START
from fixtures.enterprises import EnterpriseFactory
from fixtures.identities import IdentityFactory
from steps.its.qr_steps import AppScans
from steps.qingdao.methods_login_steps import FactorsSeen

PORTAL, REFERENCE = "被测门户", "参照模拟器"


@dataclass
class Side:
    """One portal of the twin and what a scenario's fixtures hold for it."""

    label: str
    driver: PortalDriver
    fixtures: dict[str, Any] = field(default_factory=dict)
    now: datetime = SCENARIO_START
    #: Called before the side acts (e.g. the portal under test's deviation switches on, the reference's off).
    enter: Callable[[], None] | None = None


@dataclass(frozen=True)
class Outcome:
    """What one side showed after a step: whether the step could be done (else why not), and the guide's
    assertions (Then sentences of features/) that hold."""

    done: bool
    failure: str = ""
    holding: frozenset[str] = frozenset()

    def differs(self, other: Outcome) -> bool:
        return self.done != other.done or self.holding != other.holding


@dataclass(frozen=True)
class StepResult:
    """One step on both sides."""

    keyword: str  # given / when
    sentence: str
    portal: Outcome
    reference: Outcome

    @property
    def diverges(self) -> bool:
        return self.portal.differs(self.reference)


class Twin:
    """The portal under test and the reference, each step on both, each probe on both."""

    def __init__(self, portal: PortalDriver, reference: InProcessDriver, freezer: RunFreezer,
                 portal_enter: Callable[[], None] | None = None,
                 reference_enter: Callable[[], None] | None = None,
                 renew_portal: Callable[[], PortalDriver] | None = None) -> None:
        """renew_portal: a new driver of the portal under test for each sequence (a browser: a new context, as each
        scenario of a run has), the previous one closed."""
        self.sides = (Side(PORTAL, portal, enter=portal_enter), Side(REFERENCE, reference, enter=reference_enter))
        self._freezer, self._renew = freezer, renew_portal

    def begin(self, seed: str) -> None:
        """A new sequence: both portals reset, the same people drawn for both, both clocks at the start."""
        if self._renew is not None:
            self.sides[0].driver.close()
            self.sides[0].driver = self._renew()
        for side in self.sides:
            side.now = SCENARIO_START
            side.fixtures = {"portal": side.driver, "cast": {}, "identities": IdentityFactory(seed),
                             "app_scans": AppScans(), "qd_users": {}, "scenario_seed": seed,
                             "wrong_factor": {}, "qd_factors": FactorsSeen(),
                             # Liaoning: the enterprises, the roles registered, the 个人密码 set, SMS already seen.
                             "enterprise_factory": EnterpriseFactory(seed), "enterprises": {},
                             "registered_roles": {}, "personal_passwords": {}, "sms_baseline": {}}
            self._on(side, lambda s: _begin(s.driver))

    def step(self, keyword: str, sentence: str, probes: tuple[str, ...]) -> StepResult:
        """Run the sentence's step on both sides, then ask each probe (Then sentences) of both."""
        outcomes = [self._on(side, lambda s: _act(s.fixtures, keyword, sentence, probes)) for side in self.sides]
        return StepResult(keyword, sentence, outcomes[0], outcomes[1])

    def reference_screen(self) -> str:
        """The screen the reference shows now (what a model's preconditions may look at: the reference is the model's
        own portal)."""
        return self.sides[1].driver.screen()

    def reference_offers(self, control: str) -> bool:
        """Whether the reference's page offers this control now (a menu a person sees open or closed)."""
        driver = self.sides[1].driver
        return bool(self._on(self.sides[1], lambda _side: driver.shows_control(control)))

    def reference_fixture(self, name: str) -> Any:
        """What the reference's scenario fixtures hold (e.g. the 个人密码 set so far): a model's preconditions may
        look at it, as at the reference's screen."""
        return self.sides[1].fixtures[name]

    def _on(self, side: Side, act: Callable[[Side], Any]) -> Any:
        driver = side.driver
        others = [s.driver for s in self.sides if s is not side and isinstance(s.driver, InProcessDriver)]
        for other in others:
            other.suspend()
        if isinstance(driver, InProcessDriver):
            driver.resume()
        if side.enter is not None:
            side.enter()
        self._freezer.frozen.move_to(side.now)
        try:
            return act(side)
        finally:
            side.now = self._freezer.frozen.time_to_freeze

    def close(self) -> None:
        for side in self.sides:
            side.driver.close()


def _begin(driver: PortalDriver) -> None:
    if isinstance(driver, InProcessDriver):
        driver.begin_scenario()
    driver.reset()


def _act(fixtures: Mapping[str, Any], keyword: str, sentence: str, probes: tuple[str, ...]) -> Outcome:
    """The step, then the probes; a step that fails (or a driver that errs, as a scenario of a run would fail on it)
    is an outcome too. A sentence the suite does not know is the model's own mistake: raised."""
    try:
        steps_call.call(keyword, sentence, fixtures)
        return Outcome(True, "", frozenset(p for p in probes if steps_call.holds(p, fixtures)))
    except steps_call.UnknownSentence:
        raise
    except Exception as failed:  # any error of a step fails the scenario in a run too
        text = str(failed).strip().splitlines()
        return Outcome(False, text[0] if text else type(failed).__name__)
