"""FAQ 11 password methods (用户名, 手机验证码, 税务数字证书): first factor, then the second; failures per method."""

from __future__ import annotations

import pytest

from simulator.bootstrap import Portal
from simulator.common.test_control import SeedError
from simulator.qingdao.screens import QdScreen
from tests.qingdao.qingdao_visitor import ID_NUMBER, PASSWORD, PHONE, Visitor

PIN = "88888888"


def _seeded(portal: Portal) -> Visitor:
    visitor = Visitor(portal)
    visitor.hook("qingdao.seed_user", document_type="居民身份证", document_number=ID_NUMBER, name="张三", phone=PHONE,
                 password=PASSWORD, level=4, user_name="zhangsan01")
    return visitor


def test_the_user_name_and_password_pass_only_the_first_factor(portal: Portal) -> None:
    visitor = _seeded(portal)
    visitor.press("用户名登录")
    assert visitor.press("登录", 用户名="nobody99", 密码=PASSWORD).message.text == "该用户未注册"  # type: ignore[union-attr]
    assert visitor.press("登录", 用户名="zhangsan01", 密码="Wrong#pass1").refused
    assert visitor.press("登录", 用户名="zhangsan01", 密码=PASSWORD).screen == QdScreen.SECOND_FACTOR
    assert visitor.sms().screen == QdScreen.HOME


def test_the_mobile_code_is_a_first_factor_and_a_number_nobody_uses_gets_no_code(portal: Portal) -> None:
    visitor = _seeded(portal)
    visitor.press("手机验证码登录")
    visitor.press("获取验证码", 手机号码="13900000000")
    assert visitor.hook("sms.outbox", phone="13900000000")["messages"] == []
    assert visitor.view.message is not None
    assert not visitor.view.refused
    visitor.press("获取验证码", 手机号码=PHONE)
    code = visitor.hook("sms.outbox", phone=PHONE)["messages"][-1]["code"]
    assert visitor.press("登录", 手机号码=PHONE, 短信验证码="000000" if code != "000000" else "111111").refused
    assert visitor.press("登录", 手机号码=PHONE, 短信验证码=code).screen == QdScreen.SECOND_FACTOR


def test_five_wrong_codes_do_not_lock_the_password_method(portal: Portal) -> None:
    """FAQ 14: failures are counted per 认证方式."""
    visitor = _seeded(portal)
    visitor.press("手机验证码登录")
    for _ in range(5):
        visitor.press("获取验证码", 手机号码=PHONE)
        visitor.press("登录", 手机号码=PHONE, 短信验证码="x")
    visitor.press("获取验证码", 手机号码=PHONE)
    assert visitor.press("登录", 手机号码=PHONE, 短信验证码="x").locked
    visitor.press("证件号码登录")
    assert visitor.press("登录", 证件号码=ID_NUMBER, 密码=PASSWORD).screen == QdScreen.SECOND_FACTOR


@pytest.mark.parametrize("device", ["金税盘", "税控盘", "税务UKey"])
def test_a_certificate_logs_in_to_the_enterprise_after_its_password_and_the_second_factor(portal: Portal,
                                                                                         device: str) -> None:
    visitor = _seeded(portal)
    visitor.press("自然人业务")
    visitor.press("税务数字证书登录")
    assert visitor.press("登录", 证书密码=PIN).refused  # nothing plugged in
    visitor.hook("qingdao.certificate.plug", device=device, tax_id="91370200MA3C0000XX", enterprise_name="甲公司",
                 holder=ID_NUMBER, password=PIN)
    assert visitor.press("登录", 证书密码="12345678").refused
    assert visitor.press("登录", 证书密码=PIN).screen == QdScreen.SECOND_FACTOR
    view = visitor.sms()
    assert view.screen == QdScreen.HOME
    assert ("业务", "企业业务") in view.rows
    visitor.hook("qingdao.certificate.unplug")
    visitor.press("退出")
    visitor.press("税务数字证书登录")
    assert visitor.press("登录", 证书密码=PIN).refused


@pytest.mark.parametrize("payload", [{}, {"device": "U盘", "tax_id": "1", "enterprise_name": "甲", "holder": "1",
                                          "password": "1"}, {"device": "金税盘", "tax_id": 5}])
def test_a_device_the_hooks_cannot_plug_in_is_a_clear_error(portal: Portal, payload: dict[str, object]) -> None:
    with pytest.raises(SeedError):
        portal.test_control.call("qingdao.certificate.plug", payload)
