"""Screens of the Qingdao e-tax bureau, its entries (企业业务…), and what its flows share (the `Qingdao` bundle)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

from simulator.clock import Clock
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.sms_codes import SmsCodes
from simulator.external.face import FaceComparison
from simulator.qingdao.lockout import Lockout
from simulator.qingdao.people import QdPeople
from simulator.variant import Variant

#: The entry (a client of its own, with its own path and session cookie).
ETAX = "青岛市电子税务局"
#: FAQ 8: 企业业务、自然人业务、代理业务等入口 — one login page; FAQ 12: 特定主体 under 企业业务.
ENTERPRISE, NATURAL, AGENT, SPECIAL = "企业业务", "自然人业务", "代理业务", "特定主体"
BUSINESSES = (ENTERPRISE, NATURAL, AGENT)
#: What the SMS says it comes from.
SMS_SENDER = "青岛市电子税务局"
#: FAQ 4, quoted by the guide.
NOT_REGISTERED = "该用户未注册"
#: Days are counted in Qingdao's time (FAQ 14: 一天内).
CHINA = timezone(timedelta(hours=8))

#: Session state: the entry chosen on the login page, the login method shown, the person past the first factor,
#: the person logged in, and whether the second factor passed.
BUSINESS, METHOD = "qingdao.business", "qingdao.method"
PENDING, PERSON = "qingdao.pending", "qingdao.person"
#: The enterprise (纳税人识别号) a 企业业务 login works for, once known (a typed 税号, a scan, a certificate, the
#: enterprise-selection screen): the 首页 then shows that one only.
ENTERPRISE_CHOSEN = "qingdao.enterprise"
#: Variant.qd_enterprise_tax_id: the 企业业务 login's 税号 field.
TAX_ID = "税号"


class QdScreen(enum.StrEnum):
    """Screens; names the guide gives (账户中心, 个人实名等级…) prefixed so that they stay the Qingdao portal's own."""

    LOGIN = "青岛:登录"
    OLD_LOGIN = "青岛:旧版登录"
    SECOND_FACTOR = "青岛:第二验证因子"
    FACE = "青岛:刷脸验证"
    CHANGE_INITIAL = "青岛:重新设置密码"
    CHOOSE_ENTERPRISE = "青岛:选择企业"
    HOME = "青岛:首页"
    ACCOUNT_CENTER = "青岛:账户中心"
    REAL_NAME_LEVEL = "青岛:个人实名等级"
    PASSWORD_CHANGE = "青岛:个人密码修改"
    PERSONAL_INFO = "青岛:个人信息管理模块"
    KEY_BUSINESS = "青岛:发票开具"
    REGISTER_IDENTITY = "青岛:身份信息校验"
    REGISTER_BASIC = "青岛:基本信息填写"
    FORGOT = "青岛:忘记密码"
    FORGOT_NEW = "青岛:设置新密码"


@dataclass
class Settings:
    """What the simulator lets a test build switch (hooks `qingdao.settings`): FAQ 2's dual-track period."""

    dual_track: bool = True


@dataclass(frozen=True)
class Qingdao:
    """What the Qingdao flows share."""

    people: QdPeople
    lockout: Lockout
    sms_codes: SmsCodes
    face: FaceComparison
    sessions: SessionRegistry
    clock: Clock
    settings: Settings = field(default_factory=Settings)
    variant: Variant = field(default_factory=Variant.default)

    def now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    def today(self) -> date:
        """The day in Qingdao (FAQ 14 counts failures 一天内)."""
        return self.clock.now().astimezone(CHINA).date()


def logged_in(session: PortalSession) -> str | None:
    """The document number of the person logged in on this session, or None."""
    person = session.state.get(PERSON)
    return str(person) if person else None


def business(session: PortalSession) -> str:
    """The entry chosen on the login page (企业业务 by default, as the page opens on it)."""
    return str(session.state.get(BUSINESS) or ENTERPRISE)


def sms_purpose(document_number: str, what: str) -> str:
    return f"qingdao-{what}:{document_number}"
