"""Conformance checks that explain themselves: expected vs observed, in Chinese, NFKC-normalised."""

from __future__ import annotations

from drivers.text import normalise

__all__ = ["expect", "expect_text", "normalise"]


def expect(ok: bool, expected: str, observed: object) -> None:
    """Fail with what the guide expects and what the portal showed."""
    if not ok:
        raise AssertionError(f"期望：{expected}\n实际：{observed}")


def expect_text(expected: str, observed: str | None, what: str) -> None:
    """A literal label or message the guide fixes, compared after normalisation."""
    expect(normalise(expected) == normalise(observed), f"{what}为「{expected}」", f"「{observed}」")
