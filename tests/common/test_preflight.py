"""Preflight and honest exit codes: a portal that is down, a wrong token or a run that verified nothing is no pass."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from etax_conformance.paths import ROOT
from etax_conformance.preflight import PreflightError, check_hooks, check_portal
from etax_conformance.runner import honest_exit
from etax_conformance.serving import ServedSimulator, free_port

PROFILE = ROOT / "profiles" / "simulator.yaml"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etax_conformance", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSimulator]:
    simulator = ServedSimulator.start(tmp_path_factory.mktemp("served") / "portal.sqlite3")
    yield simulator
    simulator.stop()


def _browser_run(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return _run("run", "--driver", "browser", "--portal-url", url, "--reports-dir", str(tmp_path),
                "--run-id", "pf", "-k", "默认为", *extra)


def test_a_portal_that_is_down_stops_the_run_before_any_scenario(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    done = _browser_run(tmp_path, url, "--hooks-token", "x")
    assert done.returncode == 2
    assert done.stderr.strip() == f"etax-conformance run: portal {url} cannot be reached (connection refused)"
    assert not (tmp_path / "pf").exists()  # no scenario ran, no run folder was made


def test_a_wrong_token_stops_the_run_with_one_clear_line(tmp_path: Path, served: ServedSimulator) -> None:
    done = _browser_run(tmp_path, served.url, "--hooks-token", "not-the-token")
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert "refused the token given with --hooks-token (HTTP 401)" in line
    assert not (tmp_path / "pf").exists()


def test_no_token_stops_the_run(tmp_path: Path, served: ServedSimulator) -> None:
    done = _browser_run(tmp_path, served.url)
    assert done.returncode == 2
    assert "no --hooks-token given" in done.stderr


def test_hooks_elsewhere_than_the_profile_says_stop_the_run(tmp_path: Path, served: ServedSimulator) -> None:
    profile = tmp_path / "moved.yaml"
    profile.write_text(PROFILE.read_text(encoding="utf-8").replace("/__conformance__/v2", "/nowhere"),
                       encoding="utf-8")
    done = _browser_run(tmp_path, served.url, "--hooks-token", served.hooks_token, "--profile", str(profile))
    assert done.returncode == 2
    assert f"no conformance hooks at {served.url}/nowhere/capabilities (HTTP 404)" in done.stderr


def test_a_broken_profile_stops_the_run(tmp_path: Path, served: ServedSimulator) -> None:
    profile = tmp_path / "broken.yaml"
    profile.write_text("schema: nothing\n", encoding="utf-8")
    done = _browser_run(tmp_path, served.url, "--hooks-token", served.hooks_token, "--profile", str(profile))
    assert done.returncode == 2
    assert "broken.yaml" in done.stderr


def test_preflight_reads_version_and_capabilities(served: ServedSimulator) -> None:
    check_portal(served.url)
    info = check_hooks(served.url, served.hooks_token, "/__conformance__/v1")
    assert info.version == 1
    assert {"reset", "captcha", "seed.unit"} <= set(info.capabilities)


def test_a_portal_url_without_the_browser_driver_is_refused(tmp_path: Path) -> None:
    done = _run("run", "--portal-url", "http://127.0.0.1:8000", "--reports-dir", str(tmp_path))
    assert done.returncode == 2
    assert "--portal-url needs --driver browser" in done.stderr


@pytest.mark.parametrize("url", ["127.0.0.1:8000", "ftp://127.0.0.1/"])
def test_a_portal_url_must_be_http(url: str) -> None:
    with pytest.raises(PreflightError, match="http:// or https://"):
        check_portal(url)


@pytest.mark.parametrize(("summary", "code"), [
    ({"passed": 3, "failed": 0, "not_verifiable": 1, "not_applicable": 2}, 0),
    ({"passed": 0, "failed": 0, "not_verifiable": 5, "not_applicable": 0}, 1),
    ({"passed": 0, "failed": 0, "not_verifiable": 0, "not_applicable": 4}, 1),
    ({"passed": 0, "failed": 0, "not_verifiable": 0, "not_applicable": 0}, 1),
    ({"passed": 9, "failed": 1, "not_verifiable": 0, "not_applicable": 0}, 1),
])
def test_exit_zero_only_when_nothing_failed_and_something_passed(
        tmp_path: Path, summary: dict[str, int], code: int, capsys: pytest.CaptureFixture[str]) -> None:
    results = tmp_path / "results.json"
    results.write_text(json.dumps({"summary": summary}), encoding="utf-8")
    assert honest_exit(0, results) == code
    if code and not summary["failed"]:
        assert "no scenario passed" in capsys.readouterr().err


def test_a_run_without_results_is_not_a_success(tmp_path: Path) -> None:
    assert honest_exit(0, tmp_path / "missing.json") == 1
    assert honest_exit(5, tmp_path / "missing.json") == 5


def test_a_run_that_selects_no_scenario_is_not_exit_zero(tmp_path: Path) -> None:
    feature = tmp_path / "nothing.feature"
    feature.write_text("# language: zh-CN\n功能: 没有可以运行的场景\n  @REQ_ITS-1.1-01\n  场景: 一个场景\n"
                       "    当 打开扣缴客户端登录界面\n", encoding="utf-8")
    done = _run("run", "--reports-dir", str(tmp_path), "--run-id", "none", "--features", str(feature),
                "-k", "no-such-scenario")
    assert done.returncode != 0
