"""“电子营业执照扫码” (FAQ 11): the enterprise's 电子营业执照 (an app of its own, simulated through the hooks) scans
the web's code; its holder (the 法定代表人 it is issued to) is logged in to 企业业务 for that enterprise.

Hooks: `qingdao.business_licence.issue` gives an enterprise its licence and holder; `qingdao.business_licence.scan`
scans the code a web page shows (the current one, or `token`) with an enterprise's licence and confirms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from simulator.common.flow import FlowBase, Hook
from simulator.common.sessions import SessionRegistry
from simulator.common.test_control import SeedError
from simulator.domain.qr import token_of
from simulator.qingdao.scan_login import QingdaoWebSignIn
from simulator.qingdao.screens import NOT_REGISTERED, Qingdao
from simulator.qingdao_app.codes import LICENCE_LOGIN, ScanCodes
from simulator.qingdao_app.people import AppPerson
from simulator.qingdao_app.screens import ENTERPRISE_BUSINESS
from simulator.store.sqlite import SqliteStore

_LICENCES = """
CREATE TABLE IF NOT EXISTS qd_business_licences (
    tax_id TEXT PRIMARY KEY,
    enterprise_name TEXT NOT NULL,
    holder TEXT NOT NULL
);
"""


class BusinessLicenceFlow(FlowBase):
    """No screens: the licence app is outside the portal; its scan signs the web session in."""

    def __init__(self, qd: Qingdao, store: SqliteStore, codes: ScanCodes, sessions: SessionRegistry) -> None:
        self._qd, self._store, self._codes, self._sessions = qd, store, codes, sessions
        self._web = QingdaoWebSignIn(qd)
        store.add_table("qd_business_licences", _LICENCES)

    def screens(self) -> Iterable[str]:
        return ()

    def actions(self) -> Mapping[tuple[str, str], Any]:
        return {}

    def hooks(self) -> Mapping[str, Hook]:
        return {"qingdao.business_licence.issue": self._issue, "qingdao.business_licence.scan": self._scan}

    def render(self, session: Any) -> Any:
        raise LookupError("the 电子营业执照 has no page in the portal")

    def _issue(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        keys = ("tax_id", "enterprise_name", "holder")
        if any(not isinstance(payload.get(k), str) or not str(payload[k]).strip() for k in keys):
            raise SeedError(f"qingdao.business_licence.issue needs non-empty strings: {', '.join(keys)}")
        tax_id, holder = str(payload["tax_id"]).strip(), str(payload["holder"]).strip().upper()
        self._store.execute("INSERT OR REPLACE INTO qd_business_licences VALUES (?,?,?)", tax_id,
                            str(payload["enterprise_name"]).strip(), holder)
        return {"tax_id": tax_id, "holder": holder}

    def _scan(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Scan (token: as shown, or "current") with the licence of tax_id and confirm."""
        tax_id, scanned = payload.get("tax_id"), payload.get("token", "current")
        if not isinstance(tax_id, str) or not isinstance(scanned, str):
            raise SeedError("qingdao.business_licence.scan needs 'tax_id' (string) and 'token' (string or \"current\")")
        rows = self._store.rows("SELECT * FROM qd_business_licences WHERE tax_id = ?", tax_id.strip())
        if not rows:
            return _refused("该企业没有电子营业执照")
        found = self._codes.latest() if scanned.strip() in ("", "current") else self._codes.find(token_of(scanned))
        if found is None or found[2] != LICENCE_LOGIN:
            return _refused("无法识别的二维码，请扫描电子税务局的“电子营业执照扫码”二维码")
        token, web_id, _ = found
        web = self._sessions.get(web_id)
        if token.problem(self._qd.clock.now()) is not None or web.id != web_id or not self._web.awaiting_scan(web):
            return _refused("二维码已失效，请在网页上刷新二维码后重新扫描")
        holder = self._qd.people.account(rows[0]["holder"])
        if holder is None:
            return _refused(NOT_REGISTERED)
        self._codes.mark_used(token, self._qd.clock.now())
        self._web.sign_in(web, AppPerson(holder.document_number, holder.name, holder.phone, holder.level),
                          ENTERPRISE_BUSINESS, rows[0]["tax_id"])
        return {"confirmed": True, "error": None, "tax_id": rows[0]["tax_id"]}


def _refused(error: str) -> dict[str, Any]:
    return {"confirmed": False, "error": error}
