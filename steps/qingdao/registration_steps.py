"""Steps of 【用户注册】 (FAQ 3–7): 身份信息校验, 基本信息填写, 人脸识别认证, and what a registered person can do."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from steps.common.expect import expect
from steps.common.refusals import names
from steps.qingdao import labels as qd
from steps.qingdao.actions import to_login_page
from steps.qingdao.people import QdUser
from steps.qingdao.registration_actions import basic_information, identity_check, register_as_far_as_possible


def open_registration(portal: PortalDriver) -> None:
    """FAQ 3: 自然人点击自然人业务下方的【用户注册】."""
    to_login_page(portal)
    portal.click(qd.NATURAL)
    portal.click("用户注册")


@when(parsers.re(r"「(?P<who>[^」]+)」在自然人业务下点击【用户注册】"))
def click_register(portal: PortalDriver) -> None:
    open_registration(portal)


@when(parsers.re(r"「(?P<who>[^」]+)」以其证件完成身份信息校验"))
def check_identity(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    identity_check(portal, qd_users[who])


@when(parsers.re(r"「(?P<who>[^」]+)」填写基本信息(?P<named>并设置用户名)?"))
def fill_basic(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, named: str | None) -> None:
    basic_information(portal, qd_users[who], bool(named))


@when(parsers.re(r"「(?P<who>[^」]+)」通过人脸识别认证"))
def face_passes(portal: PortalDriver) -> None:
    portal.click(qd.CAPTURE)


@when(parsers.re(r"「(?P<who>[^」]+)」再次进行人脸识别认证并通过人脸识别认证"))
def face_again(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    """FAQ 7 advises, and fixes no way to try again: the camera again where the page still offers it, else the
    registration once more from 【用户注册】."""
    if not portal.shows_control(qd.CAPTURE):
        open_registration(portal)
        identity_check(portal, qd_users[who])
        basic_information(portal, qd_users[who], False)
    portal.click(qd.CAPTURE)


@when(parsers.re(r"「(?P<who>[^」]+)」的人脸识别认证未通过"))
def face_fails(portal: PortalDriver) -> None:
    portal.hook("face.next_result", {"match": False})
    portal.click(qd.CAPTURE)


@given(parsers.re(r"「(?P<who>[^」]+)」已在青岛市电子税务局完成用户注册(?P<named>并设置了用户名)?"))
@when(parsers.re(r"「(?P<who>[^」]+)」在青岛市电子税务局完成用户注册(?P<named>并设置用户名)?"))
def register(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, named: str | None) -> None:
    user = qd_users[who]
    open_registration(portal)
    identity_check(portal, user)
    basic_information(portal, user, bool(named))
    portal.click(qd.CAPTURE)
    expect(not portal.is_refused(), f"「{who}」完成注册",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@when(parsers.re(r"「(?P<who>[^」]+)」尽其所能完成注册的各步"))
def register_far(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    register_as_far_as_possible(portal, qd_users[who])


@then(parsers.re(r"「(?P<who>[^」]+)」的注册被拒绝"))
def registration_refused(portal: PortalDriver, who: str) -> None:
    """FAQ 6: 走不下去 — a refusal at whichever step (the next step's asserted: 「该用户未注册」 at login)."""
    expect(portal.is_refused() and names(portal, "实名信息采集"), f"「{who}」的注册因须先采集实名信息被拒绝",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
