"""`run --plan` on a Liaoning-logins-only simulator: out-of-plan scenarios not run, verdicts per plan in
results.json, report.html, the dashboard and a merge; the selection's rules (profile `plans:`, unknown ids)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from etax_conformance.merge import merge_results
from etax_conformance.paths import PROFILES_DIR, ROOT
from etax_conformance.plan_selection import EVERY_PLAN, FROM_OPTION, FROM_PROFILE, resolve
from etax_conformance.plans import PlanError, load_plans, plan_verdicts
from etax_conformance.report.dashboard import build_dashboard


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etax_conformance", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=900, check=False)


def _plans(run_dir: Path) -> dict[str, dict[str, Any]]:
    document = json.loads((run_dir / "results.json").read_text(encoding="utf-8"))
    return {plan["id"]: plan for plan in document["plans"]}


@pytest.fixture(scope="module")
def logins_only_runs() -> Iterator[Path]:
    """Two in-process runs on the simulator without its Liaoning personnel pages: ln-logins alone, then with
    ln-personnel-passwords."""
    reports = Path(tempfile.mkdtemp(prefix="etax-plans-"))  # not pytest's basetemp: parallel sessions prune it
    for run_id, plans in (("logins", "ln-logins"), ("both", "ln-logins,ln-personnel-passwords")):
        done = _run("run", "--reports-dir", str(reports), "--run-id", run_id, "--plan", plans, "--ln-logins-only")
        assert done.returncode == (0 if run_id == "logins" else 1), done.stdout[-3000:] + done.stderr[-3000:]
        assert re.search(r"\n  ln-logins +\d+ / 0 / 0 / \d+ / 0 → conformant\n", done.stdout)  # run's summary
    yield reports
    shutil.rmtree(reports, ignore_errors=True)


def test_a_logins_only_portal_is_conformant_to_the_plan_it_certifies(logins_only_runs: Path) -> None:
    run = logins_only_runs / "logins"
    plans = _plans(run)
    logins = plans["ln-logins"]
    assert (logins["status"], logins["failed"], logins["not_verifiable"]) == ("conformant", 0, 0)
    assert logins["passed"] > 40
    assert {p["status"] for i, p in plans.items() if i != "ln-logins"} == {"not certified"}
    document = json.loads((run / "results.json").read_text(encoding="utf-8"))
    assert document["summary"]["failed"] == 0
    assert document["selection"] == {"plans": ["ln-logins"], "source": "--plan"}
    assert document["simulator"]["liaoning_personnel_pages"] is False
    # Out-of-plan scenarios are not run, not counted: no ITS or Qingdao scenario, nothing citing a personnel rule.
    assert all(s["feature"].startswith("liaoning/") for s in document["scenarios"])
    assert not [s["id"] for s in document["scenarios"] if any(r.startswith("LN-3.") for r in s["requirements"])]
    statuses = {r["id"]: r["status"] for r in document["requirements"]}
    assert statuses["ITS-1.1-01"] == statuses["LN-3.1-02"] == "not_certified"
    report = (run / "report.html").read_text(encoding="utf-8")
    assert "<h2>认证范围</h2>" in report
    assert '<td>ln-logins</td><td>辽宁省电子税务局登录</td><td><span class="s passed">符合</span>' in report
    assert '<td>ln-personnel-passwords</td><td>辽宁省电子税务局企业人员维护与密码管理</td>' \
           '<td><span class="s not_certified">未认证</span>' in report


def test_a_plan_the_portal_lacks_is_not_conformant_and_the_others_still_are(logins_only_runs: Path) -> None:
    plans = _plans(logins_only_runs / "both")
    assert plans["ln-logins"]["status"] == "conformant"
    assert plans["ln-logins"]["failed"] == 0
    personnel = plans["ln-personnel-passwords"]
    assert personnel["status"] == "not conformant"
    assert personnel["failed"] > 20
    report = (logins_only_runs / "both" / "report.html").read_text(encoding="utf-8")
    assert '<td>ln-personnel-passwords</td><td>辽宁省电子税务局企业人员维护与密码管理</td>' \
           '<td><span class="s failed">不符合</span>' in report


def test_the_dashboard_shows_each_portals_plans(logins_only_runs: Path, tmp_path: Path) -> None:
    assert build_dashboard(io.StringIO(), [logins_only_runs / "logins"], tmp_path) == 0
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<tr><td>认证计划 ln-logins</td><td><span class="s passed">符合</span></td></tr>' in page
    assert '<tr><td>认证计划 its-login</td><td><span class="s not_certified">未认证</span></td></tr>' in page


def test_an_unknown_plan_is_a_plain_error(tmp_path: Path) -> None:
    done = _run("run", "--reports-dir", str(tmp_path), "--plan", "ln-logins,ln-login")
    assert done.returncode == 2
    assert "unknown plan 'ln-login' (known plans: its-login" in done.stderr
    assert not any(tmp_path.iterdir())  # nothing ran


def test_the_profile_declares_its_plans_and_plan_overrides_them(tmp_path: Path) -> None:
    profile = tmp_path / "portal.yaml"
    profile.write_text((PROFILES_DIR / "simulator.yaml").read_text(encoding="utf-8")
                       + "\nplans: [ln-mobile-app-collection, ln-logins]\n", encoding="utf-8")
    assert resolve(None, profile).plans == ("ln-logins", "ln-mobile-app-collection")
    assert resolve(None, profile).source == FROM_PROFILE
    assert resolve("its-login", profile).plans == ("its-login",)
    assert resolve("its-login", profile).source == FROM_OPTION
    assert resolve(None, PROFILES_DIR / "simulator.yaml").source == EVERY_PLAN
    profile.write_text("plans: [nope]\n", encoding="utf-8")
    with pytest.raises(PlanError, match="unknown plan 'nope'"):
        resolve(None, profile)


def _scenario(requirement: str, status: str) -> dict[str, Any]:
    return {"id": f"f::{requirement}-{status}", "status": status, "requirements": [requirement]}


def test_plan_verdicts() -> None:
    plans = load_plans()
    chosen = ("its-login", "its-registration", "ln-logins", "qingdao-login")
    verdicts = {v["id"]: v for v in plan_verdicts(
        [_scenario("ITS-1.1-01", "passed"), _scenario("ITS-1.1-02", "not_applicable"),
         _scenario("ITS-2.1-01", "passed"), _scenario("ITS-2.1-02", "not_verifiable"),
         _scenario("LN-2.1-01", "passed"), _scenario("LN-2.1-02", "expected_failure"),
         _scenario("QD-1-01", "passed")],
        chosen, {"qingdao-login": ("-k", "部分")}, plans)}
    assert verdicts["its-login"]["status"] == "conformant"  # passed, or declared not applicable
    assert verdicts["its-registration"]["status"] == "not verifiable"
    assert verdicts["ln-logins"]["status"] == "not conformant"  # an expected failure is still a failure
    assert (verdicts["qingdao-login"]["status"], verdicts["qingdao-login"]["partial"]) == ("not verifiable", "-k")
    assert verdicts["its-unit-verification"]["status"] == "not certified"


def test_merged_shards_judge_the_plans_again() -> None:
    selection = {"plans": ["its-login"], "source": "--plan"}
    shard_plans = plan_verdicts([_scenario("ITS-1.1-01", "passed")], ["its-login"], {"its-login": ("--shard", "分片")})
    assert next(p for p in shard_plans if p["id"] == "its-login")["status"] == "not verifiable"
    rules = [{"id": req, "guide": "its-withholding-client-real-name", "status": "untested", "scenarios": []}
             for req in ("ITS-1.1-01", "ITS-1.2-01", "LN-2.1-01")]
    rules[2]["status"] = "not_certified"
    documents = [{"summary": {}, "requirements": rules, "selection": selection, "plans": shard_plans,
                  "scenarios": [_scenario(req, "passed")]} for req in ("ITS-1.1-01", "ITS-1.2-01")]
    merged = merge_results(documents, ["f::ITS-1.1-01-passed", "f::ITS-1.2-01-passed"])
    its_login = next(p for p in merged["plans"] if p["id"] == "its-login")
    assert (its_login["status"], its_login["passed"]) == ("conformant", 2)  # a shard alone: not verifiable
    assert [r["status"] for r in merged["requirements"]] == ["passed", "passed", "not_certified"]
