"""The Liaoning e-tax bureau's flows and capabilities, wired for the composition root."""

from __future__ import annotations

from simulator.clock import Clock
from simulator.external.wiring import Externals
from simulator.service.flow import Flow
from simulator.service.liaoning.agency_seeds import agency_hooks
from simulator.service.liaoning.agent_clients import AgentClientsFlow
from simulator.service.liaoning.enterprise_login import EnterpriseLoginFlow
from simulator.service.liaoning.handler_choice import HandlerChoiceFlow
from simulator.service.liaoning.handler_login import HandlerLoginFlow
from simulator.service.liaoning.handler_sync import HandlerSync
from simulator.service.liaoning.home import HomeFlow
from simulator.service.liaoning.personal_password import PersonalPasswordFlow
from simulator.service.liaoning.personnel_flows import personnel_flows
from simulator.service.liaoning.screens import Liaoning
from simulator.service.liaoning.seeds import liaoning_hooks
from simulator.service.sessions import SessionRegistry
from simulator.service.sms_codes import SmsCodes
from simulator.store.agencies import AgencyStore
from simulator.store.enterprises import EnterpriseStore
from simulator.store.personnel import PersonnelStore
from simulator.store.sqlite import SqliteStore
from simulator.variant import Variant


def liaoning_flows(store: SqliteStore, clock: Clock, sessions: SessionRegistry, externals: Externals,
                   sms_codes: SmsCodes, variant: Variant | None = None) -> list[Flow]:
    """Login page, 办税人员选择, the second factor, the personal password, the pages after login."""
    enterprises, agencies, personnel = EnterpriseStore(store), AgencyStore(store), PersonnelStore(store)
    liaoning = Liaoning(enterprises, externals.core, sms_codes, sessions, clock, agencies, personnel,
                        variant or Variant.default())
    sync = HandlerSync(externals.core, enterprises, personnel)
    seeds = {**liaoning_hooks(enterprises, externals.script, agencies), **agency_hooks(enterprises, agencies)}
    return [EnterpriseLoginFlow(liaoning, seeds, store), HandlerChoiceFlow(liaoning, sync), HandlerLoginFlow(liaoning),
            PersonalPasswordFlow(liaoning), AgentClientsFlow(liaoning), HomeFlow(liaoning, store),
            *personnel_flows(liaoning)]
