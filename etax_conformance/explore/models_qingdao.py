"""The model of the Qingdao FAQ's password login and its lockout (青岛 FAQ 9, 11, 14).

FAQ 14 stops at "一天内同一认证方式连续失败5次的，" (the consequence is not written): the model never fails a method
a fifth time in one day, so it compares only what the FAQ fixes — four failures do not bar the method, failures of
different days do not add up, one method's failures do not count for another, and the second factor follows a right
password.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from etax_conformance.explore.machine import GuideMachine

PERSON = "张三"
#: FAQ 14: the fifth consecutive failure of a day has a consequence the FAQ does not write.
MAX_FAILURES_COMPARED = 4


class QingdaoLogin(GuideMachine):
    """An existing user of the Qingdao e-tax bureau with a password of their own: logins and failures over days."""

    guide = "qingdao"
    background = (f"「{PERSON}」是青岛市电子税务局的存量用户，已设置个人用户密码",)
    background_tags = ("REQ_QD-11-01",)
    probes = ("页面要求通过第二验证因子（短信验证或刷脸验证）", f"「{PERSON}」已登录进电子税务局",
              f"「{PERSON}」没有登录进电子税务局", "登录被拒绝，提示指明密码，停留在登录页面")

    def __init__(self) -> None:
        super().__init__()
        self.failures_today = 0
        self.second_factor = False

    @precondition(lambda self: self.failures_today < MAX_FAILURES_COMPARED)
    @rule(data=st.data())
    def wrong_passwords(self, data: st.DataObject) -> None:
        times = data.draw(st.integers(min_value=1, max_value=MAX_FAILURES_COMPARED - self.failures_today))
        self.failures_today += times
        self.second_factor = False
        self.say("when", f"「{PERSON}」在自然人业务入口连续{times}次以错误的密码登录", "REQ_QD-14-02")

    @rule()
    def right_password(self) -> None:
        self.second_factor = True
        self.say("when", f"「{PERSON}」在自然人业务入口以证件号码和个人用户密码登录", "REQ_QD-11-01")

    @precondition(lambda self: self.second_factor)
    @rule()
    def sms_passes(self) -> None:
        self.second_factor = False
        self.say("when", f"「{PERSON}」通过短信验证", "REQ_QD-9-01")

    @precondition(lambda self: self.second_factor)
    @rule()
    def sms_wrong(self) -> None:
        self.say("when", f"「{PERSON}」短信验证码输错", "REQ_QD-9-01")

    @rule()
    def next_day(self) -> None:
        self.failures_today = 0
        self.second_factor = False
        self.say("when", "时间过去 1 天", "REQ_QD-14-04", look=False)

    @rule()
    def open_login_page(self) -> None:
        self.second_factor = False
        self.say("when", "打开青岛市电子税务局登录页面")

    @rule()
    def phone_login(self) -> None:
        self.second_factor = False
        self.say("when", "打开青岛市电子税务局登录页面")
        self.say("when", f"「{PERSON}」以手机号码和短信验证码登录", "REQ_QD-14-03")
        self.say("when", f"「{PERSON}」按门户要求完成第二验证因子", "REQ_QD-14-03")
