"""Views of the 个人所得税APP's 【企业办税权限】, 【企业办税人员列表】 and 申报密码重置 page (Liaoning Q&A 9)."""

from __future__ import annotations

import enum

from simulator import deviations
from simulator.common import item_lists
from simulator.common.views import Message, View
from simulator.domain.units import Unit, UnitHandler
from simulator.natural_person.app_account import PERSONAL_CENTER, SEND_SMS
from vocabulary.roles import Role

RESET, SAVE = "重置申报密码", "保存"
#: Q&A 9: "当角色是法人或财务负责人的时候…会有【重置申报密码】功能"; ITS §1.3.1: 法定代表人或者财务经理.
MAY_RESET = (Role.LEGAL_REPRESENTATIVE, Role.FINANCE_HEAD)
#: The field a unit button posts, and the control it presses (the page shows the unit's name only).
UNIT, OPEN_UNIT = "单位", "查看单位"
#: Q&A 9 第4步: "输入新密码并确认密码后，获取短信验证码".
FIELDS = ("新密码", "确认密码", "短信验证码")


class UnitScreen(enum.StrEnum):
    """Session screens (prefixed keys); 申报密码重置 is what Q&A 9 calls the page ("申报密码重置页面")."""

    PERMISSIONS = "APP:企业办税权限"
    STAFF = "APP:企业办税人员列表"
    RESET = "APP:申报密码重置"

    @property
    def shown(self) -> str:
        return self.value.removeprefix("APP:")


def permissions(names: tuple[str, ...], message: Message | None) -> View:
    """The units the person acts for; clicking one opens its 企业办税人员列表 (Q&A 9: 点击要重置申报密码的单位)."""
    return View(UnitScreen.PERMISSIONS.shown, controls=("返回", PERSONAL_CENTER), message=message,
                options={UNIT: names}, template="app_units",
                extras={"units": names, **item_lists.gestures(UNIT, click=OPEN_UNIT),
                        "intro": "点击要办理的单位，进入【企业办税人员列表】。"})


def staff(unit: Unit, handler: UnitHandler, people: list[tuple[str, UnitHandler]], message: Message | None) -> View:
    """The unit's handlers and their roles; 【重置申报密码】 only for a 法定代表人 or 财务负责人."""
    controls = (RESET,) if handler.role in MAY_RESET or deviations.on("ITS_DECLARATION_RESET_ANY_ROLE") else ()
    return View(UnitScreen.STAFF.shown, controls=(*controls, "返回", PERSONAL_CENTER), message=message,
                template="app_units", greeting=f"单位：{unit.name}（{unit.tax_id}）",
                extras={"staff": [(name, linked.role.value) for name, linked in people]})


def reset(unit: Unit, phone: str | None, message: Message | None, values: dict[str, str] | None = None) -> View:
    """Q&A 9 第4步: 新密码, 确认密码, then the SMS code; what was typed survives 【获取验证码】."""
    return View(UnitScreen.RESET.shown, fields=FIELDS, controls=(SAVE, SEND_SMS, "返回", PERSONAL_CENTER),
                message=message, values=dict(values or {}), greeting=f"单位：{unit.name}（{unit.tax_id}）",
                extras={"hint": f"短信验证码将发送至绑定的手机号（尾号{(phone or '')[-4:]}）。",
                        "keep_passwords": True})
