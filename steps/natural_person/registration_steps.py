"""Steps of the WEB real-name registration (ITS §2.1): hall codes, identity, rare characters, login settings."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect
from steps.common.labels import NEXT
from steps.common.people_steps import attribute
from steps.common.refusals import blame
from steps.common.shortcuts import taken_over
from vocabulary.documents import DocumentType


def stroke_label(count: int) -> str:
    """A stroke-count box as the simulator labels it (the guide names none)."""
    return f"{count}画"


@pytest.fixture
def hall_codes() -> dict[str, str]:
    """注册码 each person of the scenario got at the tax hall, by role."""
    return {}


@given(parsers.parse("姓名末字为生僻字「{char}」的未注册自然人「{role}」"))
def rare_named(role: str, char: str, identities: IdentityFactory, cast: dict[str, Identity]) -> None:
    person = identities.person()
    cast[role] = replace(person, name=person.name[:-1] + char)


@given(parsers.parse("持{document}的未注册自然人「{role}」"))
def unregistered_holder_of(role: str, document: str, identities: IdentityFactory, cast: dict[str, Identity]) -> None:
    cast[role] = identities.person(DocumentType.from_label(document))


@given(parsers.parse("「{role}」已在办税服务厅获取注册码"))
@when(parsers.parse("「{role}」再次到办税服务厅申请注册码"))
def hall_code(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str], role: str) -> None:
    person = cast[role]
    hall_codes[role] = str(portal.hook("seed.registration_code", {
        "name": person.name, "document_type": person.document_type.value,
        "document_number": person.document_number})["code"])


@then(parsers.parse("「{role}」的注册码由6位数字、字母组成"))
def code_format(hall_codes: dict[str, str], role: str) -> None:
    code = hall_codes[role]
    expect(re.fullmatch(r"[0-9A-Za-z]{6}", code) is not None, "6位数字、字母", f"「{code}」")


def _fill_identity(portal: PortalDriver, person: Identity, code: str) -> None:
    portal.fill("注册码", code)
    for field in ("姓名", "证件类型", "证件号码"):
        portal.fill(field, attribute(person, field))


@when(parsers.parse("「{role}」如实填写注册码和身份信息"))
def fill_identity(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str], role: str) -> None:
    _fill_identity(portal, cast[role], hall_codes[role])


#: The factor the two steps below make wrong (the refusal 注册被拒绝 asks the message to name it).
HALL_CODE_FIELD = "注册码"


@when(parsers.parse("「{role}」使用「{other}」的注册码如实填写身份信息"))
def fill_with_code_of(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                      wrong_factor: dict[str, str], role: str, other: str) -> None:
    blame(wrong_factor, HALL_CODE_FIELD)
    _fill_identity(portal, cast[role], hall_codes[other])


@when(parsers.parse("「{role}」以未发放的注册码如实填写身份信息"))
def fill_with_unknown_code(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str],
                           wrong_factor: dict[str, str], role: str) -> None:
    blame(wrong_factor, HALL_CODE_FIELD)
    issued = {code.upper() for code in hall_codes.values()}
    _fill_identity(portal, cast[role], next(c for c in ("Q7Z3K9", "Q7Z3K8") if c not in issued))


#: The entry whose session the WEB registration is (its login page has 【立即注册】).
WEB_ENTRY = "扣缴客户端"


def verified_by_hooks(portal: PortalDriver, person: Identity, channel: str, method: str, code: str | None,
                      entry: str) -> bool:
    """History, not the rule under test: the registration verified on the portal's side and taken over on its login
    settings page; False (nothing done) where the portal lacks the capability, and the caller walks the pages."""
    payload = {"channel": channel, "method": method, "name": person.name,
               "document_type": person.document_type.value, "document_number": person.document_number,
               "nationality": person.nationality, **({"code": code} if code is not None else {})}
    return taken_over(portal, "registration.verified", payload, entry)


@given(parsers.parse("「{role}」已通过大厅注册码验证身份"))
def identity_verified(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str], role: str) -> None:
    """§2.1 ①②: 【立即注册】, 【同意并继续】, 【大厅注册码注册】, identity, go on — up to the login settings; through
    the optional `registration.verified` where the portal offers it, else its pages."""
    if not verified_by_hooks(portal, cast[role], "WEB", "大厅注册码", hall_codes[role], WEB_ENTRY):
        to_hall_code_form(portal)
        fill_identity(portal, cast, hall_codes, role)
        portal.click(NEXT)
    expect(portal.shows_field("登录名"), "身份验证通过，页面要求设置登录名", lambda: f"提示「{portal.message()}」")


@given("从登录界面进入WEB端大厅注册码注册")
@when("从登录界面进入WEB端大厅注册码注册")
def to_hall_code_form(portal: PortalDriver) -> None:
    """§2 【立即注册】, §2.1 ① 【同意并继续】, ② 【大厅注册码注册】."""
    to_registration(portal)
    for control in ("同意并继续", "大厅注册码注册"):
        portal.click(control)


@given("从登录界面进入WEB端实名注册")
def to_registration(portal: PortalDriver) -> None:
    """§2: 点击登录界面上的【立即注册】."""
    from steps.its.login_steps import to_login_form

    to_login_form(portal)
    portal.click("立即注册")


@when("提交身份信息")
def submit_identity(portal: PortalDriver) -> None:
    """Going on after the identity (the guides name no control for it)."""
    portal.click(NEXT)


HALL_CODE = "大厅注册码注册"
#: The screens behind §2.1 ①'s gate, in order: 【同意并继续】 leads to the methods, 【大厅注册码注册】 to the form.
BEHIND_CONSENT = ("选择注册方式", "大厅注册码注册")


@when(parsers.parse("「{role}」未同意授权，尝试选择【大厅注册码注册】并如实填写注册码和身份信息"))
def without_consent(portal: PortalDriver, cast: dict[str, Identity], hall_codes: dict[str, str], role: str) -> None:
    """§2.1 ① as a gate, proven only by really going on: the page's own controls, else the address of each screen
    behind the gate where the portal has one (a portal keeping 【同意并继续】 only in its links fails), then the
    identity typed and submitted."""
    methods, form = BEHIND_CONSENT
    if not portal.shows_control(HALL_CODE) and not portal.shows_field("注册码"):
        portal.try_open(methods)
    if portal.shows_control(HALL_CODE):
        portal.click(HALL_CODE)
    if not portal.shows_field("注册码"):
        portal.try_open(form)
    values = {"注册码": hall_codes[role], **{f: attribute(cast[role], f) for f in ("姓名", "证件类型", "证件号码")}}
    for field, value in values.items():
        if portal.shows_field(field):
            portal.fill(field, value)
    if portal.shows_control(NEXT):
        portal.click(NEXT)


@then("注册未能继续")
def registration_stopped(portal: PortalDriver) -> None:
    screen = portal.screen()
    expect(not portal.shows_field("登录名") and screen not in ("登录设置", "设置登录信息"),
           "未同意的，不能继续注册（未进入登录设置）", f"页面「{screen}」要求设置登录名")


@when(parsers.parse("在「姓名」中输入「{role}」姓名中生僻字之前的部分"))
def name_before_rare(portal: PortalDriver, cast: dict[str, Identity], role: str) -> None:
    portal.fill("姓名", cast[role].name[:-1])


@when(parsers.parse("选择偏旁部首「{radical}」"))
def choose_radical(portal: PortalDriver, radical: str) -> None:
    portal.click(radical)


@when(parsers.parse("选择笔画数「{count:d}」"))
def choose_strokes(portal: PortalDriver, count: int) -> None:
    portal.click(stroke_label(count))


@when(parsers.parse("选择生僻字「{char}」"))
def choose_character(portal: PortalDriver, char: str) -> None:
    portal.click(char)
