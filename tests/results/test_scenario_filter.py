"""`--scenario-ids FILE` (etax_conformance/scenario_filter.py): only the listed results.json ids run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest

from etax_conformance.paths import COLLECTOR, FEATURES_DIR, ROOT
from etax_conformance.scenario_filter import keep, read_ids


class Item:
    """Not a scenario: its id is its node id (etax_conformance.scenario_ids)."""

    def __init__(self, nodeid: str) -> None:
        self.nodeid = nodeid
        self.obj = lambda: None  # a test function pytest-bdd did not bind


def test_listed_ids_are_kept_in_collection_order(tmp_path: Path) -> None:
    file = tmp_path / "ids.txt"
    file.write_text("c\n\n  a  \nnot collected\n", encoding="utf-8")
    assert read_ids(file) == {"a", "c", "not collected"}
    items = cast(list[pytest.Item], [Item("a"), Item("b"), Item("c")])
    kept, dropped = keep(items, read_ids(file))
    assert [i.nodeid for i in kept] == ["a", "c"]
    assert [i.nodeid for i in dropped] == ["b"]


def test_a_run_with_scenario_ids_runs_exactly_those(tmp_path: Path) -> None:
    feature = FEATURES_DIR / "its" / "1.1_account_password_login.feature"
    wanted = ["its/1.1_account_password_login.feature::登录界面默认为【实名登录-账号密码登录】",
              "its/1.1_account_password_login.feature::以注册的手机号码、登录名或证件号码作为账号登录，账号密码无误后进行单位办税验证"
              " [登录名]"]
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(wanted) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", str(COLLECTOR), "-p", "etax_conformance.plugin",
                           "--rootdir", str(ROOT), "-o", "testpaths=", "-p", "no:cacheprovider", "-p", "no:xdist",
                           "-p", "no:randomly", "-q", "--driver", "inprocess", "--run-dir", str(tmp_path / "run"),
                           "--scenario-ids", str(ids)], cwd=ROOT, env={**os.environ, "ETAX_FEATURES": str(feature)},
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    results = json.loads((tmp_path / "run" / "results.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in results["scenarios"]] == wanted
    assert all(s["status"] == "passed" for s in results["scenarios"])
