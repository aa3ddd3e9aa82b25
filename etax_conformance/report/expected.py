"""`--expected-failures FILE`: known failures (scenario id + reason) that do not fail the run.

The file is YAML or JSON: a list of ``{id: <scenario id as in results.json>, reason: <why>}``, or a mapping with
that list under ``expected_failures``. A listed scenario that fails gets the status "expected_failure"; one that
passes is reported (the entry can go); an id the run does not know is reported too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

EXPECTED = "expected_failure"


class ExpectedFailuresError(ValueError):
    """A file that cannot be used, in plain words."""


def load_expected(path: str | Path) -> dict[str, str]:
    """{scenario id: reason}; every entry needs both."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))  # JSON is YAML
    except OSError as exc:
        raise ExpectedFailuresError(f"cannot read expected failures {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise ExpectedFailuresError(f"expected failures {path} is not YAML or JSON: {exc}") from None
    entries: Any = data.get("expected_failures") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ExpectedFailuresError(f"expected failures {path}: a list of {{id, reason}} entries is needed")
    out: dict[str, str] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"].strip():
            raise ExpectedFailuresError(f"expected failures {path}: entry {number} has no scenario 'id'")
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ExpectedFailuresError(f"expected failures {path}: entry {number} ({entry['id']}) gives no 'reason'")
        out[entry["id"].strip()] = reason.strip()
    return out


def expected_summary(expected: dict[str, str], path: str, statuses: dict[str, str]) -> dict[str, Any]:
    """The results.json block: the file, what now passes, and ids the run did not have."""
    return {"file": path, "entries": len(expected),
            "now_passing": sorted(i for i in expected if statuses.get(i) == "passed"),
            "not_in_run": sorted(i for i in expected if i not in statuses)}
