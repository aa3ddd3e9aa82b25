"""Real-name registration (ITS §2): 【立即注册】 opens the WEB registration of the natural-person platform."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.service.flow import Action, Hook
from simulator.service.login import back_to_login
from simulator.service.sessions import PortalSession
from simulator.service.views import Message, MessageKind, Screen, View


class RegistrationFlow:
    """So far only the entry page; the registration steps come with the registration issue."""

    def entries(self) -> Mapping[str, str]:
        return {}

    def screens(self) -> Iterable[str]:
        return (Screen.REGISTRATION,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {
            (Screen.REGISTRATION, "同意并继续"): lambda s, _: s.go(Screen.REGISTRATION, Message(
                "大厅注册码注册流程尚未在本版本模拟器中提供", MessageKind.INFO)),
            (Screen.REGISTRATION, "返回登录"): back_to_login,
        }

    def hooks(self) -> Mapping[str, Hook]:
        return {}

    def render(self, session: PortalSession) -> View:
        return View(Screen.REGISTRATION, controls=("同意并继续", "返回登录"), message=session.message,
                    template="registration")
