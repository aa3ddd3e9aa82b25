"""A worker's browser context, handed to one scenario after another as if new (docs/parallel.md, issue 21).

A new browser context per scenario starts a new renderer process per scenario: most of a short scenario's cost
on a small machine. So a worker keeps ONE context and one page, and each scenario gets them back reset as a new
context is, by Playwright's own context reuse (the mechanism `playwright test` uses; `Browser.newContextForReuse`
of its protocol): every other page closed, the page sent to about:blank, the page clock uninstalled, the HTTP
cache, cookies, local and session storage and IndexedDB of every origin the context has seen cleared, its
emulation (locale, time zone, viewport, the namespace header) set again. Dialogs left open go with the page's
document, routes and listeners are removed here. tests/common/test_browser_reuse.py proves a scenario that leaves
cookies, storage and an open dialog behind does not change the next one.

ETAX_CONTEXT=new gives each scenario a context of its own, as before (to compare, or to rule reuse out when in
doubt).
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api._generated import mapping  # type: ignore[attr-defined]


def reuse_wanted() -> bool:
    return os.environ.get("ETAX_CONTEXT", "reuse") != "new"


class ContextLease:
    """The context and page one scenario uses; `give_back` when it ends."""

    def __init__(self, context: BrowserContext, page: Page, reused: bool) -> None:
        self.context, self.page, self.reused = context, page, reused

    def give_back(self) -> None:
        if not self.reused:
            self.context.close()
            return
        with contextlib.suppress(PlaywrightError):  # what the scenario added; the rest is reset on the next lease
            self.context.unroute_all(behavior="ignoreErrors")


def lease(browser: Browser, options: dict[str, Any], reuse: bool | None = None) -> ContextLease:
    """A context as new for this scenario: the worker's reused one (reset), or a new one."""
    if not (reuse_wanted() if reuse is None else reuse):
        context = browser.new_context(**options)
        return ContextLease(context, context.new_page(), reused=False)
    impl = browser._impl_obj  # type: ignore[attr-defined]
    context = mapping.from_impl(browser._sync(impl._new_context_for_reuse(  # type: ignore[attr-defined]
        {k: v for k, v in options.items() if v is not None})))
    page = context.pages[0] if context.pages else context.new_page()
    return ContextLease(context, page, reused=True)
