"""Pressing 【登录】 or submitting the 申报密码 with the captcha a person answers when the page asks for it."""

from __future__ import annotations

from collections.abc import Callable

from drivers.protocol import PortalDriver

CAPTCHA = "验证码"


def press_answering_captcha(portal: PortalDriver, control: str, retype: Callable[[], None], *,
                            right: bool = False) -> None:
    """Press the control, the captcha typed first when the page shows it.

    right: what was typed is right. A portal may ask for the captcha (after earlier wrong ones) only once it knows
    the account, refusing the press for it: the person types again (retype), answers it and presses again. A wrong
    password is never sent twice (each is one counted attempt)."""
    asked = portal.shows_field(CAPTCHA)
    if asked:
        portal.fill(CAPTCHA, portal.current_captcha())
    portal.click(control)
    if right and not asked and portal.is_refused() and not portal.is_locked() and portal.shows_field(CAPTCHA):
        retype()
        portal.fill(CAPTCHA, portal.current_captcha())
        portal.click(control)
