"""`etax-conformance run --features A B`: several feature files or folders in one run (the alt browser run of
scripts/test.sh takes features/its and features/liaoning)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.common.test_run_command import FAILING_FEATURE, _run


def test_run_takes_several_feature_paths(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, name in ((first, "甲"), (second, "乙")):
        folder.mkdir()
        (folder / f"{name}.feature").write_text(FAILING_FEATURE.replace("默认页签写错", f"默认页签写错{name}"),
                                                 encoding="utf-8")
    done = _run("run", "--reports-dir", str(tmp_path), "--run-id", "two", "--features", str(first), str(second))
    assert done.returncode == 1, done.stdout + done.stderr
    results = json.loads((tmp_path / "two" / "results.json").read_text(encoding="utf-8"))
    assert sorted(s["name"] for s in results["scenarios"]) == ["默认页签写错乙", "默认页签写错甲"]


def test_a_missing_feature_path_is_a_plain_error(tmp_path: Path) -> None:
    done = _run("run", "--reports-dir", str(tmp_path), "--features", str(tmp_path), str(tmp_path / "none"))
    assert done.returncode == 2
    assert "does not exist" in done.stderr
