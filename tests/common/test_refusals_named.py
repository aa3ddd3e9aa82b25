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
    ("注册码与身份信息不符", "注册码", True),
    ("验证码错误，请重新输入", "注册码", False),
    ("登录名已存在", "登录名", True),
    ("密码须为8-15位", "登录名", False),
    ("该手机号码已被注册", "手机号码", True),
    ("两次密码输入不同", "确认密码", True),
    ("短信验证码错误", "确认密码", False),
    ("身份校验失败：姓名、证件或手机号码与注册信息不符", "身份信息", True),
    ("短信验证码错误", "身份信息", False),
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


def test_a_refusal_on_any_screen_names_the_factor() -> None:
    """找回被拒绝 / 注册被拒绝 / 申报密码未被重置: no screen fixed, the message must still name the factor."""
    from steps.common.refusals import expect_refused_naming

    expect_refused_naming(Refused("短信验证码错误"), "短信验证码", "找回被拒绝")
    expect_refused_naming(Refused("验证码错误，请重新输入"), None, "找回被拒绝")
    with pytest.raises(AssertionError, match="提示指明注册码"):
        expect_refused_naming(Refused("请完整填写身份信息"), "注册码", "注册被拒绝")
