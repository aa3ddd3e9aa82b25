"""`etax-conformance run` end to end: results.json in the brief's schema, failures caught, plain errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from etax_conformance.paths import FEATURES_DIR, ROOT

FAILING_FEATURE = """# language: zh-CN
功能: 一个故意写错的期望
  @REQ_ITS-1.1-01
  场景: 默认页签写错
    当 打开扣缴客户端登录界面
    那么 页面默认显示【扫码登录】
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etax_conformance", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)


def _results(run_dir: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((run_dir / "results.json").read_text(encoding="utf-8"))
    return document


def test_inprocess_run_writes_results_in_schema(tmp_path: Path) -> None:
    done = _run("run", "--reports-dir", str(tmp_path), "--run-id", "all")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "its" in done.stdout
    results = _results(tmp_path / "all")
    assert results["schema"] == "etax-conformance/results@1"
    assert set(results) >= {"suite", "portal", "summary", "requirements", "scenarios"}
    assert results["portal"]["driver"] == "inprocess"
    assert len(results["suite"]["catalog_sha256"]) == 64
    assert results["simulator"]["password_hash"] == {"scheme": "scrypt", "name": "test", "n": 16, "r": 8, "p": 1}
    assert results["summary"]["failed"] == 0
    # Scenarios of readings the simulator's profile does not declare are "not applicable", never failed.
    # The checks beyond the guides (@BEYOND_GUIDE) are counted apart from the conformance summary.
    beyond = results["beyond_guide"]
    assert beyond["scenarios"] == beyond["passed"] > 0
    assert results["summary"]["passed"] + results["summary"]["not_applicable"] + beyond["scenarios"] \
        == len(results["scenarios"])
    assert results["summary"]["passed"] > 30
    covered = {r["id"]: r["status"] for r in results["requirements"] if r["scenarios"]}
    assert covered["ITS-1.1-06"] == "passed"
    assert (tmp_path / "all" / "junit.xml").is_file()


def test_a_wrong_expectation_fails_the_run_and_its_rule(tmp_path: Path) -> None:
    feature = tmp_path / "wrong.feature"
    feature.write_text(FAILING_FEATURE, encoding="utf-8")
    done = _run("run", "--reports-dir", str(tmp_path), "--run-id", "wrong", "--features", str(feature))
    assert done.returncode == 1
    results = _results(tmp_path / "wrong")
    assert results["summary"] == {"passed": 0, "failed": 1, "not_verifiable": 0, "not_applicable": 0,
                                  "expected_failure": 0}
    [scenario] = results["scenarios"]
    assert "期望：默认登录方式为「扫码登录」" in scenario["detail"]
    assert "实名登录-账号密码登录" in scenario["detail"]
    assert "步骤：那么 页面默认显示【扫码登录】" in scenario["detail"]
    assert "需求：ITS-1.1-01" in scenario["detail"]
    assert "门户显示：页面「实名登录」" in scenario["detail"]
    assert "fixturefunc" not in scenario["detail"]  # not pytest's fixture dump
    junit = (tmp_path / "wrong" / "junit.xml").read_text(encoding="utf-8")
    assert 'message="步骤：那么 页面默认显示【扫码登录】&#10;需求：ITS-1.1-01&#10;期望：' in junit
    status = {r["id"]: r["status"] for r in results["requirements"]}
    assert status["ITS-1.1-01"] == "failed"


def test_browser_run_of_one_scenario(tmp_path: Path) -> None:
    done = _run("run", "--driver", "browser", "--reports-dir", str(tmp_path), "--run-id", "one",
                "--features", str(FEATURES_DIR / "its"), "-k", "默认为")
    assert done.returncode == 0, done.stdout + done.stderr
    results = _results(tmp_path / "one")
    assert results["portal"]["driver"] == "browser"
    assert results["summary"]["passed"] == 1
    assert results["hooks"]["version"] >= 1
    assert "reset" in results["hooks"]["capabilities"]
    assert results["simulator"]["password_hash"]["name"] == "test"  # the run's own simulator: a test run


def test_compare_tells_same_from_different(tmp_path: Path) -> None:
    feature = tmp_path / "wrong.feature"
    feature.write_text(FAILING_FEATURE, encoding="utf-8")
    assert _run("run", "--reports-dir", str(tmp_path), "--run-id", "a", "-k", "默认为").returncode == 0
    assert _run("run", "--reports-dir", str(tmp_path), "--run-id", "b", "-k", "默认为").returncode == 0
    _run("run", "--reports-dir", str(tmp_path), "--run-id", "c", "--features", str(feature))
    same = _run("compare", str(tmp_path / "a"), str(tmp_path / "b"))
    assert same.returncode == 0
    assert "same scenario ids passed" in same.stdout
    assert _run("compare", str(tmp_path / "a"), str(tmp_path / "c")).returncode == 1


@pytest.mark.parametrize(("args", "words"), [
    (["run", "--profile", "no-such.yaml"], "cannot read profile"),
    (["compare", "nowhere.json", "nowhere.json"], "cannot read"),
    (["serve", "--port", "70000"], "not a TCP port"),
    (["run", "--driver", "inprocess", "--variant", "alt"], "use it with --driver browser"),
    (["run", "--driver", "browser", "--variant", "alt", "--portal-url", "http://127.0.0.1:9"], "without --portal-url"),
])
def test_bad_input_gets_a_plain_error(args: list[str], words: str) -> None:
    done = _run(*args)
    assert done.returncode == 2
    assert words in done.stderr


def test_an_existing_run_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "results.json").write_text("{}", encoding="utf-8")
    done = _run("run", "--reports-dir", str(tmp_path), "--run-id", "kept")
    assert done.returncode == 2
    assert "--replace" in done.stderr
    assert (tmp_path / "kept" / "results.json").read_text(encoding="utf-8") == "{}"
