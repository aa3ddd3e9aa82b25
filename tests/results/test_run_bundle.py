"""A run's bundle end to end (in-process): four statuses and expected failures in every output, durations, pins,
cucumber.json and junit.xml against their schemas, the signed manifest and `verify`, `compare`'s status changes,
and report.html rendered in Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema

from etax_conformance.paths import PROFILES_DIR, ROOT

SCHEMAS = ROOT / "etax_conformance" / "report" / "schemas"
FEATURE = """# language: zh-CN
功能: 报告的四种状态
  @REQ_ITS-1.1-01
  场景: 默认页签
    当 打开扣缴客户端登录界面
    那么 页面默认显示【实名登录-账号密码登录】

  @REQ_ITS-1.1-06
  场景: 默认页签写错
    当 打开扣缴客户端登录界面
    那么 页面默认显示【扫码登录】

  @REQ_ITS-1.1-07
  场景: 需要时钟
    当 打开扣缴客户端登录界面
    而且 时间过去 120 分钟
    那么 页面默认显示【实名登录-账号密码登录】

  @REQ_ITS-P-05 @FLOW_its-ca-login
  场景: 没有的流程
    当 打开扣缴客户端登录界面
    那么 页面默认显示【实名登录-账号密码登录】
"""


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etax_conformance", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two runs of the same feature: 'plain' (one failure) and 'known' (that failure expected, signed)."""
    root = tmp_path_factory.mktemp("bundle")
    feature = root / "statuses.feature"
    feature.write_text(FEATURE, encoding="utf-8")
    profile = root / "absent.yaml"
    profile.write_text((PROFILES_DIR / "simulator.yaml").read_text(encoding="utf-8")
                       .replace("absent: []", "absent: [its-ca-login]"), encoding="utf-8")
    common = ["--features", str(feature), "--profile", str(profile), "--without-hooks", "clock",
              "--reports-dir", str(root)]
    plain = _cli("run", *common, "--run-id", "plain")
    assert plain.returncode == 1, plain.stdout + plain.stderr
    wrong = next(s["id"] for s in _results(root / "plain")["scenarios"] if s["name"] == "默认页签写错")
    expected = root / "expected.yaml"
    expected.write_text(json.dumps([{"id": wrong, "reason": "已知问题 #1"}], ensure_ascii=False), encoding="utf-8")
    assert _cli("keygen", str(root / "signer")).returncode == 0
    known = _cli("run", *common, "--run-id", "known", "--expected-failures", str(expected),
                 "--signing-key", str(root / "signer.key"), "--guides", "/nonexistent")
    assert known.returncode == 0, known.stdout + known.stderr
    return root


def _results(folder: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    return document


def test_four_statuses_and_the_expected_failure(runs: Path) -> None:
    plain = {s["name"]: s for s in _results(runs / "plain")["scenarios"]}
    assert {n: s["status"] for n, s in plain.items()} == {
        "默认页签": "passed", "默认页签写错": "failed", "需要时钟": "not_verifiable", "没有的流程": "not_applicable"}
    assert "conformance hook）「clock.advance" in plain["需要时钟"]["detail"]
    assert "its-ca-login" in plain["没有的流程"]["detail"]
    assert all(s["duration"] >= 0 for s in plain.values())
    assert plain["默认页签"]["duration"] > 0
    known = _results(runs / "known")
    statuses = {s["name"]: s["status"] for s in known["scenarios"]}
    assert statuses["默认页签写错"] == "expected_failure"
    assert known["summary"] == {"passed": 1, "failed": 0, "not_verifiable": 1, "not_applicable": 1,
                                "expected_failure": 1}
    requirement = {r["id"]: r["status"] for r in known["requirements"]}
    assert requirement["ITS-1.1-06"] == "expected_failure"
    assert requirement["ITS-1.1-07"] == "not_verifiable"


def test_results_pin_what_ran(runs: Path) -> None:
    doc = _results(runs / "known")
    assert doc["suite"]["version"].startswith("0.")
    assert all(len(h) == 64 for h in doc["suite"]["catalog_files"].values())
    [(name, digest)] = doc["suite"]["features_sha256"].items()
    assert name.endswith("statuses.feature")
    assert len(digest) == 64
    assert doc["portal"]["profile_pin"]["name"]
    assert len(doc["portal"]["profile_pin"]["sha256"]) == 64
    assert doc["portal"]["build"]
    assert doc["run"]["started"] <= doc["run"]["ended"]


def test_junit_and_cucumber_are_valid(runs: Path) -> None:
    junit = xmlschema.XMLSchema(SCHEMAS / "junit.xsd")
    cucumber_schema = json.loads((SCHEMAS / "cucumber-json.schema.json").read_text(encoding="utf-8"))
    for run in ("plain", "known"):
        junit.validate(runs / run / "junit.xml")
        cucumber = json.loads((runs / run / "cucumber.json").read_text(encoding="utf-8"))
        jsonschema.validate(cucumber, cucumber_schema)
    [feature] = json.loads((runs / "plain" / "cucumber.json").read_text(encoding="utf-8"))
    results = {e["name"]: [s["result"]["status"] for s in e["steps"]] for e in feature["elements"]}
    assert results["默认页签写错"] == ["passed", "failed"]
    assert "passed" not in results["需要时钟"][1:]  # never passed once the clock was missing


def test_report_names_every_status(runs: Path) -> None:
    html = (runs / "plain" / "report.html").read_text(encoding="utf-8")
    for words in ("无法验证", "不适用", "不通过", "期望：", "its-ca-login", "指引热力图", "ITS-1.1-06"):
        assert words in html
    assert "<link" not in html
    assert "src=\"http" not in html


def test_verify_passes_and_names_a_changed_byte(runs: Path, tmp_path: Path) -> None:
    public = runs / "signer.pub"
    assert _cli("verify", str(runs / "known"), "--public-key", str(public)).returncode == 0
    for name in ("results.json", "junit.xml", "cucumber.json", "report.html", "manifest.json"):
        copy = tmp_path / name
        shutil.copytree(runs / "known", copy)
        data = bytearray((copy / name).read_bytes())
        data[len(data) // 2] ^= 1
        (copy / name).write_bytes(bytes(data))
        done = _cli("verify", str(copy), "--public-key", str(public))
        assert done.returncode == 1, name
        assert (f"altered: {name}" in done.stdout) or (name == "manifest.json" and "INVALID" in done.stdout)
    extra = tmp_path / "extra"
    shutil.copytree(runs / "known", extra)
    (extra / "junit.xml").unlink()
    (extra / "note.txt").write_text("x", encoding="utf-8")
    done = _cli("verify", str(extra))
    assert "removed: junit.xml" in done.stdout
    assert "added: note.txt" in done.stdout
    assert done.returncode == 1


def test_compare_lists_status_changes(runs: Path) -> None:
    done = _cli("compare", str(runs / "plain"), str(runs / "known"))
    assert done.returncode == 1  # one failed: not "the same ids passed, 0 failed"
    assert "默认页签写错: failed → expected_failure" in done.stdout
    assert "ITS-1.1-06: failed → expected_failure" in done.stdout


def test_report_renders_in_chromium(runs: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from drivers.chromium import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.goto((runs / "plain" / "report.html").as_uri())
        assert page.locator("h1").inner_text().startswith("电子税务局")
        failed = page.locator(".req.failed").first
        assert failed.is_visible()
        assert failed.bounding_box()["height"] > 40
        colour = failed.locator(".s.failed").first.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour == "rgb(255, 205, 210)"  # the inline style applied: it renders, not just exists
        shot = page.screenshot(path=tmp_path / "report.png", full_page=False)
        browser.close()
    assert len(shot) > 10_000


def test_dashboard_of_many_runs(runs: Path, tmp_path: Path) -> None:
    done = _cli("dashboard", str(runs), "--out", str(tmp_path / "site"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 portals, 2 runs" in done.stdout
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "ITS-1.1-06" in index
    assert "预期失败" in index  # the latest run of the portal
    history = (tmp_path / "site" / "portal-0.html").read_text(encoding="utf-8")
    assert history.count("不通过</span>") >= 1  # the earlier run's failure stays in the history


def test_report_rebuilds_a_run_folder(runs: Path, tmp_path: Path) -> None:
    """`report DIR` writes report.html, cucumber.json and the manifest again; a signed folder only with a key;
    a folder that no longer matches its manifest is not rebuilt."""
    plain, signed = tmp_path / "plain", tmp_path / "known"
    shutil.copytree(runs / "plain", plain)
    shutil.copytree(runs / "known", signed)
    (plain / "report.html").unlink()
    rebuilt = _cli("report", str(plain))
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert "默认页签写错" in (plain / "report.html").read_text(encoding="utf-8")
    assert _cli("verify", str(plain)).returncode == 0
    refused = _cli("report", str(signed))
    assert refused.returncode == 2
    assert "--signing-key" in refused.stdout
    again = _cli("report", str(signed), "--signing-key", str(runs / "signer.key"))
    assert again.returncode == 0, again.stdout + again.stderr
    assert _cli("verify", str(signed), "--public-key", str(runs / "signer.pub")).returncode == 0
    results = plain / "results.json"
    results.write_text(results.read_text(encoding="utf-8").replace("默认页签写错", "默认页签改过"), encoding="utf-8")
    tampered = _cli("report", str(plain))
    assert tampered.returncode == 1
    assert "no longer matches" in tampered.stdout
