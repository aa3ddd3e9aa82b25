"""Evidence of a failed browser scenario: screenshot and Playwright trace, the hooks' exchanges, all masked, inline
in report.html and embedded in cucumber.json."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

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


def test_a_failed_browser_scenario_leaves_masked_evidence(tmp_path: Path) -> None:
    feature = tmp_path / "evidence.feature"
    feature.write_text(FEATURE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "etax_conformance", "run", "--driver", "browser", "--features",
                           str(feature), "--reports-dir", str(tmp_path), "--run-id", "e"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    run = tmp_path / "e"
    [scenario] = json.loads((run / "results.json").read_text(encoding="utf-8"))["scenarios"]
    names = {Path(name).name for name in scenario["evidence"]}
    assert names == {"screenshot.png", "trace.zip", "hooks.json"}
    folder = run / Path(scenario["evidence"][0]).parent
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
