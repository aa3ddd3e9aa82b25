"""A probe's result: what was measured, what it must be, and whether it holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    row: str
    measured: str
    must: str
    holds: bool

    def line(self) -> str:
        return f"{'ok  ' if self.holds else 'FAIL'} {self.row}: {self.measured} (must: {self.must})"
