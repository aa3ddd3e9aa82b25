"""个人所得税APP 登录, 【个人中心】 and its 【安全中心】 (Liaoning Q&A 3/9): who is signed in, their bound phone."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

from simulator.common.flow import Action, FlowBase, Form, Hook
from simulator.common.passwords import verify_password
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.test_control import SeedError
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.account import Account
from simulator.natural_person.app_registration import AppScreen
from simulator.store.phone_bindings import PhoneBindings
from simulator.store.sqlite import SqliteStore

#: Labels the guides print: 【个人中心】 and, inside it, 【企业办税权限】 and 【安全中心】.
PERSONAL_CENTER, UNIT_PERMISSIONS, SECURITY_CENTER = "个人中心", "企业办税权限", "安全中心"
#: The simulator's own labels (the guides name no login page, no bind button): 登录, 绑定手机号.
LOG_IN, LOG_OUT, BIND, SEND_SMS = "登录", "退出登录", "绑定手机号", "获取验证码"
BIND_PURPOSE = "app_bind_phone"


class AccountScreen(enum.StrEnum):
    """Session screens of the signed-in APP (prefixed, as every APP screen key; pages show the rest)."""

    LOGIN = "APP:登录"
    HOME = "APP:首页"
    PERSONAL_CENTER = "APP:个人中心"
    SECURITY_CENTER = "APP:安全中心"


def signed_in(store: SqliteStore, session: PortalSession) -> Account | None:
    """The account of the APP user of this session, or None before 登录."""
    document = session.account_document
    return None if document is None else store.find_by_document_number(document)


def go_to(screen: str) -> Action:
    """A control that only moves to another screen."""
    return lambda session, _: session.go(screen)


def sign_in_again(session: PortalSession) -> None:
    session.account_document = None
    session.go(AccountScreen.LOGIN, refused("请先登录个人所得税APP"))


class AppAccountFlow(FlowBase):
    """登录 with 账号 (手机号码, 登录名 or 证件号码) and 密码; the 安全中心 binds a phone after an SMS check."""

    def __init__(self, store: SqliteStore, sms_codes: SmsCodes, bindings: PhoneBindings) -> None:
        self._store, self._sms, self._bindings = store, sms_codes, bindings

    def screens(self) -> Iterable[str]:
        return tuple(AccountScreen)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        go, pc, sc = go_to, AccountScreen.PERSONAL_CENTER, AccountScreen.SECURITY_CENTER
        return {
            (AppScreen.HOME, LOG_IN): go(AccountScreen.LOGIN),
            (AccountScreen.LOGIN, LOG_IN): self.log_in, (AccountScreen.LOGIN, "返回"): go(AppScreen.HOME),
            (AccountScreen.HOME, PERSONAL_CENTER): go(pc), (AccountScreen.HOME, LOG_OUT): self.log_out,
            (pc, SECURITY_CENTER): go(sc), (pc, "返回"): go(AccountScreen.HOME), (pc, LOG_OUT): self.log_out,
            (sc, SEND_SMS): self.send_code, (sc, BIND): self.bind, (sc, PERSONAL_CENTER): go(pc),
        }

    def hooks(self) -> Mapping[str, Hook]:
        return {"seed.bound_phone": self.seed_bound_phone}

    def render(self, session: PortalSession) -> View:
        screen = AccountScreen(session.screen)
        account = signed_in(self._store, session)
        if screen is not AccountScreen.LOGIN and account is None:
            sign_in_again(session)
            screen = AccountScreen.LOGIN
        shown, message = screen.value.removeprefix("APP:"), session.message
        if screen is AccountScreen.LOGIN or account is None:
            return View(shown, fields=("账号", "密码"), controls=(LOG_IN, "返回"), message=message,
                        values=dict(session.values), extras={"hint": "账号可以是手机号码、登录名或证件号码。"})
        if screen is AccountScreen.HOME:
            return View(shown, controls=(PERSONAL_CENTER, LOG_OUT), message=message,
                        greeting=f"您好，{account.person.name}")
        if screen is AccountScreen.PERSONAL_CENTER:
            return View(shown, controls=(UNIT_PERMISSIONS, SECURITY_CENTER, "返回", LOG_OUT), message=message,
                        greeting=f"您好，{account.person.name}")
        phone = self._bindings.bound_phone(account)
        return View(shown, fields=("手机号码", "短信验证码"), controls=(BIND, SEND_SMS, PERSONAL_CENTER),
                    message=message, values=dict(session.values),
                    greeting=f"已绑定手机号：尾号{phone[-4:]}" if phone else "未绑定手机号")

    def log_in(self, session: PortalSession, form: Form) -> None:
        name = form.get("账号", "").strip()
        found = self._store.find_by_account_name(name) if name else None
        if found is None or not verify_password(form.get("密码", ""), found[0].password_hash):
            session.go(AccountScreen.LOGIN, refused("账号或密码错误"), {"账号": name})
            return
        session.account_document = found[0].person.document_number
        session.go(AccountScreen.HOME)

    def log_out(self, session: PortalSession, _: Form) -> None:
        session.account_document = None
        session.state.clear()
        session.go(AppScreen.HOME)

    def send_code(self, session: PortalSession, form: Form) -> None:
        phone = form.get("手机号码", "").strip()
        session.go(AccountScreen.SECURITY_CENTER, self._sms.send(phone, BIND_PURPOSE), {"手机号码": phone})

    def bind(self, session: PortalSession, form: Form) -> None:
        """The phone is bound only after its SMS code checks out; a refusal changes nothing."""
        account = signed_in(self._store, session)
        if account is None:
            sign_in_again(session)
            return
        phone = form.get("手机号码", "").strip()
        problem = self._sms.check(phone, BIND_PURPOSE, form.get("短信验证码", "")) if phone else "请输入手机号码"
        if problem is not None:
            session.go(AccountScreen.SECURITY_CENTER, refused(problem), {"手机号码": phone})
            return
        self._bindings.bind(account, phone)
        session.go(AccountScreen.SECURITY_CENTER, Message("手机号绑定成功", MessageKind.SUCCESS))

    def seed_bound_phone(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """seed.bound_phone: the phone bound to a registered person's account; null for none."""
        account_name, phone = payload.get("account"), payload.get("phone")
        found = self._store.find_by_account_name(account_name) if isinstance(account_name, str) else None
        if found is None:
            raise SeedError(f"no registered natural person has the account '{account_name}'")
        if phone is not None and not (isinstance(phone, str) and phone.isdigit() and len(phone) == 11):
            raise SeedError("'phone' must be an 11-digit mobile number or null")
        self._bindings.bind(found[0], phone)
        return {"document_number": found[0].person.document_number, "bound_phone": phone}
