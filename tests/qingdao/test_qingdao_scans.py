"""FAQ 11 扫码登录: the 青岛税务APP's business carries to the web, the 个人所得税APP's conditions, the 电子营业执照;
codes are single-use and expire. FAQ 5: the app's face scan of the 【个人实名等级】 code raises the level."""

from __future__ import annotations

from datetime import timedelta

from simulator.bootstrap import Portal
from simulator.clock import ControlledClock
from simulator.common.test_control import PersonSeed
from simulator.qingdao.screens import QdScreen
from tests.qingdao.qingdao_visitor import ID_NUMBER, PASSWORD, PHONE, Visitor

APP, IIT = "青岛税务APP", "个人所得税APP"


class Phone:
    """A session of one of the apps."""

    def __init__(self, portal: Portal, entry: str) -> None:
        self.portal, self.entry = portal, entry
        self.session, self.view = portal.view(None, entry)

    def press(self, control: str, **form: str) -> None:
        self.session, self.view = self.portal.act(self.session, control, form, self.entry)


def _web(portal: Portal, level: int = 4) -> Visitor:
    web = Visitor(portal)
    web.seed(level=level)
    web.hook("qingdao.enterprise_handler", tax_id="91370200MA3C0000XX", name="甲公司", document_number=ID_NUMBER)
    return web


def _code(web: Visitor, scan: str) -> str:
    web.press("扫码登录")
    web.press(scan)
    return str(web.hook("qingdao.qr.current", session=web.session)["payload"])


def _app(portal: Portal, business: str) -> Phone:
    app = Phone(portal, APP)
    app.press("获取验证码", 手机号码=PHONE)
    code = portal.test_control.call("sms.outbox", {"phone": PHONE})["messages"][-1]["code"]
    app.press("登录", 手机号码=PHONE, 短信验证码=code)
    app.press(business, 企业="甲公司")
    return app


def test_the_web_gets_the_business_the_app_is_in_and_a_code_logs_in_once(portal: Portal) -> None:
    for business, shown in (("企业业务", "企业业务"), ("个人业务", "自然人业务")):
        web, app = _web(portal), _app(portal, business)
        code = _code(web, "青岛税务APP扫码登录")
        app.press("扫一扫")
        app.press("确认", 二维码=code)
        assert not app.view.refused
        web.session, web.view = portal.view(web.session, "青岛市电子税务局")
        assert web.view.screen == QdScreen.HOME
        assert ("业务", shown) in web.view.rows
        app.press("扫一扫")
        app.press("确认", 二维码=code)
        assert app.view.refused  # used


def test_an_expired_code_does_not_log_in(portal: Portal) -> None:
    web, app = _web(portal), _app(portal, "个人业务")
    code = _code(web, "青岛税务APP扫码登录")
    assert isinstance(portal.clock, ControlledClock)
    portal.clock.advance(timedelta(minutes=3))
    app.press("扫一扫")
    app.press("确认", 二维码=code)
    assert app.view.refused
    assert portal.view(web.session, "青岛市电子税务局")[1].screen != QdScreen.HOME


def test_the_iit_app_scan_needs_both_registrations_and_a_signed_in_app(portal: Portal) -> None:
    web = _web(portal)
    code = _code(web, "个人所得税APP扫码登录")
    iit = Phone(portal, IIT)
    iit.press("扫一扫")
    assert iit.view.refused  # not signed in
    portal.test_control.seed_person(PersonSeed("张三", "居民身份证", ID_NUMBER, PHONE, "zhangsan01", PASSWORD))
    iit.press("登录")
    iit.press("登录", 账号="zhangsan01", 密码=PASSWORD)
    iit.press("扫一扫")
    iit.press("确认", 二维码=code)
    assert not iit.view.refused
    view = portal.view(web.session, "青岛市电子税务局")[1]
    assert view.screen == QdScreen.HOME
    assert ("业务", "自然人业务") in view.rows


def test_the_iit_app_scan_of_someone_not_registered_at_qingdao_is_refused(portal: Portal) -> None:
    web = Visitor(portal)
    code = _code(web, "个人所得税APP扫码登录")
    portal.test_control.seed_person(PersonSeed("李四", "居民身份证", ID_NUMBER, PHONE, "lisi0001", PASSWORD))
    iit = Phone(portal, IIT)
    iit.press("登录")
    iit.press("登录", 账号="lisi0001", 密码=PASSWORD)
    iit.press("扫一扫")
    iit.press("确认", 二维码=code)
    assert iit.view.refused


def test_a_code_of_one_kind_is_not_taken_by_another_app(portal: Portal) -> None:
    web, app = _web(portal), _app(portal, "个人业务")
    code = _code(web, "电子营业执照扫码")
    app.press("扫一扫")
    app.press("确认", 二维码=code)
    assert app.view.refused
    assert web.hook("qingdao.business_licence.scan", tax_id="91370200MA3C0000XX")["confirmed"] is False  # no licence
    web.hook("qingdao.business_licence.issue", tax_id="91370200MA3C0000XX", enterprise_name="甲公司", holder=ID_NUMBER)
    assert web.hook("qingdao.business_licence.scan", tax_id="91370200MA3C0000XX", token=code)["confirmed"] is True
    view = portal.view(web.session, "青岛市电子税务局")[1]
    assert view.screen == QdScreen.HOME
    assert ("业务", "企业业务") in view.rows


def test_the_apps_face_scan_of_the_level_code_raises_the_level_to_four(portal: Portal) -> None:
    web = _web(portal, level=3)
    web.log_in()
    web.press("账户中心")
    web.press("个人实名等级")
    code = web.view.extras["qr"]
    app = _app(portal, "个人业务")
    app.press("扫一扫")
    app.press("确认", 二维码=code)
    portal.test_control.call("face.next_result", {"match": False})
    app.press("拍摄", 照片="ab" * 16)
    assert app.view.refused
    assert portal.view(web.session, "青岛市电子税务局")[1].rows == (("个人实名等级", "三级"),)
    app.press("拍摄", 照片="ab" * 16)
    assert not app.view.refused
    assert portal.view(web.session, "青岛市电子税务局")[1].rows == (("个人实名等级", "四级"),)
