"""The model of the ITS guide's logins (扣缴客户端 §1.1 账号密码登录, §1.2 扫码登录, §2.1(3) 忘记密码).

Rules say When sentences of features/its; probes are the guide's own assertions there: refused, locked or not,
单位办税验证 reached, the captcha asked or not (§1.1: 密码输入错误的还需输入验证码), the app's answer to a scan.
Preconditions look at the reference's screen (the login form, the QR code, or inside), as a person would.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from etax_conformance.explore.machine import GuideMachine
from steps.common.labels import LOGIN_SCREEN
from steps.its.qr_steps import QR_SCREEN

PERSON = "张三"
ACCOUNTS = ("登录名", "手机号码", "证件号码")
#: Waits around the guide's 120 minutes (and shorter ones, which add up).
MINUTES = (1, 30, 119, 120, 121)
TO_PASSWORD_LOGIN = "在登录界面右上角切换到账号密码登录"


def _on_qr(machine: ItsLogin) -> bool:
    return machine.twin.reference_screen() == QR_SCREEN


def _on_login(machine: ItsLogin) -> bool:
    return machine.twin.reference_screen() == LOGIN_SCREEN


class ItsLogin(GuideMachine):
    """A person registered with a 居民身份证 at the 扣缴客户端: logins, wrong passwords, locks, QR, 忘记密码, time."""

    guide = "its"
    background = (f"已实名注册的自然人「{PERSON}」持居民身份证", "打开扣缴客户端登录界面")
    background_tags = ("REQ_ITS-1-01",)
    probes = ("登录被拒绝", "账号被锁定", "账号未被锁定", "进入「单位办税验证」", "页面要求输入「验证码」",
              "页面不要求输入「验证码」", "个人所得税APP确认扫码登录成功", "个人所得税APP提示扫码登录失败")

    def __init__(self) -> None:
        super().__init__()
        self.expired = False

    def _leave_qr(self) -> None:
        """The account-password login is reached from the QR code by the switch (§1.2), not by reopening."""
        if _on_qr(self):
            self.say("when", TO_PASSWORD_LOGIN, "REQ_ITS-1.2-01")
        self.expired = False

    @rule(account=st.sampled_from(ACCOUNTS))
    def right_password(self, account: str) -> None:
        self._leave_qr()
        self.say("when", f"「{PERSON}」以{account}和正确密码登录", "REQ_ITS-1.1-02")

    @rule(account=st.sampled_from(ACCOUNTS), times=st.integers(min_value=1, max_value=5))
    def wrong_passwords(self, account: str, times: int) -> None:
        self._leave_qr()
        self.say("when", f"「{PERSON}」以{account}连续{times}次输入错误密码登录", "REQ_ITS-1.1-04", "REQ_ITS-1.1-06")

    @rule()
    def forgot_password(self) -> None:
        self._leave_qr()
        self.say("when", f"「{PERSON}」通过【忘记密码】验证身份并设置新密码", "REQ_ITS-1.1-08")

    @rule(minutes=st.sampled_from(MINUTES))
    def time_passes(self, minutes: int) -> None:
        self.say("when", f"时间过去 {minutes} 分钟", "REQ_ITS-1.1-07", look=False)

    @precondition(_on_login)
    @rule()
    def switch_to_qr(self) -> None:
        self.say("when", "在登录界面右上角切换到二维码登录", "REQ_ITS-1.2-01")
        self.expired = False

    @precondition(lambda self: _on_login(self) or (_on_qr(self) and not self.expired))
    @rule()
    def app_scans(self) -> None:
        if _on_login(self):  # a QR login from the login form: the switch, then the scan
            self.switch_to_qr()
        self.say("when", f"「{PERSON}」用个人所得税APP扫描二维码并确认登录", "REQ_ITS-1.2-03")
        # The client moves on by itself (§1.2: 验证成功之后，进行单位办税验证): look at it again.
        self.say("when", "打开扣缴客户端登录界面", "REQ_ITS-1.2-05")

    @precondition(lambda self: _on_qr(self) and not self.expired)
    @rule()
    def code_expires(self) -> None:
        self.say("when", "二维码已过期", "REQ_ITS-1.2-02")
        self.expired = True

    @precondition(lambda self: _on_qr(self) and self.expired)
    @rule()
    def refresh_code(self) -> None:
        self.say("when", "刷新二维码", "REQ_ITS-1.2-02")
        self.expired = False
