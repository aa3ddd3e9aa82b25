"""Deviation switches: the simulator made to break exactly one rule a guide states (issue 20, `selfcheck`).

A switch is off in every normal run. `serve --deviate NAME[,NAME…]` and `run --deviate …` (the in-process driver, or
the simulator a browser run serves itself) turn switches on for the whole process; the flows ask
`deviations.on("NAME")` at the one place where the rule is kept. Each switch names the catalog row(s) it breaks
(simulator/deviation_list.py), so `etax-conformance selfcheck` can tell whether a scenario carrying those rows noticed.

A portal with a switch on is NOT conformant on purpose: results.json records the switches under `simulator`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from dataclasses import dataclass

#: The kinds of rule the guides state (issue 20's list).
KINDS = ("numbers", "dates", "order-gates", "words", "permissions", "identities", "codes", "external", "concurrency")

#: Test-only: a module imported after the list, which may register more switches (tests/selfcheck).
EXTRA_MODULE_ENV = "ETAX_DEVIATIONS_MODULE"


@dataclass(frozen=True)
class Deviation:
    """One switch: which rows it breaks, what kind of rule, what the portal then does (中文 / English)."""

    name: str
    rows: tuple[str, ...]
    kind: str
    zh: str
    en: str


REGISTRY: dict[str, Deviation] = {}
_active: frozenset[str] = frozenset()


def register(name: str, rows: str, kind: str, zh: str, en: str) -> Deviation:
    """Add a switch (rows separated by spaces); a name is registered once."""
    if name in REGISTRY:
        raise ValueError(f"deviation {name} is registered twice")
    if kind not in KINDS:
        raise ValueError(f"deviation {name}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
    deviation = Deviation(name, tuple(rows.split()), kind, zh, en)
    if not deviation.rows:
        raise ValueError(f"deviation {name} names no catalog row")
    REGISTRY[name] = deviation
    return deviation


def load() -> dict[str, Deviation]:
    """The registry with the list (and, in tests, the module named by ETAX_DEVIATIONS_MODULE)."""
    importlib.import_module("simulator.deviation_list")
    extra = os.environ.get(EXTRA_MODULE_ENV)
    if extra:
        importlib.import_module(extra)
    return REGISTRY


def parse(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """NAME[,NAME…] (or several such) → the names, each checked against the registry."""
    if text is None:
        return ()
    parts = [text] if isinstance(text, str) else list(text)
    names = tuple(name.strip() for part in parts for name in part.split(",") if name.strip())
    registry = load()
    unknown = [name for name in names if name not in registry]
    if unknown:
        raise ValueError(f"unknown deviation(s): {', '.join(unknown)} (see etax-conformance selfcheck --list)")
    return names


def activate(names: Iterable[str]) -> None:
    """Turn these switches on for this process (and every other off)."""
    global _active
    _active = frozenset(parse(list(names)))


def active() -> tuple[str, ...]:
    """The switches on, sorted."""
    return tuple(sorted(_active))


def on(name: str) -> bool:
    """Whether the portal breaks this switch's rule now (a name not in the list is a programming error)."""
    if not _active:
        return False
    if name not in REGISTRY:
        raise KeyError(f"deviation {name} is not registered (simulator/deviation_list.py)")
    return name in _active
