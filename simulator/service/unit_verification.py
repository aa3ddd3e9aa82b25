"""单位办税验证 (ITS §1.3): after the real-name login, the handler verifies the unit it acts for."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.service.flow import Action, Hook
from simulator.service.login import back_to_login
from simulator.service.sessions import PortalSession
from simulator.service.views import Screen, View
from simulator.store.sqlite import SqliteStore


class UnitVerificationFlow:
    """So far the hand-off screen only; units and declaration passwords come with the §1.3 issue."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store

    def entries(self) -> Mapping[str, str]:
        return {}

    def screens(self) -> Iterable[str]:
        return (Screen.UNIT_VERIFICATION,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(Screen.UNIT_VERIFICATION, "退出"): back_to_login}

    def hooks(self) -> Mapping[str, Hook]:
        return {}

    def render(self, session: PortalSession) -> View:
        account = self._store.find_by_document_number(session.account_document or "")
        return View(Screen.UNIT_VERIFICATION, controls=("退出",), message=session.message,
                    greeting=None if account is None else f"{account.person.name}，您好",
                    template="unit_verification")
