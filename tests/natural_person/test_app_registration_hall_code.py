"""个人所得税APP hall-code registration (ITS §2.2.1) and its login settings: codes, rules, SMS, all or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import build_portal
from simulator.clock import ControlledClock
from simulator.common.sessions import IDLE_MINUTES
from simulator.common.views import View
from simulator.external.wiring import Externals, fakes
from tests.natural_person.app_visitor import APP, App
from vocabulary.documents import DocumentType


@pytest.fixture
def clock() -> ControlledClock:
    clock = ControlledClock()
    clock.set(clock.now())
    return clock


@pytest.fixture
def externals() -> Externals:
    return fakes()


@pytest.fixture
def app(clock: ControlledClock, externals: Externals) -> App:
    return App(build_portal(clock=clock, externals=externals))


@pytest.fixture
def people() -> IdentityFactory:
    return IdentityFactory("app-hall-code")


def issue(app: App, person: Identity) -> str:
    return str(app.portal.test_control.call("seed.registration_code", {
        "name": person.name, "document_type": person.document_type.value,
        "document_number": person.document_number})["code"])


def hall_form(app: App, person: Identity, code: str) -> View:
    for control in ("注册", "大厅注册码注册", "同意"):
        app.press(control)
    return app.press("下一步", {"注册码": code, "证件类型": person.document_type.value,
                                 "证件号码": person.document_number, "姓名": person.name, "国籍": person.nationality})


def refusal(view: View) -> str:
    assert view.refused, view
    assert view.message is not None
    return view.message.text


@pytest.mark.parametrize("kind", list(DocumentType))
def test_every_document_type_registers_with_a_code(app: App, people: IdentityFactory, kind: DocumentType) -> None:
    person = people.person(kind)
    assert hall_form(app, person, issue(app, person)).screen == "登录设置"
    assert not app.settings(person).refused
    assert app.portal.store.find_by_document(kind, person.document_number) is not None


def test_a_code_registers_once(app: App, people: IdentityFactory) -> None:
    person = people.person()
    code = issue(app, person)
    hall_form(app, person, code)
    app.settings(person)
    again = App(app.portal)
    assert "已" in refusal(hall_form(again, person, code))


def test_an_expired_code_is_refused_even_on_the_settings_page(app: App, clock: ControlledClock,
                                                              people: IdentityFactory) -> None:
    person = people.person()
    assert hall_form(app, person, issue(app, person)).screen == "登录设置"
    step = timedelta(minutes=IDLE_MINUTES // 2)  # the page stays open and in use 8 days (idle sessions are forgotten)
    for _ in range(timedelta(days=8) // step):
        clock.advance(step)
        app.session, app.view = app.portal.view(app.session, APP)
    assert "过期" in refusal(app.settings(person))
    assert app.portal.store.count() == 0


def test_the_code_of_someone_else_is_refused(app: App, people: IdentityFactory) -> None:
    person, other = people.person(), people.person()
    assert "不一致" in refusal(hall_form(app, person, issue(app, other)))


def test_every_identity_field_is_required(app: App, people: IdentityFactory) -> None:
    person = people.person()
    assert refusal(hall_form(app, replace(person, nationality=""), issue(app, person)))


def test_sms_down_refuses_and_keeps_nothing_then_a_retry_works(app: App, externals: Externals,
                                                               people: IdentityFactory) -> None:
    person = people.person()
    hall_form(app, person, issue(app, person))
    externals.script.set_fault("sms", "down")
    assert refusal(app.settings(person))
    assert app.portal.store.count() == 0
    externals.script.set_fault("sms", "ok")
    assert not app.settings(person).refused
    assert app.portal.store.count() == 1


@pytest.mark.parametrize(("field", "value"), [("登录名", "a"), ("登录名", "12345678"), ("密码", "Ab1!xyz"),
                                              ("密码", "Ab1! xyzw")])
def test_rule_breaking_settings_are_refused_before_the_sms_code_is_used(
        app: App, people: IdentityFactory, field: str, value: str) -> None:
    person = people.person()
    hall_form(app, person, issue(app, person))
    bad = replace(person, login_name=value) if field == "登录名" else replace(person, password=value)
    assert refusal(app.settings(bad))
    assert app.portal.store.count() == 0
    assert not app.settings(person).refused
