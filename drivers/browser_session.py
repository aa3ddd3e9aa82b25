"""A worker's browser context, handed to one scenario after another as if new (docs/parallel.md, issue 21).

A new browser context per scenario starts a new renderer process per scenario: most of a short scenario's cost
on a small machine. So a worker keeps ONE context and one page, and each scenario gets them back reset as a new
context is, by Playwright's own context reuse (the mechanism `playwright test` uses; `Browser.newContextForReuse`
of its protocol): every other page closed, the page sent to about:blank, the page clock uninstalled, the HTTP
cache, cookies, local and session storage and IndexedDB of every origin the context has seen cleared, its
emulation (locale, time zone, viewport, the namespace header) set again. Dialogs left open are dismissed and
routes removed here (listeners are removed by whoever adds them). tests/common/test_browser_reuse.py proves a
scenario that leaves cookies, storage and an open dialog behind does not change the next one.

ETAX_CONTEXT=new gives each scenario a context of its own, as before (to compare, or to rule reuse out when in
doubt).
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Dialog, Page
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api._generated import mapping  # type: ignore[attr-defined]


def reuse_wanted() -> bool:
    return os.environ.get("ETAX_CONTEXT", "reuse") != "new"


class ContextLease:
    """The context and page one scenario uses; `give_back` when it ends."""

    def __init__(self, context: BrowserContext, page: Page, browser: Browser | None = None) -> None:
        self.context, self.page, self._browser = context, page, browser
        self._dialogs: list[Dialog] = []
        if browser is not None:
            context.on("dialog", self._seen)

    def _seen(self, dialog: Dialog) -> None:
        """Kept to close when the scenario ends; answered at once as Playwright does when nobody else listens."""
        self._dialogs.append(dialog)
        page = dialog.page
        if page is None or not page._impl_obj.listeners("dialog"):
            with contextlib.suppress(PlaywrightError):
                if dialog.type == "beforeunload":
                    dialog.accept()
                else:
                    dialog.dismiss()

    @property
    def reused(self) -> bool:
        return self._browser is not None

    def give_back(self) -> None:
        if self._browser is None:
            self.context.close()
            return
        _busy.discard(id(self._browser))
        self.context.remove_listener("dialog", self._seen)
        for dialog in self._dialogs:  # one left open would hold the page (and the next reset) forever
            with contextlib.suppress(PlaywrightError):
                dialog.dismiss()
        with contextlib.suppress(PlaywrightError):  # what the scenario added; the rest is reset on the next lease
            self.context.unroute_all(behavior="ignoreErrors")
            self.page.unroute_all(behavior="ignoreErrors")


#: Browsers whose reused context is leased now: a second driver at the same time gets a new context.
_busy: set[int] = set()


def lease(browser: Browser, options: dict[str, Any], reuse: bool | None = None) -> ContextLease:
    """A context as new for this scenario: the worker's reused one (reset), or a new one."""
    if not (reuse_wanted() if reuse is None else reuse) or id(browser) in _busy:
        made = browser.new_context(**options)
        return ContextLease(made, made.new_page())
    # Playwright's Python API has no public name for it; its implementation does (playwright>=1.4x).
    given = {k: v for k, v in options.items() if v is not None}
    context: BrowserContext = mapping.from_impl(browser._sync(browser._impl_obj._new_context_for_reuse(given)))
    page = context.pages[0] if context.pages else context.new_page()
    _busy.add(id(browser))
    return ContextLease(context, page, browser)
