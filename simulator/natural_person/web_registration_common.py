"""Screens of the WEB registration (ITS §2.1) and the registration draft a visitor's session keeps."""

from __future__ import annotations

import enum
from typing import Any

from simulator.common.sessions import PortalSession
from simulator.common.views import Screen

IDENTITY_FIELDS = ("注册码", "姓名", "证件类型", "证件号码")
SMS_PURPOSE = "web_registration"
_KEY = "web_registration"


class WebScreen(enum.StrEnum):
    """The WEB platform's registration screens; the first is where 【立即注册】 lands (自然人授权)."""

    AUTHORISATION = Screen.REGISTRATION.value  # 实名注册: 自然人授权, 【同意并继续】
    METHODS = "选择注册方式"
    HALL_CODE = "大厅注册码注册"
    RARE_CHARACTERS = "录入生僻字"
    LOGIN_SETTINGS = "设置登录信息"
    DONE = "注册成功"  # only a variant shows it (Variant.registration_done_page); the default goes back to 实名登录


def draft(session: PortalSession) -> dict[str, Any]:
    """This visitor's registration so far: identity typed, code verified, picker selection."""
    found: dict[str, Any] = session.state.setdefault(_KEY, {})
    return found


def identity_values(session: PortalSession) -> dict[str, str]:
    """The identity fields as last typed (what the 大厅注册码注册 page shows again)."""
    return dict(draft(session).get("identity", {}))


def keep_identity(session: PortalSession, typed: dict[str, str]) -> None:
    draft(session)["identity"] = {f: typed.get(f, "") for f in IDENTITY_FIELDS}
