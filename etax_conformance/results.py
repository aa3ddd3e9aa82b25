"""Records each scenario's status with the rules it verifies; writes results.json and a per-guide summary."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from etax_conformance import __version__
from etax_conformance.paths import CATALOG_DIR
from etax_conformance.report.evidence import EVIDENCE
from etax_conformance.report.expected import EXPECTED, expected_summary, load_expected
from etax_conformance.report.steps_log import STEPS, real_clock, step_records
from etax_conformance.scenario_ids import scenario_of

SCHEMA = "etax-conformance/results@1"
STATUSES = ("passed", "failed", "not_verifiable", "not_applicable", EXPECTED)
NOT_VERIFIABLE, NOT_APPLICABLE = "not verifiable:", "not applicable:"
#: A requirement's status when its plan was not selected (`run --plan`).
NOT_CERTIFIED = "not_certified"


@dataclass
class ScenarioResult:
    id: str
    feature: str
    name: str
    guide: str
    requirements: list[str]
    status: str = ""  # set from the reports: passed only when its call passed
    detail: str = ""
    phases: list[str] = field(default_factory=list)
    duration: float = 0.0  # seconds, setup + call + teardown
    steps: list[dict[str, Any]] = field(default_factory=list)
    lines: dict[str, Any] = field(default_factory=dict)  # feature/scenario name, keyword, line (cucumber.json)
    evidence: list[str] = field(default_factory=list)  # files in the run folder (etax_conformance.report.evidence)
    expected_reason: str = ""
    beyond_guide: bool = False  # @BEYOND_GUIDE: reported apart, never counted (etax_conformance.beyond_guide)


class ResultsRecorder:
    """A pytest plugin object: one ScenarioResult per bound scenario (and example row)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.run_dir = Path(config.getoption("--run-dir"))
        self.results: dict[str, ScenarioResult] = {}
        self.document: dict[str, Any] = {"requirements": []}
        from etax_conformance.bundle.pins import now_iso
        from etax_conformance.report.expected import ExpectedFailuresError

        self.started = now_iso()
        self._mark: dict[str, float] = {}
        file = config.getoption("--expected-failures", default=None)
        try:
            self.expected = load_expected(file) if file else {}
        except ExpectedFailuresError as exc:
            raise pytest.UsageError(str(exc)) from None

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        # Each phase timed on the real clock (the run's freezegun moves time.perf_counter with scenario time).
        now = real_clock()
        report.duration = max(now - self._mark.get(item.nodeid, now), 0.0)
        self._mark[item.nodeid] = now
        self._record(item, report, call)
        return report

    def pytest_runtest_logstart(self, nodeid: str, location: object) -> None:
        self._mark[nodeid] = real_clock()

    def _record(self, item: pytest.Item, report: pytest.TestReport, call: pytest.CallInfo[None]) -> None:
        result = self._result_for(item)
        if result is None:
            return
        result.duration = round(result.duration + report.duration, 3)
        result.steps = item.stash.get(STEPS, result.steps)
        result.evidence = item.stash.get(EVIDENCE, result.evidence)
        if report.failed and result.id in self.expected:  # known: reported, does not fail the run
            result.status, result.detail = EXPECTED, failure_detail(report, call)
            result.expected_reason = self.expected[result.id]
            report.outcome, report.wasxfail = "skipped", f"expected failure: {result.expected_reason}"
            return
        if result.status == EXPECTED:
            return
        if report.failed and result.beyond_guide:  # recorded as failed, apart; the run's exit code ignores it
            if result.status != "failed":
                result.status, result.detail = "failed", failure_detail(report, call)
            report.outcome, report.wasxfail = "skipped", "beyond the guides: reported apart, not counted"
            return
        if report.failed and result.status != "failed":
            result.status, result.detail = "failed", failure_detail(report, call)
        elif report.passed and report.when == "call" and result.status == "":
            result.status = "passed"
        elif report.skipped:
            reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
            reason = reason.removeprefix("Skipped: ")
            if reason.startswith(NOT_VERIFIABLE):
                result.status, result.detail = "not_verifiable", reason
            elif reason.startswith(NOT_APPLICABLE):
                result.status, result.detail = "not_applicable", reason
            else:  # an unexplained skip is never a pass
                result.status, result.detail = "failed", f"skipped without a stated reason: {reason}"

    def _result_for(self, item: pytest.Item) -> ScenarioResult | None:
        key = item.nodeid
        if key in self.results:
            return self.results[key]
        scenario = scenario_of(item)
        if scenario is None:
            return None
        template, feature = scenario.template, scenario.feature
        tags = template.tags | template.feature.tags
        from etax_conformance.beyond_guide import tagged

        rule_tags = template.rule.tags if template.rule is not None else set()
        lines = {"feature_name": template.feature.name, "feature_keyword": template.feature.keyword,
                 "feature_line": template.feature.line_number, "keyword": template.keyword,
                 "line": template.line_number, "tags": sorted(tags)}
        self.results[key] = ScenarioResult(
            id=scenario.id, feature=feature, name=scenario.name,
            guide=feature.split("/", 1)[0], requirements=sorted(t[4:] for t in tags if t.startswith("REQ_")),
            steps=step_records(template.steps), lines=lines, beyond_guide=tagged(tags | rule_tags))
        return self.results[key]

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if hasattr(self.config, "workerinput"):  # an xdist worker: the controller writes (etax_conformance.parallel)
            return
        for result in self.results.values():
            if not result.status:  # started but never reached a verdict (interrupted): never a pass
                result.status, result.detail = "failed", "场景未运行完（运行被中断）"
        self.document = build_document(list(self.results.values()), self.config)
        from etax_conformance.bundle.pins import now_iso

        self.document["run"] = {"started": self.started, "ended": now_iso()}
        if self.expected:
            statuses = {r.id: r.status for r in self.results.values()}
            self.document["expected_failures"] = expected_summary(
                self.expected, str(self.config.getoption("--expected-failures")), statuses)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        (self.run_dir / "results.json").write_text(
            json.dumps(self.document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        write = terminalreporter.write_line
        write("")
        write("etax-conformance — scenarios per feature folder (passed / failed / not verifiable / not applicable"
              " / expected failure):")
        by_folder: dict[str, Counter[str]] = {}
        for result in self.results.values():
            if not result.beyond_guide:
                by_folder.setdefault(result.guide, Counter())[result.status] += 1
        for folder, counts in sorted(by_folder.items()):
            write(f"  {folder:<34} " + " / ".join(str(counts[s]) for s in STATUSES))
        beyond = self.document.get("beyond_guide") or {}
        if beyond.get("scenarios"):
            write(f"checks beyond the guides (@BEYOND_GUIDE, not counted): {beyond['status']} — "
                  + " / ".join(str(beyond.get(s, 0)) for s in STATUSES))
        write("requirements per guide (rows: passed / failed / not verifiable / untested / not applicable"
              " / expected failure):")
        by_guide: dict[str, Counter[str]] = {}
        for requirement in self.document["requirements"]:
            by_guide.setdefault(requirement["guide"], Counter())[requirement["status"]] += 1
        for guide, counts in sorted(by_guide.items()):
            shown = " / ".join(str(counts[s]) for s in ("passed", "failed", "not_verifiable", "untested",
                                                         "not_applicable", EXPECTED))
            uncertified = f" (+{counts[NOT_CERTIFIED]} not certified)" if counts[NOT_CERTIFIED] else ""
            apart = f" (+{counts['beyond_guide']} beyond the guides)" if counts["beyond_guide"] else ""
            write(f"  {guide:<34} {sum(counts.values()) - counts[NOT_CERTIFIED] - counts['beyond_guide']}: "
                  f"{shown}{uncertified}{apart}")
        write("certification plans (scenarios: passed / failed / not verifiable / not applicable"
              " / expected failure → plan status):")
        for plan in self.document.get("plans", []):
            shown = " / ".join(str(plan[s]) for s in STATUSES)
            write(f"  {plan['id']:<34} {shown} → {plan['status']}")
        for scenario_id in self.document.get("expected_failures", {}).get("now_passing", []):
            write(f"expected failure now passes (remove it from --expected-failures): {scenario_id}")
        write(f"results: {self.run_dir / 'results.json'}")


def build_document(results: list[ScenarioResult], config: pytest.Config) -> dict[str, Any]:
    """results.json in the schema of the architecture brief (plus guide, section and reason per rule)."""
    from etax_conformance.beyond_guide import KEY, summary_block
    from etax_conformance.catalog import catalog_sha256, load_catalog
    from etax_conformance.plan_selection import partial_plans, selection
    from etax_conformance.plans import load_plans, plan_of, plan_verdicts

    catalog = {r.id: r for r in load_catalog(CATALOG_DIR)}
    plans, chosen = load_plans(), selection(config)
    by_requirement: dict[str, list[ScenarioResult]] = {req: [] for req in catalog}
    for result in results:
        for req in result.requirements:
            by_requirement.setdefault(req, []).append(result)
    summary = Counter(r.status for r in results if not r.beyond_guide)  # conformance only
    profile = config.getoption("--profile")
    driver = config.getoption("--driver")

    def requirement(req: str, scenarios: list[ScenarioResult]) -> dict[str, Any]:
        row = catalog.get(req)
        owner = plan_of(req, plans)
        certified = owner is None or owner.id in chosen.plans
        entry: dict[str, Any] = {"id": req, "status": scenarios_status(
                                     [{"status": s.status, KEY: s.beyond_guide} for s in scenarios])
                                 if certified else NOT_CERTIFIED,
                                 "plan": owner.id if owner else None,
                                 "scenarios": [s.id for s in scenarios],
                                 "guide": row.guide if row else "(not in catalog)",
                                 "section": row.section if row else "", "rule": row.rule if row else "",
                                 "literals": list(row.literal_list) if row else []}
        if not scenarios and row is not None and row.reason:
            entry["reason"] = row.reason
        return entry

    from etax_conformance.bundle.pins import portal_pins, suite_pins

    hooks = hooks_info(config)
    features = os.environ.get("ETAX_FEATURES")
    scenarios = [
        {"id": r.id, "feature": r.feature, "name": r.name, "status": r.status,
         "requirements": r.requirements, "duration": r.duration, **({"detail": r.detail} if r.detail else {}),
         **({"expected_reason": r.expected_reason} if r.expected_reason else {}),
         **({KEY: True} if r.beyond_guide else {}),
         "steps": r.steps, "gherkin": r.lines, "evidence": r.evidence}
        for r in results
    ]
    return {
        "schema": SCHEMA,
        "suite": {"version": __version__, "catalog_sha256": catalog_sha256(sorted(CATALOG_DIR.glob("*.csv"))),
                  **suite_pins(features)},
        "portal": {"driver": driver, "url": config.getoption("--portal-url"),
                   "profile": profile or ("simulator" if driver == "browser" else None),
                   **portal_pins(config, hooks)},
        "hooks": hooks,
        "simulator": simulator_settings(config),
        "summary": {s: summary[s] for s in STATUSES},
        KEY: summary_block(({"id": r.id, "status": r.status, KEY: r.beyond_guide} for r in results), STATUSES),
        **declared_readings(config),
        "requirements": [requirement(req, scenarios) for req, scenarios in by_requirement.items()],
        "selection": chosen.as_json(),
        "plans": plan_verdicts(scenarios, chosen.plans, partial_plans(config, chosen), plans),
        "scenarios": scenarios,
    }


def declared_readings(config: pytest.Config) -> dict[str, Any]:
    """Every catalog reading with the slug the profile declares (null: undeclared), and the absent flows."""
    from etax_conformance.applicability import run_readings

    run = run_readings(config)
    if run is None:
        return {"readings": {}, "absent": []}
    return {"readings": {rid: run.declared.readings.get(rid) for rid in run.readings},
            "absent": list(run.declared.absent)}


def requirement_status(statuses: list[str], certified: bool = True) -> str:
    """A rule fails if any of its scenarios fails; passes only if all that ran passed. A rule of a plan the run
    did not select is "not_certified" (its scenarios were not run)."""
    if not certified:
        return NOT_CERTIFIED
    if not statuses:
        return "untested"
    for status in ("failed", EXPECTED, "not_verifiable", "passed"):
        if status in statuses:
            return status
    return "not_applicable"


def scenarios_status(scenarios: list[dict[str, Any]]) -> str:
    """A rule's status from its results.json scenarios: those beyond the guides never count; a rule cited only by
    them is `beyond_guide` (their own outcome is in the summary's beyond_guide block)."""
    from etax_conformance.beyond_guide import STATUS, conformance_only

    counted = conformance_only(scenarios)
    if scenarios and not counted:
        return STATUS
    return requirement_status([str(s["status"]) for s in counted])


def failure_detail(report: pytest.TestReport, call: pytest.CallInfo[None]) -> str:
    """The step's explanation (etax_conformance.failures), else what broke outside any step."""
    from etax_conformance.failures import Explained

    if isinstance(report.longrepr, Explained):
        return report.longrepr.detail
    phase = {"setup": "准备场景时", "call": "运行场景时", "teardown": "结束场景时"}[report.when]
    broke = call.excinfo.exconly() if call.excinfo is not None else report.longreprtext
    return f"{phase}出错（不在任何步骤中）：{broke[-2000:]}"


def simulator_settings(config: pytest.Config) -> dict[str, Any] | None:
    """The simulator's settings when the run drove the simulator (password-hashing cost); None for other portals."""
    from etax_conformance.simulator_settings import simulator_settings as recorded

    return recorded(config)


def hooks_info(config: pytest.Config) -> dict[str, Any] | None:
    """What the portal's hooks said in the preflight (browser runs); None in-process."""
    from etax_conformance.preflight import HOOKS_INFO

    info = config.stash.get(HOOKS_INFO, None)
    return None if info is None else info.as_json()

