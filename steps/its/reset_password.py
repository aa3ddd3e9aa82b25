"""Steps of 【忘记密码】 (ITS §2.1(3)): 进行身份验证 however the portal asks it, 再进行密码重置."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytest_bdd import parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.common.expect import expect
from steps.common.identity_fields import fill_shown_identity
from steps.common.labels import NEW_PASSWORD, NEXT, SEND_SMS, SMS_CODE
from steps.common.refusals import blame, blamed, names
from steps.common.sms import last_sms_code

#: The factor 以与注册信息不符的姓名 makes wrong (steps/common/refusals.py NAMES).
IDENTITY = "身份信息"
#: Identity verification may take a few screens (identity, then an SMS code): enough for any reasonable portal.
MAX_SCREENS = 3


def verify_identity(portal: PortalDriver, person: Identity) -> set[str]:
    """据实填写 every identity field shown, the SMS code sent to the person's phone if one is asked, and go on —
    screen after screen, until the portal asks for the new password or refuses. The identity fields it was asked."""
    asked: set[str] = set()
    for _ in range(MAX_SCREENS):
        asked |= fill_shown_identity(portal, person)
        if portal.shows_control(SEND_SMS):
            portal.click(SEND_SMS)
        if portal.shows_field(SMS_CODE):
            portal.fill(SMS_CODE, last_sms_code(portal, person.phone, person.name, required=False))
        portal.click(NEXT)
        if portal.is_refused() or portal.shows_field(NEW_PASSWORD):
            break
    return asked


@when(parsers.parse("「{role}」据实填写相关信息进行身份验证"))
def identity_for_reset(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    verify_identity(portal, cast[role])


@when(parsers.parse("「{role}」以与注册信息不符的姓名进行身份验证"))
def wrong_identity_for_reset(portal: PortalDriver, cast: dict[str, Identity], wrong_factor: dict[str, str],
                             role: str) -> None:
    """A 姓名 unlike the registered one, all else true: the refusal must be the identity's (not an SMS code's)."""
    blame(wrong_factor, IDENTITY)
    person = cast[role]
    asked = verify_identity(portal, replace(person, name=person.name[:1] + "错" + person.name[1:]))
    if "姓名" not in asked:  # §2.1(3) lists no fields: a portal that never asks 姓名 cannot be given a wrong one
        pytest.skip("not applicable: 该门户的身份验证没有询问「姓名」（指引未列出身份验证的项目），"
                    "无从输入与注册信息不符的姓名")


@when(parsers.parse("「{role}」通过【忘记密码】据实进行身份验证"))
def forgot_password_identity(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    from steps.its.login_steps import to_login_form

    to_login_form(portal)
    portal.click("忘记密码")
    verify_identity(portal, cast[role])


@then("可以重置密码")
def may_reset(portal: PortalDriver) -> None:
    expect(portal.shows_field(NEW_PASSWORD) and not portal.is_refused(), "身份验证通过，页面要求设置新密码",
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")


@then("身份验证未通过，不能重置密码")
def may_not_reset(portal: PortalDriver, wrong_factor: dict[str, str]) -> None:
    """Refused, no new password asked; for a wrong identity, the message names it (姓名, 身份, 不符 …)."""
    factor = blamed(wrong_factor)
    named = factor is None or names(portal, factor)
    wanted = "身份验证未通过（提示原因），不要求设置新密码" + ("" if factor is None else f"（提示指明{factor}）")
    expect(portal.is_refused() and named and not portal.shows_field(NEW_PASSWORD), wanted,
           lambda: f"页面「{portal.screen()}」，提示「{portal.message()}」")
