"""What the steps ask a portal for, recorded: a driver wrapper that notes every name a step passes or compares.

`run --record-vocabulary FILE` (a pytest option, used by `etax-conformance vocabulary`) wraps the in-process driver
of every scenario in a RecordingDriver. Each screen, field, control, list, option value, message kind, tab, entry
and hook a step uses is noted with the scenario's plans (catalog/plans.csv), and written as JSON when the run ends.
This is exact data — the names as the steps pass them, Outline examples included — not a reading of the code.

Data is not vocabulary: the names, accounts and company names a scenario draws (Faker) are learnt from what the
steps seed (seed_person, hook payloads and answers) and left out; a click on such a name is a list item.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from drivers.protocol import TICKED, DriverError, PortalDriver
from fixtures.identities import Identity

T = TypeVar("T")

#: The kinds of names, in the order docs/vocabulary.md lists them.
KINDS = ("entry", "screen", "tab", "field", "option", "control", "list", "message", "keyboard", "hook")


@dataclass
class Record:
    """(kind, name) -> the plans whose scenarios used it; plus the data words seen (never vocabulary)."""

    uses: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    data: set[str] = field(default_factory=set)

    def note(self, kind: str, name: str, plans: Iterable[str]) -> None:
        if name and not self.is_data(name):
            self.uses.setdefault((kind, name), set()).update(plans)

    def is_data(self, name: str) -> bool:
        """A drawn word, or an option whose value is one (办税单位=<a seeded company>)."""
        return name in self.data or name.split("=", 1)[-1] in self.data

    def learn(self, value: Any) -> None:
        """Strings of a seed, a hook payload or answer: drawn data (names, accounts, companies), not names."""
        if isinstance(value, str) and value:
            self.data.add(value)
        elif isinstance(value, Mapping):
            for item in value.values():
                self.learn(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                self.learn(item)

    def write(self, path: Path) -> None:
        for key in [k for k in self.uses if self.is_data(k[1])]:  # learnt after its first use
            del self.uses[key]
        rows = [{"kind": kind, "name": name, "plans": sorted(plans)}
                for (kind, name), plans in sorted(self.uses.items())]
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def load(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return rows


class RecordingDriver:
    """Delegates to the driver under it and notes the names asked for (one scenario, its plans)."""

    def __init__(self, inner: PortalDriver, record: Record, plans: Sequence[str]) -> None:
        self._inner, self._record, self._plans = inner, record, tuple(plans)
        self.name = inner.name

    def _note(self, kind: str, name: str) -> None:
        self._record.note(kind, name, self._plans)

    def __getattr__(self, attribute: str) -> Any:  # anything else (begin_scenario, save_evidence…) as it is
        return getattr(self._inner, attribute)

    # Test control.
    def reset(self) -> None:
        self._inner.reset()

    def seed_person(self, identity: Identity) -> None:
        self._record.learn([identity.name, identity.login_name, identity.document_number, identity.phone,
                            identity.password])
        self._inner.seed_person(identity)

    def current_captcha(self) -> str:
        return self._inner.current_captcha()

    def advance_clock(self, delta: timedelta) -> None:
        self._inner.advance_clock(delta)

    def set_clock(self, instant: datetime) -> None:
        self._inner.set_clock(instant)

    def hook(self, capability: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        self._note("hook", capability)
        answer = self._inner.hook(capability, payload)
        # Learnt once taken: a shortcut the portal lacks names words of the pages walked instead (全量办税).
        self._record.learn(payload or {})
        self._record.learn(answer)
        return answer

    def take_over(self, capability: str, payload: Mapping[str, Any], entry: str) -> None:
        self._note("hook", capability)
        self._inner.take_over(capability, payload, entry)
        self._note("entry", entry)
        self._record.learn(payload)

    # Acting.
    def open_login(self) -> None:
        self._note("entry", "扣缴客户端")
        self._inner.open_login()

    def open_entry(self, entry: str) -> None:
        self._note("entry", entry)
        self._inner.open_entry(entry)

    def try_open(self, screen: str) -> bool:
        self._note("screen", screen)
        return self._inner.try_open(screen)

    def refresh(self) -> None:
        self._inner.refresh()

    def fill(self, field_: str, value: str) -> None:
        self._note("field", field_)
        if value != TICKED and value in self._offered(field_):
            self._note("option", f"{field_}={value}")
        self._inner.fill(field_, value)

    def _offered(self, field_: str) -> tuple[str, ...]:
        try:
            return self._inner.choices(field_)
        except DriverError:
            return ()

    def click(self, control: str) -> None:
        if self._inner.shows_control(control):
            self._note("control", control)
        else:  # not a control: an item of a list, by its text (a unit, a company)
            self._note("list", f"{self._inner.screen()}=单击")
        self._inner.click(control)

    def double_click(self, item: str) -> None:
        self._note("list", f"{self._inner.screen()}=双击")
        self._inner.double_click(item)

    def click_in_row(self, row: str, control: str) -> None:
        self._note("control", control)
        self._inner.click_in_row(row, control)

    # Observing.
    def screen(self) -> str:
        shown = self._inner.screen()
        self._note("screen", shown)
        return shown

    def active_tab(self) -> str:
        shown = self._inner.active_tab()
        self._note("tab", shown)
        return shown

    def message(self) -> str | None:
        self._note("message", "area")
        return self._inner.message()

    def is_refused(self) -> bool:
        self._note("message", "refusal")
        return self._inner.is_refused()

    def is_locked(self) -> bool:
        self._note("message", "lock")
        return self._inner.is_locked()

    def shows_field(self, field_: str) -> bool:
        self._note("field", field_)
        return self._inner.shows_field(field_)

    def choices(self, field_: str) -> tuple[str, ...]:
        self._note("field", field_)
        offered = self._inner.choices(field_)
        for value in offered:
            self._note("option", f"{field_}={value}")
        return offered

    def ticked(self, box: str) -> bool:
        self._note("field", box)
        return self._inner.ticked(box)

    def shows_control(self, control: str) -> bool:
        self._note("control", control)
        return self._inner.shows_control(control)

    def shows_text(self, text: str) -> bool:
        return self._inner.shows_text(text)

    def shows_row(self, cells: tuple[str, ...]) -> bool:
        return self._inner.shows_row(cells)

    def soft_keyboard_open(self) -> bool:
        self._note("keyboard", "软键盘")
        return self._inner.soft_keyboard_open()

    def at_once(self, visitors: int, prepare: Callable[[Any], None], act: Callable[[Any], T]) -> Sequence[T]:
        def wrap(driver: Any) -> RecordingDriver:
            return RecordingDriver(driver, self._record, self._plans)

        return self._inner.at_once(visitors, lambda d: prepare(wrap(d)), lambda d: act(wrap(d)))

    def close(self) -> None:
        self._inner.close()


_RECORD = "_etax_vocabulary_record"


def wrap_for(request: Any, driver: PortalDriver) -> PortalDriver:
    """The scenario's driver, recording when the run was asked to (--record-vocabulary): the plugin's hook."""
    path = request.config.getoption("--record-vocabulary", default=None)
    if not path:
        return driver
    from etax_conformance.plans import plans_of_scenario
    from etax_conformance.scenario_ids import scenario_of

    record = getattr(request.config, _RECORD, None)
    if record is None:
        record = Record()
        setattr(request.config, _RECORD, record)
    scenario = scenario_of(request.node)
    tags = (scenario.template.tags | scenario.template.feature.tags) if scenario is not None else set()
    recording: PortalDriver = RecordingDriver(driver, record, plans_of_scenario(tags))
    return recording


def write_if_recording(config: Any) -> None:
    path, record = config.getoption("--record-vocabulary", default=None), getattr(config, _RECORD, None)
    if path and record is not None:
        record.write(Path(path))
