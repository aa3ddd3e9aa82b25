"""Screens of the 移动办税APP, its entry, and what a session keeps between them."""

from __future__ import annotations

import enum
import re

#: The entry (a client of its own, with its own path and session cookie).
MOBILE_TAX_APP = "移动办税APP"
#: Manual 四: the 【服务】 page, its section 「公众查找」 and the menu 【采集实名信息】 in it.
SERVICE, PUBLIC_SECTION, COLLECT = "服务", "公众查找", "采集实名信息"
#: Manual 四 按步骤提示: 添加本人身份证, 补充信息, 采集识别脸部信息; then 检测成功 (the simulator's names of the steps).
ID_CARD_STEP, MORE_INFO_STEP, FACE_STEP, DONE_STEP = "添加本人身份证", "补充信息", "采集识别脸部信息", "检测成功"
STEPS = (ID_CARD_STEP, MORE_INFO_STEP, FACE_STEP, DONE_STEP)

#: Who is signed in (the app account's mobile number).
PHONE = "mobile_tax_app.phone"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


class MtaxScreen(enum.StrEnum):
    """Session screens ('MTAX:' keeps the keys unique across entries; pages show the rest)."""

    LOGIN = "MTAX:登录"
    HOME = "MTAX:首页"
    SERVICE = "MTAX:服务"
    COLLECTION = "MTAX:实名采集"


def shown(screen: MtaxScreen) -> str:
    return screen.value.removeprefix("MTAX:")


def is_mobile(phone: str) -> bool:
    """An 11-digit mainland mobile number."""
    return bool(_MOBILE.match(phone))
