"""What the 青岛税务APP and the scan logins need of the Qingdao e-tax bureau: its people, and signing a web session in.

The Qingdao core (simulator/qingdao/) owns the people and the web login; these ports are what the app uses of it,
so the app stays its own package. `simulator/qingdao/methods_wiring.py` adapts the core to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from simulator.common.sessions import PortalSession


@dataclass(frozen=True)
class AppPerson:
    """A person registered at the Qingdao e-tax bureau, as the app sees him."""

    document_number: str
    name: str
    mobile: str
    #: 实名等级 (Q5): 4 after registration (face checked), 3 for an existing user without a face check.
    level: int
    #: The enterprises he does business for: (纳税人识别号, 名称).
    enterprises: tuple[tuple[str, str], ...] = ()

    def enterprise_named(self, name_or_tax_id: str) -> tuple[str, str] | None:
        return next((e for e in self.enterprises if name_or_tax_id in e), None)


class QingdaoPeople(Protocol):
    """The registered people (用户注册, Q3) by the names they log in with."""

    def by_mobile(self, mobile: str) -> AppPerson | None: ...
    def by_document(self, document_number: str) -> AppPerson | None: ...


class LevelScan(Protocol):
    """The 【个人实名等级】 page's code (Q5): the app confirms it for the person after its face check."""

    def confirm(self, document_number: str, token: str | None, face_passed: bool) -> bool:
        """True when this person's page showed this token (and the face passed): the level is then 四级."""
        ...


class WebSignIn(Protocol):
    """Sign a web session of the e-tax bureau in, as its own login does after both factors."""

    def sign_in(self, session: PortalSession, person: AppPerson, business: str, tax_id: str | None) -> None:
        """business: 企业业务 (for the enterprise tax_id) or 个人业务; the session lands on the 首页."""
        ...

    def person_of(self, session: PortalSession) -> str | None:
        """The document number of the person logged in on a web session (None: nobody)."""
        ...

    def awaiting_scan(self, session: PortalSession) -> bool:
        """Whether the web session still shows a login code (it has not left the page or logged in)."""
        ...


class Registrations(Protocol):
    """The e-tax bureau's registration rules (FAQ 3–6), the same for the app as for the web's 【用户注册】.

    A draft is the core's own (opaque here): what a step returns when it passes; a str is the problem that stops it.
    """

    def identity(self, kind: str, number: str, name: str) -> object | str: ...
    def basic_fields(self) -> tuple[str, ...]:
        """What 基本信息填写 asks (手机号码, 用户名, and the password where the e-tax bureau asks one)."""
        ...
    def basic(self, draft: object, form: Mapping[str, str]) -> object | str: ...
    def register(self, draft: object) -> str | None:
        """After the face passed: the person registered (四级), or the problem (the number taken meanwhile…)."""
        ...
