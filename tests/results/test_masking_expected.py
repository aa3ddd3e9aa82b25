"""Masking keeps lengths and reaches into zips; expected-failure files are checked in plain words."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from drivers.masking import mask_folder, mask_text
from etax_conformance.report.expected import ExpectedFailuresError, expected_summary, load_expected


def test_id_and_phone_numbers_are_masked_keeping_their_length() -> None:
    text = "证件 11010119900307123X，手机 13800000000；哈希 ab11010119900307123400ff；时间 1764673748123"
    masked = mask_text(text)
    assert "1101**********123X" in masked
    assert "138****0000" in masked
    assert "ab11010119900307123400ff" in masked  # not inside a longer word
    assert "1764673748123" in masked  # a 13-digit number is not a phone
    assert len(masked) == len(text)


def test_every_text_and_zip_entry_of_a_folder_is_masked(tmp_path: Path) -> None:
    (tmp_path / "results.json").write_text('{"phone": "13912345678"}', encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "trace.zip", "w") as trace:
        trace.writestr("trace.trace", '{"value": "110101199003071234"}\n')
    mask_folder(tmp_path)
    assert "139****5678" in (tmp_path / "results.json").read_text(encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "trace.zip") as trace:
        assert trace.read("trace.trace").decode() == '{"value": "1101**********1234"}\n'


def test_expected_failures_need_an_id_and_a_reason(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("expected_failures:\n  - {id: 'a::b', reason: 'known bug 7'}\n", encoding="utf-8")
    assert load_expected(good) == {"a::b": "known bug 7"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: 'a::b'}\n", encoding="utf-8")
    with pytest.raises(ExpectedFailuresError, match="gives no 'reason'"):
        load_expected(bad)


def test_an_expected_failure_that_passes_is_reported() -> None:
    summary = expected_summary({"a": "r", "b": "r", "c": "r"}, "f.yaml", {"a": "passed", "b": "expected_failure"})
    assert summary["now_passing"] == ["a"]
    assert summary["not_in_run"] == ["c"]
