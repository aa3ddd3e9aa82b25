"""pytest-bdd's step lookup, made cheap: which fixture names can parse a step is worked out once per step text.

pytest-bdd 9 finds a step's definitions by asking pytest, for EVERY fixture name, which definitions the
scenario sees (`getfixturedefs`), then keeping those whose function is a step that parses the text: ~150
visibility checks per step, ~640 000 in a run. Which names hold a step parsing the text does not depend on
the scenario; only visibility does. So this lookup remembers, per (step type, step text), the names whose
definitions parse it (in the registry's order), and asks pytest about visibility for those names only —
pytest still decides scoping and overriding, exactly as upstream does. The memory is dropped whenever a step
definition or fixture name is added (`_generation`). `install()` puts it in place of
`pytest_bdd.scenario.find_fixturedefs_for_step`; `upstream` keeps the original (tests compare the two).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from _pytest.fixtures import FixtureDef, FixtureManager
from _pytest.nodes import Node
from pytest_bdd.compat import get_fixture_names, getfixturedefs
from pytest_bdd.parser import Step
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

# The module, not pytest_bdd's `scenario` function of the same name.
bdd_scenario = importlib.import_module("pytest_bdd.scenario")
upstream = bdd_scenario.find_fixturedefs_for_step

_names: dict[tuple[str | None, str], list[str]] = {}
_step_defs: list[tuple[str, StepFunctionContext]] = []  # (fixture name, step) of every step definition
_seen_generation: tuple[int, int] = (-1, -1)


def _parses(context: StepFunctionContext | None, step: Step) -> bool:
    if context is None or (context.type is not None and context.type != step.type):
        return False
    return bool(context.parser.is_matching(step.name))


def _all_fixturedefs(fixturemanager: FixtureManager, name: str) -> Iterator[FixtureDef[Any]]:
    """Every definition registered under a name, whoever sees it (pytest ≥ 9.2 and older registries)."""
    for attribute in ("_arg2node2fixturedefs", "_arg2nodeid2fixturedefs"):
        by_owner = getattr(fixturemanager, attribute, {}).get(name) or {}
        for fixturedefs in by_owner.values():
            yield from fixturedefs
    older = getattr(fixturemanager, "_arg2fixturedefs", None)
    if older is not None and not hasattr(fixturemanager, "_arg2node2fixturedefs"):
        yield from older.get(name) or ()


def _refresh(fixturemanager: FixtureManager, names: list[str]) -> None:
    """Forget what was remembered when a step definition or a fixture name was added since."""
    global _seen_generation
    generation = (len(step_function_context_registry), len(names))
    if generation == _seen_generation:
        return
    _names.clear()
    _step_defs[:] = [(name, context) for name in names for d in _all_fixturedefs(fixturemanager, name)
                     if (context := step_function_context_registry.get(d.func)) is not None]
    _seen_generation = generation


def find_fixturedefs_for_step(step: Step, fixturemanager: FixtureManager, node: Node) -> Iterable[FixtureDef[object]]:
    """The definitions that parse the step and that `node` sees — what upstream yields, in the same order."""
    _refresh(fixturemanager, get_fixture_names(fixturemanager=fixturemanager))
    key = (step.type, step.name)
    candidates = _names.get(key)
    if candidates is None:
        candidates = list(dict.fromkeys(name for name, context in _step_defs if _parses(context, step)))
        _names[key] = candidates
    for name in candidates:
        for fixturedef in getfixturedefs(fixturemanager, name, node) or []:
            if _parses(step_function_context_registry.get(fixturedef.func), step):
                yield fixturedef


def install() -> None:
    """Use the remembered lookup for every scenario of this process."""
    setattr(bdd_scenario, "find_fixturedefs_for_step", find_fixturedefs_for_step)  # noqa: B010 (a module attribute)
