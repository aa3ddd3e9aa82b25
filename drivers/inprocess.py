"""In-process driver: the simulator's service layer in this process, time moved by freezegun."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from freezegun import freeze_time

from drivers.protocol import DriverError
from fixtures.clock import SCENARIO_START
from fixtures.identities import Identity
from simulator.bootstrap import build_portal
from simulator.service.test_control import PersonSeed
from simulator.service.views import View


class InProcessDriver:
    """Acts like the web pages do: fields fill a form, a control runs the step the page would post."""

    name = "inprocess"

    def __init__(self, start: datetime = SCENARIO_START) -> None:
        self._freezer = freeze_time(start)
        self._frozen = self._freezer.start()
        self._portal = build_portal()
        self._session, self._view = self._portal.login.view(None)
        self._form: dict[str, str] = {}

    def reset(self) -> None:
        self._portal.test_control.reset()
        self._session, self._view = self._portal.login.view(None)

    def seed_person(self, identity: Identity) -> None:
        self._portal.test_control.seed_person(PersonSeed(
            name=identity.name, document_type=identity.document_type.value,
            document_number=identity.document_number, phone=identity.phone,
            login_name=identity.login_name, password=identity.password))

    def current_captcha(self) -> str:
        answer = self._portal.test_control.current_captcha(self._session)
        if answer is None:
            raise DriverError("当前页面没有要求输入验证码")
        return answer

    def advance_clock(self, delta: timedelta) -> None:
        self._frozen.tick(delta)

    def open_login(self) -> None:
        self._session, self._view = self._portal.login.view(None)
        self._form = {}

    def fill(self, field: str, value: str) -> None:
        if field not in self._view.fields:
            shown = "、".join(self._view.fields)
            raise DriverError(f"「{self._view.screen}」页面上没有「{field}」输入项（有：{shown}）")
        self._form[field] = value

    def click(self, control: str) -> None:
        if control not in self._view.controls:
            shown = "、".join(self._view.controls)
            raise DriverError(f"「{self._view.screen}」页面上没有【{control}】（有：{shown}）")
        action = self._actions().get(control)
        if action is None:
            raise DriverError(f"进程内驱动不认识【{control}】")
        self._view = action()
        self._form = dict(self._view.values)

    def _actions(self) -> dict[str, Callable[[], View]]:
        login, reset, sid, form = self._portal.login, self._portal.password_reset, self._session, self._form
        return {
            "登录": lambda: login.submit_login(sid, form.get("账号", ""), form.get("密码", ""), form.get("验证码", "")),
            "关闭": lambda: login.close_soft_keyboard(sid),
            "软键盘图标": lambda: login.toggle_soft_keyboard(sid),
            "立即注册": lambda: login.open_registration(sid),
            "同意并继续": lambda: login.agree_registration(sid),
            "返回登录": lambda: login.back_to_login(sid),
            "退出": lambda: login.back_to_login(sid),
            "忘记密码": lambda: reset.open(sid),
            "下一步": lambda: reset.verify_identity(sid, form.get("姓名", ""), form.get("证件类型", ""),
                                                  form.get("证件号码", ""), form.get("手机号码", "")),
            "确定": lambda: reset.reset(sid, form.get("新密码", ""), form.get("确认密码", "")),
        }

    def screen(self) -> str:
        return self._view.screen.value

    def active_tab(self) -> str:
        return self._view.tab or ""

    def message(self) -> str | None:
        return None if self._view.message is None else self._view.message.text

    def is_refused(self) -> bool:
        return self._view.refused

    def is_locked(self) -> bool:
        return self._view.locked

    def shows_field(self, field: str) -> bool:
        return field in self._view.fields

    def shows_control(self, control: str) -> bool:
        return control in self._view.controls

    def soft_keyboard_open(self) -> bool:
        return self._view.soft_keyboard_open

    def close(self) -> None:
        self._freezer.stop()
        self._portal.store.close()
