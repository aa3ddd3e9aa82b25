"""`--scenario-ids FILE`: run only the scenarios whose results.json ids the file lists (one a line); the others are
deselected at collection, as plan_selection.py does. The trace re-run (etax_conformance/trace_rerun.py) runs a
run's failed scenarios again through it; an id the suite does not hold is simply not run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etax_conformance.scenario_ids import scenario_id


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("etax-conformance").addoption(
        "--scenario-ids", default=None, metavar="FILE",
        help="run only these scenarios: a file of results.json scenario ids, one a line")


def read_ids(path: Path) -> set[str]:
    """The ids of the file: one a line, blank lines ignored (an id keeps its inner spaces)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise pytest.UsageError(f"--scenario-ids {path}: cannot read it ({exc})") from None
    return {line.strip() for line in text.splitlines() if line.strip()}


def keep(items: list[pytest.Item], ids: set[str]) -> tuple[list[pytest.Item], list[pytest.Item]]:
    """(kept, dropped): the items whose scenario id is listed, in collection order, and the others."""
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        (kept if scenario_id(item) in ids else dropped).append(item)
    return kept, dropped


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> object:
    """Unlisted scenarios leave before -k, the readings and the shards see the items."""
    file = config.getoption("--scenario-ids", default=None)
    if file:
        kept, dropped = keep(items, read_ids(Path(file)))
        if dropped:
            config.hook.pytest_deselected(items=dropped)
        items[:] = kept
    return (yield)
