"""Checks beyond the guides (@BEYOND_GUIDE): reported apart, never counted for or against conformance, optional."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from etax_conformance.beyond_guide import summary_block
from etax_conformance.merge import merge_results
from etax_conformance.paths import FEATURES_DIR, PROFILES_DIR, ROOT
from etax_conformance.results import STATUSES, scenarios_status

FEATURE = """# language: zh-CN
功能: 指引之外
  @REQ_ITS-1.1-01
  场景: 指引规定的
    当 打开扣缴客户端登录界面
    那么 页面默认显示【实名登录-账号密码登录】

  @REQ_ITS-1.1-01 @BEYOND_GUIDE
  场景: 指引之外且不通过
    当 打开扣缴客户端登录界面
    那么 页面默认显示【扫码登录】

  @REQ_ITS-1.1-02 @BEYOND_GUIDE
  场景: 只有指引之外的场景引用的规则
    当 打开扣缴客户端登录界面
    那么 页面默认显示【实名登录-账号密码登录】
"""


def _run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict]:  # type: ignore[type-arg]
    feature = tmp_path / "beyond.feature"
    feature.write_text(FEATURE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "etax_conformance", "run", "--features", str(feature),
                           "--reports-dir", str(tmp_path), "--run-id", "r", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    results = json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    return done, results


def test_a_failing_check_beyond_the_guides_is_reported_apart_and_does_not_fail_the_run(tmp_path: Path) -> None:
    done, results = _run(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert results["summary"]["passed"] == 1
    assert results["summary"]["failed"] == 0
    block = results["beyond_guide"]
    assert (block["status"], block["scenarios"], block["failed"], block["passed"]) == ("failed", 2, 1, 1)
    flagged = {s["name"]: s.get("beyond_guide", False) for s in results["scenarios"]}
    assert flagged == {"指引规定的": False, "指引之外且不通过": True, "只有指引之外的场景引用的规则": True}
    rules = {r["id"]: r["status"] for r in results["requirements"]}
    assert rules["ITS-1.1-01"] == "passed"  # its failing beyond-guide scenario does not count against it
    assert rules["ITS-1.1-02"] == "beyond_guide"
    report = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "指引之外的稳健性检查" in report
    assert "checks beyond the guides" in done.stdout


def test_a_profile_can_leave_them_out(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text((PROFILES_DIR / "simulator.yaml").read_text(encoding="utf-8") + "beyond_guide: false\n",
                       encoding="utf-8")
    done, results = _run(tmp_path, "--profile", str(profile))
    assert done.returncode == 0, done.stdout + done.stderr
    statuses = {s["name"]: s["status"] for s in results["scenarios"]}
    assert statuses["指引之外且不通过"] == statuses["只有指引之外的场景引用的规则"] == "not_applicable"
    assert results["beyond_guide"]["status"] == "not_applicable"


def test_a_profile_value_that_is_not_a_boolean_stops_the_run(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text((PROFILES_DIR / "simulator.yaml").read_text(encoding="utf-8") + "beyond_guide: maybe\n",
                       encoding="utf-8")
    feature = tmp_path / "beyond.feature"
    feature.write_text(FEATURE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "etax_conformance", "run", "--features", str(feature),
                           "--profile", str(profile), "--reports-dir", str(tmp_path), "--run-id", "r"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode not in (0, 1), done.stdout + done.stderr
    assert "beyond_guide" in done.stdout + done.stderr


def test_merged_shards_keep_them_apart() -> None:
    scenarios = [{"id": "a", "status": "passed", "requirements": ["R"]},
                 {"id": "b", "status": "failed", "requirements": ["R"], "beyond_guide": True}]
    document = {"summary": {}, "requirements": [{"id": "R", "guide": "g", "status": "failed", "scenarios": []}],
                "scenarios": scenarios[:1]}
    other = {**document, "scenarios": scenarios[1:]}
    merged = merge_results([document, other], ["a", "b"])
    assert merged["summary"]["failed"] == 0
    assert merged["beyond_guide"]["failed"] == 1
    assert merged["requirements"][0]["status"] == "passed"
    assert scenarios_status(scenarios[1:]) == "beyond_guide"
    assert summary_block([], STATUSES)["status"] == "none"


def test_the_fault_injection_scenarios_of_its_and_liaoning_are_tagged() -> None:
    from etax_conformance.coverage import scan_features

    scenarios, _ = scan_features(FEATURES_DIR)
    by_rule = {rid: [s for s in scenarios if f"REQ_{rid}" in s.tags]
               for rid in ("ITS-2.2.2-12", "LN-X-01", "LN-X-02", "LN-X-03", "LN-X-04", "LN-X-05")}
    for rid, cited in by_rule.items():
        assert cited, rid
        assert all("BEYOND_GUIDE" in s.tags for s in cited), rid
    faults = [s for s in scenarios if s.path.startswith(("features/its", "features/liaoning"))
              and any(word in s.name for word in ("服务不可用", "服务<故障>", "金税三期<故障>", "短信服务恢复正常"))]
    assert faults
    assert all("BEYOND_GUIDE" in s.tags for s in faults), [str(s) for s in faults if "BEYOND_GUIDE" not in s.tags]
