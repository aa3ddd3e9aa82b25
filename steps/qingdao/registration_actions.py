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
    portal.fill(qd.PHONE, user.phone)
    if with_user_name:
        portal.fill(qd.USER_NAME, user.user_name)
    portal.fill(qd.PASSWORD, user.password)
    portal.fill(qd.CONFIRM_PASSWORD, user.password)
    portal.click(qd.NEXT)
