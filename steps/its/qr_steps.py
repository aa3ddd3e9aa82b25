"""Steps of the QR login (ITS §1.2): the top-right switch, the code's expiry and refresh, the app's scan."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.common.expect import expect, expect_text
from steps.its.login_steps import to_login_form

#: The suite's names for what the guide describes but does not label; a profile maps a portal's own.
QR_SCREEN, DOWNLOAD_SCREEN = "扫码登录", "手机端下载"
SWITCHES = ("二维码登录", "账号密码登录")
REFRESH = "刷新二维码"
#: qr.current's word for a code that can be scanned: hooks v1 says pending, v2 issued.
SCANNABLE = ("pending", "issued")
#: ITS §1.1 fixes this label of the account-password login.
PASSWORD_TAB = "实名登录-账号密码登录"


@dataclass
class AppScans:
    """What the scenario saw of the QR codes (tokens, oldest first) and the app's last answer."""

    codes: list[str] = field(default_factory=list)
    answer: dict[str, Any] = field(default_factory=dict)
    #: The codes a scan logged the client in with (the app confirmed), oldest first.
    used: list[str] = field(default_factory=list)

    def note(self, current: dict[str, Any]) -> dict[str, Any]:
        token = current.get("token")
        expect(isinstance(token, str) and bool(token), "客户端已生成登录二维码", f"「{token}」")
        if not self.codes or self.codes[-1] != token:
            self.codes.append(str(token))
        return current


@pytest.fixture
def app_scans() -> AppScans:
    return AppScans()


def _current(portal: PortalDriver, scans: AppScans) -> dict[str, Any]:
    return scans.note(portal.hook("qr.current"))


@given(parsers.parse("在登录界面右上角切换到{mode}"))
@when(parsers.parse("在登录界面右上角切换到{mode}"))
def switch_to(portal: PortalDriver, mode: str) -> None:
    if mode not in SWITCHES:
        raise ValueError(f"登录方式只能是{'或'.join(SWITCHES)}，而不是「{mode}」")
    portal.click(mode)


@then("页面显示登录二维码")
def shows_login_code(portal: PortalDriver, app_scans: AppScans) -> None:
    expect_text(QR_SCREEN, portal.screen(), "当前页面")
    state = _current(portal, app_scans).get("state")
    expect(state in SCANNABLE, "二维码可以扫描", f"二维码状态「{state}」")


@then("页面显示账号密码登录")
def shows_password_login(portal: PortalDriver) -> None:
    expect_text(PASSWORD_TAB, portal.active_tab(), "登录方式")
    expect(portal.shows_field("账号") and portal.shows_field("密码"), "页面要求输入「账号」和「密码」",
           "页面上没有这些输入项")


@given("二维码已过期")
@when("二维码已过期")
def code_expires(portal: PortalDriver, app_scans: AppScans) -> None:
    """Time passes beyond the code's lifetime, whatever the portal's lifetime is (the guide fixes none)."""
    left = float(_current(portal, app_scans)["expires_in_seconds"])
    portal.advance_clock(timedelta(seconds=left + 1))


@then("页面提示刷新二维码")
def offers_refresh(portal: PortalDriver) -> None:
    expect(portal.shows_control(REFRESH), "过期的二维码需刷新重新生成：页面提供刷新", "页面上没有刷新二维码的操作")


@when("刷新二维码")
def refresh_code(portal: PortalDriver, app_scans: AppScans) -> None:
    portal.click(REFRESH)
    _current(portal, app_scans)


@then("页面显示新的二维码")
def shows_new_code(portal: PortalDriver, app_scans: AppScans) -> None:
    expect_text(QR_SCREEN, portal.screen(), "当前页面")
    state = _current(portal, app_scans).get("state")
    expect(len(app_scans.codes) >= 2 and state in SCANNABLE, "刷新后生成可以扫描的新二维码",
           lambda: f"二维码{'未变' if len(app_scans.codes) < 2 else '已变'}，状态「{state}」")


def _scan(portal: PortalDriver, scans: AppScans, person: Identity, token: str) -> None:
    scans.answer = portal.hook("qr.confirm", {"token": token, "login_name": person.login_name})
    if scans.answer.get("confirmed") is True:
        scans.used.append(token)


@given(parsers.parse("「{role}」用个人所得税APP扫描二维码并确认登录"))
@when(parsers.parse("「{role}」用个人所得税APP扫描二维码并确认登录"))
def app_confirms(portal: PortalDriver, cast: dict[str, Identity], app_scans: AppScans, role: str) -> None:
    _scan(portal, app_scans, cast[role], _current(portal, app_scans)["token"])


@when(parsers.parse("「{role}」用个人所得税APP扫描刷新前的二维码并确认登录"))
def app_confirms_old(portal: PortalDriver, cast: dict[str, Identity], app_scans: AppScans, role: str) -> None:
    expect(len(app_scans.codes) >= 2, "二维码已刷新过", lambda: f"只见过{len(app_scans.codes)}个二维码")
    _scan(portal, app_scans, cast[role], app_scans.codes[-2])


@when(parsers.parse("「{role}」用个人所得税APP再次扫描同一二维码并确认登录"))
def app_confirms_again(portal: PortalDriver, cast: dict[str, Identity], app_scans: AppScans, role: str) -> None:
    _scan(portal, app_scans, cast[role], app_scans.codes[-1])


@when(parsers.parse("「{role}」用个人所得税APP扫描退出前登录用过的二维码并确认登录"))
def app_confirms_used(portal: PortalDriver, cast: dict[str, Identity], app_scans: AppScans, role: str) -> None:
    expect(bool(app_scans.used), "此前已用一个二维码扫码登录成功", "还没有扫码登录成功过")
    _scan(portal, app_scans, cast[role], app_scans.used[-1])


@when("退出扣缴客户端")
def log_out_of_client(portal: PortalDriver) -> None:
    """From wherever the client is after a login: its 【退出】 (or 【返回登录】), back to the login form."""
    portal.refresh()
    to_login_form(portal)


@then("个人所得税APP提示扫码登录失败")
def app_refused(app_scans: AppScans) -> None:
    answer = app_scans.answer
    expect(answer.get("confirmed") is False and bool(answer.get("error")), "扫码登录被拒绝，并说明原因",
           f"{answer}")


@then("个人所得税APP确认扫码登录成功")
def app_confirmed(app_scans: AppScans) -> None:
    expect(app_scans.answer.get("confirmed") is True, "个人所得税APP确认扫码登录成功", f"{app_scans.answer}")


@then(parsers.parse("扣缴客户端随即进入「{screen}」"))
def client_moves_on(portal: PortalDriver, app_scans: AppScans, screen: str) -> None:
    expect(app_scans.answer.get("confirmed") is True, "个人所得税APP确认登录成功", f"{app_scans.answer}")
    portal.refresh()
    expect_text(screen, portal.screen(), "扣缴客户端当前页面")


@then("扣缴客户端仍停留在扫码登录页面")
def client_stays(portal: PortalDriver) -> None:
    portal.refresh()
    expect_text(QR_SCREEN, portal.screen(), "扣缴客户端当前页面")


@then("页面显示个人所得税APP的下载二维码")
def shows_download_code(portal: PortalDriver) -> None:
    expect_text(DOWNLOAD_SCREEN, portal.screen(), "当前页面")
