"""企业人员维护 and 密码管理 (manual 二(一) 第5-9步, 三(一), 三(二)): their screens, the 功能树, who may use them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from simulator import deviations
from simulator.common.sessions import PortalSession
from simulator.common.views import refused
from simulator.domain.enterprise import FIRST_LOGIN_ROLES, Handler
from simulator.liaoning.handler_login import current_handler
from simulator.liaoning.screens import CLIENT, NATURAL_PERSON, Liaoning, LnScreen, logged_in_enterprise

#: The 右上角纳税人名称 menu's items (manual 二(一) 第5步, 三(二)).
PERSONNEL, CHANGE_PASSWORD = "企业人员维护", "修改密码"
#: Functions of the 功能树 an identity may be given; the names are the guides' own (常见问题6 names 历史办税操作查找;
#: the Q&A and the 温馨提示 name 税费申报及缴纳, 变更税务登记 and 代理机构认定管理). The tree itself is the suite's.
FUNCTION_TREE = ("税费申报及缴纳", "变更税务登记", "代理机构认定管理", "历史办税操作查找")
#: A box's value when ticked (勾选功能树, 身份类型, 管理权限).
TICKED = "勾选"
#: 第9步 (summary 第四步): the boxes a 办税人员 is given, on 【添加办税人员】 and again on 【权限管理】.
IDENTITY_TYPE, MANAGEMENT = "身份类型", "管理权限"
#: Summary 企业人员维护 温馨提示1.
MANAGERS_ONLY = "只有法定代表人、财务负责人才允许使用「企业人员维护」"


class StaffScreen(enum.StrEnum):
    """The pages behind the 右上角纳税人名称 menu."""

    PERSONNEL = "企业人员维护"
    IDENTITIES = "身份维护"
    ADD_HANDLER = "添加办税人员"
    HANDLER_DETAILS = "设置办税人员"
    CHANGE_PASSWORD = "修改密码"
    CHANGE_ENTERPRISE_PASSWORD = "修改企业密码"
    PERMISSIONS = "权限管理"


def logged_in_person(liaoning: Liaoning, session: PortalSession) -> Handler | None:
    """The enterprise's person on the 首页 and past it (not a natural person, not an agency acting for a client)."""
    if session.state.get(NATURAL_PERSON) or session.state.get(CLIENT):
        return None
    return current_handler(liaoning, session)


def manager(liaoning: Liaoning, session: PortalSession) -> Handler | None:
    """The logged-in 法定代表人 or 财务负责人: only they have 「企业人员维护」 (summary 温馨提示1)."""
    person = logged_in_person(liaoning, session)
    allowed = person is not None and (person.role in FIRST_LOGIN_ROLES or deviations.on("LN_HANDLER_REACHES_PERSONNEL"))
    return person if allowed else None


def refuse_non_manager(session: PortalSession) -> None:
    """Someone else on a 企业人员维护 page (a stale page, or a handler posting by hand): back to the 首页."""
    session.go(LnScreen.HOME, refused(MANAGERS_ONLY))


def identity_names(liaoning: Liaoning, session: PortalSession) -> tuple[str, ...]:
    """The 权限身份 maintained (身份维护) for the logged-in enterprise, in the order saved."""
    return tuple(i.name for i in liaoning.personnel.identities(logged_in_enterprise(session)))


def identity_boxes(names: tuple[str, ...]) -> dict[str, Any]:
    """A view's fields, options and extras for the 身份类型 boxes (one per identity) and the 管理权限 box."""
    return {"fields": (IDENTITY_TYPE, *names, MANAGEMENT), "options": {IDENTITY_TYPE: names},
            "extras": {"groups": {IDENTITY_TYPE: names}, "checkboxes": (MANAGEMENT,)}}


def ticked_identities(names: tuple[str, ...], form: Mapping[str, str]) -> tuple[str, ...]:
    """The identities whose boxes the form ticks."""
    return tuple(n for n in names if form.get(n, "") == TICKED)
