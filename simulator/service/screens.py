"""Builds the View of a session's current screen: the fields and controls the guide names for it."""

from __future__ import annotations

from typing import TypedDict

from simulator.service.sessions import PortalSession
from simulator.service.views import Message, Screen, View


class _Common(TypedDict):
    message: Message | None
    values: dict[str, str]
    greeting: str | None

#: ITS §1.1: "系统默认为【实名登录-账号密码登录】".
DEFAULT_LOGIN_TAB = "实名登录-账号密码登录"
SOFT_KEYBOARD_ICON = "软键盘图标"


def render(session: PortalSession, greeting: str | None = None) -> View:
    """What the user sees now."""
    common = _Common(message=session.message, values=dict(session.values), greeting=greeting)
    if session.screen is Screen.LOGIN:
        fields = ("账号", "密码", "验证码") if session.captcha_required else ("账号", "密码")
        controls = ["登录", "忘记密码", "立即注册", SOFT_KEYBOARD_ICON]
        if session.soft_keyboard_open:
            controls.append("关闭")
        return View(Screen.LOGIN, tab=DEFAULT_LOGIN_TAB, fields=fields, controls=tuple(controls),
                    captcha_required=session.captcha_required,
                    soft_keyboard_open=session.soft_keyboard_open, **common)
    if session.screen is Screen.REGISTRATION:
        return View(Screen.REGISTRATION, controls=("同意并继续", "返回登录"), **common)
    if session.screen is Screen.FORGOT_PASSWORD:
        return View(Screen.FORGOT_PASSWORD, fields=("姓名", "证件类型", "证件号码", "手机号码"),
                    controls=("下一步", "返回登录"), **common)
    if session.screen is Screen.RESET_PASSWORD:
        return View(Screen.RESET_PASSWORD, fields=("新密码", "确认密码"), controls=("确定", "返回登录"), **common)
    return View(Screen.UNIT_VERIFICATION, controls=("退出",), **common)
