"""What a user sees at a step: screen, tab, fields, controls and message — rendered by web or read in-process."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Screen(enum.StrEnum):
    """Screens of the ITS client's login and password reset, named as the guide names them."""

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


def refused(text: str) -> Message:
    return Message(text, MessageKind.REFUSED)


@dataclass(frozen=True)
class View:
    """One screen as the user sees it. Field and control names are the guide's labels.

    `template` names a hand-made page (web/templates/screens/<system>/<template>.html); without one the generic
    page shows the fields (a select where `options` lists choices) and the controls as buttons.
    `extras` carries what such a page shows besides fields and controls (a QR image, a list of units…).
    """

    screen: str
    tab: str | None = None
    fields: tuple[str, ...] = ()
    controls: tuple[str, ...] = ()
    message: Message | None = None
    captcha_required: bool = False
    soft_keyboard_open: bool = False
    values: dict[str, str] = field(default_factory=dict)
    options: dict[str, tuple[str, ...]] = field(default_factory=dict)
    greeting: str | None = None
    template: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    #: A list or table on the screen, each row its cells as shown (e.g. a synced handler: 姓名, 身份).
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def refused(self) -> bool:
        return self.message is not None and self.message.kind in (MessageKind.REFUSED, MessageKind.LOCKED)

    @property
    def locked(self) -> bool:
        return self.message is not None and self.message.kind is MessageKind.LOCKED
