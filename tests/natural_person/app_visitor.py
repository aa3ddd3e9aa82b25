"""A visitor of the 个人所得税APP entry for the service tests: presses controls like the web page would."""

from __future__ import annotations

from collections.abc import Mapping

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.common.views import View

APP = "个人所得税APP"


class App:
    """One visitor of the APP entry: presses controls with forms, keeps the page's values like a browser."""

    def __init__(self, portal: Portal) -> None:
        self.portal, self.session, self.view = portal, None, portal.view(None, APP)[1]

    def press(self, control: str, form: Mapping[str, str] | None = None) -> View:
        typed = {**self.view.values, **(form or {})}
        self.session, self.view = self.portal.act(self.session, control, typed, APP)
        return self.view

    def face_form(self, person: Identity) -> View:
        for control in ("注册", "人脸识别认证注册", "同意"):
            self.press(control)
        return self.press("开始人脸识别", {"证件类型": person.document_type.value,
                                           "证件号码": person.document_number, "姓名": person.name})

    def settings(self, person: Identity, sms_code: str | None = None) -> View:
        self.press("获取验证码", {"手机号码": person.phone})
        outbox = self.portal.test_control.call("sms.outbox", {"phone": person.phone})["messages"]
        code = sms_code if sms_code is not None else (outbox[-1]["code"] if outbox else "")
        return self.press("完成注册", {"登录名": person.login_name, "密码": person.password, "手机号码": person.phone,
                                       "短信验证码": code})
