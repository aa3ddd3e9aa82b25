"""What a Qingdao refusal must name to be the refusal the rule speaks of, not any refusal (a captcha's, a missing
field's): the message names the factor that failed. The FAQ quotes only 「该用户未注册」; for the others the suite reads
a reasonable portal's message as naming what it refuses (密码, 短信验证码, 证书, 人脸). A profile's wording that names
none of these words fails, and says so."""

from __future__ import annotations

from drivers.protocol import PortalDriver
from steps.common.expect import expect, normalise
from steps.qingdao import labels as qd

#: The factor a rule refuses → words one of which its message names.
NAMES = {
    "密码": ("密码",),
    "短信验证码": ("短信", "验证码"),
    "证书密码": ("密码", "口令", "PIN"),
    "税务数字证书": ("证书", "UKey", "金税盘", "税控盘", "设备", "介质"),
    "刷脸验证": ("脸", "人像", "面部"),
    #: FAQ 13: 用户名一年可修改一次.
    "用户名一年可修改一次": ("一年", "每年", "年内", "一次", "年度"),
    #: FAQ 6: the four documents need the hall's collection first.
    "实名信息采集": ("采集", "办税服务", "证件", "护照", "许可证"),
}
#: A captcha's refusal names 验证码 too: with a captcha on the page, the SMS code's refusal must say 短信.
CAPTCHA_WORDS = ("图形", "图片", "校验码")


def names(portal: PortalDriver, factor: str) -> bool:
    """The refusal shown names this factor (and, for the SMS code, is not a captcha's)."""
    message = normalise(portal.message() or "")
    if factor == "短信验证码" and (portal.shows_field(qd.CAPTCHA) or any(w in message for w in CAPTCHA_WORDS)):
        return "短信" in message
    return any(normalise(word) in message for word in NAMES[factor])


def expect_refused_for(portal: PortalDriver, factor: str, where: str) -> None:
    """Refused, and the message names the factor the rule refuses (not a captcha or any other refusal)."""
    expect(portal.is_refused() and names(portal, factor), f"{where}：因{factor}不正确被拒绝（提示指明{factor}）",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
