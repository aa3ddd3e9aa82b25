"""The form pieces pages share (templates/fields.html): a select, a text or password input, a captcha, the controls."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from simulator.bootstrap import Portal
from simulator.common.views import View
from simulator.web.app import create_app

ETAX = "辽宁省电子税务局"


@pytest.fixture
def app(portal: Portal) -> Flask:
    return create_app(portal)


def _render(app: Flask, view: View, entry: str = ETAX) -> str:
    with app.test_request_context():
        return app.jinja_env.get_template("page.html").render(view=view, act_url="/etax/act", entry=entry)


@pytest.mark.parametrize("template", [None, "ln_staff"])
def test_a_select_keeps_the_chosen_option_and_a_password_is_never_refilled(app: Flask, template: str | None) -> None:
    view = View("某页", fields=("身份证件类型", "姓名", "个人密码"),
                options={"身份证件类型": ("居民身份证", "外国护照")}, template=template, controls=("确定", "返回"),
                values={"身份证件类型": "外国护照", "姓名": "张三", "个人密码": "secret"})
    html = _render(app, view)
    assert re.search(r'<select id="[\w-]+" name="身份证件类型">', html)
    assert "<option selected>外国护照</option>" in html
    assert "<option>居民身份证</option>" in html
    assert 'name="姓名" \n       value="张三">' in html
    assert 'name="个人密码" type="password"' in html
    assert "secret" not in html
    assert 'value="确定" class="primary">确定</button>' in html
    assert 'value="返回" class="secondary">返回</button>' in html


def test_the_captcha_asks_the_entrys_session(app: Flask) -> None:
    staff = _render(app, View("修改密码", fields=("验证码",), template="ln_staff", extras={"captcha": "验证码"}))
    assert re.search(r'<input id="st-f1" name="验证码" maxlength="4">\s*<img src="/captcha\.png\?entry=', staff)
    login = app.test_client().get("/etax/").get_data(as_text=True)
    assert 'name="验证码" maxlength="4" placeholder="请输入验证码">' in login
    assert "/captcha.png?entry=%E8%BE%BD" in login
