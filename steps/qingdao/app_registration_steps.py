"""Steps of registration in the 青岛税务APP (FAQ 6: the seven documents register directly in the app too; the four
only after the hall's collection): the app's 注册, then FAQ 3's 身份信息校验, 基本信息填写 and 人脸识别认证."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from steps.common.expect import expect
from steps.common.refusals import names
from steps.qingdao import login_method_labels as label
from steps.qingdao.people import QdUser
from steps.qingdao.registration_actions import register_as_far_as_possible


def _register_in_app(portal: PortalDriver, user: QdUser) -> None:
    """The app's 注册 through its three parts; stops at the first refusal (whichever step refuses is free)."""
    portal.open_entry(label.APP)
    portal.click(label.APP_REGISTER)
    register_as_far_as_possible(portal, user)


def _where(portal: PortalDriver) -> str:
    return f"页面「{portal.screen()}」，提示「{portal.message()}」"


@given(parsers.re(r"「(?P<who>[^」]+)」已在青岛税务APP完成用户注册"))
@when(parsers.re(r"「(?P<who>[^」]+)」在青岛税务APP完成用户注册"))
def register_in_app(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    _register_in_app(portal, qd_users[who])
    expect(not portal.is_refused(), f"「{who}」在青岛税务APP完成注册", lambda: _where(portal))


@when(parsers.re(r"「(?P<who>[^」]+)」在青岛税务APP注册用户"))
def try_registering_in_app(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    _register_in_app(portal, qd_users[who])


@then(parsers.re(r"「(?P<who>[^」]+)」在青岛税务APP不能完成注册"))
def app_registration_refused(portal: PortalDriver, who: str) -> None:
    expect(portal.is_refused() and names(portal, "实名信息采集"), f"青岛税务APP因须先采集实名信息拒绝「{who}」的注册",
           lambda: _where(portal))
