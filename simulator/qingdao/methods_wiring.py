"""The login methods of FAQ 11 beyond 证件号码登录, the cross-region switch (FAQ 12) and the 青岛税务APP, wired.

`qingdao.flows` calls `methods_kit` once and adds its methods to the login page and its flows to the portal.
The 青岛税务APP (simulator/qingdao_app) reaches the e-tax bureau only through the ports adapted here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from simulator.common.flow import Action, Flow, FlowBase, Hook
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import View
from simulator.qingdao.business_licence import BusinessLicenceFlow
from simulator.qingdao.certificate_login import CertificateLogin
from simulator.qingdao.cross_region import CrossRegionFlow
from simulator.qingdao.methods import LoginMethod
from simulator.qingdao.people import QdPerson
from simulator.qingdao.real_name_level import LevelScans
from simulator.qingdao.registrar import Draft
from simulator.qingdao.registration import registrar
from simulator.qingdao.scan_login import QingdaoWebSignIn, ScanLogin, ScanPageFlow
from simulator.qingdao.screens import Qingdao
from simulator.qingdao.sms_login import SmsLogin
from simulator.qingdao.user_name_login import UserNameLogin
from simulator.qingdao_app.app_login import QingdaoAppLoginFlow
from simulator.qingdao_app.codes import ScanCodes
from simulator.qingdao_app.iit_scan import IitAppScanFlow
from simulator.qingdao_app.people import AppPerson
from simulator.qingdao_app.registration import AppRegistrationFlow
from simulator.qingdao_app.scan import LEVEL_PREFIX, QingdaoAppScanFlow
from simulator.store.sqlite import SqliteStore


class AppPeople:
    """The app's view of the Qingdao people (port `QingdaoPeople`): registered persons only."""

    def __init__(self, qd: Qingdao) -> None:
        self._qd = qd

    def by_mobile(self, mobile: str) -> AppPerson | None:
        found = self._qd.people.find_by_phone(mobile)
        return self._app(found[0]) if len(found) == 1 else None

    def by_document(self, document_number: str) -> AppPerson | None:
        found = self._qd.people.account(document_number)
        return None if found is None else self._app(found)

    def _app(self, person: QdPerson) -> AppPerson:
        return AppPerson(person.document_number, person.name, person.phone, person.level,
                         tuple(self._qd.people.enterprises(person.document_number)))


class AppRegistrations:
    """The app's registration (port `Registrations`): the web's own rules (qingdao.registrar), not a copy."""

    def __init__(self, qd: Qingdao) -> None:
        self._registrar = registrar(qd)

    def basic_fields(self) -> tuple[str, ...]:
        return self._registrar.basic_fields()

    def identity(self, kind: str, number: str, name: str) -> object | str:
        return self._registrar.identity(kind, number, name)

    def basic(self, draft: object, form: Mapping[str, str]) -> object | str:
        return self._registrar.basic(draft, form) if isinstance(draft, Draft) else "请先完成身份信息校验"

    def register(self, draft: object) -> str | None:
        return self._registrar.register(draft) if isinstance(draft, Draft) else "请先完成身份信息校验"


class HooksOnly(FlowBase):
    """Capabilities of something that is not a flow (a login method): no screens."""

    def __init__(self, hooks: Mapping[str, Hook]) -> None:
        self._hooks = hooks

    def screens(self) -> Iterable[str]:
        return ()

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {}

    def hooks(self) -> Mapping[str, Hook]:
        return self._hooks

    def render(self, session: PortalSession) -> View:
        raise LookupError("no screens")


@dataclass(frozen=True)
class MethodsKit:
    """Login methods for the login page (after 证件号码登录) and the flows the portal adds."""

    methods: list[LoginMethod]
    flows: list[Flow]
    cross_region: CrossRegionFlow


def level_code_hook(levels: LevelScans) -> Hook:
    """qingdao.level_code: what the 【个人实名等级】 page's QR code reads for a person (what the app scans)."""

    def level_code(payload: Mapping[str, Any]) -> dict[str, Any]:
        number = payload.get("document_number")
        if not isinstance(number, str) or not number.strip() or len(number) > 64:
            raise SeedError("'document_number' must be a non-empty string")
        return {"document_number": number.strip().upper(),
                "payload": LEVEL_PREFIX + levels.issue(number.strip().upper())}

    return level_code


def methods_kit(qd: Qingdao, store: SqliteStore, levels: LevelScans) -> MethodsKit:
    codes = ScanCodes(store, timedelta(seconds=qd.variant.qd_qr_lifetime_seconds))  # no guide fixes it
    web, people = QingdaoWebSignIn(qd), AppPeople(qd)
    certificate, scan = CertificateLogin(qd, store), ScanLogin(qd, codes)
    cross_region = CrossRegionFlow(qd, store)
    flows: list[Flow] = [
        ScanPageFlow(qd, codes, scan), cross_region,
        HooksOnly({**certificate.hooks(), "qingdao.level_code": level_code_hook(levels)}),
        BusinessLicenceFlow(qd, store, codes, qd.sessions),
        QingdaoAppLoginFlow(people, qd.sms_codes), AppRegistrationFlow(AppRegistrations(qd), qd.face),
        QingdaoAppScanFlow(people, codes, web, levels, qd.face, qd.sessions, qd.clock),
        IitAppScanFlow(store, people, codes, web, qd.sessions, qd.clock)]
    return MethodsKit([UserNameLogin(qd), SmsLogin(qd), certificate, scan], flows, cross_region)
