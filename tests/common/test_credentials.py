"""Login-name and password rules of ITS §2 at their boundaries."""

from __future__ import annotations

import pytest

from vocabulary.credentials import login_name_problem, password_problem


@pytest.mark.parametrize(("name", "ok"), [
    ("a", False), ("ab", True), ("a" * 16, True), ("a" * 17, False), ("张三", True), ("张_3", True),
    ("12345", False), ("ab-c", False), ("ab c", False), ("𠮷野", True),
])
def test_login_name_rule(name: str, ok: bool) -> None:
    assert (login_name_problem(name) is None) is ok


@pytest.mark.parametrize(("password", "ok"), [
    ("Abc1234", False), ("Abc12345", True), ("Abc12345678901!", True), ("Abc123456789012!", False),
    ("abcdefgh1", False), ("abcdefg1!", True), ("ABCDEFG1!", True), ("Abc 12345", False), ("abcdEFGH", False),
])
def test_password_rule(password: str, ok: bool) -> None:
    assert (password_problem(password) is None) is ok
