"""The trace re-run's bookkeeping (etax_conformance/trace_rerun.py) against a stand-in child run: which failed
scenarios run again (the cap), what each records, where its trace goes, and that nothing of the first run changes
— not even when the child crashes. The browser runs themselves: test_browser_evidence.py."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from etax_conformance.trace_rerun import SCRATCH, rerun_failed


def scenario(sid: str, status: str, failed_at: int | None = None) -> dict[str, Any]:
    steps = [{"keyword": "当", "name": f"step {i}", "status": "passed"} for i in range(3)]
    if failed_at is not None:
        steps[failed_at]["status"] = "failed"
        for later in steps[failed_at + 1:]:
            later["status"] = "skipped"
    return {"id": sid, "status": status, "duration": 1.5, "detail": f"why {sid}" if status == "failed" else "",
            "steps": steps, "evidence": [f"evidence/{sid[-1]}/screenshot.png"] if status == "failed" else []}


def first_run(tmp_path: Path, scenarios: list[dict[str, Any]]) -> Path:
    run = tmp_path / "run"
    run.mkdir()
    (run / "results.json").write_text(json.dumps({"summary": {"failed": 1}, "scenarios": scenarios}), "utf-8")
    return run


def stand_in_child(tmp_path: Path, outcomes: dict[str, tuple[str, int | None]]) -> Any:
    """child_args for a child that "re-runs" the listed ids: a tiny pytest file writing the child's results.json
    (status, steps, a trace in evidence/<last letter of the id>/) as the real child would."""
    seen: dict[str, list[str]] = {}

    def child_args(child_dir: Path, ids: Path) -> list[str]:
        seen["ids"] = ids.read_text(encoding="utf-8").splitlines()
        fake = tmp_path / "test_stand_in_child.py"
        fake.write_text(f"""
import json, pathlib, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from test_trace_rerun import scenario

def test_child():
    run = pathlib.Path({str(child_dir)!r})
    outcomes = {outcomes!r}
    done = []
    for sid in pathlib.Path({str(ids)!r}).read_text(encoding="utf-8").splitlines():
        status, at = outcomes[sid]
        again = scenario(sid, status, at)
        folder = run / "evidence" / sid[-1]
        folder.mkdir(parents=True)
        (folder / "trace.zip").write_bytes(b"PK trace of " + sid.encode())
        again["evidence"] = [f"evidence/{{sid[-1]}}/trace.zip"]
        done.append(again)
    (run / "results.json").write_text(json.dumps({{"scenarios": done}}), encoding="utf-8")
""", encoding="utf-8")
        return [str(fake), "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "--rootdir", str(tmp_path)]

    child_args.seen = seen  # type: ignore[attr-defined]
    return child_args


def test_the_first_failures_up_to_the_cap_rerun_and_keep_their_first_verdict(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ETAX_TRACE_RERUNS", "2")
    scenarios = [scenario("f::a", "failed", 1), scenario("f::p", "passed"), scenario("f::b", "failed", 0),
                 scenario("f::c", "failed", 2)]
    run = first_run(tmp_path, scenarios)
    child = stand_in_child(tmp_path, {"f::a": ("failed", 1), "f::b": ("passed", None)})
    rerun_failed(run, child)
    assert child.seen["ids"] == ["f::a", "f::b"]  # the first two failed, in results order
    after = json.loads((run / "results.json").read_text(encoding="utf-8"))["scenarios"]
    a, p, b, c = after
    assert a["trace_rerun"] == {"status": "failed", "same_step": True, "step": "当 step 1",
                                "trace": "evidence/a/trace.zip"}
    assert b["trace_rerun"] == {"status": "passed", "note": "the re-run passed: the failure did not repeat",
                                "trace": "evidence/b/trace.zip"}
    assert c["trace_rerun"]["status"] == "not_run"
    assert "ETAX_TRACE_RERUNS=2" in c["trace_rerun"]["note"]
    assert "trace_rerun" not in p
    assert (run / "evidence/a/trace.zip").read_bytes() == b"PK trace of f::a"
    assert a["evidence"] == ["evidence/a/screenshot.png", "evidence/a/trace.zip"]
    for before, now in zip(scenarios, after, strict=True):  # the first run's verdict, steps, duration, detail
        assert {k: v for k, v in now.items() if k not in ("trace_rerun", "evidence")} == \
            {k: v for k, v in before.items() if k != "evidence"}
    assert not (run / SCRATCH).exists()
    assert "trace re-run: 2 failed scenario(s) run again" in capsys.readouterr().err


def test_a_failure_at_another_step_says_which(tmp_path: Path) -> None:
    run = first_run(tmp_path, [scenario("f::a", "failed", 0)])
    rerun_failed(run, stand_in_child(tmp_path, {"f::a": ("failed", 2)}))
    [a] = json.loads((run / "results.json").read_text(encoding="utf-8"))["scenarios"]
    assert a["trace_rerun"]["same_step"] is False
    assert a["trace_rerun"]["step"] == "当 step 2"


def test_a_child_that_crashes_changes_nothing_but_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenarios = [scenario("f::a", "failed", 0)]
    run = first_run(tmp_path, copy.deepcopy(scenarios))
    rerun_failed(run, lambda child, ids: [str(tmp_path / "no_such_test.py"), "-q", "-p", "no:cacheprovider"])
    [a] = json.loads((run / "results.json").read_text(encoding="utf-8"))["scenarios"]
    assert a["trace_rerun"]["status"] == "not_run"
    assert "without results" in a["trace_rerun"]["note"]
    assert {k: v for k, v in a.items() if k != "trace_rerun"} == scenarios[0]
    assert "the run's results are unchanged" in capsys.readouterr().err
    assert not (run / SCRATCH).exists()


def test_nothing_failed_nothing_rerun(tmp_path: Path) -> None:
    run = first_run(tmp_path, [scenario("f::p", "passed")])
    before = (run / "results.json").read_text(encoding="utf-8")

    def no_child(child: Path, ids: Path) -> list[str]:
        raise AssertionError("no child run when nothing failed")

    rerun_failed(run, no_child)
    assert (run / "results.json").read_text(encoding="utf-8") == before
