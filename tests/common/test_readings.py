"""Declared readings and absent flows: the catalog files, tags, a profile's declaration, and the run's statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from etax_conformance.paths import CATALOG_DIR, FEATURES_DIR, PROFILES_DIR, ROOT
from etax_conformance.readings import (
    Declared,
    ReadingsError,
    load_declared,
    load_flows,
    load_readings,
    not_applicable,
    reading_coverage_errors,
    split_tag,
    tag_errors,
)

READINGS = load_readings(CATALOG_DIR)
FLOWS = load_flows(CATALOG_DIR)


def test_the_catalog_names_the_its_readings_and_flows() -> None:
    assert {"ITS-R01", "ITS-R02", "ITS-R03", "ITS-R04"} <= set(READINGS)
    assert list(READINGS["ITS-R03"].choices) == ["exact-168-hours", "through-seventh-day"]
    assert {"its-ca-login", "its-former-password-login", "its-ca-unit-check"} <= set(FLOWS)


def test_split_tag() -> None:
    assert split_tag("READING_ITS-R01=any-identifier") == ("reading", "ITS-R01", "any-identifier")
    assert split_tag("FLOW_its-ca-login") == ("flow", "its-ca-login", "")
    assert split_tag("REQ_ITS-1.1-01") is None


def test_unknown_ids_slugs_and_flows_are_named() -> None:
    errors = tag_errors({"READING_ITS-R99=x", "READING_ITS-R01=nope", "FLOW_none", "READING_ITS-R01=any-identifier"},
                        READINGS, FLOWS)
    assert len(errors) == 3
    assert any("ITS-R99" in e for e in errors)
    assert any("'nope'" in e for e in errors)
    assert any("'none'" in e for e in errors)


def test_a_reading_row_needs_slug_choices(tmp_path: Path) -> None:
    (tmp_path / "readings.csv").write_text("id,guide,section,question,choices,notes\n"
                                           "ITS-R01,g,s,q,Only One=说明,\n", encoding="utf-8")
    with pytest.raises(ReadingsError, match="line 2"):
        load_readings(tmp_path)


def test_the_simulator_profile_declares_one_slug_per_its_reading() -> None:
    declared = load_declared(PROFILES_DIR / "simulator.yaml", READINGS, FLOWS)
    assert {rid for rid in READINGS if rid.startswith("ITS-")} <= set(declared.readings)
    assert declared.readings["ITS-R01"] == "login-name-or-phone"
    assert declared.absent == ()


def test_a_profile_with_an_unknown_slug_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("readings: {ITS-R01: maybe}\n", encoding="utf-8")
    with pytest.raises(ReadingsError, match="no choice 'maybe'"):
        load_declared(profile, READINGS, FLOWS)


def test_not_applicable_names_the_reading_and_both_slugs() -> None:
    declared = Declared({"ITS-R04": "single-use"}, ("its-ca-login",))
    assert not_applicable({"READING_ITS-R04=single-use"}, declared, READINGS, FLOWS) is None
    other = not_applicable({"READING_ITS-R04=reusable-until-expiry"}, declared, READINGS, FLOWS)
    assert other is not None
    assert other.startswith("not applicable: ")
    assert "single-use" in other
    assert "reusable-until-expiry" in other
    undeclared = not_applicable({"READING_ITS-R03=exact-168-hours"}, declared, READINGS, FLOWS)
    assert undeclared is not None
    assert "declares no reading of ITS-R03" in undeclared
    absent = not_applicable({"FLOW_its-ca-login"}, declared, READINGS, FLOWS)
    assert absent is not None
    assert "its-ca-login" in absent


def test_every_reading_choice_has_scenarios() -> None:
    from etax_conformance.coverage import scan_features

    scenarios, _ = scan_features(FEATURES_DIR)
    assert reading_coverage_errors((s.tags for s in scenarios), READINGS, FLOWS) == []


def test_a_choice_without_scenarios_needs_a_note() -> None:
    silent = replace(READINGS["ITS-R04"], notes="")
    errors = reading_coverage_errors([{"READING_ITS-R04=single-use"}], {"ITS-R04": silent}, FLOWS)
    assert len(errors) == 1
    assert "reusable-until-expiry" in errors[0]
    assert reading_coverage_errors([{"READING_ITS-R04=single-use"}], {"ITS-R04": READINGS["ITS-R04"]}, FLOWS) == []


TAGGED = """# language: zh-CN
功能: 读法标签
  @REQ_ITS-1.1-01 @READING_ITS-R04=single-use
  场景: 声明的读法
    当 打开扣缴客户端登录界面
    那么 页面默认显示【实名登录-账号密码登录】

  @REQ_ITS-1.1-01 @READING_ITS-R04=reusable-until-expiry
  场景: 另一读法
    当 打开扣缴客户端登录界面
    那么 页面默认显示【扫码登录】

  @REQ_ITS-1.1-01
  场景大纲: 例子上的标签
    当 打开扣缴客户端登录界面
    那么 页面默认显示【<页签>】

    @READING_ITS-R03=exact-168-hours
    例子:
      | 页签                  |
      | 实名登录-账号密码登录 |

    @READING_ITS-R03=through-seventh-day
    例子:
      | 页签     |
      | 扫码登录 |

  @REQ_ITS-1.1-01 @FLOW_its-ca-login
  场景: 可能没有的流程
    当 打开扣缴客户端登录界面
    那么 页面默认显示【扫码登录】
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etax_conformance", "run", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)


def test_scenarios_of_other_readings_and_absent_flows_are_not_applicable(tmp_path: Path) -> None:
    feature = tmp_path / "tagged.feature"
    feature.write_text(TAGGED, encoding="utf-8")
    profile = tmp_path / "p.yaml"
    profile.write_text((PROFILES_DIR / "simulator.yaml").read_text(encoding="utf-8")
                       .replace("absent: []", "absent: [its-ca-login]"), encoding="utf-8")
    done = _run("--features", str(feature), "--profile", str(profile), "--reports-dir", str(tmp_path),
                "--run-id", "r")
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    statuses = {s["name"]: s["status"] for s in results["scenarios"]}
    assert statuses == {"声明的读法": "passed", "另一读法": "not_applicable",
                        "例子上的标签 [实名登录-账号密码登录]": "passed", "例子上的标签 [扫码登录]": "not_applicable",
                        "可能没有的流程": "not_applicable"}
    assert results["readings"]["ITS-R04"] == "single-use"
    assert results["absent"] == ["its-ca-login"]


def test_an_unknown_reading_tag_stops_the_run_in_plain_words(tmp_path: Path) -> None:
    feature = tmp_path / "typo.feature"
    feature.write_text(TAGGED.replace("ITS-R04=single-use", "ITS-R04=singel-use"), encoding="utf-8")
    done = _run("--features", str(feature), "--reports-dir", str(tmp_path), "--run-id", "t")
    assert done.returncode not in (0, 1)
    assert "reading ITS-R04 has no choice 'singel-use'" in done.stdout + done.stderr
