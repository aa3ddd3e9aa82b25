"""移动办税APP sign-in (手机号码 and 短信验证码: the suite's assumption), its 首页 and the 【服务】 page.

Manual 四 says only that a new user's first login opens 实名采集 by itself and that an existing user finds
【采集实名信息】 under 「公众查找」 on the 【服务】 page; how the app signs a user in is not described.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from simulator.common.flow import Action, Form, Hook
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.test_control import SeedError
from simulator.common.views import Message, MessageKind, View, refused
from simulator.mobile_tax_app.collection import open_collection
from simulator.mobile_tax_app.screens import (
    COLLECT,
    MOBILE_TAX_APP,
    PHONE,
    PUBLIC_SECTION,
    SERVICE,
    MtaxScreen,
    is_mobile,
    shown,
)
from simulator.store.mobile_tax_app_users import MobileTaxAppUsers

LOG_IN, LOG_OUT, SEND_SMS, HOME = "登录", "退出登录", "获取验证码", "首页"
SMS_PURPOSE, SMS_SENDER = "mobile-tax-app-login", "移动办税APP"
FIRST_LOGIN = "欢迎使用移动办税APP：新用户首次登录，请先完成实名采集"


def go_home(session: PortalSession, _: Form) -> None:
    session.go(MtaxScreen.HOME)


class MobileTaxAppLoginFlow:
    """A new user (a number never signed in) lands on 实名采集; a known user on the 首页."""

    def __init__(self, sms_codes: SmsCodes, users: MobileTaxAppUsers) -> None:
        self._sms, self._users = sms_codes, users

    def entries(self) -> Mapping[str, str]:
        return {MOBILE_TAX_APP: MtaxScreen.LOGIN}

    def screens(self) -> Iterable[str]:
        return (MtaxScreen.LOGIN, MtaxScreen.HOME, MtaxScreen.SERVICE)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(MtaxScreen.LOGIN, SEND_SMS): self._send_code, (MtaxScreen.LOGIN, LOG_IN): self._log_in,
                (MtaxScreen.HOME, SERVICE): lambda s, _: s.go(MtaxScreen.SERVICE),
                (MtaxScreen.SERVICE, COLLECT): lambda s, _: open_collection(s),
                (MtaxScreen.SERVICE, HOME): go_home,
                **{(screen, LOG_OUT): _log_out for screen in (MtaxScreen.HOME, MtaxScreen.SERVICE)}}

    def hooks(self) -> Mapping[str, Hook]:
        return {"seed.mobile_tax_app_user": self._seed_user}

    def render(self, session: PortalSession) -> View:
        screen, phone = MtaxScreen(session.screen), str(session.state.get(PHONE) or "")
        if screen is not MtaxScreen.LOGIN and not phone:
            session.go(MtaxScreen.LOGIN, refused("请先登录移动办税APP"))
            screen = MtaxScreen.LOGIN
        if screen is MtaxScreen.LOGIN:
            return View(shown(screen), fields=("手机号码", "短信验证码"), controls=(SEND_SMS, LOG_IN),
                        message=session.message, values=dict(session.values))
        greeting = f"您好，尾号{phone[-4:]}的用户"
        if screen is MtaxScreen.HOME:
            return View(shown(screen), controls=(SERVICE, LOG_OUT), message=session.message, greeting=greeting)
        # 【服务】: the menus by section; 「公众查找」 holds 【采集实名信息】 (the page scrolls to it).
        return View(shown(screen), controls=(COLLECT, HOME, LOG_OUT), message=session.message, greeting=greeting,
                    rows=((PUBLIC_SECTION, COLLECT),), template="mtax_service")

    def _send_code(self, session: PortalSession, form: Form) -> None:
        phone = form.get("手机号码", "").strip()
        problem = None if is_mobile(phone) else refused("请输入正确的11位手机号码")
        session.go(MtaxScreen.LOGIN, problem or self._sms.send(phone, SMS_PURPOSE, sender=SMS_SENDER),
                   {"手机号码": phone})

    def _log_in(self, session: PortalSession, form: Form) -> None:
        phone = form.get("手机号码", "").strip()
        problem = self._sms.check(phone, SMS_PURPOSE, form.get("短信验证码", "")) if is_mobile(phone) else None
        if not is_mobile(phone) or problem is not None:
            session.go(MtaxScreen.LOGIN, refused(problem or "请输入正确的11位手机号码"), {"手机号码": phone})
            return
        session.state.clear()
        session.state[PHONE] = phone
        if self._users.known(phone):
            session.go(MtaxScreen.HOME)
            return
        self._users.add(phone)  # from now on an existing user (老用户)
        open_collection(session, Message(FIRST_LOGIN, MessageKind.INFO))

    def _seed_user(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """seed.mobile_tax_app_user: a number that has used the app before (老用户)."""
        phone = payload.get("phone")
        if not isinstance(phone, str) or not is_mobile(phone):
            raise SeedError("'phone' must be an 11-digit mobile number")
        self._users.add(phone)
        return {"phone": phone, "existing_user": True}


def _log_out(session: PortalSession, _: Form) -> None:
    session.state.clear()
    session.go(MtaxScreen.LOGIN)
