"""What the Liaoning pages show: the synced handlers and their 身份, the enterprise and person, SMS received."""

from __future__ import annotations

from pytest_bdd import parsers, then

from drivers.protocol import PortalDriver
from fixtures.enterprises import EnterpriseData
from fixtures.identities import Identity
from steps.expect import expect, expect_refused_on
from steps.sms import sms_messages


@then(parsers.parse("页面列出办税人「{who}」，身份为「{role}」"))
def listed(portal: PortalDriver, cast: dict[str, Identity], who: str, role: str) -> None:
    name = cast[who].name
    expect(portal.shows_row((name, role)), f"办税人员列表中有「{name}」，身份为「{role}」", "没有这一行")


@then(parsers.parse("页面未列出办税人「{who}」"))
def not_listed(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    name = cast[who].name
    expect(not portal.shows_text(name) and not portal.shows_control(name), f"页面上没有「{name}」", "页面上有")


@then(parsers.parse("页面显示「{text}」"))
def shows(portal: PortalDriver, text: str) -> None:
    expect(portal.shows_text(text), f"页面显示「{text}」", f"「{portal.screen()}」页面上没有")


@then(parsers.parse("页面显示企业「{name}」和办税人「{who}」"))
def shows_who(portal: PortalDriver, enterprises: dict[str, EnterpriseData], cast: dict[str, Identity], name: str,
              who: str) -> None:
    for text in (enterprises[name].name, cast[who].name):
        expect(portal.shows_text(text), f"页面显示「{text}」", f"「{portal.screen()}」页面上没有")


@then(parsers.re(r"「(?P<who>[^」]+)」的手机(?P<got>收到|未收到)短信验证码"))
def sms_received(portal: PortalDriver, cast: dict[str, Identity], sms_baseline: dict[str, int], who: str,
                 got: str) -> None:
    """Counts what came after the scenario's history (a first login in a 假如 step sends codes too)."""
    phone = cast[who].phone
    count = len(sms_messages(portal, phone)) - sms_baseline.get(phone, 0)
    expect((count > 0) == (got == "收到"), f"「{who}」的手机{got}短信验证码", f"新收到 {count} 条")


@then(parsers.parse("被拒绝，停留在「{screen}」"))
def refused_on(portal: PortalDriver, screen: str) -> None:
    expect_refused_on(portal, screen, f"被拒绝，停留在「{screen}」")


@then(parsers.re(r"页面显示「(?P<who>[^」]+)」的姓名"))
def shows_name(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    name = cast[who].name
    expect(portal.shows_text(name), f"页面显示「{name}」", f"「{portal.screen()}」页面上没有")
