"""Evidence of a failed browser scenario: a screenshot, the Playwright trace, the hooks' HTTP exchanges.

Tracing starts with each scenario's browser context and is kept only when the scenario fails (the trace opens
with `playwright show-trace trace.zip`); ETAX_TRACE=0 turns tracing off. ID and phone numbers are masked on the
page before the screenshot (and in the trace and the exchanges when the run folder is finished).
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


def tracing_wanted() -> bool:
    return os.environ.get("ETAX_TRACE", "1") != "0"


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
