"""`etax-conformance explore`: the models speak the suite's own steps, runs are deterministic by seed, the simulator's
variants do not diverge, and a planted bug no scenario covers is found and written as a scenario that fails on the
bug and passes without it."""

from __future__ import annotations

import importlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from etax_conformance.catalog import load_catalog
from etax_conformance.explore import steps_call
from etax_conformance.explore.explorer import MODELS
from etax_conformance.explore.session import Options, run_explore
from etax_conformance.paths import CATALOG_DIR, ROOT

HERE = Path(__file__).parent
#: A seed and budget at which the planted bug is found (deterministic: the same seed finds it every time).
PLANTED_SEED, PLANTED_BUDGET = 3, 100
#: The same for the Liaoning planted bug (a freeze forgotten by 【同步办税人】): met in sequence 193 at seed 1 (the
#: budget is part of it: Hypothesis paces its generation by max_examples).
LN_PLANTED_SEED, LN_PLANTED_BUDGET = 1, 150


def _explore(run_dir: Path, plant: Any = None, **options: Any) -> tuple[int, dict[str, Any]]:
    run_dir.mkdir(parents=True, exist_ok=True)
    code = run_explore(io.StringIO(), Options(run_dir=run_dir, **options), plant=plant)
    block: dict[str, Any] = json.loads((run_dir / "results.json").read_text(encoding="utf-8"))["explore"]
    return code, block


def _cli(*args: str, program: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(program)] if program else [sys.executable, "-m", "etax_conformance"]
    return subprocess.run([*command, *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def _planted(name: str) -> Iterator[Any]:
    """A planted bug module (tests/explore/planted_bug*.py) installed for one test, removed after it."""
    bug = importlib.import_module(name)
    bug.install()
    yield bug
    bug.ACTIVE["on"] = False
    bug.uninstall()


@pytest.fixture
def planted() -> Iterator[Any]:
    yield from _planted("planted_bug")


@pytest.fixture
def planted_liaoning() -> Iterator[Any]:
    yield from _planted("planted_bug_liaoning")


@pytest.mark.parametrize("guide", sorted(MODELS))
def test_every_sentence_of_a_model_is_a_step_of_the_suite(guide: str) -> None:
    model = MODELS[guide]
    for sentence in model.background:
        steps_call.find("given", sentence)
    for sentence in model.probes:
        steps_call.find("then", sentence)


def test_the_models_tags_are_catalog_rows() -> None:
    rows = {row.id for row in load_catalog(CATALOG_DIR)}
    source = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "etax_conformance/explore").glob("models_*"))
    import re

    tags = set(re.findall(r'"REQ_([A-Z]+-[0-9A-Z.]+-\d+)"', source))
    assert tags
    assert tags <= rows, tags - rows


def test_the_alt_simulator_does_not_diverge_from_the_reference_with_its_readings(tmp_path: Path) -> None:
    code, block = _explore(tmp_path / "alt", budget=50, seed=0)
    assert code == 0, block["divergences"]
    assert block["divergences"] == []
    assert block["portal"] == {"driver": "inprocess", "variant": "alt", "deviations": []}
    assert block["reference"]["readings"]["ITS-R04"] == "reusable-until-expiry"  # the alt's declared reading
    assert [g["guide"] for g in block["per_guide"]] == ["its", "liaoning", "qingdao"]
    assert all(g["sequences"] >= 50 for g in block["per_guide"])
    assert "未发现分歧" in (tmp_path / "alt" / "report.html").read_text(encoding="utf-8")


def test_the_same_seed_explores_the_same_sequences(tmp_path: Path) -> None:
    runs = [_explore(tmp_path / f"run{n}", budget=12, seed=7, guides=("its",))[1] for n in range(2)]
    assert runs[0]["steps"] == runs[1]["steps"]
    assert runs[0]["sequences"] == runs[1]["sequences"]
    other = _explore(tmp_path / "other", budget=12, seed=8, guides=("its",))[1]
    assert other["steps"] != runs[0]["steps"]


def test_a_planted_bug_is_found_shrunk_and_written_as_a_scenario_that_fails_only_on_it(
        tmp_path: Path, planted: Any) -> None:
    code, block = _explore(tmp_path / "bug", plant=planted.plant, budget=PLANTED_BUDGET, seed=PLANTED_SEED,
                           guides=("its",))
    assert code == 1
    found = block["divergences"][0]
    feature = tmp_path / "bug" / found["file"]
    text = feature.read_text(encoding="utf-8")
    assert text.startswith("# language: zh-CN\n")
    assert "扫描二维码并确认登录" in text
    assert "错误密码" in text
    assert "那么 账号被锁定" in text
    assert "@REQ_ITS-1.1-06" in text
    # Shrunk: the background (2 steps), wrong passwords, the QR login (3 steps), wrong passwords — Hypothesis's
    # shrinking is not guaranteed minimal (at this seed it keeps the wrong passwords in two runs: 8 steps).
    assert found["steps"] <= 8, text
    assert found["first_met_in_sequence"] <= PLANTED_BUDGET
    # The written scenario runs as it is: it passes on the conformant simulator and fails on the planted bug.
    passes = _cli("run", "--features", str(feature), "--reports-dir", str(tmp_path), "--run-id", "clean")
    assert passes.returncode == 0, passes.stdout + passes.stderr
    fails = _cli("run", "--features", str(feature), "--reports-dir", str(tmp_path), "--run-id", "bug-run",
                 program=HERE / "planted_bug.py")
    assert fails.returncode == 1, fails.stdout + fails.stderr
    assert "账号被锁定" in fails.stdout + fails.stderr


def test_a_planted_liaoning_bug_is_found_and_written_as_a_scenario_that_fails_only_on_it(
        tmp_path: Path, planted_liaoning: Any) -> None:
    """A freeze forgotten by 【同步办税人】: 冻结 in 企业人员维护, a new 普通登录 with a sync, 王五 picked."""
    code, block = _explore(tmp_path / "bug", plant=planted_liaoning.plant, budget=LN_PLANTED_BUDGET,
                           seed=LN_PLANTED_SEED, guides=("liaoning",), variant="default", max_divergences=1)
    assert code == 1
    found = block["divergences"][0]
    assert found["guide"] == "liaoning"
    feature = tmp_path / "bug" / found["file"]
    text = feature.read_text(encoding="utf-8")
    assert text.startswith("# language: zh-CN\n")
    assert "对应的【冻结】并确认" in text
    assert "点击【同步办税人】" in text
    assert "那么 被拒绝，停留在「办税人员选择」" in text
    assert "@REQ_LN-3.1-02" in text
    assert "@REQ_LN-3.1-03" in text
    # Shrunk: the background (5 steps), a first 普通登录 (6), 企业人员维护 with 王五 added and frozen (5), and the new
    # 普通登录 with its sync and the pick (3), give or take the 退出登录 between them.
    assert found["steps"] <= 22, text
    # Counted are the sequences begun, those Hypothesis discards too: more than max_examples (193 here).
    assert found["first_met_in_sequence"] <= 2 * LN_PLANTED_BUDGET
    # The written scenario runs as it is: it passes on the conformant simulator and fails on the planted bug.
    passes = _cli("run", "--features", str(feature), "--reports-dir", str(tmp_path), "--run-id", "clean")
    assert passes.returncode == 0, passes.stdout + passes.stderr
    fails = _cli("run", "--features", str(feature), "--reports-dir", str(tmp_path), "--run-id", "bug-run",
                 program=HERE / "planted_bug_liaoning.py")
    assert fails.returncode == 1, fails.stdout + fails.stderr
    assert "办税人员选择" in fails.stdout + fails.stderr


def test_explore_command_writes_the_run_folder(tmp_path: Path) -> None:
    done = _cli("explore", "--guide", "qingdao", "--budget", "3", "--seed", "1", "--reports-dir", str(tmp_path),
                "--run-id", "x")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 divergence(s)" in done.stdout
    results = json.loads((tmp_path / "x" / "results.json").read_text(encoding="utf-8"))
    assert results["explore"]["seed"] == 1
    assert results["explore"]["budget"] == 3
    assert results["explore"]["guides"] == ["qingdao"]
    assert 'id="explore"' in (tmp_path / "x" / "report.html").read_text(encoding="utf-8")
    refused = _cli("explore", "--budget", "0", "--reports-dir", str(tmp_path), "--run-id", "y")
    assert refused.returncode == 2
    assert "--budget" in refused.stderr


def test_workers_share_the_guides_and_explore_the_same_sequences(tmp_path: Path) -> None:
    """--workers N: the guides shared out among processes, the same sequences and outcomes as one process."""
    one_code, one = _explore(tmp_path / "one", budget=8, seed=2)
    two_code, two = _explore(tmp_path / "two", budget=8, seed=2, workers=2)
    assert one_code == two_code == 0
    assert [g["guide"] for g in two["per_guide"]] == [g["guide"] for g in one["per_guide"]] == sorted(MODELS)
    for mine, theirs in zip(one["per_guide"], two["per_guide"], strict=True):
        assert (mine["sequences"], mine["steps"], mine["divergences"]) == (
            theirs["sequences"], theirs["steps"], theirs["divergences"])


def test_workers_refuse_a_planted_bug_of_this_process(tmp_path: Path, planted: Any) -> None:
    with pytest.raises(ValueError, match="one worker"):
        _explore(tmp_path / "x", budget=2, workers=2, plant=planted.plant)


def test_workers_below_one_are_refused_in_plain_words(tmp_path: Path) -> None:
    done = _cli("explore", "--workers", "0", "--reports-dir", str(tmp_path))
    assert done.returncode == 2
    assert "--workers must be at least 1" in done.stderr


def test_workers_on_a_served_portal_ask_its_hooks_for_namespaces_first(tmp_path: Path) -> None:
    done = _cli("explore", "--portal-url", "http://127.0.0.1:9", "--hooks-token", "t", "--workers", "2",
                "--reports-dir", str(tmp_path))
    assert done.returncode == 2
    assert "cannot be reached" in done.stderr
    assert not list(tmp_path.iterdir())  # nothing half-created


def test_workers_explore_a_served_portal_in_the_browser_each_in_its_namespace(tmp_path: Path) -> None:
    """Two workers on one served simulator, a guide each, each its own namespace: the default simulator and the
    reference with its profile's readings do not diverge."""
    pytest.importorskip("playwright.sync_api")
    from etax_conformance.serving import ServedSimulator

    served = ServedSimulator.start(tmp_path / "portal.sqlite3")
    try:
        done = _cli("explore", "--portal-url", served.url, "--hooks-token", served.hooks_token,
                    "--profile", str(ROOT / "profiles" / "simulator.yaml"), "--guide", "its", "--guide", "qingdao",
                    "--budget", "1", "--workers", "2", "--run-id", "w2", "--reports-dir", str(tmp_path))
    finally:
        served.stop()
    assert done.returncode == 0, done.stdout + done.stderr
    block = json.loads((tmp_path / "w2" / "results.json").read_text(encoding="utf-8"))["explore"]
    assert block["portal"]["driver"] == "browser"
    assert [g["guide"] for g in block["per_guide"]] == ["its", "qingdao"]
    assert all(g["sequences"] >= 1 and g["steps"] >= 1 for g in block["per_guide"])
    assert block["divergences"] == []
    assert [g["namespace"] for g in block["per_guide"]] == ["explore-w1", "explore-w2"]  # each its own state
