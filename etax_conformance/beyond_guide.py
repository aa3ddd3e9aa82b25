"""Checks beyond the guides (@BEYOND_GUIDE): robustness scenarios reported apart, never counted for conformance.

The guides never say what a portal does when the 公安 face comparison, the core tax system (金税三期) or the SMS
service fails, nor how an invalid 居民身份证号码 is refused. Scenarios that assert such behaviour are sensible
robustness checks, not conformance: they carry the tag @BEYOND_GUIDE (on the scenario, its rule or its feature).

- results.json marks each of them `"beyond_guide": true`; the conformance `summary`, the requirements' statuses
  and the run's exit code leave them out; their own counts and status are the `beyond_guide` block.
- A profile leaves them out with `beyond_guide: false` (they are then not applicable).

Everything that decides whether a scenario counts for conformance asks `counts_for_conformance` (per-plan
statuses too), so the separation lives in this one module.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

TAG = "BEYOND_GUIDE"
KEY = "beyond_guide"  # the scenario's flag in results.json, the summary block, and the profile key
STATUS = "beyond_guide"  # a requirement whose scenarios are all beyond the guides
OPTED_OUT = ("not applicable: the profile leaves out the checks beyond the guides (beyond_guide: false); "
             "this scenario asserts robustness the guides never state")


def tagged(tags: Iterable[str]) -> bool:
    """Whether these tags (with or without @) mark a check beyond the guides."""
    return any(tag.removeprefix("@") == TAG for tag in tags)


def counts_for_conformance(scenario: Mapping[str, Any]) -> bool:
    """A results.json scenario that counts for or against conformance (every one not marked beyond_guide)."""
    return not scenario.get(KEY, False)


def conformance_only(scenarios: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [s for s in scenarios if counts_for_conformance(s)]


def summary_block(scenarios: Iterable[Mapping[str, Any]], statuses: tuple[str, ...]) -> dict[str, Any]:
    """results.json's `beyond_guide`: counts per status of the scenarios beyond the guides, and their own status."""
    beyond = [s for s in scenarios if not counts_for_conformance(s)]
    counts = Counter(str(s["status"]) for s in beyond)
    if not beyond:
        status = "none"
    elif counts["failed"]:
        status = "failed"
    elif counts["passed"]:
        status = "passed"
    else:
        status = "not_applicable"
    return {"status": status, "scenarios": len(beyond), **{s: counts[s] for s in statuses},
            "ids": [str(s["id"]) for s in beyond]}


def profile_includes(document: Mapping[str, Any], where: str) -> bool:
    """A profile's `beyond_guide` key (default true); ValueError unless it is a boolean."""
    value = document.get(KEY, True)
    if not isinstance(value, bool):
        raise ValueError(f"{where}: `{KEY}` must be true or false (false leaves out the checks beyond the guides)")
    return value
