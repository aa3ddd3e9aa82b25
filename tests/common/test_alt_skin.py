"""The alt skin: another team's markup over the same screens — own paths, names and looks, the guides' words kept."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.web.alt import names
from simulator.web.app import create_app
from tests.conftest import seed_of

#: What only the default skin writes: an alt page showing any of these would be a copy, not another portal.
DEFAULT_MARKS = ("data-screen", "_control", 'role="alert"', 'id="soft-keyboard"', 'id="account"', 'id="password"',
                 'class="tabs"', 'class="card', "/captcha.png", 'id="unit-select"', "portal.css", "portal.js")


@pytest.fixture
def app(portal: Portal) -> Flask:
    return create_app(portal, skin="alt")


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _press(client: FlaskClient, path: str, control: str, **fields: str) -> str:
    """Post a control the way the alt page does; the path the portal then sends the browser to."""
    form = {names.ACTION: names.action_code(control), **{names.field_name(k): v for k, v in fields.items()}}
    answer = client.post(path, data=form)
    assert answer.status_code == 303
    return str(answer.headers["Location"])


def test_every_screen_has_its_own_path() -> None:
    assert len(set(names.SLUGS.values())) == len(names.SLUGS)
    assert names.slug("某个新页面").startswith("y-")


def test_login_page_keeps_the_guides_words_and_none_of_the_default_markup(client: FlaskClient) -> None:
    page = client.get("/", follow_redirects=True)
    assert page.request.path == "/wsbs/smdl"
    html = page.get_data(as_text=True)
    for literal in ("实名登录", "账号密码登录", "二维码登录", "登录", "忘记密码", "立即注册", "关闭"):
        assert literal in html
    assert not [mark for mark in DEFAULT_MARKS if mark in html]
    assert 'name="zh"' in html
    assert 'placeholder="手机号码/登录名/证件号码"' in html
    assert "<label" not in html, "the login fields carry only placeholders"
    assert "WSBS_SID=" in page.headers["Set-Cookie"]


def test_a_login_goes_to_the_path_of_the_next_screen(client: FlaskClient, portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    client.get("/wsbs/")
    assert _press(client, "/wsbs/smdl", "登录", 账号=person.login_name, 密码=person.password) == "/wsbs/dwyz"
    html = client.get("/wsbs/dwyz").get_data(as_text=True)
    assert "纳税人识别号" in html
    assert 'name="nsrsbh"' in html
    assert client.get("/wsbs/smdl").headers["Location"] == "/wsbs/dwyz", "another screen's path leads back"


def test_a_refusal_is_a_toast_and_keeps_the_screen(client: FlaskClient, person: Identity) -> None:
    client.get("/wsbs/")
    assert _press(client, "/wsbs/smdl", "登录", 账号=person.login_name, 密码="wrong-1") == "/wsbs/smdl"
    html = client.get("/wsbs/smdl").get_data(as_text=True)
    assert re.search(r'class="tc tc-cuowu"><i aria-hidden="true">✖</i><span class="tc-wz">[^<]+</span>', html)
    assert "tishi-xinxi" not in html


def test_tabs_are_links_that_switch(client: FlaskClient) -> None:
    client.get("/wsbs/")
    html = client.get("/wsbs/smdl").get_data(as_text=True)
    link = re.search(r'<a href="(\?qh=[a-z2-7]+)">二维码登录</a>', html)
    assert link is not None
    assert client.get("/wsbs/smdl" + link.group(1)).headers["Location"] == "/wsbs/ewmdl"
    qr = client.get("/wsbs/ewmdl").get_data(as_text=True)
    assert 'class="dangqian" href="/wsbs/ewmdl">扫码登录</a>' in qr
    assert "data-zt" not in qr  # the page does not poll: 【已扫码，继续】 moves on


def _code(html: str) -> str:
    found = re.search(r'aria-label="扫码登录二维码">(.*?)</div>', html, re.S)
    assert found is not None
    return found.group(1)


def test_the_qr_page_shows_a_new_code_on_each_load_and_moves_on_when_pressed_after_the_app_confirms(
        client: FlaskClient, portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    client.get("/wsbs/")
    switch = re.search(r'<a href="(\?qh=[a-z2-7]+)">二维码登录</a>', client.get("/wsbs/smdl").get_data(as_text=True))
    assert switch is not None
    client.get("/wsbs/smdl" + switch.group(1))
    first = client.get("/wsbs/ewmdl").get_data(as_text=True)
    assert "已扫码，继续" in first
    reloaded = client.get("/wsbs/ewmdl").get_data(as_text=True)
    assert _code(reloaded) != _code(first)  # a reload issues a new code
    assert _press(client, "/wsbs/ewmdl", "已扫码，继续") == "/wsbs/ewmdl"  # not confirmed yet: the same code
    assert _code(client.get("/wsbs/ewmdl").get_data(as_text=True)) == _code(reloaded)
    assert portal.test_control.call("qr.confirm", {"login_name": person.login_name})["confirmed"]
    assert _press(client, "/wsbs/ewmdl", "已扫码，继续") == "/wsbs/dwyz"


def test_a_stale_control_shows_where_the_session_is(client: FlaskClient) -> None:
    client.get("/wsbs/")
    assert _press(client, "/wsbs/smdl", "没有这个按钮") == "/wsbs/smdl"


def test_each_entry_has_its_own_paths_and_cookie(client: FlaskClient) -> None:
    for entry, prefix in names.PREFIXES.items():
        page = client.get(prefix + "/", follow_redirects=True)
        assert page.request.path.startswith(prefix + "/"), entry
        assert names.COOKIES[entry] + "=" in page.headers["Set-Cookie"]
        assert not [mark for mark in DEFAULT_MARKS if mark in page.get_data(as_text=True)]


def test_liaoning_login_ties_its_labels_and_shows_its_agreement_as_a_box(client: FlaskClient) -> None:
    html = client.get("/lnswj/", follow_redirects=True).get_data(as_text=True)
    assert '<label for="lnz-nsrsbh">纳税人识别号</label>' in html
    assert re.search(r'<input id="lnz-tyxy" type="checkbox" name="tyxy" value="勾选">', html)


def test_names_travel_coded_and_come_back() -> None:
    for label in ("账号", "全量办税", "变更税务登记"):
        assert names.field_label(names.field_name(label)) == label
    assert names.action_of(names.action_code("同步办税人")) == "同步办税人"
    assert names.field_label("x_!!") is None
    assert names.field_label("_control") is None
    assert names.action_of("!!") == ""


def test_an_unknown_skin_or_prefix_is_refused(client: FlaskClient) -> None:
    with pytest.raises(ValueError, match="unknown skin"):
        create_app(skin="blue")
    assert client.get("/nowhere/page").status_code == 404


@pytest.fixture
def served(app: Flask) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def test_served_over_http_with_its_own_captcha_and_static(served: str) -> None:
    with requests.Session() as browser:
        page = browser.get(served + "/", timeout=10)
        assert page.url.endswith("/wsbs/smdl")
        assert "WSBS_SID" in browser.cookies
        assert browser.get(served + "/wsbs/zy/wsbs.js", timeout=10).status_code == 200
        picture = browser.get(served + "/wsbs/tp/yzm?rk=wsbs", timeout=10)
        assert picture.headers["Content-Type"].startswith("image/png")
