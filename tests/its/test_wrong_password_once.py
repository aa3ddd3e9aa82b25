"""A wrong password is never sent twice, even when the portal asks for a captcha only after refusing it (issue 19)."""

from __future__ import annotations

from typing import Any

from steps.its.concurrent_lock_steps import _press_login
from steps.its.concurrent_unit_lock_steps import _submit


class CountingPortal:
    """A portal that shows the captcha only after a refusal and counts every press (as another team's portal did)."""

    def __init__(self) -> None:
        self.presses: list[dict[str, str]] = []
        self.typed: dict[str, str] = {}
        self.captcha_shown = False

    def shows_field(self, field: str) -> bool:
        return field == "验证码" and self.captcha_shown

    def fill(self, field: str, value: str) -> None:
        self.typed[field] = value

    def current_captcha(self) -> str:
        return "1234"

    def click(self, control: str) -> None:
        self.presses.append(dict(self.typed))
        self.captcha_shown = True

    def is_refused(self) -> bool:
        return True

    def is_locked(self) -> bool:
        return False

    def screen(self) -> str:
        return "登录"

    def message(self) -> str:
        return self.said

    said = "账号或密码错误，请输入验证码"

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"unexpected call {name}")


def test_a_wrong_password_is_pressed_once() -> None:
    portal = CountingPortal()
    portal.fill("密码", "wrong")
    _press_login(portal, "wrong", right=False)  # type: ignore[arg-type]
    assert len(portal.presses) == 1


def test_a_wrong_declaration_password_is_submitted_once() -> None:
    portal = CountingPortal()
    _submit(portal, "wrong", right=False)  # type: ignore[arg-type]
    assert len(portal.presses) == 1


def test_a_right_password_is_typed_again_with_the_captcha() -> None:
    portal = CountingPortal()
    _press_login(portal, "right", right=True)  # type: ignore[arg-type]
    assert len(portal.presses) == 2
    assert portal.presses[1] == {"密码": "right", "验证码": "1234"}


def test_a_press_refused_for_the_captcha_alone_was_not_a_check_and_is_answered() -> None:
    portal = CountingPortal()
    portal.said = "请输入验证码"
    _press_login(portal, "wrong", right=False)  # type: ignore[arg-type]
    assert len(portal.presses) == 2
