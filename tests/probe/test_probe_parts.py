"""The probe's parts that need no served portal: outcome comparison, hostile cases, figures, the CLI's options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etax_conformance.cli import _parser
from etax_conformance.hooks_check import load_document
from etax_conformance.probe import hooks_hostile, outcomes
from etax_conformance.probe.client import resident_id
from etax_conformance.probe.figures import Figure
from etax_conformance.probe.hostile_json import HOSTILE_VALUES, field_cases


def _run(folder: Path, statuses: dict[str, str]) -> Path:
    folder.mkdir()
    scenarios = [{"id": s, "status": v} for s, v in statuses.items()]
    (folder / "results.json").write_text(json.dumps({"scenarios": scenarios}), encoding="utf-8")
    return folder


def test_identical_runs_are_counted_and_a_difference_is_named(tmp_path: Path) -> None:
    a = _run(tmp_path / "a", {"s1": "passed", "s2": "failed"})
    b = _run(tmp_path / "b", {"s2": "failed", "s1": "passed"})
    c = _run(tmp_path / "c", {"s1": "passed", "s2": "passed"})
    identical, lines = outcomes.compare([a, b, c])
    assert identical == 2
    assert any("s2: failed → passed" in line for line in lines)
    assert outcomes.main([str(a), str(b)]) == 0
    assert outcomes.main([str(a), str(c)]) == 1


def test_a_run_without_results_is_never_identical(tmp_path: Path) -> None:
    a = _run(tmp_path / "a", {"s1": "passed"})
    (tmp_path / "empty").mkdir()
    assert outcomes.compare([a, tmp_path / "empty"])[0] == 1


def test_field_cases_keep_the_example_and_spoil_one_field() -> None:
    cases = field_cases({"minutes": 1, "note": "张"})
    assert len(cases) == 3 * len(HOSTILE_VALUES)
    _, body = next(c for c in cases if c[0] == "note=list")
    assert json.loads(body) == {"minutes": 1, "note": []}


def test_every_documented_body_and_the_v1_paths_are_targets() -> None:
    paths = {path for _, path, _ in hooks_hostile.targets(load_document())}
    assert "/__conformance__/v2/capabilities/seed.unit" in paths
    assert {"/__conformance__/v1/clock", "/__conformance__/v1/natural-persons"} <= paths
    assert "/__conformance__/v1/capabilities/seed.unit" in paths


def test_resident_ids_are_valid_and_distinct() -> None:
    from stdnum.cn import ric

    numbers = {resident_id(n) for n in range(20)}
    assert len(numbers) == 20
    assert all(ric.is_valid(n) for n in numbers)


def test_a_figure_prints_what_was_measured_and_what_it_must_be() -> None:
    assert Figure("row", "3 checked", "5", False).line() == "FAIL row: 3 checked (must: 5)"
    assert Figure("row", "5 checked", "5", True).line().startswith("ok ")


def test_probe_needs_a_token_with_a_portal_url() -> None:
    from etax_conformance.probe.run import run_probes

    args = _parser().parse_args(["probe", "--fast", "--only", "hooks", "--portal-url", "http://127.0.0.1:9"])
    assert args.fast
    assert args.only == ["hooks"]
    with pytest.raises(ValueError, match="--hooks-token"):
        run_probes(None, args.portal_url, None, args.fast, args.only)  # type: ignore[arg-type]
