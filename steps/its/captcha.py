"""Pressing 【登录】 or submitting the 申报密码 with the captcha a person answers when the page asks for it."""

from __future__ import annotations

from collections.abc import Callable

from drivers.protocol import PortalDriver
from drivers.text import normalise

CAPTCHA = "验证码"


def blames_only_the_captcha(portal: PortalDriver) -> bool:
    """The refusal names the captcha and not the password (请输入验证码, 验证码错误): the password was not checked."""
    shown = normalise(portal.message() or "")
    return CAPTCHA in shown and "密码" not in shown


def press_answering_captcha(portal: PortalDriver, control: str, retype: Callable[[], None], *,
                            right: bool = False) -> None:
    """Press the control, the captcha typed first when the page shows it.

    A portal may ask for the captcha (after earlier wrong ones) only once it knows the account, refusing the press
    for it: the person types again (retype), answers it and presses again — a right password always; a wrong one
    only when the refusal names the captcha alone (the password was not checked), so a wrong password is never
    sent twice to a portal that checked it (each check is one counted attempt)."""
    asked = portal.shows_field(CAPTCHA)
    if asked:
        portal.fill(CAPTCHA, portal.current_captcha())
    portal.click(control)
    if asked or portal.is_locked() or not (portal.is_refused() and portal.shows_field(CAPTCHA)):
        return
    if right or blames_only_the_captcha(portal):
        retype()
        portal.fill(CAPTCHA, portal.current_captcha())
        portal.click(control)
