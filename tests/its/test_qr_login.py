"""扫码登录 below the features: the switch, the QR image, qr.current and qr.confirm with their refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask.testing import FlaskClient

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.clock import ControlledClock
from simulator.common.test_control import SeedError
from simulator.common.views import Screen
from simulator.domain.qr import QR_LIFETIME
from simulator.hooks.api import BASE_PATH, TOKEN_HEADER
from simulator.its.qr_login import DOWNLOAD_SCREEN, QR_SCREEN, REFRESH
from simulator.web.app import create_app
from tests.conftest import seed_of


def _on_qr(portal: Portal, person: Identity) -> str:
    portal.test_control.seed_person(seed_of(person))
    sid, view = portal.act(None, "二维码登录", {})
    assert view.screen == QR_SCREEN
    assert "<svg" in view.extras["qr_svg"]
    assert REFRESH not in view.controls
    return sid


def _confirm(portal: Portal, person: Identity, token: str = "current") -> dict[str, object]:
    return portal.test_control.call("qr.confirm", {"token": token, "login_name": person.login_name})


def _advance(portal: Portal, delta: timedelta) -> None:
    assert isinstance(portal.clock, ControlledClock)
    portal.clock.advance(delta)


def test_confirmation_hands_over_to_unit_verification(portal: Portal, person: Identity) -> None:
    sid = _on_qr(portal, person)
    current = portal.test_control.call("qr.current", {})
    assert current["state"] == "issued"
    assert current["expires_in_seconds"] == QR_LIFETIME.total_seconds()
    answer = _confirm(portal, person, str(current["payload"]))
    assert answer == {"confirmed": True, "token": current["token"], "login_name": person.login_name, "error": None,
                      "state": "used"}
    signed_in, view = portal.view(sid)
    assert view.screen == Screen.UNIT_VERIFICATION
    assert signed_in != sid  # a new session id at login (no fixation); the old one is dead
    assert portal.sessions.get(signed_in).account_document == person.document_number
    assert portal.test_control.call("qr.current", {})["state"] == "used"


@pytest.mark.parametrize(("case", "words"), [
    ("unknown user", "不存在"), ("unknown token", "无效"), ("expired", "已过期"), ("used", "已被使用"),
    ("replaced", "已失效"), ("left the page", "已失效")])
def test_refusals_say_why_and_leave_the_client_on_the_qr_page(portal: Portal, person: Identity, case: str,
                                                               words: str) -> None:
    sid = _on_qr(portal, person)
    first = str(portal.test_control.call("qr.current", {})["token"])
    token, who = first, person.login_name
    if case == "unknown user":
        who = "nobody_here"
    elif case == "unknown token":
        token = "not-a-token"
    elif case == "expired":
        _advance(portal, QR_LIFETIME)
    elif case == "used":
        assert _confirm(portal, person)["confirmed"] is True
        sid = portal.act(sid, "退出", {})[0]
        portal.act(sid, "二维码登录", {})
    elif case == "replaced":
        _advance(portal, QR_LIFETIME)
        portal.act(sid, REFRESH, {})
    elif case == "left the page":
        portal.act(sid, "账号密码登录", {})
    answer = portal.test_control.call("qr.confirm", {"token": token, "login_name": who})
    assert answer["confirmed"] is False
    assert words in str(answer["error"])
    assert portal.view(sid)[1].screen in (QR_SCREEN, Screen.LOGIN)


def test_expiry_offers_a_refresh_that_gives_a_usable_code(portal: Portal, person: Identity) -> None:
    sid = _on_qr(portal, person)
    _advance(portal, QR_LIFETIME - timedelta(seconds=1))
    assert REFRESH not in portal.view(sid)[1].controls
    _advance(portal, timedelta(seconds=1))
    view = portal.view(sid)[1]
    assert REFRESH in view.controls
    assert view.extras["expired"]
    assert view.extras["expires_in"] == 0
    old = portal.test_control.call("qr.current", {})["token"]
    portal.act(sid, REFRESH, {})
    new = portal.test_control.call("qr.current", {})
    assert new["token"] != old
    assert new["state"] == "issued"
    assert _confirm(portal, person)["confirmed"] is True


@pytest.mark.parametrize("payload", [{}, {"login_name": " "}, {"login_name": "x", "token": 5}])
def test_malformed_payloads_are_seed_errors(portal: Portal, payload: dict[str, object]) -> None:
    with pytest.raises(SeedError, match=r"qr\.confirm"):
        portal.test_control.call("qr.confirm", payload)


def test_no_code_yet(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    assert portal.test_control.call("qr.current", {}) == {"token": None, "state": None}
    assert _confirm(portal, person)["confirmed"] is False


def test_download_shows_the_app_download_code(portal: Portal, person: Identity) -> None:
    sid = _on_qr(portal, person)
    view = portal.act(sid, "手机端下载", {})[1]
    assert view.screen == DOWNLOAD_SCREEN
    assert "<svg" in view.extras["qr_svg"]
    assert portal.act(sid, "返回", {})[1].screen == QR_SCREEN


def test_over_http_the_page_polls_and_the_hook_answers(person: Identity) -> None:
    client: FlaskClient = create_app(hooks_token="t").test_client()
    headers = {TOKEN_HEADER: "t"}
    client.post(BASE_PATH + "/natural-persons", json=seed_of(person).__dict__, headers=headers)
    page = client.post("/act", data={"_control": "二维码登录"}, follow_redirects=True).get_data(as_text=True)
    assert 'data-screen="扫码登录"' in page
    assert "<svg" in page
    assert "data-qr-expires-in" in page
    assert client.get("/qr/status").get_json() == {"screen": QR_SCREEN}
    bad = client.post(BASE_PATH + "/capabilities/qr.confirm", json={}, headers=headers)
    assert bad.status_code == 400
    assert "login_name" in bad.get_json()["error"]
    ok = client.post(BASE_PATH + "/capabilities/qr.confirm", json={"login_name": person.login_name}, headers=headers)
    assert ok.status_code == 200
    assert ok.get_json()["confirmed"] is True
    assert client.get("/qr/status").get_json() == {"screen": "单位办税验证"}
