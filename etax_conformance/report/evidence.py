"""On a failed step, ask the driver for its evidence (browser: screenshot, trace, hooks exchanges) into
<run>/evidence/<scenario>/, and keep the files' paths on the test item for results.json and the report.

`--keep-traces` (the child run of a trace re-run, etax_conformance/trace_rerun.py) saves the evidence of every
scenario, passed or not, so the re-run of a failure that does not repeat still leaves its trace. ETAX_TRACE is
checked when the run starts (drivers/evidence.py): an unknown mode stops it before any scenario runs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from drivers.protocol import NotVerifiable

#: The evidence files of a scenario, relative to the run folder.
EVIDENCE = pytest.StashKey[list[str]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("etax-conformance").addoption(
        "--keep-traces", action="store_true",
        help="save every scenario's evidence (its Playwright trace), passed or not: a trace re-run's child run")


def pytest_configure(config: pytest.Config) -> None:
    from drivers.evidence import trace_mode

    try:
        trace_mode()
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None


def evidence_folder(run_dir: Path, nodeid: str) -> Path:
    return run_dir / "evidence" / hashlib.sha256(nodeid.encode()).hexdigest()[:12]


@pytest.hookimpl(trylast=True)
def pytest_bdd_step_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: object, step_func_args: dict[str, object], exception: Exception) -> None:
    from etax_conformance.failures import _portal_of

    run_dir = request.config.getoption("--run-dir", default=None)
    portal = _portal_of(request, step_func_args)
    save = getattr(portal, "save_evidence", None)
    if isinstance(exception, NotVerifiable) or not run_dir or save is None:
        return
    _save(request, save, Path(run_dir))


@pytest.hookimpl(trylast=True)
def pytest_bdd_after_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    """--keep-traces: a scenario that saved nothing on a failed step (it passed, or was not verifiable) saves now."""
    from etax_conformance.failures import _portal_of

    run_dir = request.config.getoption("--run-dir", default=None)
    if not request.config.getoption("--keep-traces", default=False) or not run_dir or EVIDENCE in request.node.stash:
        return
    save = getattr(_portal_of(request, {}), "save_evidence", None)
    if save is not None:
        _save(request, save, Path(run_dir))


def _save(request: pytest.FixtureRequest, save: Any, root: Path) -> None:
    try:
        saved = save(evidence_folder(root, request.node.nodeid))
    except Exception as exc:  # evidence must never hide the failure itself
        request.node.stash[EVIDENCE] = [f"(evidence could not be saved: {type(exc).__name__}: {exc})"]
        return
    request.node.stash[EVIDENCE] = [path.relative_to(root).as_posix() for path in saved]
