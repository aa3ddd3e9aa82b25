"""pytest plugin for the benchmark's floor: every step definition's body replaced by one that does nothing.

The same features, the same step texts, lookups, fixtures of the plugin and reports — only the bodies (and so
the driver and simulator they call) are gone. Load with PYTEST_PLUGINS=noop_steps (bench/ on PYTHONPATH).
"""

from __future__ import annotations

import importlib

import pytest


def _nothing(**_: object) -> None:
    """A step that asks for no fixture and does nothing."""


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    steps = importlib.import_module("pytest_bdd.steps")
    for context in list(steps.step_function_context_registry.values()):
        context.step_func = _nothing
