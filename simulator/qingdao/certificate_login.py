"""税务数字证书登录 (FAQ 11: 金税盘、税控盘或税务UKey): the certificate in the device plugged into the computer,
its password (证书密码), then the holder's second factor (FAQ 9); the login is 企业业务 for the certificate's
enterprise.

The device is simulated: the hooks plug one in (`qingdao.certificate.plug`) or take it out; the computer has one
port, as a page reads one device through the local tax-device driver.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator import deviations
from simulator.common.flow import Action, Form, Hook
from simulator.common.passwords import hash_password, verify_password
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import Message, MessageKind, refused
from simulator.qingdao.access import to_second_factor
from simulator.qingdao.lockout import LOCKED
from simulator.qingdao.screens import BUSINESS, ENTERPRISE, ENTERPRISE_CHOSEN, NOT_REGISTERED, QdScreen, Qingdao
from simulator.store.sqlite import SqliteStore

CERTIFICATE_LOGIN = "税务数字证书登录"
#: FAQ 11: the three devices that hold a 税务数字证书.
DEVICES = ("金税盘", "税控盘", "税务UKey")
CERTIFICATE_PASSWORD = "证书密码"
NO_DEVICE = "未检测到税务数字证书，请插入金税盘、税控盘或税务UKey"
WRONG_PASSWORD = "证书密码错误"

_DEVICE = """
CREATE TABLE IF NOT EXISTS qd_certificate_device (
    port INTEGER PRIMARY KEY CHECK (port = 1),
    device TEXT NOT NULL,
    tax_id TEXT NOT NULL,
    enterprise_name TEXT NOT NULL,
    holder TEXT NOT NULL,
    password_hash TEXT NOT NULL
);
"""


class CertificateLogin:
    """The plugged device names the enterprise and its holder; a wrong 证书密码 counts against this method."""

    name = CERTIFICATE_LOGIN

    def __init__(self, qd: Qingdao, store: SqliteStore) -> None:
        self._qd, self._store = qd, store
        store.add_table("qd_certificate_device", _DEVICE)

    def fields(self, session: PortalSession) -> tuple[str, ...]:
        return (CERTIFICATE_PASSWORD,)

    def controls(self, session: PortalSession) -> tuple[str, ...]:
        return ()

    def actions(self) -> Mapping[str, Action]:
        return {}

    def hooks(self) -> Mapping[str, Hook]:
        return {"qingdao.certificate.plug": self._plug, "qingdao.certificate.unplug": self._unplug}

    def submit(self, session: PortalSession, form: Form) -> None:
        rows = self._store.rows("SELECT * FROM qd_certificate_device")
        if not rows:
            session.go(QdScreen.LOGIN, refused(NO_DEVICE))
            return
        device = rows[0]
        person = self._qd.people.account(device["holder"])
        if person is None:
            session.go(QdScreen.LOGIN, refused(NOT_REGISTERED))
            return
        today = self._qd.today()
        if self._qd.lockout.locked(person.document_number, self.name, today):
            session.go(QdScreen.LOGIN, Message(LOCKED, MessageKind.LOCKED))
            return
        if not verify_password(form.get(CERTIFICATE_PASSWORD, ""), device["password_hash"]) \
                and not deviations.on("QD_CERTIFICATE_PASSWORD_IGNORED"):
            self._qd.lockout.failed(person.document_number, self.name, today)
            session.go(QdScreen.LOGIN, refused(WRONG_PASSWORD))
            return
        self._qd.lockout.succeeded(person.document_number, self.name)
        session.state[BUSINESS] = ENTERPRISE  # the certificate is the enterprise's: 企业业务, whatever the entry
        session.state[ENTERPRISE_CHOSEN] = str(device["tax_id"])
        to_second_factor(session, person)

    def _plug(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """qingdao.certificate.plug: device (金税盘/税控盘/税务UKey), tax_id, enterprise_name, holder, password."""
        keys = ("device", "tax_id", "enterprise_name", "holder", "password")
        if any(not isinstance(payload.get(k), str) or not str(payload[k]).strip() for k in keys):
            raise SeedError(f"qingdao.certificate.plug needs non-empty strings: {', '.join(keys)}")
        if payload["device"] not in DEVICES:
            raise SeedError(f"'device' must be one of {', '.join(DEVICES)}")
        holder = str(payload["holder"]).strip().upper()  # someone not registered: the login says 该用户未注册
        self._store.execute("INSERT OR REPLACE INTO qd_certificate_device VALUES (1,?,?,?,?,?)", payload["device"],
                            str(payload["tax_id"]).strip(), str(payload["enterprise_name"]).strip(), holder,
                            hash_password(str(payload["password"])))
        return {"plugged": payload["device"], "tax_id": str(payload["tax_id"]).strip(), "holder": holder}

    def _unplug(self, _: Mapping[str, Any]) -> dict[str, Any]:
        self._store.execute("DELETE FROM qd_certificate_device")
        return {"plugged": None}
