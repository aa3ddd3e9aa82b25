"""On a failed step, ask the driver for its evidence (browser: screenshot, trace, hooks exchanges) into
<run>/evidence/<scenario>/, and keep the files' paths on the test item for results.json and the report."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from drivers.protocol import NotVerifiable

#: The evidence files of a scenario, relative to the run folder.
EVIDENCE = pytest.StashKey[list[str]]()


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
    root = Path(run_dir)
    try:
        saved = save(evidence_folder(root, request.node.nodeid))
    except Exception as exc:  # evidence must never hide the failure itself
        request.node.stash[EVIDENCE] = [f"(evidence could not be saved: {type(exc).__name__}: {exc})"]
        return
    request.node.stash[EVIDENCE] = [path.relative_to(root).as_posix() for path in saved]
