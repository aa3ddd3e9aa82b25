"""What a refusal must name to be the refusal the rule speaks of, not any refusal (a captcha's, a missing field's):
the message names the factor that failed (issue 19). The guides quote few of these messages (Qingdao only
「该用户未注册」); for the others the suite reads a reasonable portal's message as naming what it refuses (密码, 验证码,
短信验证码, 协议, 证书, 人脸). A profile's wording that names none of these words fails, and says so.

Steps that make one factor wrong on purpose (a wrong password, a wrong or missing captcha, an unticked agreement) say
so with `blame(wrong_factor, …)`; the generic refusal steps (登录被拒绝, 被拒绝，停留在「…」, 单位办税验证未通过) then
ask the message to name it, so a captcha's refusal never passes for a wrong password and the reverse."""

from __future__ import annotations

import pytest

from drivers.protocol import PortalDriver
from steps.common.expect import expect, normalise

#: The factor a rule refuses → words one of which its message names.
NAMES = {
    "密码": ("密码",),
    #: The picture captcha (ITS §1.1, Liaoning 验证码): never an SMS code's refusal.
    "验证码": ("验证码", "校验码"),
    "申报密码": ("密码",),
    "企业密码": ("密码",),
    "协议密码": ("密码",),
    "纳税人识别号": ("纳税人识别号", "识别号", "税号", "信用代码"),
    #: Liaoning 勾选服务协议 / 同意协议.
    "服务协议": ("协议",),
    "同意协议": ("协议",),
    "短信验证码": ("短信", "验证码"),
    "证书密码": ("密码", "口令", "PIN"),
    "税务数字证书": ("证书", "UKey", "金税盘", "税控盘", "设备", "介质"),
    "刷脸验证": ("脸", "人像", "面部"),
    #: FAQ 13: 用户名一年可修改一次.
    "用户名一年可修改一次": ("一年", "每年", "年内", "一次", "年度"),
    #: ITS §2.1 ②/§2.2.1 (2): an expired, unknown or another person's 注册码.
    "注册码": ("注册码",),
    #: ITS §2.1 ③ 登录名's rule, or a 登录名 already taken.
    "登录名": ("登录名", "用户名", "账号"),
    #: A phone number already registered (ITS §2.1 ③), or one the account never bound (ITS Q&A 5).
    "手机号码": ("手机",),
    #: ITS Q&A 9 第4步 输入新密码并确认密码: the two differ.
    "确认密码": ("确认", "一致", "相同", "不同", "不符"),
    #: ITS §2.1(3) 进行身份验证 with an identity that is not the registered one (the guide lists no fields).
    "身份信息": ("姓名", "身份", "注册信息", "不符", "不一致", "不匹配"),
    #: FAQ 6: the four documents need the hall's collection first.
    "实名信息采集": ("采集", "办税服务", "证件", "护照", "许可证"),
}
#: A captcha's refusal names 验证码 too: with a captcha on the page, the SMS code's refusal must say 短信.
CAPTCHA_WORDS = ("图形", "图片", "校验码")
#: The captcha's field, as the guides label it.
CAPTCHA = "验证码"
#: Where the factor a scenario made wrong is kept (see blame).
FACTOR = "factor"


@pytest.fixture
def wrong_factor() -> dict[str, str]:
    """The one factor the scenario last made wrong on purpose, for the refusal step to ask the message to name."""
    return {}


def blame(wrong: dict[str, str], factor: str | None) -> None:
    """A step made this factor wrong (None: it made the earlier one right again, e.g. typed the right password)."""
    if factor is None:
        wrong.pop(FACTOR, None)
    else:
        wrong[FACTOR] = factor


def blamed(wrong: dict[str, str]) -> str | None:
    """The factor to be named by the refusal now checked (then forgotten: the next refusal is another's)."""
    return wrong.pop(FACTOR, None)


def absolve(wrong: dict[str, str], *factors: str) -> None:
    """A step typed these factors right: a refusal afterwards is not theirs."""
    if wrong.get(FACTOR) in factors:
        wrong.pop(FACTOR)


def names(portal: PortalDriver, factor: str) -> bool:
    """The refusal shown names this factor (and, for the SMS code, is not a captcha's)."""
    message = normalise(portal.message() or "")
    if factor == "短信验证码" and (portal.shows_field(CAPTCHA) or any(w in message for w in CAPTCHA_WORDS)):
        return "短信" in message
    if factor == CAPTCHA and "短信" in message:
        return False
    return any(normalise(word) in message for word in NAMES[factor])


def expect_refused_naming(portal: PortalDriver, factor: str | None, expected: str) -> None:
    """Refused wherever the portal stays (the guide fixes no screen); with a factor, the message names it."""
    named = factor is None or (portal.is_refused() and names(portal, factor))
    expect(portal.is_refused() and named, expected if factor is None else f"{expected}（提示指明{factor}）",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


def expect_refused_for(portal: PortalDriver, factor: str, where: str) -> None:
    """Refused, and the message names the factor the rule refuses (not a captcha or any other refusal)."""
    expect(portal.is_refused() and names(portal, factor), f"{where}：因{factor}不正确被拒绝（提示指明{factor}）",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
