"""The Qingdao e-tax bureau's flows and capabilities, wired for the composition root."""

from __future__ import annotations

from simulator.clock import Clock
from simulator.common.flow import Flow
from simulator.common.handoff import Handoffs
from simulator.common.sessions import SessionRegistry
from simulator.common.sms_codes import SmsCodes
from simulator.external.wiring import Externals
from simulator.qingdao.account_center import AccountCenterFlow
from simulator.qingdao.face import FaceFlow
from simulator.qingdao.forgot_password import ForgotPasswordFlow
from simulator.qingdao.home import HomeFlow
from simulator.qingdao.lockout import Lockout
from simulator.qingdao.logged_in import QingdaoLoggedIn
from simulator.qingdao.login import LoginFlow
from simulator.qingdao.methods import login_methods, method_flows
from simulator.qingdao.methods_wiring import methods_kit
from simulator.qingdao.passwords import ChangeInitialFlow
from simulator.qingdao.people import QdPeople
from simulator.qingdao.real_name_level import LevelScans, RealNameLevelFlow
from simulator.qingdao.registration import RegistrationFlow
from simulator.qingdao.screens import Qingdao, Settings
from simulator.qingdao.second_factor import SecondFactorFlow
from simulator.qingdao.seeds import qingdao_hooks
from simulator.store.sqlite import SqliteStore
from simulator.variant import Variant


def build_qingdao(store: SqliteStore, clock: Clock, sessions: SessionRegistry, externals: Externals,
                  sms_codes: SmsCodes, variant: Variant | None = None) -> Qingdao:
    return Qingdao(QdPeople(store), Lockout(store), sms_codes, externals.face, sessions, clock, Settings(),
                   variant or Variant.default())


def qingdao_flows(store: SqliteStore, clock: Clock, sessions: SessionRegistry, externals: Externals,
                  sms_codes: SmsCodes, variant: Variant | None = None, handoffs: Handoffs | None = None) -> list[Flow]:
    """Login page and methods, the second factor, registration, passwords, 首页 and 账户中心; with `handoffs`,
    qingdao.logged_in (the shortcut answering a one-time address)."""
    qd = build_qingdao(store, clock, sessions, externals, sms_codes, variant)
    face, levels = FaceFlow(qd), LevelScans(qd)
    kit = methods_kit(qd, store, levels)  # FAQ 11/12 and the 青岛税务APP (qd-methods)
    login = QingdaoLogin(qd, [*login_methods(qd), *kit.methods], qingdao_hooks(qd))
    flows: list[Flow] = [
        login, face, SecondFactorFlow(qd, face), ChangeInitialFlow(qd), HomeFlow(qd), AccountCenterFlow(qd),
        RealNameLevelFlow(qd, face, levels), RegistrationFlow(qd, face), ForgotPasswordFlow(qd, face),
        *method_flows(qd), *kit.flows]
    # The shortcut presses these flows' own controls server-side (simulator/qingdao/logged_in.py).
    return [*flows, *([QingdaoLoggedIn(flows, sms_codes, handoffs)] if handoffs is not None else [])]


class QingdaoLogin(LoginFlow):
    """The login page's flow also restores the settings on the hooks' reset."""

    def reset_state(self) -> None:
        self._qd.settings.dual_track = Settings().dual_track
