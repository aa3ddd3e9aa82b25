"""Evidence of a failed browser scenario: a screenshot, the Playwright trace, the hooks' HTTP exchanges.

ETAX_TRACE says when the Playwright trace is recorded (it opens with `playwright show-trace trace.zip`):

- `rerun` (the default): no scenario is traced while the run runs, since tracing costs ≈ 13 % of a browser run
  and nearly every scenario passes; after the run, the failed scenarios run once more with the trace on and that
  trace joins the first run's evidence (etax_conformance/trace_rerun.py). Playwright Test's `on-first-retry`.
- `1` / `on`: every scenario is traced while it runs; the trace is kept only when it fails.
- `0` / `off`: no trace.

The screenshot and the hooks' exchanges are always saved at the failure itself. ID and phone numbers are masked on
the page before the screenshot (and in the trace and the exchanges when the run folder is finished).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

from drivers.masking import MASK_PAGE_SCRIPT

#: ETAX_TRACE's values → the mode they name.
MODES = {"rerun": "rerun", "1": "on", "on": "on", "0": "off", "off": "off"}


def trace_mode() -> str:
    """ETAX_TRACE's mode: "rerun" (unset or empty too), "on" or "off"; any other value is a ValueError."""
    value = os.environ.get("ETAX_TRACE", "").strip().lower() or "rerun"
    if value not in MODES:
        raise ValueError(f"ETAX_TRACE={os.environ.get('ETAX_TRACE')!r} is not a trace mode: use rerun (the default: "
                         "failed scenarios run again with the Playwright trace), 1/on (trace every scenario while "
                         "it runs) or 0/off (no trace)")
    return MODES[value]


def tracing_wanted() -> bool:
    """Trace each scenario while it runs (ETAX_TRACE=on; a trace re-run's child run sets it)."""
    try:
        return trace_mode() == "on"
    except ValueError:  # reported before the run (etax_conformance.report.evidence): never fail a scenario on it
        return False


def start_tracing(context: BrowserContext) -> bool:
    if not tracing_wanted():
        return False
    try:
        context.tracing.start(screenshots=False, snapshots=True)
    except PlaywrightError:
        return False
    return True


def save(page: Page, context: BrowserContext, tracing: bool, exchanges: list[dict[str, Any]],
         folder: Path) -> list[Path]:
    """Trace (first: the page as it was), exchanges, then the masked screenshot; whatever can be saved is."""
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    if tracing:
        with contextlib.suppress(PlaywrightError):
            context.tracing.stop(path=folder / "trace.zip")
            saved.append(folder / "trace.zip")
    (folder / "hooks.json").write_text(json.dumps(exchanges, ensure_ascii=False, indent=2), encoding="utf-8")
    saved.append(folder / "hooks.json")
    with contextlib.suppress(PlaywrightError):
        page.evaluate(MASK_PAGE_SCRIPT)
        page.screenshot(path=folder / "screenshot.png", full_page=True)
        saved.append(folder / "screenshot.png")
    return saved
