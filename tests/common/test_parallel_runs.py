"""`run --workers N`, `run --shard K/N` and `merge`: the same results as one plain run, in content."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from etax_conformance.bundle.verify import verify_folder
from etax_conformance.merge import MergeError, merge_runs
from etax_conformance.parallel_cli import checked_workers, parse_shard
from etax_conformance.paths import FEATURES_DIR, ROOT
from etax_conformance.preflight import HooksInfo
from etax_conformance.run_content import differences, results_content
from etax_conformance.shards import in_shard

FEATURE = FEATURES_DIR / "its" / "1.1_account_password_login.feature"


def _run(reports: Path, run_id: str, *args: str) -> Path:
    done = subprocess.run([sys.executable, "-m", "etax_conformance", "run", "--reports-dir", str(reports),
                           "--run-id", run_id, "--features", str(FEATURE), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return reports / run_id


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("single"), "single")


def test_two_workers_give_the_results_of_one(single: Path, tmp_path: Path) -> None:
    parallel = _run(tmp_path, "two", "--workers", "2")
    assert differences(single, parallel) == []
    # Same scenarios in the same order, not only the same set.
    ids = [[s["id"] for s in json.loads((run / "results.json").read_text("utf-8"))["scenarios"]]
           for run in (single, parallel)]
    assert ids[0] == ids[1]


def test_two_shards_merged_equal_the_single_run(single: Path, tmp_path: Path) -> None:
    first, second = _run(tmp_path, "s1", "--shard", "1/2"), _run(tmp_path, "s2", "--shard", "2/2")
    sizes = [len(json.loads((s / "results.json").read_text("utf-8"))["scenarios"]) for s in (first, second)]
    assert all(size > 0 for size in sizes)
    merged = tmp_path / "merged"
    assert merge_runs(sys.stdout, [second, first], merged) == 0
    assert differences(single, merged) == []
    # Same scenarios in the same order, with the same steps (times aside).
    assert results_content(merged)["scenarios"] == results_content(single)["scenarios"]
    # Finished as a run folder is: the report and cucumber.json, and a manifest that verifies.
    assert {"report.html", "cucumber.json", "manifest.json"} <= {p.name for p in merged.iterdir()}
    assert verify_folder(io.StringIO(), merged) == 0


def test_merge_refuses_an_incomplete_or_doubled_set_of_shards(tmp_path: Path) -> None:
    for k in (1, 2):
        folder = tmp_path / f"s{k}"
        folder.mkdir()
        (folder / "shard.json").write_text(json.dumps({"shard": [k, 3], "order": []}), encoding="utf-8")
        (folder / "results.json").write_text(json.dumps({"scenarios": [], "requirements": []}), encoding="utf-8")
    with pytest.raises(MergeError, match="shard 3/3 is missing"):
        merge_runs(sys.stdout, [tmp_path / "s1", tmp_path / "s2"], tmp_path / "out")
    with pytest.raises(MergeError, match="more than once"):
        merge_runs(sys.stdout, [tmp_path / "s1", tmp_path / "s1"], tmp_path / "out")
    with pytest.raises(MergeError, match=r"no shard\.json"):
        merge_runs(sys.stdout, [tmp_path], tmp_path / "out")


def test_a_scenario_is_in_exactly_one_shard_whatever_n() -> None:
    for n in (1, 2, 3, 5):
        for scenario in ("its/a.feature::甲", "liaoning/b.feature::乙 [1 | 2]"):
            assert sum(in_shard(scenario, k, n) for k in range(1, n + 1)) == 1


@pytest.mark.parametrize("text", ["0/2", "3/2", "1", "a/b", "1/0"])
def test_a_bad_shard_is_a_plain_error(text: str) -> None:
    with pytest.raises(ValueError, match="--shard"):
        parse_shard(text)


def _args(**given: object) -> argparse.Namespace:
    defaults: dict[str, object] = {"workers": 4, "shard": None, "browser_cdp_url": None, "driver": "browser",
                                   "portal_url": "http://portal.test", "hooks_token": "t", "profile": None}
    return argparse.Namespace(**{**defaults, **given})


def test_a_portal_without_namespaces_is_run_by_one_worker(monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    lists: list[str] = ["reset"]
    monkeypatch.setattr("etax_conformance.preflight.preflight",
                        lambda *_: HooksInfo("http://portal.test/h", 2, lists, None))
    assert checked_workers(_args()) == 1
    assert "running with 1 worker instead of 4" in capsys.readouterr().err
    lists.append("namespace")
    assert checked_workers(_args()) == 4
    assert checked_workers(_args(portal_url=None)) == 4  # the simulator served for the run has namespaces
    with pytest.raises(ValueError, match="--workers 0"):
        checked_workers(_args(workers=0))
    with pytest.raises(ValueError, match="--browser-cdp-url needs"):
        checked_workers(_args(driver="inprocess", browser_cdp_url="http://127.0.0.1:9222"))
