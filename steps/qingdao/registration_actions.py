"""FAQ 3's 身份信息校验 and 基本信息填写 as a person fills them: in the web 【用户注册】 and the 青岛税务APP's 注册."""

from __future__ import annotations

from drivers.protocol import PortalDriver
from steps.qingdao import labels as qd
from steps.qingdao.people import QdUser


def identity_check(portal: PortalDriver, user: QdUser) -> None:
    portal.fill(qd.DOCUMENT_TYPE, user.document_type)
    portal.fill(qd.NUMBER, user.document_number)
    portal.fill(qd.NAME, user.name)
    portal.click(qd.NEXT)


def basic_information(portal: PortalDriver, user: QdUser, with_user_name: bool) -> None:
    """The person's phone (and 用户名); a password where the page asks one — where it does not (the FAQ lists no
    password step), the person's password is the initial one (FAQ 8: 证件号码后六位)."""
    portal.fill(qd.PHONE, user.phone)
    if with_user_name:
        portal.fill(qd.USER_NAME, user.user_name)
    if portal.shows_field(qd.PASSWORD):
        portal.fill(qd.PASSWORD, user.password)
        if portal.shows_field(qd.CONFIRM_PASSWORD):
            portal.fill(qd.CONFIRM_PASSWORD, user.password)
    else:
        user.password = user.initial_password
    portal.click(qd.NEXT)


def register_as_far_as_possible(portal: PortalDriver, user: QdUser) -> None:
    """FAQ 3's three parts, from wherever registration was opened; stops at the first refusal (the step that refuses
    is the portal's choice: FAQ 6 says only 走不下去)."""
    identity_check(portal, user)
    if not portal.is_refused():
        basic_information(portal, user, False)
    if not portal.is_refused():
        portal.click(qd.CAPTURE)
