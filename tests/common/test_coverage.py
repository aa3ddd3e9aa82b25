"""The coverage command: rows covered by @REQ_ tags, with a reason, or neither; unknown tags."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from etax_conformance.catalog import COLUMNS
from etax_conformance.coverage import run_coverage, scan_features, scenarios_by_requirement

GUIDE = "its-withholding-client-real-name"

LOGIN_FEATURE = """\
# language: zh-CN
@REQ_ITS-1-01
功能: 账号密码登录

  @REQ_ITS-1.1-01
  场景: 默认为账号密码登录
    假如 打开登录页面
    那么 看到【实名登录-账号密码登录】

  规则: 锁定
    @REQ_ITS-1.1-06
    场景大纲: 密码错误 <次数> 次
      当 输错密码 <次数> 次
      @REQ_ITS-1.1-07
      例子:
        | 次数 |
        | 5    |
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "catalog").mkdir()
    (tmp_path / "features" / "its").mkdir(parents=True)
    (tmp_path / "features" / "its" / "login.feature").write_text(LOGIN_FEATURE, encoding="utf-8")
    return tmp_path


def catalog(repo: Path, **reasons: str) -> None:
    """One row per keyword argument: ITS_1_1_01="" becomes row ITS-1.1-01 with an empty reason."""
    lines = [",".join(COLUMNS)]
    for key, reason in reasons.items():
        prefix, *section, number = key.split("_")
        requirement_id = f"{prefix}-{'.'.join(section)}-{number}"
        lines.append(f"{requirement_id},{GUIDE},1.1 账号密码登录,规则,,main text,{reason},")
    (repo / "catalog" / "its.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def coverage(repo: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = run_coverage(out, repo / "catalog", repo / "features")
    return code, out.getvalue()


def test_tags_are_inherited_from_feature_rule_and_examples(repo: Path) -> None:
    scenarios, errors = scan_features(repo / "features")
    assert errors == []
    mapping = {k: [str(s) for s in v] for k, v in scenarios_by_requirement(scenarios).items()}
    assert mapping == {
        "ITS-1-01": ["features/its/login.feature:6 默认为账号密码登录",
                     "features/its/login.feature:12 密码错误 <次数> 次"],
        "ITS-1.1-01": ["features/its/login.feature:6 默认为账号密码登录"],
        "ITS-1.1-06": ["features/its/login.feature:12 密码错误 <次数> 次"],
        "ITS-1.1-07": ["features/its/login.feature:12 密码错误 <次数> 次"],
    }


def test_covered_and_reasoned_rows_pass(repo: Path) -> None:
    catalog(repo, ITS_1_01="", ITS_1_1_01="", ITS_1_1_06="", ITS_1_1_07="",
            ITS_1_2_01="scheduled", ITS_1_1_09="offline procedure at the tax hall")
    code, text = coverage(repo)
    assert code == 0, text
    assert "ITS-1-01       covered       1.1 账号密码登录 — 2 scenarios" in text
    assert "ITS-1.2-01     scheduled" in text
    assert "ITS-1.1-09     not testable  1.1 账号密码登录 — offline procedure at the tax hall" in text
    assert GUIDE + "      6             4             1             1             0" in text
    assert "Coverage OK" in text


def test_row_with_neither_scenario_nor_reason_fails(repo: Path) -> None:
    catalog(repo, ITS_1_01="", ITS_1_1_01="", ITS_1_1_06="", ITS_1_1_07="", ITS_1_2_02="")
    code, text = coverage(repo)
    assert code == 1
    assert "ITS-1.2-02     MISSING" in text
    assert "ITS-1.2-02 (1.1 账号密码登录) has no scenario and no reason" in text
    assert "Coverage failed: 1 error." in text


def test_tag_naming_an_unknown_id_fails(repo: Path) -> None:
    catalog(repo, ITS_1_01="", ITS_1_1_01="", ITS_1_1_06="")
    code, text = coverage(repo)
    assert code == 1
    assert ("features/its/login.feature:12 密码错误 <次数> 次 is tagged @REQ_ITS-1.1-07, "
            "but no catalog row has that id") in text


def test_scheduled_row_with_scenarios_gets_a_note(repo: Path) -> None:
    catalog(repo, ITS_1_01="", ITS_1_1_01="scheduled", ITS_1_1_06="", ITS_1_1_07="")
    code, text = coverage(repo)
    assert code == 0, text
    assert 'ITS-1.1-01 is covered by 1 scenario but its reason still says "scheduled"' in text


def test_unparsable_feature_is_an_error(repo: Path) -> None:
    catalog(repo, ITS_1_01="", ITS_1_1_01="", ITS_1_1_06="", ITS_1_1_07="")
    (repo / "features" / "its" / "broken.feature").write_text(
        "# language: zh-CN\n功能: 坏\n  @REQ_ITS-1-01\n", encoding="utf-8")
    code, text = coverage(repo)
    assert code == 1
    assert "features/its/broken.feature cannot be parsed as Gherkin: Parser errors: (4:0)" in text


READINGS_HEADER = "id,guide,section,question,choices,notes\n"


def test_a_reading_slug_without_a_scenario_fails(repo: Path) -> None:
    catalog(repo, ITS_1_01="", ITS_1_1_01="", ITS_1_1_06="", ITS_1_1_07="")
    feature = repo / "features" / "its" / "login.feature"
    feature.write_text(LOGIN_FEATURE.replace("  @REQ_ITS-1.1-01\n", "  @REQ_ITS-1.1-01 @READING_ITS-R09=one-way\n"),
                       encoding="utf-8")
    (repo / "catalog" / "readings.csv").write_text(
        READINGS_HEADER + f"ITS-R09,{GUIDE},1.1,问题,one-way=一种读法|other-way=另一种读法,\n", encoding="utf-8")
    code, text = coverage(repo)
    assert code == 1, text
    assert "reading ITS-R09 choice other-way has no scenario tagged @READING_ITS-R09=other-way" in text
    assert "Coverage failed: 1 error." in text
    (repo / "catalog" / "readings.csv").write_text(
        READINGS_HEADER + f"ITS-R09,{GUIDE},1.1,问题,one-way=一种读法|other-way=另一种读法,"
        "no scenario for other-way because it cannot be observed\n", encoding="utf-8")
    code, text = coverage(repo)
    assert code == 0, text
