"""The Liaoning e-tax bureau's flows and capabilities, wired for the composition root."""

from __future__ import annotations

from simulator.clock import Clock
from simulator.common.flow import Flow
from simulator.common.handoff import Handoffs
from simulator.common.sessions import SessionRegistry
from simulator.common.sms_codes import SmsCodes
from simulator.external.wiring import Externals
from simulator.liaoning.agency_seeds import agency_hooks
from simulator.liaoning.agent_clients import AgentClientsFlow
from simulator.liaoning.enterprise_login import EnterpriseLoginFlow
from simulator.liaoning.handler_choice import HandlerChoiceFlow
from simulator.liaoning.handler_login import HandlerLoginFlow
from simulator.liaoning.handler_sync import HandlerSync
from simulator.liaoning.home import HomeFlow
from simulator.liaoning.logged_in import EnterpriseLoggedIn
from simulator.liaoning.personal_password import PersonalPasswordFlow
from simulator.liaoning.personnel_flows import personnel_flows
from simulator.liaoning.screens import Liaoning
from simulator.liaoning.seeds import liaoning_hooks
from simulator.liaoning.shortcuts import LiaoningShortcuts
from simulator.store.agencies import AgencyStore
from simulator.store.enterprises import EnterpriseStore
from simulator.store.personnel import PersonnelStore
from simulator.store.sqlite import SqliteStore
from simulator.variant import Variant


def liaoning_flows(store: SqliteStore, clock: Clock, sessions: SessionRegistry, externals: Externals,
                   sms_codes: SmsCodes, variant: Variant | None = None, handoffs: Handoffs | None = None) -> list[Flow]:
    """Login page, 办税人员选择, the second factor, the personal password, the pages after login; the shortcuts
    (enterprise.logged_in only with `handoffs`, the one-time addresses it answers)."""
    enterprises, agencies, personnel = EnterpriseStore(store), AgencyStore(store), PersonnelStore(store)
    liaoning = Liaoning(enterprises, externals.core, sms_codes, sessions, clock, agencies, personnel,
                        variant or Variant.default())
    sync = HandlerSync(externals.core, enterprises, personnel)
    seeds = {**liaoning_hooks(enterprises, externals.script, agencies), **agency_hooks(enterprises, agencies)}
    flows: list[Flow] = [
        EnterpriseLoginFlow(liaoning, seeds, store), HandlerChoiceFlow(liaoning, sync), HandlerLoginFlow(liaoning),
        PersonalPasswordFlow(liaoning), AgentClientsFlow(liaoning), HomeFlow(liaoning, store),
        *personnel_flows(liaoning)]
    # The optional shortcuts press these flows' own controls server-side (simulator/liaoning/shortcuts.py).
    logged_in = [EnterpriseLoggedIn(flows, handoffs)] if handoffs is not None else []
    return [*flows, LiaoningShortcuts(liaoning, flows), *logged_in]
