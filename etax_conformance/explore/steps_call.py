"""A sentence of features/ run through the suite's own step function, as pytest-bdd would (no second driving code).

The step definitions are pytest-bdd's registry (every step module of the suite's plugin imported); a sentence is
matched by the step's own parser, its arguments converted as pytest-bdd does, and the function called with the
fixtures it names taken from a side of the twin (portal, cast, identities, app_scans, qd_users, scenario_seed,
wrong_factor).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Mapping
from functools import cache
from typing import Any

from pytest_bdd.steps import StepFunctionContext, step_function_context_registry


class UnknownSentence(LookupError):
    """No step (or more than one) of the suite matches a sentence a model wants to say."""


@cache
def _load_steps() -> None:
    pending = ["etax_conformance.plugin"]
    while pending:  # the suite's plugin, and the plugins its step plugins load in turn (steps/qingdao/plugin.py)
        module = importlib.import_module(pending.pop())
        pending.extend(name for name in getattr(module, "pytest_plugins", ()) if name.startswith("steps."))


def find(kind: str, sentence: str) -> tuple[StepFunctionContext, dict[str, Any]]:
    """The one step definition of this kind (given, when, then) that parses the sentence, and its arguments."""
    context, args, _ = _found(kind, sentence)
    return context, dict(args)


@cache
def _found(kind: str, sentence: str) -> tuple[StepFunctionContext, dict[str, Any], tuple[str, ...]]:
    """find's answer, kept: a model says the same few sentences thousands of times (and the parameters' names)."""
    _load_steps()
    found = {id(c.step_func): c for c in list(step_function_context_registry.values())
             if c.type == kind and c.parser.is_matching(sentence)}
    if len(found) != 1:
        raise UnknownSentence(f"{kind} 「{sentence}」: {len(found)} step definitions of the suite match")
    context = next(iter(found.values()))
    raw = context.parser.parse_arguments(sentence) or {}
    args = {name: context.converters[name](value) if name in context.converters else value
            for name, value in raw.items()}
    return context, args, tuple(inspect.signature(context.step_func).parameters)


def call(kind: str, sentence: str, fixtures: Mapping[str, Any]) -> None:
    """Run the step: its function with the parsed arguments and the named fixtures (AssertionError when it fails)."""
    context, args, parameters = _found(kind, sentence)
    kwargs = {}
    for name in parameters:
        if name in args:
            kwargs[name] = args[name]
        elif name in fixtures:
            kwargs[name] = fixtures[name]
        else:
            raise UnknownSentence(f"{kind} 「{sentence}」 needs the fixture {name!r}, which explore does not provide")
    context.step_func(**kwargs)


def holds(sentence: str, fixtures: Mapping[str, Any]) -> bool:
    """Whether a Then sentence of the suite holds (its step passes) on this side."""
    try:
        call("then", sentence, fixtures)
    except AssertionError:
        return False
    return True
