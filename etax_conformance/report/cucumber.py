"""cucumber.json: the run in the (legacy) Cucumber JSON format that CI plugins and report tools read.

Statuses map to Cucumber's: passed, failed, skipped (not verifiable / not applicable, the reason as the step's
error_message), undefined. An expected failure is "skipped" with the reason, so it does not fail a CI build, as in
the run. A failure outside any step is a failed "before" hook, so it is never shown as passed. Screenshots and
the hooks' exchanges of a failed scenario are embedded (base64) on its failed step.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

MIME = {".png": "image/png", ".json": "application/json"}


def _slug(text: str) -> str:
    return re.sub(r"\s+", "-", text.strip().lower())


def _embeddings(run_dir: Path, evidence: list[str]) -> list[dict[str, str]]:
    out = []
    for name in evidence:
        path = run_dir / name
        if path.suffix in MIME and path.is_file():
            out.append({"mime_type": MIME[path.suffix], "name": path.name,
                        "data": base64.b64encode(path.read_bytes()).decode("ascii")})
    return out


def _steps(scenario: dict[str, Any], run_dir: Path) -> tuple[list[dict[str, Any]], bool]:
    status, steps, placed = scenario["status"], [], False
    for step in scenario.get("steps", []):
        result: dict[str, Any] = {"status": step["status"], "duration": max(int(step.get("duration", 0) * 1e9), 0)}
        if step.get("error"):
            result["error_message"] = step["error"]
        if step["status"] == "failed":
            result["error_message"] = scenario.get("detail") or step.get("error", "")
            if status == "expected_failure":
                result["status"] = "skipped"
                result["error_message"] = f"expected failure: {scenario.get('expected_reason', '')}\n" + \
                    result["error_message"]
        entry: dict[str, Any] = {"keyword": step["keyword"] + " ", "name": step["name"], "line": step["line"],
                                 "match": {"location": scenario["feature"]}, "result": result}
        if step["status"] == "failed" and not placed:
            embeddings = _embeddings(run_dir, scenario.get("evidence", []))
            if embeddings:
                entry["embeddings"] = embeddings
            placed = True
        steps.append(entry)
    if status in ("not_verifiable", "not_applicable") and steps and "error_message" not in steps[0]["result"]:
        steps[0]["result"]["error_message"] = scenario.get("detail", status)
    return steps, placed


def cucumber_document(results: dict[str, Any], run_dir: Path) -> list[dict[str, Any]]:
    features: dict[str, dict[str, Any]] = {}
    for scenario in results["scenarios"]:
        gherkin = scenario.get("gherkin", {})
        feature = features.setdefault(scenario["feature"], {
            "uri": f"features/{scenario['feature']}", "id": _slug(gherkin.get("feature_name", scenario["feature"])),
            "keyword": gherkin.get("feature_keyword", "功能"), "name": gherkin.get("feature_name", scenario["feature"]),
            "line": gherkin.get("feature_line", 1), "description": "", "tags": [], "elements": []})
        steps, has_failed_step = _steps(scenario, run_dir)
        element: dict[str, Any] = {
            "id": f"{feature['id']};{_slug(scenario['name'])}", "keyword": gherkin.get("keyword", "场景"),
            "name": scenario["name"], "line": gherkin.get("line", 1), "description": "", "type": "scenario",
            "tags": [{"name": "@" + tag, "line": max(gherkin.get("line", 2) - 1, 1)}
                     for tag in gherkin.get("tags", [])],
            "steps": steps}
        if scenario["status"] == "failed" and not has_failed_step:
            element["before"] = [{"match": {"location": "etax-conformance"},
                                  "result": {"status": "failed", "duration": 0,
                                             "error_message": scenario.get("detail", "failed outside any step")}}]
        feature["elements"].append(element)
    return list(features.values())


def write_cucumber(run_dir: Path) -> Path:
    results = json.loads((run_dir / "results.json").read_text(encoding="utf-8"))
    path = run_dir / "cucumber.json"
    path.write_text(json.dumps(cucumber_document(results, run_dir), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return path
