"""The login page: the entries 企业业务 (with 特定主体), 自然人业务, 代理业务 (FAQ 8, 12), the login methods (FAQ 11),
【用户注册】 under 自然人业务 (FAQ 3), 【忘记密码】 (FAQ 8), and the old login while the dual track runs (FAQ 2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from simulator import deviations
from simulator.common.flow import Action, Form, Hook
from simulator.common.sessions import PortalSession
from simulator.common.views import View, refused
from simulator.qingdao.methods import LoginMethod
from simulator.qingdao.screens import (
    AGENT,
    BUSINESS,
    BUSINESSES,
    ENTERPRISE,
    ETAX,
    METHOD,
    NATURAL,
    SPECIAL,
    QdScreen,
    Qingdao,
    business,
)

REGISTER, FORGOT, OLD_LOGIN, LOG_IN = "用户注册", "忘记密码", "旧版登录", "登录"
OLD_LOGIN_NOTE = "双轨运行期间，旧版登录保留一段时间，以方便纳税人的正常使用。"


class LoginFlow:
    """One page for every entry; the entry chosen is the business the person works in after the login."""

    def __init__(self, qd: Qingdao, methods: Sequence[LoginMethod], hooks: Mapping[str, Hook]) -> None:
        self._qd, self._methods, self._hooks = qd, {m.name: m for m in methods}, hooks
        self._first = methods[0].name

    def entries(self) -> Mapping[str, str]:
        return {ETAX: QdScreen.LOGIN}

    def screens(self) -> Iterable[str]:
        return (QdScreen.LOGIN, QdScreen.OLD_LOGIN)

    def hooks(self) -> Mapping[str, Hook]:
        return self._hooks

    def actions(self) -> Mapping[tuple[str, str], Action]:
        actions: dict[tuple[str, str], Action] = {
            (QdScreen.LOGIN, LOG_IN): lambda s, f: self._method(s).submit(s, f),
            (QdScreen.LOGIN, SPECIAL): lambda s, _: _choose(s, BUSINESS, SPECIAL),
            (QdScreen.LOGIN, OLD_LOGIN): self._old_login,
            (QdScreen.OLD_LOGIN, "返回"): lambda s, _: s.go(QdScreen.LOGIN)}
        for name in BUSINESSES:
            actions[(QdScreen.LOGIN, name)] = _chooser(BUSINESS, name)
        for method in self._methods.values():
            actions[(QdScreen.LOGIN, method.name)] = _chooser(METHOD, method.name)
            for control in method.actions():
                actions[(QdScreen.LOGIN, control)] = self._method_control(control)
        return actions

    def _method_control(self, control: str) -> Action:
        """A control of a method's own (获取验证码…): the method shown answers it."""
        def press(session: PortalSession, form: Form) -> None:
            own = self._method(session).actions().get(control)
            if own is None:
                session.go(QdScreen.LOGIN)
                return
            own(session, form)
        return press

    def render(self, session: PortalSession) -> View:
        if session.screen == QdScreen.OLD_LOGIN:
            return View(QdScreen.OLD_LOGIN, controls=("返回",), message=session.message,
                        extras={"intro": OLD_LOGIN_NOTE})
        chosen, method = business(session), self._method(session)
        entries: tuple[str, ...] = BUSINESSES
        if chosen in (ENTERPRISE, SPECIAL):
            entries = (*BUSINESSES[:1], SPECIAL, *BUSINESSES[1:])
        if deviations.on("QD_AGENT_ENTRY_MISSING"):  # FAQ 1: the 代理业务 entry left out
            entries = tuple(entry for entry in entries if entry != AGENT)
        controls = [*entries, *self._methods, *method.controls(session), LOG_IN]
        if chosen == NATURAL:
            controls.append("注册用户" if deviations.on("QD_REGISTER_LABEL") else REGISTER)  # FAQ 3/4: 【用户注册】
        controls.append(FORGOT)
        if self._qd.settings.dual_track and not deviations.on("QD_OLD_LOGIN_GONE"):
            controls.append(OLD_LOGIN)
        return View(QdScreen.LOGIN, tab=f"{chosen}-{method.name}", fields=method.fields(session),
                    controls=tuple(controls), message=session.message, values=dict(session.values),
                    extras={"intro": f"当前入口：{chosen}　登录方式：{method.name}"})

    def _method(self, session: PortalSession) -> LoginMethod:
        return self._methods.get(str(session.state.get(METHOD) or ""), self._methods[self._first])

    def _old_login(self, session: PortalSession, _: Form) -> None:
        if not self._qd.settings.dual_track:
            session.go(QdScreen.LOGIN, refused("旧版登录已停止使用，请使用新版登录"))
            return
        session.go(QdScreen.OLD_LOGIN)


def _chooser(key: str, choice: str) -> Action:
    return lambda session, _: _choose(session, key, choice)


def _choose(session: PortalSession, key: str, choice: str) -> None:
    """An entry or a method of the login page: the same page, its fields."""
    session.state[key] = choice
    session.go(QdScreen.LOGIN)
