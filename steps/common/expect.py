"""Conformance checks that explain themselves: expected vs observed, in Chinese, NFKC-normalised."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from drivers.failure_text import Missing
from drivers.protocol import DriverError, PortalDriver
from drivers.text import normalise

__all__ = ["expect", "expect_refused_on", "expect_text", "looking_for", "normalise"]


def expect(ok: bool, expected: str, observed: object | Callable[[], object]) -> None:
    """Fail with what the guide expects and what the portal showed; observed may be a function, called only on
    failure (reading the portal again costs round trips in a browser that a passing step need not pay)."""
    if not ok:
        shown = observed() if callable(observed) else observed
        raise AssertionError(f"期望：{expected}\n实际：{shown}")


def expect_text(expected: str, observed: str | None, what: str) -> None:
    """A literal label or message the guide fixes, compared after normalisation."""
    expect(normalise(expected) == normalise(observed), f"{what}为「{expected}」", f"「{observed}」")


def expect_refused_on(portal: PortalDriver, screen: str, expected: str, *, locked: bool = False,
                      naming: str | None = None) -> None:
    """The portal refused (or, with locked, refused for a lock) and stayed on this screen; with naming, the refusal is
    the one of that factor (its message names it: steps/common/refusals.py), not any refusal."""
    from steps.common.refusals import names

    shown = portal.screen()
    refused = portal.is_locked() if locked else portal.is_refused()
    named = naming is None or (refused and names(portal, naming))
    wanted = expected if naming is None else f"{expected}（提示指明{naming}）"
    expect(normalise(shown) == normalise(screen) and refused and named, wanted,
           lambda: f"页面「{shown}」，提示「{portal.message()}」")


@contextlib.contextmanager
def looking_for(what: str) -> Iterator[None]:
    """What a step looks for, in the guide's words, when it acts with a value of the scenario's data (a company's
    name it clicks): a failure inside names the guide's entry point (右上角的纳税人名称), never the generated value;
    what the page showed (实际) is kept."""
    try:
        yield
    except Missing as missing:
        raise missing.looking_for(what) from missing
    except DriverError as error:
        raise Missing(what, str(error)) from error
