"""Do two run folders hold the same results? results.json and junit.xml compared in content, not in timing.

Ignored: times, durations, timestamps, host names, the served portal's address (a random port), and the order of
junit's test cases (a parallel run writes them as they finish). Used by the tests of workers, shards and merge.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

#: Keys whose values differ between two runs of the same suite on the same portal.
VOLATILE = {"time", "timestamp", "hostname", "duration", "duration_s", "started", "finished", "ended", "start", "end",
            "url", "served_url"}


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def results_content(folder: Path) -> Any:
    return _strip(json.loads((folder / "results.json").read_text(encoding="utf-8")))


def junit_content(folder: Path) -> list[tuple[str, str, str, str]]:
    """Each test case as (classname, name, outcome, message), sorted; plus the suite's counts first."""
    root = ET.parse(folder / "junit.xml").getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    counts = [("counts", c, str(sum(int(s.get(c, "0")) for s in suites)), "")
              for c in ("errors", "failures", "skipped", "tests")]
    cases = []
    for case in (c for s in suites for c in s.iter("testcase")):
        outcome = next((child for child in case if child.tag in ("failure", "error", "skipped")), None)
        cases.append((case.get("classname", ""), case.get("name", ""),
                      "passed" if outcome is None else outcome.tag,
                      "" if outcome is None else outcome.get("message", "")))
    return counts + sorted(cases)


def differences(first: Path, second: Path) -> list[str]:
    """What differs between the two runs' results (empty: the same content)."""
    found = []
    a, b = results_content(first), results_content(second)
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            found.append(f"results.json '{key}' differs")
    ja, jb = junit_content(first), junit_content(second)
    if ja != jb:
        only = sorted(set(ja) ^ set(jb))
        found.append(f"junit.xml differs: {only[:3]}")
    return found
