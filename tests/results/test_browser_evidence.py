"""Evidence of a failed browser scenario: screenshot and Playwright trace, the hooks' exchanges, all masked, inline
in report.html and embedded in cucumber.json. The trace per ETAX_TRACE: by default from a re-run of the failed
scenario after the run (etax_conformance/trace_rerun.py), with 1 from the run itself, with 0 none."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from etax_conformance.paths import ROOT

FEATURE = """# language: zh-CN
功能: 失败时留下证据
  @REQ_ITS-1.1-02
  场景: 以证件号码登录后的页面写错
    假如 已实名注册的自然人「张三」持居民身份证
    而且 打开扣缴客户端登录界面
    当 以「张三」的证件号码作为账号
    那么 页面默认显示【扫码登录】
"""
# Not a JSON number (cucumber.json's durations are nanoseconds): IDs and phones are strings.
ID_OR_PHONE = re.compile(rb"(?<![0-9A-Za-z])(?<!: )(\d{17}[\dXx]|1[3-9]\d{9})(?![0-9A-Za-z])")


PASSING = FEATURE.replace("页面默认显示【扫码登录】", "页面默认显示【实名登录-账号密码登录】")


def browser_run(tmp_path: Path, feature_text: str, *, trace: str | None = None, reruns: str | None = None,
                extra: tuple[str, ...] = ()) -> tuple[subprocess.CompletedProcess[str], dict[str, Any], Path]:
    """`run --driver browser` of one feature file; (the process, results.json, the run folder)."""
    feature = tmp_path / "evidence.feature"
    feature.write_text(feature_text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("ETAX_TRACE", "ETAX_TRACE_RERUNS")}
    env.update({k: v for k, v in (("ETAX_TRACE", trace), ("ETAX_TRACE_RERUNS", reruns)) if v is not None})
    done = subprocess.run([sys.executable, "-m", "etax_conformance", "run", "--driver", "browser", "--features",
                           str(feature), "--reports-dir", str(tmp_path), "--run-id", "e", *extra], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    run = tmp_path / "e"
    results = json.loads((run / "results.json").read_text(encoding="utf-8"))
    return done, results, run


def test_a_failed_browser_scenario_leaves_masked_evidence(tmp_path: Path) -> None:
    """The default (ETAX_TRACE=rerun): screenshot and exchanges at the failure, the trace from its re-run."""
    done, results, run = browser_run(tmp_path, FEATURE)
    assert done.returncode == 1, done.stdout + done.stderr
    [scenario] = results["scenarios"]
    assert scenario["status"] == "failed"
    assert "扫码登录" in scenario["detail"]
    assert scenario["trace_rerun"] == {"status": "failed", "same_step": True, "step": "那么 页面默认显示【扫码登录】",
                                       "trace": str(Path(scenario["evidence"][0]).parent / "trace.zip")}
    assert "trace re-run: 1 failed scenario(s) run again" in done.stderr
    assert not (run / ".trace-rerun").exists()  # the child's scratch run folder is gone
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    assert scenario["trace_rerun"]["trace"] in json.dumps(manifest)
    assert "重跑在同一步骤再次失败" in (run / "report.html").read_text(encoding="utf-8")
    names = {Path(name).name for name in scenario["evidence"]}
    assert names == {"screenshot.png", "trace.zip", "hooks.json"}
    folder = run / Path(scenario["evidence"][0]).parent
    assert {path.name for path in folder.iterdir()} == names  # the trace joined the first run's own folder
    with zipfile.ZipFile(folder / "trace.zip") as trace:  # what `playwright show-trace` opens
        assert any(name.endswith(".trace") for name in trace.namelist())
        assert trace.testzip() is None
    exchanges = json.loads((folder / "hooks.json").read_text(encoding="utf-8"))
    assert any(e["capability"] == "seed.natural_person" for e in exchanges)
    assert (folder / "screenshot.png").read_bytes().startswith(b"\x89PNG")
    for path in run.rglob("*"):  # no ID or phone number left in any text, nor in the trace's entries
        if path.suffix in (".json", ".xml", ".html"):
            assert not ID_OR_PHONE.search(path.read_bytes()), path
    with zipfile.ZipFile(folder / "trace.zip") as trace:
        for name in trace.namelist():
            if not name.endswith((".png", ".jpeg")):
                assert not ID_OR_PHONE.search(trace.read(name)), name
    assert "data:image/png;base64," in (run / "report.html").read_text(encoding="utf-8")
    cucumber = json.loads((run / "cucumber.json").read_text(encoding="utf-8"))
    embedded = [e for f in cucumber for el in f["elements"] for s in el["steps"] for e in s.get("embeddings", [])]
    assert {e["mime_type"] for e in embedded} == {"image/png", "application/json"}
    verified = subprocess.run([sys.executable, "-m", "etax_conformance", "verify", str(run)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60, check=False)
    assert verified.returncode == 0, verified.stdout


@pytest.mark.parametrize(("trace", "files"), [
    ("1", {"screenshot.png", "trace.zip", "hooks.json"}),  # on: the trace recorded during the run itself
    ("off", {"screenshot.png", "hooks.json"}),  # off: no trace at all
])
def test_trace_on_or_off_reruns_nothing(tmp_path: Path, trace: str, files: set[str]) -> None:
    done, results, _run = browser_run(tmp_path, FEATURE, trace=trace)
    assert done.returncode == 1, done.stdout + done.stderr
    [scenario] = results["scenarios"]
    assert {Path(name).name for name in scenario["evidence"]} == files
    assert "trace_rerun" not in scenario
    assert "trace re-run" not in done.stderr


def test_over_the_cap_a_failure_is_not_rerun_and_says_so(tmp_path: Path) -> None:
    done, results, _ = browser_run(tmp_path, FEATURE, reruns="0")
    assert done.returncode == 1, done.stdout + done.stderr
    [scenario] = results["scenarios"]
    assert {Path(name).name for name in scenario["evidence"]} == {"screenshot.png", "hooks.json"}
    assert scenario["trace_rerun"]["status"] == "not_run"
    assert "ETAX_TRACE_RERUNS=0" in scenario["trace_rerun"]["note"]


def test_a_passing_browser_run_reruns_nothing(tmp_path: Path) -> None:
    done, results, run = browser_run(tmp_path, PASSING)
    assert done.returncode == 0, done.stdout + done.stderr
    [scenario] = results["scenarios"]
    assert scenario["status"] == "passed"
    assert scenario["evidence"] == []
    assert "trace_rerun" not in scenario
    assert "trace re-run" not in done.stderr
    assert not (run / "evidence").exists()


def test_with_workers_the_merged_results_get_the_rerun(tmp_path: Path) -> None:
    """Two workers: the controller's merged results.json is the one the re-run reads and completes."""
    both = FEATURE + PASSING.split("功能: 失败时留下证据\n", 1)[1].replace("以证件号码登录后的页面写错", "登录界面默认")
    done, results, run = browser_run(tmp_path, both, extra=("--workers", "2"))
    assert done.returncode == 1, done.stdout + done.stderr
    by_status = {s["status"]: s for s in results["scenarios"]}
    assert set(by_status) == {"failed", "passed"}
    assert "trace_rerun" not in by_status["passed"]
    rerun = by_status["failed"]["trace_rerun"]
    assert rerun["status"] == "failed"
    assert rerun["same_step"] is True
    assert (run / rerun["trace"]).is_file()
    assert rerun["trace"] in by_status["failed"]["evidence"]


def test_an_unknown_trace_mode_stops_the_run_before_anything_runs(tmp_path: Path) -> None:
    for variable, value in (("ETAX_TRACE", "sometimes"), ("ETAX_TRACE_RERUNS", "many")):
        done = subprocess.run([sys.executable, "-m", "etax_conformance", "run", "--driver", "inprocess",
                               "--reports-dir", str(tmp_path), "--run-id", "bad"], cwd=ROOT,
                              env={**os.environ, variable: value}, capture_output=True, text=True, timeout=120,
                              check=False)
        assert done.returncode == 2, done.stdout + done.stderr
        assert f"{variable}={value!r}" in done.stderr
        assert not (tmp_path / "bad").exists()
