"""Screens of the Liaoning e-tax bureau, its entry, and what a session keeps between them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from simulator import deviations
from simulator.clock import Clock
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.sms_codes import SmsCodes
from simulator.external.core_tax import CoreTaxSystem
from simulator.store.agencies import AgencyStore
from simulator.store.enterprises import EnterpriseStore
from simulator.store.personnel import PersonnelStore
from simulator.variant import Variant

#: The entry (a client of its own, with its own path and session cookie).
ETAX = "辽宁省电子税务局"
#: Manual 一: the three kinds of login, side by side on one page.
LOGIN_KINDS = ("企业登录", "自然人登录", "代理机构登录")
#: Manual 二(一): the two ways of the enterprise login.
NORMAL_LOGIN, QUICK_LOGIN = "普通登录", "快捷登录"
SMS_LOGIN, PASSWORD_LOGIN = "短信登录", "密码登录"
#: Manual 二(一) 第4步 温馨提示, shown where the personal password is set.
PERSONAL_PASSWORD_TIP = "温馨提示：请牢记人员的个人密码，该密码与企业密码不同"
#: What the SMS says it comes from.
SMS_SENDER = "辽宁省电子税务局"

TAX_ID, HANDLER, FACTOR = "liaoning.tax_id", "liaoning.handler", "liaoning.factor"
#: Which way of 企业登录 the login page shows (普通登录 unless 快捷登录 was chosen).
WAY = "liaoning.way"
#: Which kind of login the page shows (企业登录 unless 自然人登录 was chosen), and who logged in as a natural person.
KIND, NATURAL_PERSON = "liaoning.kind", "liaoning.natural_person"
#: 代理机构登录 第三步: the client enterprise (待办的目标企业) the agency's person acts for.
CLIENT = "liaoning.client"
AGENT_LOGIN = "代理机构登录"
#: LN-R06: a frozen handler picked: the words of 三(一)2 (section-message) or of 常见问题7 (faq-message).
FROZEN, FROZEN_FAQ = "您选择的办税人已经被锁定，请选择其他办税人", "办税人员已冻结"


def frozen_message(variant: Variant) -> str:
    if deviations.on("LN_FROZEN_MESSAGE_WORD"):
        return (FROZEN_FAQ if variant.reads("LN-R06", "faq-message") else FROZEN)[:-1]  # the last character lost
    return FROZEN_FAQ if variant.reads("LN-R06", "faq-message") else FROZEN


class LnScreen(enum.StrEnum):
    """Screens named as the guides name them (办税人员选择页面, 电子税务局首页…)."""

    LOGIN = "电子税务局登录"
    HANDLERS = "办税人员选择"
    IDENTITY = "办税人身份验证"
    SET_PASSWORD = "设置个人密码"
    CLIENTS = "选择待办企业"
    HOME = "电子税务局首页"
    SOCIAL_SECURITY = "社保费征收系统"


@dataclass(frozen=True)
class Liaoning:
    """What the Liaoning flows share: the enterprises, the core tax system, SMS codes, sessions, clock, and what
    企业人员维护 keeps (identities, persons added, bound or deleted)."""

    enterprises: EnterpriseStore
    core: CoreTaxSystem
    sms_codes: SmsCodes
    sessions: SessionRegistry
    clock: Clock
    agencies: AgencyStore
    personnel: PersonnelStore
    #: The choices the guides leave open (how roles are worded, readings LN-R01…).
    variant: Variant = field(default_factory=Variant.default)


def logged_in_enterprise(session: PortalSession) -> str:
    """The 纳税人识别号 the session logged in with (a screen past the login needs one)."""
    return str(session.state.get(TAX_ID, ""))


def sms_purpose(tax_id: str) -> str:
    return f"liaoning-login:{tax_id}"
