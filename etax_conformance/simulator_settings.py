"""What results.json records of the simulator a run drove: its password-hashing cost, and
`liaoning_personnel_pages: false` for a Liaoning-logins-only simulator (nothing for a vendor's portal)."""

from __future__ import annotations

from typing import Any

import pytest

SIMULATOR_SETTINGS = pytest.StashKey[dict[str, Any]]()


def record_inprocess(config: pytest.Config) -> None:
    """An in-process run drives the embedded simulator with the in-process driver's settings."""
    if config.getoption("--driver") != "inprocess":
        return
    from drivers.inprocess import PASSWORD_COST, active_deviations

    settings: dict[str, Any] = {"password_hash": PASSWORD_COST.as_json()}
    if config.getoption("--ln-logins-only", default=False):  # a portal without the Liaoning personnel pages
        settings["liaoning_personnel_pages"] = False
    if active_deviations():  # a deviated simulator is never mistaken for the conformant one (selfcheck)
        settings["deviations"] = list(active_deviations())
    config.stash[SIMULATOR_SETTINGS] = settings


def record_served(config: pytest.Config, settings: dict[str, Any]) -> None:
    """A browser run that served the simulator itself (serving.ServedSimulator.simulator_settings)."""
    config.stash[SIMULATOR_SETTINGS] = settings


def simulator_settings(config: pytest.Config) -> dict[str, Any] | None:
    """The recorded settings, or None: the run drove a portal it did not start (nothing known of its hashing)."""
    return config.stash.get(SIMULATOR_SETTINGS, None)
