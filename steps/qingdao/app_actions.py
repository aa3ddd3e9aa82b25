"""The 青岛税务APP (手机税税通) as a person uses it: sign in, choose the business, scan a code, pass the face scan."""

from __future__ import annotations

from drivers.protocol import PortalDriver
from steps.common.expect import expect, normalise
from steps.common.sms import last_sms_code
from steps.qingdao import labels as qd
from steps.qingdao import login_method_labels as label
from steps.qingdao.people import QdUser


def app_sign_in(portal: PortalDriver, user: QdUser, who: str, business: str, company: str | None = None) -> None:
    """The app's sign-in (手机号码 and 短信验证码: the suite's assumption), then its business (and enterprise)."""
    portal.open_entry(label.APP)
    portal.fill(label.MOBILE, user.phone)
    portal.click(label.SEND_SMS)
    portal.fill(label.SMS_CODE, last_sms_code(portal, user.phone, who))
    portal.click(label.LOG_IN)
    if company is not None:
        portal.fill(label.APP_ENTERPRISE_FIELD, company)
    portal.click(business)
    expect(not portal.is_refused(), f"「{who}」在青岛税务APP登录{business}", lambda: portal.message())


def scan_in_app(portal: PortalDriver, code: str) -> bool:
    """【扫一扫】 of what the web page shows, confirmed; whether the app took it."""
    portal.click(label.SCAN)
    portal.fill(label.SCANNED_CODE, code)
    portal.click(label.CONFIRM_SCAN)
    return not portal.is_refused()


def scan_level_code_in_app(portal: PortalDriver, user: QdUser, who: str) -> None:
    """FAQ 5: the 【个人实名等级】 page's code scanned in the app (个人业务), then its face scan; back to the web. The
    page is checked to show a code (the word 二维码 with it); what the code reads comes from the hooks, as a phone
    would read the image."""
    expect(normalise(portal.screen()) == normalise(qd.LEVEL_SCREEN) and portal.shows_text(label.QR),
           "【个人实名等级】页面显示二维码", lambda: f"页面「{portal.screen()}」")
    code = str(portal.hook("qingdao.level_code", {"document_number": user.document_number})["payload"])
    app_sign_in(portal, user, who, label.APP_PERSONAL)
    expect(scan_in_app(portal, code), "青岛税务APP识别【个人实名等级】的二维码", lambda: portal.message())
    portal.click(label.CAPTURE)
    expect(not portal.is_refused(), "青岛税务APP扫脸认证通过", lambda: portal.message())
    portal.open_entry(qd.ETAX)
