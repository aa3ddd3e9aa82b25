"""Steps of the Qingdao 扫码登录 (FAQ 11): the 青岛税务APP in its business, the 个人所得税APP and its conditions,
the 电子营业执照 — each scans the code the web page shows (read through the hooks, as the ITS QR login does)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.enterprises import EnterpriseData, EnterpriseFactory
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect
from steps.common.sms import last_sms_code
from steps.liaoning.seed_steps import person_in
from steps.qingdao import methods_labels as label
from steps.qingdao.methods_login_steps import BUSINESS_WORDS, seed_qingdao_user

#: FAQ 11 quotes the three scans so; the login page offers each under 扫码登录.
SCANS = ("青岛税务APP扫码登录", "个人所得税APP扫码登录", "电子营业执照扫码")


@dataclass
class ScanState:
    """The web code the scenario's phones scanned, and the last answer of a phone that is not a page."""

    code: str = ""
    answer: dict[str, Any] = field(default_factory=dict)
    #: The scenario's person has not signed in to the 个人所得税APP (one of FAQ 11's missing conditions).
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


@when("网页上的二维码已过期")
def code_expires(portal: PortalDriver) -> None:
    """Beyond the code's lifetime, whatever it is (the guide fixes none)."""
    portal.advance_clock(timedelta(seconds=float(_current(portal)["expires_in_seconds"]) + 1))


def app_sign_in(portal: PortalDriver, person: Identity, who: str, business: str, company: str | None) -> None:
    """The 青岛税务APP's sign-in (手机号码 and 短信验证码: the suite's assumption), then the business."""
    portal.open_entry(label.APP)
    portal.fill(label.MOBILE, person.phone)
    portal.click(label.SEND_SMS)
    portal.fill(label.SMS_CODE, last_sms_code(portal, person.phone, who))
    portal.click(label.LOG_IN)
    if company is not None:
        portal.fill(label.APP_ENTERPRISE_FIELD, company)
    portal.click(business)


@given(parsers.re(r"「(?P<who>[^」]+)」在青岛税务APP登录(?P<business>企业业务|个人业务)(?:（「(?P<company>[^」]+)」）)?"))
def app_signed_in(portal: PortalDriver, cast: dict[str, Identity], enterprises: dict[str, EnterpriseData],
                  who: str, business: str, company: str | None) -> None:
    app_sign_in(portal, cast[who], who, business, enterprises[company].name if company else None)
    portal.open_entry(label.ETAX)


@when(parsers.parse("「{who}」用青岛税务APP扫描网页二维码"))
def qingdao_app_scans(portal: PortalDriver, qd_scan: ScanState, who: str) -> None:
    portal.open_entry(label.APP)
    portal.click(label.SCAN)
    portal.fill(label.SCANNED_CODE, qd_scan.code)
    portal.click(label.CONFIRM_SCAN)
    qd_scan.answer = {"refused": portal.is_refused(), "message": portal.message()}
    portal.open_entry(label.ETAX)


@then("青岛税务APP提示扫码失败，网页仍未登录")
def app_refused(portal: PortalDriver, qd_scan: ScanState) -> None:
    expect(qd_scan.answer.get("refused") is True, "APP提示扫码失败", qd_scan.answer)
    expect(portal.shows_control(label.SCAN_LOGIN) or any(portal.shows_control(s) for s in SCANS),
           "网页仍在登录页面", f"页面「{portal.screen()}」")


@given(parsers.parse("「{who}」已在个人所得税APP实名注册"))
def iit_registered(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory, who: str) -> None:
    portal.seed_person(person_in(cast, identities, who))


def iit_sign_in(portal: PortalDriver, person: Identity) -> bool:
    """登录 in the 个人所得税APP with 账号 and 密码; whether it went through."""
    portal.open_entry(label.IIT_APP)
    portal.click(label.LOG_IN)
    portal.fill(label.IIT_ACCOUNT, person.login_name)
    portal.fill(label.PASSWORD, person.password)
    portal.click(label.LOG_IN)
    return not portal.is_refused()


@given(parsers.parse("「{who}」已登录个人所得税APP"))
def iit_signed_in(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    expect(iit_sign_in(portal, cast[who]), f"「{who}」登录个人所得税APP", portal.message())
    portal.open_entry(label.ETAX)


def iit_scan(portal: PortalDriver, qd_scan: ScanState) -> None:
    """扫一扫 and confirm; an app that offers no 扫一扫 where the person is (not signed in) refuses as well."""
    if not portal.shows_control(label.SCAN):
        qd_scan.answer = {"refused": True, "message": f"「{portal.screen()}」页面上没有扫一扫"}
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
    portal.open_entry(label.ETAX)


#: FAQ 11 注意: the three conditions of the 个人所得税APP scan, each missing once.
MISSING = ("未在青岛市电子税务局注册", "未在个人所得税APP注册", "未登录个人所得税APP")


@given(parsers.parse("「{who}」{missing}，其余前提都满足"))
def all_but(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory, qd_scan: ScanState,
            who: str, missing: str) -> None:
    if missing not in MISSING:
        raise ValueError(f"前提只能是{'、'.join(MISSING)}之一，而不是「{missing}」")
    person = person_in(cast, identities, who)
    qd_scan.signed_out = missing == MISSING[2]
    if missing != MISSING[0]:
        seed_qingdao_user(portal, person, [])
    if missing != MISSING[1]:
        portal.seed_person(person)


@when(parsers.parse("「{who}」尽其所能用个人所得税APP扫描网页二维码"))
def iit_tries(portal: PortalDriver, cast: dict[str, Identity], qd_scan: ScanState, who: str) -> None:
    """Signs in to the app where he can (not where the scenario says he has not), then scans."""
    person = cast[who]
    if qd_scan.signed_out:
        portal.open_entry(label.IIT_APP)
    else:
        iit_sign_in(portal, person)
    iit_scan(portal, qd_scan)
    portal.open_entry(label.ETAX)


@then("扫码登录被拒绝，网页仍未登录")
def scan_refused(portal: PortalDriver, cast: dict[str, Identity], qd_scan: ScanState) -> None:
    expect(qd_scan.answer.get("refused") is True, "APP拒绝扫码登录", qd_scan.answer)
    portal.refresh()
    in_now = any(portal.shows_text(w) for ws in BUSINESS_WORDS.values() for w in ws if w != "企业业务") and \
        any(portal.shows_text(p.name) for p in cast.values())
    expect(not in_now, "网页仍未登录", f"页面「{portal.screen()}」")


@given(parsers.parse("企业「{company}」的电子营业执照由「{who}」持有"))
def licence(portal: PortalDriver, enterprises: dict[str, EnterpriseData], enterprise_factory: EnterpriseFactory,
            cast: dict[str, Identity], company: str, who: str) -> None:
    enterprises.setdefault(company, enterprise_factory.enterprise())
    found = enterprises[company]
    portal.hook("qingdao.business_licence.issue", {"tax_id": found.tax_id, "enterprise_name": found.name,
                                                     "holder": cast[who].document_number})


@when(parsers.parse("用企业「{company}」的电子营业执照扫描网页二维码"))
def licence_scans(portal: PortalDriver, enterprises: dict[str, EnterpriseData], qd_scan: ScanState,
                  company: str) -> None:
    answer = portal.hook("qingdao.business_licence.scan", {"tax_id": enterprises[company].tax_id,
                                                            "token": qd_scan.code})
    qd_scan.answer = {"refused": not answer.get("confirmed"), "message": answer.get("error")}
