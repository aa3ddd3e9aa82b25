"""selfcheck (issue 20): the switch registry is sound, verdicts are honest, and an unnoticed switch fails the check."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from etax_conformance.catalog import load_catalog
from etax_conformance.selfcheck import ELSEWHERE, KILLED, SURVIVED, classify, features_for, sample
from etax_conformance.selfcheck_coverage import untested_rows
from simulator import deviations

ROOT = Path(__file__).resolve().parents[2]
HOOK = re.compile(r'deviations\.on\("([A-Z0-9_]+)"\)|"([A-Z0-9_]+_[A-Z0-9_]+)" if request\.purpose')


def _hooked_names() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "simulator").rglob("*.py"):
        if path.name in ("deviations.py", "deviation_list.py"):
            continue
        for match in HOOK.finditer(path.read_text(encoding="utf-8")):
            names.add(match.group(1) or match.group(2))
        # A name handed to face_passes(…, deviation) is hooked there.
        names.update(re.findall(r'"([A-Z]{2,3}_[A-Z0-9_]+)"\):', path.read_text(encoding="utf-8")))
    return names


def test_every_switch_has_a_hook_and_every_hook_a_switch() -> None:
    registry = deviations.load()
    hooked = _hooked_names()
    assert sorted(set(registry) - hooked) == [], "switches no simulator code asks for"
    assert sorted(hooked - set(registry)) == [], "hooks whose name is not registered"


def test_every_switch_names_catalog_rows_that_features_carry() -> None:
    ids = {req.id for req in load_catalog()}
    for deviation in deviations.load().values():
        assert set(deviation.rows) <= ids, deviation.name
        assert features_for(deviation.rows), f"{deviation.name}: no feature carries {deviation.rows}"


def test_switches_are_off_unless_activated_and_unknown_names_are_refused() -> None:
    deviations.activate([])
    assert not deviations.on("ITS_LOCK_AFTER_6")
    deviations.activate(["ITS_LOCK_AFTER_6"])
    try:
        assert deviations.on("ITS_LOCK_AFTER_6")
        assert not deviations.on("ITS_LOCK_60_MINUTES")
        with pytest.raises(KeyError):
            deviations.on("NO_SUCH_SWITCH")
    finally:
        deviations.activate([])
    with pytest.raises(ValueError, match="unknown deviation"):
        deviations.parse("ITS_LOCK_AFTER_6,NO_SUCH_SWITCH")


def test_only_a_failed_scenario_carrying_the_rows_kills() -> None:
    rows = ("ITS-1.1-06",)
    carrying = {"id": "a", "status": "failed", "requirements": ["ITS-1.1-06"]}
    other = {"id": "b", "status": "failed", "requirements": ["ITS-1.1-07"]}
    unverifiable = {"id": "c", "status": "not_verifiable", "requirements": ["ITS-1.1-06"]}
    not_applicable = {"id": "d", "status": "not_applicable", "requirements": ["ITS-1.1-06"]}
    assert classify(rows, [carrying, other])[0] == KILLED
    assert classify(rows, [other])[0] == ELSEWHERE
    assert classify(rows, [unverifiable, not_applicable])[0] == SURVIVED


def test_sample_is_spread_and_stable() -> None:
    names = [f"S{i}" for i in range(10)]
    assert sample(names, 3) == {"S0", "S3", "S6"}
    assert sample(names, 0) == set()


def test_coverage_switches_lists_rows_no_switch_breaks() -> None:
    missing, testable = untested_rows()
    broken = {row for d in deviations.load().values() for row in d.rows}
    assert testable > len(missing) > 0
    assert not broken & set(missing)


def test_a_switch_no_scenario_notices_fails_selfcheck(tmp_path: Path) -> None:
    """A switch registered without a catching scenario (hooked nowhere) survives: selfcheck exits 1 and says so."""
    env = {**os.environ, deviations.EXTRA_MODULE_ENV: "tests.selfcheck.dummy_switch",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    reports = tmp_path / "reports"
    reports.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "etax_conformance", "selfcheck", "--only", "TEST_DUMMY_UNNOTICED", "--skip-conformant",
         "--whole-sample", "0", "--workers", "1", "--run-id", "dummy"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "NOT KILLED TEST_DUMMY_UNNOTICED" in done.stdout
    document = json.loads((reports / "dummy" / "selfcheck.json").read_text(encoding="utf-8"))
    assert document["switches"][0]["verdict"] == SURVIVED
    assert "偏差开关" in (reports / "dummy" / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("variant", ["default", "alt"])
def test_a_word_switch_reaches_the_web_page_not_only_the_view(variant: str) -> None:
    """The browser reads the page, not the simulator's view: a switch that changed only the view survived the
    browser selfcheck (ITS_DEFAULT_TAB_WORD, found by the documented browser sample)."""
    from simulator.variant import Variant
    from simulator.web.app import create_app

    deviations.activate(["ITS_DEFAULT_TAB_WORD"])
    try:
        page = create_app(variant=Variant.named(variant)).test_client().get("/", follow_redirects=True)
    finally:
        deviations.activate([])
    assert "账号密码登陆" in page.get_data(as_text=True)


def test_the_download_label_switch_reaches_the_qr_page() -> None:
    """ITS_DOWNLOAD_LABEL (【手机端下载】 misworded) survived the browser sample while it changed only the view."""
    from simulator.web.app import create_app

    client = create_app().test_client()
    plain = client.post("/act", data={"_control": "二维码登录"}, follow_redirects=True).get_data(as_text=True)
    assert "手机端下载" in plain
    deviations.activate(["ITS_DOWNLOAD_LABEL"])
    try:
        client = create_app().test_client()
        page = client.post("/act", data={"_control": "二维码登录"}, follow_redirects=True).get_data(as_text=True)
    finally:
        deviations.activate([])
    assert "手机下载" in page
    assert "手机端下载" not in page
