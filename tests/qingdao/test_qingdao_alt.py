"""The alt variant's Qingdao portal: the other choice wherever the FAQ is silent, and its own markup (the alt skin)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask.testing import FlaskClient

from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.common.views import View
from simulator.qingdao.screens import ETAX, QdScreen
from simulator.variant import Variant
from simulator.web.alt import names
from simulator.web.app import create_app
from tests.common.test_alt_skin import DEFAULT_MARKS
from tests.qingdao.qingdao_visitor import ID_NUMBER, PASSWORD, Visitor

TAX_ID, COMPANY = "91370200MA3C1234XY", "甲公司"
PASSPORT = "E12345678"


@pytest.fixture
def alt() -> Portal:
    clock = ControlledClock()
    clock.set(datetime(2024, 3, 1, 2, 0, tzinfo=UTC))
    return build_portal(clock=clock, variant=Variant.alt())


class AltVisitor(Visitor):
    """Answers the alt login's captcha, and types a 税号 where given."""

    def first_factor(self, password: str = PASSWORD, number: str = ID_NUMBER, entry: str = "自然人业务",
                     tax_id: str | None = None) -> View:
        self.press(entry)
        answer = self.portal.sessions.current_captcha(self.session) or ""
        form = {"证件号码": number, "密码": password, "验证码": answer}
        return self.press("登录", **form, **({"税号": tax_id} if tax_id is not None else {}))


def _handler(visitor: Visitor) -> None:
    visitor.seed()
    visitor.hook("qingdao.enterprise_handler", tax_id=TAX_ID, name=COMPANY, document_number=ID_NUMBER)


def test_the_password_login_asks_a_captcha_first(alt: Portal) -> None:
    visitor = AltVisitor(alt)
    visitor.seed()
    visitor.press("自然人业务")
    assert "验证码" in visitor.view.fields
    refused = visitor.press("登录", 证件号码=ID_NUMBER, 密码=PASSWORD, 验证码="")
    assert refused.screen == QdScreen.LOGIN
    assert refused.refused
    assert visitor.first_factor().screen == QdScreen.SECOND_FACTOR


def test_enterprise_login_asks_a_tax_id_or_the_enterprise_after_both_factors(alt: Portal) -> None:
    visitor = AltVisitor(alt)
    _handler(visitor)
    visitor.press("企业业务")
    assert visitor.view.fields[0] == "税号"
    assert visitor.first_factor(entry="企业业务", tax_id="91370200MA3C9999XY").refused
    visitor.first_factor(entry="企业业务", tax_id="")
    assert visitor.sms().screen == QdScreen.CHOOSE_ENTERPRISE
    assert visitor.press("进入", 企业=COMPANY).screen == QdScreen.HOME
    assert ("企业", COMPANY, TAX_ID) in visitor.view.rows
    visitor.press("退出")
    visitor.first_factor(entry="企业业务", tax_id=TAX_ID)
    assert visitor.sms().screen == QdScreen.HOME, "the 税号 typed names the enterprise"


def test_the_initial_password_is_changed_in_a_dialog_over_the_home_page(alt: Portal) -> None:
    visitor = AltVisitor(alt)
    visitor.seed(password=None)
    visitor.first_factor(ID_NUMBER[-6:])
    view = visitor.sms()
    assert view.screen == QdScreen.CHANGE_INITIAL
    assert view.template == "qd_change_dialog"
    assert view.greeting == "欢迎，张三"
    assert visitor.press("确定", 新密码=PASSWORD, 确认密码=PASSWORD).screen == QdScreen.LOGIN


def test_registration_asks_no_password_and_the_initial_password_is_changed_at_the_first_login(alt: Portal) -> None:
    visitor = AltVisitor(alt)
    visitor.press("自然人业务")
    visitor.press("用户注册")
    visitor.press("下一步", 证件类型="居民身份证", 证件号码=ID_NUMBER, 姓名="张三")
    assert visitor.view.fields == ("手机号码", "用户名")
    visitor.press("下一步", 手机号码="13800138000")
    view = visitor.press("拍摄", **visitor.view.values)
    assert view.screen == QdScreen.LOGIN
    assert not view.refused
    visitor.first_factor(ID_NUMBER[-6:])
    assert visitor.sms().screen == QdScreen.CHANGE_INITIAL


def test_the_four_documents_are_refused_after_the_basic_information(alt: Portal) -> None:
    visitor = AltVisitor(alt)
    visitor.press("自然人业务")
    visitor.press("用户注册")
    identity = visitor.press("下一步", 证件类型="外国护照", 证件号码=PASSPORT, 姓名="JOHN")
    assert identity.screen == QdScreen.REGISTER_BASIC
    view = visitor.press("下一步", 手机号码="13800138001")
    assert view.screen == QdScreen.REGISTER_BASIC
    assert view.refused


def test_the_user_name_year_is_the_calendar_year_and_the_first_setting_counts(alt: Portal) -> None:
    visitor = AltVisitor(alt)
    visitor.seed()
    visitor.first_factor()
    visitor.sms()
    visitor.press("账户中心")
    visitor.press("个人信息管理模块")
    assert not visitor.press("保存", 用户名="qd_zhang").refused
    assert visitor.press("保存", 用户名="qd_zhang_a").refused, "the first setting was this year's change"
    assert isinstance(alt.clock, ControlledClock)
    alt.clock.advance(timedelta(days=306))  # 2025-01-01 in Qingdao: a new calendar year
    visitor.first_factor()
    visitor.sms()
    visitor.press("账户中心")
    visitor.press("个人信息管理模块")
    assert not visitor.press("保存", 用户名="qd_zhang_a").refused


def test_the_web_qr_code_lives_three_minutes(alt: Portal) -> None:
    visitor = AltVisitor(alt)
    visitor.press("扫码登录")
    visitor.press("登录")
    assert 170 < float(visitor.hook("qingdao.qr.current")["expires_in_seconds"]) <= 180


def test_messages_the_faq_does_not_quote_are_worded_its_own_way(alt: Portal) -> None:
    visitor = AltVisitor(alt)
    visitor.seed()
    wrong = visitor.first_factor("Wrong#pass1")
    assert wrong.message is not None
    assert wrong.message.text == "登录失败：账号或密码不正确"
    unknown = visitor.first_factor(number="110105194912310037")
    assert unknown.message is not None
    assert unknown.message.text == "该用户未注册", "the FAQ's words stay"


@pytest.fixture
def client(alt: Portal) -> FlaskClient:
    return create_app(alt).test_client()


def test_the_alt_pages_are_its_own_markup(client: FlaskClient) -> None:
    page = client.get("/qdetax/", follow_redirects=True)
    assert page.request.path == "/qdetax/index"
    assert "QDETAX_TOKEN=" in page.headers["Set-Cookie"]
    html = page.get_data(as_text=True)
    assert not [mark for mark in DEFAULT_MARKS if mark in html]
    for literal in ("企业业务", "特定主体", "自然人业务", "代理业务", "忘记密码", 'name="nsrsbh_qy"',
                    "/wsbs/tp/yzm?rk=qdetax"):
        assert literal in html
    assert client.get("/wsbs/tp/yzm?rk=qdetax").mimetype == "image/png"
    assert client.get("/qdetax/ewm/zt").get_json() == {"lj": "/qdetax/index"}
    app = client.get("/sstapp/", follow_redirects=True)
    assert app.request.path == "/sstapp/denglu"
    assert "SST_SID=" in app.headers["Set-Cookie"]


def test_the_change_dialog_is_shown_at_the_home_page_address(alt: Portal) -> None:
    assert names.screen_path(ETAX, QdScreen.CHANGE_INITIAL) == names.screen_path(ETAX, QdScreen.HOME)
    assert names.crumb(QdScreen.CHANGE_INITIAL) == "首页"
