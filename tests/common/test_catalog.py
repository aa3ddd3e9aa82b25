"""The requirement catalog loader: header, ids, required fields, the real ITS catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from etax_conformance.catalog import (
    COLUMNS,
    CatalogError,
    Requirement,
    catalog_files,
    catalog_sha256,
    load_catalog,
)

HEADER = ",".join(COLUMNS)
GUIDE = "its-withholding-client-real-name"

FOUNDATION_ROWS = {
    "ITS-1-01": "", "ITS-1-02": "", "ITS-1.1-01": "", "ITS-1.1-02": "", "ITS-1.1-03": "",
    "ITS-1.1-04": "", "ITS-1.1-05": "", "ITS-1.1-06": "", "ITS-1.1-07": "", "ITS-1.1-08": "",
    "ITS-1.1-09": "offline", "ITS-1.1-10": "", "ITS-2-01": "",
}


def row(requirement_id: str, reason: str = "scheduled") -> str:
    literals = "【忘记密码】 | 【登录】"
    return f"{requirement_id},{GUIDE},1.1 账号密码登录,密码错误5次后锁定,{literals},main text,{reason},"


def write(folder: Path, name: str, *lines: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_rows_in_order(tmp_path: Path) -> None:
    write(tmp_path, "its.csv", HEADER, row("ITS-1.1-06", ""), "", row("ITS-P-01"))
    first, second = load_catalog(tmp_path)
    assert first == Requirement("ITS-1.1-06", GUIDE, "1.1 账号密码登录", "密码错误5次后锁定",
                                "【忘记密码】 | 【登录】", "main text", "", "")
    assert first.literal_list == ("【忘记密码】", "【登录】")
    assert not first.scheduled
    assert second.scheduled


def test_bad_header_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "its.csv", "id,guide,section,rule,literals,confidence,reason", row("ITS-1-01"))
    with pytest.raises(CatalogError, match=r"its\.csv line 1: the header must be exactly"):
        load_catalog(tmp_path)


def test_duplicate_id_is_refused_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", HEADER, row("ITS-1-01"))
    write(tmp_path, "b.csv", HEADER, row("ITS-1-02"), row("ITS-1-01"))
    with pytest.raises(CatalogError, match=r"b\.csv line 3: id ITS-1-01 is already used at a\.csv line 2"):
        load_catalog(tmp_path)


@pytest.mark.parametrize("bad_id", ["its-1-01", "ITS-1-1", "ITS_1.1_01", "ITS-1.1-01 ", "1.1-01"])
def test_malformed_id_is_refused(tmp_path: Path, bad_id: str) -> None:
    write(tmp_path, "its.csv", HEADER, row(bad_id))
    with pytest.raises(CatalogError, match=r"line 2: id .* is not of the form"):
        load_catalog(tmp_path)


def test_empty_required_field_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "its.csv", HEADER, row("ITS-1-01"), f"ITS-1-02,{GUIDE},1 实名登录,,,main text,,")
    with pytest.raises(CatalogError, match=r"its\.csv line 3: the rule field is empty"):
        load_catalog(tmp_path)


def test_wrong_field_count_names_the_line_of_a_multiline_row(tmp_path: Path) -> None:
    write(tmp_path, "its.csv", HEADER, f'ITS-1-01,{GUIDE},1 实名登录,"两行\n规则",,main text,,', "ITS-1-02,x")
    with pytest.raises(CatalogError, match=r"line 4: expected 8 fields, found 2"):
        load_catalog(tmp_path)


def test_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no catalog files"):
        catalog_files(tmp_path)


def test_sha256_depends_on_bytes_not_argument_order(tmp_path: Path) -> None:
    a = write(tmp_path, "a.csv", HEADER, row("ITS-1-01"))
    b = write(tmp_path, "b.csv", HEADER, row("ITS-1-02"))
    assert catalog_sha256([b, a]) == catalog_sha256([a, b])
    before = catalog_sha256([a, b])
    write(tmp_path, "b.csv", HEADER, row("ITS-1-02", ""))
    assert catalog_sha256([a, b]) != before


def test_real_its_catalog_has_the_foundation_rows() -> None:
    rows = {r.id: r for r in load_catalog() if r.guide == GUIDE}
    assert 50 <= len(rows) <= 80
    for requirement_id, reason in FOUNDATION_ROWS.items():
        assert requirement_id in rows, requirement_id
        assert reason in rows[requirement_id].reason, requirement_id
        assert bool(reason) == bool(rows[requirement_id].reason), requirement_id
    # Rows the guide only implies (ITS-2.1-15, ITS-2.2.2-12) say so in their confidence.
    assert {r.confidence for r in rows.values()} <= {"main text", "implied (the guide is silent)"}
    assert rows["ITS-1.1-01"].literal_list == ("【实名登录-账号密码登录】",)
    assert rows["ITS-1.1-08"].literal_list == ("【忘记密码】",)
