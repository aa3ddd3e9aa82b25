"""A 扣缴客户端 session in a unit: entering it once verified, and (a variant) ending those in a unit."""

from __future__ import annotations

from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.views import Message, MessageKind, Screen
from simulator.domain.units import Unit
from simulator.its.login import back_to_login
from simulator.its.unit_pages import HOME

#: Where 单位办税验证 keeps, per session, the unit chosen ("selected") and the unit entered ("home").
KEY = "unit_verification"


def enter_unit(session: PortalSession, unit: Unit) -> None:
    """Verified: the client's home page for the unit's business."""
    session.state.setdefault(KEY, {})["home"] = unit.tax_id
    session.go(HOME, Message(f"单位办税验证通过，当前办税单位：{unit.name}", MessageKind.SUCCESS))


def end_sessions_in(sessions: SessionRegistry, unit: Unit) -> None:
    """A variant: the sessions verifying or working in this unit end (its 申报密码 was reset in the APP)."""
    for session in sessions.live():
        state = session.state.get(KEY, {})
        if session.screen in (Screen.UNIT_VERIFICATION, HOME) and unit.tax_id in (state.get("selected"),
                                                                                 state.get("home")):
            back_to_login(session, {})
            session.message = Message("单位申报密码已重置，请重新登录", MessageKind.INFO)
