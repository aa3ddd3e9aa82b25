"""A Qingdao refusal passes only when its message names the factor the rule refuses: a captcha's refusal never passes
for a wrong password or SMS code (issue 19: 「密码错误时第一验证因子不通过」 passed on a captcha refusal)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from steps.common.refusals import names


@dataclass
class Page:
    """What the refusal check reads of a portal: the message, and which fields are shown."""

    shown: str
    fields: set[str] = field(default_factory=set)

    def message(self) -> str:
        return self.shown

    def shows_field(self, name: str) -> bool:
        return name in self.fields


@pytest.mark.parametrize(("message", "factor", "named"), [
    ("账号或密码错误", "密码", True),
    ("证件号码或密码不正确，还可尝试3次", "密码", True),
    ("验证码错误", "密码", False),
    ("图形验证码错误", "短信验证码", False),
    ("短信验证码错误", "短信验证码", True),
    ("证书密码错误", "证书密码", True),
    ("未检测到税务数字证书，请插入金税盘、税控盘或税务UKey", "税务数字证书", True),
    ("人脸识别未通过", "刷脸验证", True),
    ("短信验证码错误", "刷脸验证", False),
    ("用户名一年只能修改一次", "用户名一年可修改一次", True),
    ("使用该证件注册，请先前往办税服务场所采集实名信息", "实名信息采集", True),
])
def test_a_refusal_names_its_factor(message: str, factor: str, named: bool) -> None:
    assert names(Page(message), factor) is named  # type: ignore[arg-type]


def test_with_a_captcha_on_the_page_the_sms_refusal_must_say_sms() -> None:
    assert not names(Page("验证码错误", {"验证码"}), "短信验证码")  # type: ignore[arg-type]
    assert names(Page("短信验证码错误", {"验证码"}), "短信验证码")  # type: ignore[arg-type]
