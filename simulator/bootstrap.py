"""Composition root: wires store, clock, sessions, flows and test control into one portal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from simulator.clock import Clock, SystemClock
from simulator.common.external_control import ExternalControl
from simulator.common.flow import Flow, Form
from simulator.common.handoff import Handoffs
from simulator.common.passwords import HashCost, configure
from simulator.common.router import CLIENT, Router
from simulator.common.sessions import SessionRegistry
from simulator.common.sms_codes import SmsCodes
from simulator.common.test_control import TestControl
from simulator.common.views import View
from simulator.external.wiring import Externals, fakes
from simulator.its.declaration_password import DeclarationPasswords
from simulator.its.former_login import FormerLoginFlow
from simulator.its.login import LoginFlow
from simulator.its.password_reset import PasswordResetFlow
from simulator.its.qr_login import QrLoginFlow
from simulator.its.unit_verification import UnitVerificationFlow
from simulator.liaoning.flows import liaoning_flows
from simulator.liaoning.forgot_password import forgot_password_flows
from simulator.mobile_tax_app.flows import mobile_tax_app_flows
from simulator.natural_person.app_account import AppAccountFlow
from simulator.natural_person.app_declaration_password import AppDeclarationPasswordFlow
from simulator.natural_person.app_registration import app_registration_flows
from simulator.natural_person.prepared_registration import PreparedRegistration
from simulator.natural_person.registration import RegistrationFlow
from simulator.qingdao.flows import qingdao_flows
from simulator.store.phone_bindings import PhoneBindings
from simulator.store.sqlite import SqliteStore
from simulator.store.units import UnitStore
from simulator.variant import Variant
from simulator.variant_wording import reword


@dataclass(frozen=True)
class Portal:
    """The simulator: flows sharing one store, one clock and one session registry."""

    store: SqliteStore
    clock: Clock
    sessions: SessionRegistry
    router: Router
    test_control: TestControl
    externals: Externals
    sms_codes: SmsCodes
    variant: Variant
    #: Sessions the hooks prepared, each handed once to whoever opens its ticket's address (registration.verified).
    handoffs: Handoffs

    def view(self, session_id: str | None, entry: str = CLIENT) -> tuple[str, View]:
        return self.router.view(session_id, entry)

    def open(self, session_id: str | None, screen: str, entry: str = CLIENT) -> tuple[str, View]:
        return self.router.open(session_id, screen, entry)

    def act(self, session_id: str | None, control: str, form: Form, entry: str = CLIENT) -> tuple[str, View]:
        return self.router.act(session_id, control, form, entry)


def build_portal(db_path: str | Path = ":memory:", clock: Clock | None = None,
                 externals: Externals | None = None, variant: Variant | None = None,
                 password_cost: HashCost | None = None) -> Portal:
    """A portal over SQLite at db_path (memory by default) reading time from clock.

    password_cost, when given, sets the process's password-hashing cost (simulator.common.passwords).

    External systems default to in-memory fakes; in-process runs pass the HTTP adapters instead. The variant
    makes the choices the guides leave open (the reference simulator's by default).
    """
    variant = variant or Variant.default()
    if password_cost is not None:
        configure(password_cost)
    store = SqliteStore(db_path)
    clock = clock or SystemClock()
    externals = externals or fakes()
    sms_codes = SmsCodes(externals.sms, clock, timedelta(minutes=variant.sms_code_minutes))
    sessions = SessionRegistry(clock)
    units = UnitStore(store)
    declaration_passwords = DeclarationPasswords(units, sessions)
    bindings = PhoneBindings(store)
    handoffs = Handoffs(sessions)  # the one-time addresses of the shortcuts handing a session to the browser
    flows: list[Flow] = [
        LoginFlow(store, clock, sessions, variant),
        QrLoginFlow(store, clock, sessions, variant),
        PasswordResetFlow(store, sms_codes, variant),
        UnitVerificationFlow(store, units, declaration_passwords, clock, variant),
        FormerLoginFlow(units, declaration_passwords, clock),
        RegistrationFlow(store, clock, sms_codes, variant),
        *app_registration_flows(store, clock, externals.face, sms_codes, variant),
        AppAccountFlow(store, sms_codes, bindings),
        AppDeclarationPasswordFlow(store, units, bindings, sms_codes, sessions, variant),
        *liaoning_flows(store, clock, sessions, externals, sms_codes, variant, handoffs),
        *forgot_password_flows(store, externals.core, sms_codes, variant),
        *mobile_tax_app_flows(store, externals, sms_codes),
        *qingdao_flows(store, clock, sessions, externals, sms_codes, variant, handoffs),
    ]
    prepared = PreparedRegistration(flows, handoffs)  # presses the flows' controls: built from them, routes none
    control = TestControl(store, sessions, clock)
    control.register(prepared.hooks(), handoffs.reset_state)
    external_control = ExternalControl(externals.script)
    control.register(sms_codes.hooks(), sms_codes.reset_state)
    control.register(external_control.hooks(), external_control.reset_state)
    for flow in flows:
        # A flow keeping state outside the store (in memory) offers reset_state() for the hooks' reset.
        control.register(flow.hooks(), getattr(flow, "reset_state", None))
    router = Router(flows, sessions, reword if variant.own_wording else None)
    return Portal(store=store, clock=clock, sessions=sessions, router=router, test_control=control,
                  externals=externals, sms_codes=sms_codes, variant=variant, handoffs=handoffs)
