"""Steps of the Qingdao 扫码登录 (FAQ 11): the 青岛税务APP in its business, the 个人所得税APP and its conditions,
the 电子营业执照 — each scans the code the web page shows (read through the hooks, as the ITS QR login does)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when
from stdnum.cn import ric

from drivers.protocol import PortalDriver
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect, normalise
from steps.qingdao import labels as qd
from steps.qingdao import login_method_labels as label
from steps.qingdao.app_actions import app_sign_in, scan_in_app
from steps.qingdao.people import QdUser, new_user, tax_id_of
from vocabulary.documents import DocumentType

#: FAQ 11 quotes the three scans so; the login page offers each under 扫码登录.
SCANS = ("青岛税务APP扫码登录", "个人所得税APP扫码登录", "电子营业执照扫码")
#: FAQ 11 注意: the three conditions of the 个人所得税APP scan, each missing once.
MISSING = ("未在青岛市电子税务局注册", "未在个人所得税APP注册", "未登录个人所得税APP")


@dataclass
class ScanState:
    """The web code the scenario's phones scan, and how the last phone answered."""

    code: str = ""
    answer: dict[str, Any] = field(default_factory=dict)
    #: The person has not signed in to the 个人所得税APP (one of FAQ 11's missing conditions).
    signed_out: bool = False


@pytest.fixture
def qd_scan() -> ScanState:
    return ScanState()


def _current(portal: PortalDriver) -> dict[str, Any]:
    current = portal.hook("qingdao.qr.current")
    expect(isinstance(current.get("payload"), str) and current.get("state") == "pending", "网页显示可扫描的二维码",
           current)
    return current


@when(parsers.parse("在登录页面选择「{scan}」"))
def choose_scan(portal: PortalDriver, qd_scan: ScanState, scan: str) -> None:
    if scan not in SCANS:
        raise ValueError(f"扫码登录只有{'、'.join(SCANS)}，而不是「{scan}」")
    portal.click(label.SCAN_LOGIN)
    portal.click(scan)
    qd_scan.code = str(_current(portal)["payload"])


@given(parsers.re(r"「(?P<who>[^」]+)」在青岛税务APP登录(?P<business>企业业务|个人业务)(?:（「(?P<company>[^」]+)」）)?"))
def app_signed_in(portal: PortalDriver, qd_users: dict[str, QdUser], who: str, business: str,
                  company: str | None) -> None:
    app_sign_in(portal, qd_users[who], who, business, company)
    portal.open_entry(qd.ETAX)


@when(parsers.parse("「{who}」用青岛税务APP扫描网页二维码"))
def qingdao_app_scans(portal: PortalDriver, qd_scan: ScanState, who: str) -> None:
    portal.open_entry(label.APP)
    qd_scan.answer = {"refused": not scan_in_app(portal, qd_scan.code), "message": portal.message()}
    portal.open_entry(qd.ETAX)


def as_identity(user: QdUser) -> Identity:
    """The same person as the 个人所得税APP's account (实名注册 there): its 登录名 is the person's 用户名."""
    return Identity(user.name, DocumentType.RESIDENT_ID_CARD, user.document_number,
                    ric.get_birth_date(user.document_number), user.phone, user.user_name, user.password, "中国")


@given(parsers.parse("「{who}」已在个人所得税APP实名注册"))
def iit_registered(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    portal.seed_person(as_identity(qd_users[who]))


def iit_sign_in(portal: PortalDriver, user: QdUser) -> None:
    """登录 in the 个人所得税APP with 账号 and 密码."""
    portal.open_entry(label.IIT_APP)
    portal.click(label.LOG_IN)
    portal.fill(label.IIT_ACCOUNT, user.user_name)
    portal.fill(label.PASSWORD, user.password)
    portal.click(label.LOG_IN)


@given(parsers.parse("「{who}」已登录个人所得税APP"))
def iit_signed_in(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    iit_sign_in(portal, qd_users[who])
    expect(not portal.is_refused(), f"「{who}」登录个人所得税APP", lambda: portal.message())
    portal.open_entry(qd.ETAX)


def iit_scan(portal: PortalDriver, qd_scan: ScanState) -> None:
    """扫一扫 and confirm; an app that offers no 扫一扫 where the person is (not signed in) refuses as well."""
    if not portal.shows_control(label.SCAN):
        # No 【扫一扫】 where the person is: refused only if the app, looked at, asks him to sign in first.
        asks_sign_in = portal.shows_control(label.LOG_IN) or portal.shows_field(label.IIT_ACCOUNT)
        qd_scan.answer = {"refused": asks_sign_in, "message": f"「{portal.screen()}」页面上没有扫一扫，"
                          f"{'要求先登录' if asks_sign_in else '也不要求登录'}"}
        return
    portal.click(label.SCAN)
    if portal.shows_field(label.SCANNED_CODE):
        portal.fill(label.SCANNED_CODE, qd_scan.code)
        portal.click(label.CONFIRM_SCAN)
    qd_scan.answer = {"refused": portal.is_refused(), "message": portal.message()}


@when(parsers.parse("「{who}」用个人所得税APP扫描网页二维码"))
def iit_app_scans(portal: PortalDriver, qd_scan: ScanState, who: str) -> None:
    portal.open_entry(label.IIT_APP)
    iit_scan(portal, qd_scan)
    portal.open_entry(qd.ETAX)


@given(parsers.parse("「{who}」{missing}，其余前提都满足"))
def all_but(portal: PortalDriver, qd_users: dict[str, QdUser], identities: IdentityFactory, scenario_seed: str,
            qd_scan: ScanState, who: str, missing: str) -> None:
    if missing not in MISSING:
        raise ValueError(f"前提只能是{'、'.join(MISSING)}之一，而不是「{missing}」")
    if who not in qd_users:
        qd_users[who] = new_user(identities, "居民身份证", f"{scenario_seed}:{who}")
    user = qd_users[who]
    qd_scan.signed_out = missing == MISSING[2]
    if missing != MISSING[0]:
        portal.hook("qingdao.seed_user", {
            "document_type": user.document_type, "document_number": user.document_number, "name": user.name,
            "phone": user.phone, "password": user.password, "level": 4})
    if missing != MISSING[1]:
        portal.seed_person(as_identity(user))


@when(parsers.parse("「{who}」尽其所能用个人所得税APP扫描网页二维码"))
def iit_tries(portal: PortalDriver, qd_users: dict[str, QdUser], qd_scan: ScanState, who: str) -> None:
    """Signs in to the app where he can (not where the scenario says he has not), then scans."""
    if qd_scan.signed_out:
        portal.open_entry(label.IIT_APP)
    else:
        iit_sign_in(portal, qd_users[who])
    iit_scan(portal, qd_scan)
    portal.open_entry(qd.ETAX)


@then(parsers.re(r"(?P<app>青岛税务APP|个人所得税APP|电子营业执照)拒绝扫码登录，网页仍未登录"))
def scan_refused(portal: PortalDriver, qd_scan: ScanState, app: str) -> None:
    expect(qd_scan.answer.get("refused") is True, f"{app}拒绝扫码登录", qd_scan.answer)
    portal.refresh()
    screen = normalise(portal.screen())
    expect(screen in (normalise(qd.SCAN_SCREEN), normalise(qd.LOGIN_SCREEN)), "网页仍未登录：仍在扫码登录或登录页面",
           lambda: f"页面「{portal.screen()}」")


@given(parsers.parse("企业「{company}」的电子营业执照由「{who}」持有"))
def licence(portal: PortalDriver, qd_users: dict[str, QdUser], company: str, who: str) -> None:
    user = qd_users[who]
    portal.hook("qingdao.business_licence.issue", {"tax_id": tax_id_of(user, company), "enterprise_name": company,
                                                     "holder": user.document_number})


def licence_tax_id(qd_users: dict[str, QdUser], company: str) -> str:
    """The licence's 统一社会信用代码: the enterprise's, as its holder's hooks gave it."""
    codes = [user.enterprises[company] for user in qd_users.values() if company in user.enterprises]
    if not codes:
        raise ValueError(f"场景中没有企业「{company}」（先写明谁持有它的电子营业执照）")
    return codes[0]


@when(parsers.parse("用企业「{company}」的电子营业执照扫描网页二维码"))
def licence_scans(portal: PortalDriver, qd_users: dict[str, QdUser], qd_scan: ScanState, company: str) -> None:
    answer = portal.hook("qingdao.business_licence.scan", {"tax_id": licence_tax_id(qd_users, company),
                                                           "token": qd_scan.code})
    qd_scan.answer = {"refused": not answer.get("confirmed"), "message": answer.get("error")}
