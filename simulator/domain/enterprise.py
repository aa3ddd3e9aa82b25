"""The Liaoning e-tax bureau's enterprise account (企业密码) and its synced handlers (办税人), no framework."""

from __future__ import annotations

from dataclasses import dataclass

from simulator import deviations
from simulator.domain.units import tax_id_problem
from simulator.external.core_records import RegisteredPerson
from vocabulary.roles import Role

#: Manual 二(一) 普通登录 第2步: the first normal login must be by one of these.
FIRST_LOGIN_ROLES = (Role.LEGAL_REPRESENTATIVE, Role.FINANCE_HEAD)
#: None for a 纳税人识别号 (an 18-character 统一社会信用代码 with a right check digit, checked with python-stdnum, or a
#: former 15/20-character one), else why not: the same rule as the ITS withholding units'.
taxpayer_id_problem = tax_id_problem


@dataclass(frozen=True)
class EnterpriseAccount:
    """An enterprise on the e-tax bureau: 纳税人识别号, name, the 企业密码 (hashed), whether anyone logged in yet."""

    tax_id: str
    name: str
    password_hash: str
    first_login_done: bool = False


@dataclass(frozen=True)
class Handler:
    """A person synced from the tax registration (同步办税人) who may log in for the enterprise.

    `sms_mobile` is the number a code can go to: the registration's 【移动电话】 when it equals the real-name
    mobile (FAQ 2), else empty. `real_name_mobile` is the 实名采集 mobile, the one 快捷登录 asks for. The
    personal password (个人密码) is the handler's own, not the 企业密码.
    """

    tax_id: str
    id_number: str
    name: str
    role: Role
    sms_mobile: str
    real_name_mobile: str = ""
    personal_password_hash: str | None = None
    frozen: bool = False

    @property
    def has_personal_password(self) -> bool:
        return self.personal_password_hash is not None


def sms_mobile_of(person: RegisteredPerson, real_name_mobile: str) -> str:
    """FAQ 2: no code unless the registered 【移动电话】 is the real-name mobile (a 【固定电话号码】 never is)."""
    mobile = person.mobile.strip()
    if deviations.on("LN_SMS_MOBILE_UNMATCHED"):  # the real-name mobile, whatever the registration says
        return real_name_mobile.strip()
    return mobile if mobile and mobile == real_name_mobile.strip() else ""


def masked(mobile: str) -> str:
    """A mobile number as the page shows it: 138****8000 (empty when there is none)."""
    return f"{mobile[:3]}****{mobile[-4:]}" if len(mobile) == 11 else ""
