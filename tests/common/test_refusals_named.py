"""ITS and Liaoning refusals name the factor the scenario made wrong (issue 19): a captcha's refusal never passes for a
wrong password, nor a password's for a wrong captcha; the mechanism is Qingdao's, shared (steps/common/refusals.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from steps.common.expect import expect_refused_on
from steps.common.refusals import blame, blamed


@dataclass
class Refused:
    """A page that refused with this message, on this screen."""

    said: str
    where: str = "实名登录"

    def message(self) -> str:
        return self.said

    def screen(self) -> str:
        return self.where

    def is_refused(self) -> bool:
        return True

    def is_locked(self) -> bool:
        return False

    def shows_field(self, name: str) -> bool:
        return name == "验证码"


@pytest.mark.parametrize(("message", "factor", "passes"), [
    ("账号或密码错误，再错3次账号将被锁定", "密码", True),
    ("登录失败：密码不正确，剩余尝试次数3", "密码", True),
    ("验证码错误，请重新输入", "密码", False),
    ("图形验证码不正确", "密码", False),
    ("账号或密码错误，再错3次账号将被锁定", "验证码", False),
    ("图形验证码不能为空", "验证码", True),
    ("短信验证码错误", "验证码", False),
    ("申报密码错误，再错4次申报密码将被锁定", "申报密码", True),
    ("请阅读并勾选服务协议", "服务协议", True),
    ("验证码错误，请重新输入", "服务协议", False),
    ("协议密码不正确", "协议密码", True),
    ("验证码错误，请重新输入", None, True),
])
def test_the_refusal_must_name_the_factor(message: str, factor: str | None, passes: bool) -> None:
    wrong: dict[str, str] = {}
    blame(wrong, factor)
    check = lambda: expect_refused_on(Refused(message), "实名登录", "登录被拒绝", naming=blamed(wrong))  # noqa: E731
    if passes:
        check()
    else:
        with pytest.raises(AssertionError, match=f"提示指明{factor}"):
            check()


def test_a_blame_is_checked_once() -> None:
    wrong: dict[str, str] = {}
    blame(wrong, "密码")
    assert blamed(wrong) == "密码"
    assert blamed(wrong) is None
