"""What a user sees at a step: screen, tab, fields, controls and message — rendered by web or read in-process."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Screen(enum.StrEnum):
    """Screens of the ITS client login, named as the guide names them."""

    LOGIN = "实名登录"
    UNIT_VERIFICATION = "单位办税验证"
    REGISTRATION = "实名注册"
    FORGOT_PASSWORD = "忘记密码"
    RESET_PASSWORD = "重置密码"


class MessageKind(enum.StrEnum):
    """How a message reads to the user: information, a refusal, a lock, or success."""

    INFO = "info"
    REFUSED = "refused"
    LOCKED = "locked"
    SUCCESS = "success"


@dataclass(frozen=True)
class Message:
    text: str
    kind: MessageKind


@dataclass(frozen=True)
class View:
    """One screen as the user sees it. Field and control names are the guide's labels."""

    screen: Screen
    tab: str | None = None
    fields: tuple[str, ...] = ()
    controls: tuple[str, ...] = ()
    message: Message | None = None
    captcha_required: bool = False
    soft_keyboard_open: bool = False
    values: dict[str, str] = field(default_factory=dict)
    greeting: str | None = None

    @property
    def refused(self) -> bool:
        return self.message is not None and self.message.kind in (MessageKind.REFUSED, MessageKind.LOCKED)

    @property
    def locked(self) -> bool:
        return self.message is not None and self.message.kind is MessageKind.LOCKED
