"""A visitor of the Qingdao e-tax bureau in the project's own tests: one session, the form it types, what it sees."""

from __future__ import annotations

from typing import Any

from simulator.bootstrap import Portal
from simulator.common.views import View
from simulator.qingdao.screens import ETAX

ID_NUMBER, PHONE, PASSWORD = "11010519491231002X", "13800138000", "Qd#pass2024"


class Visitor:
    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.session, self.view = portal.view(None, ETAX)

    def press(self, control: str, **form: str) -> View:
        self.session, self.view = self.portal.act(self.session, control, form, ETAX)
        return self.view

    def hook(self, capability: str, /, **payload: Any) -> dict[str, Any]:
        return self.portal.test_control.call(capability, payload)

    def seed(self, password: str | None = PASSWORD, level: int = 3, number: str = ID_NUMBER) -> None:
        self.hook("qingdao.seed_user", document_type="居民身份证", document_number=number, name="张三", phone=PHONE,
                  password=password, level=level)

    def first_factor(self, password: str = PASSWORD, number: str = ID_NUMBER, entry: str = "自然人业务") -> View:
        self.press(entry)
        return self.press("登录", 证件号码=number, 密码=password)

    def sms(self) -> View:
        self.press("获取验证码")
        code = self.hook("sms.outbox", phone=PHONE)["messages"][-1]["code"]
        return self.press("确定", 短信验证码=code)

    def log_in(self, password: str = PASSWORD) -> View:
        self.first_factor(password)
        return self.sms()
