"""Cross-region taxpayers (FAQ 12): 跨区域报验户 and 跨区域税源登记纳税人 log in through 特定主体 under 企业业务 (no
longer through 企业业务 itself); on the 首页, 「欢迎，某某纳税人」 at the top right leads to 【切换主管税务机关】, which
switches between the taxpayer's identities, each under its own 主管税务机关.

The hooks seed the identities (`qingdao.cross_region.seed`): a taxpayer, the person who handles it, and each
identity's kind and tax authority. The first identity is current after the login.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form, Hook
from simulator.common.router import ANY_CONTROL, CONTROL, UnknownControl
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import Message, MessageKind, View, refused
from simulator.qingdao.screens import BUSINESS, ENTERPRISE, SPECIAL, QdScreen, Qingdao, logged_in
from simulator.store.sqlite import SqliteStore

#: FAQ 12's two kinds, and its label.
KINDS = ("跨区域报验户", "跨区域税源登记纳税人")
SWITCH = "切换主管税务机关"
SWITCH_SCREEN = "青岛:切换主管税务机关"
#: The simulator's own names (the guide names none): the identity picked, and going back.
IDENTITY, CONFIRM, BACK = "身份", "确定", "返回"
_CURRENT = "qingdao.cross_region.current"

_IDENTITIES = """
CREATE TABLE IF NOT EXISTS qd_cross_region (
    document_number TEXT NOT NULL,
    taxpayer TEXT NOT NULL,
    tax_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    authority TEXT NOT NULL,
    PRIMARY KEY (document_number, kind, authority)
);
"""


def describe(identity: Mapping[str, str]) -> str:
    return f"{identity['kind']}（{identity['authority']}）"


class CrossRegionFlow(FlowBase):
    """Only a 特定主体 login carries the identities; a 企业业务 login of the same person does not offer them."""

    def __init__(self, qd: Qingdao, store: SqliteStore) -> None:
        self._qd, self._store = qd, store
        store.add_table("qd_cross_region", _IDENTITIES)

    def screens(self) -> Iterable[str]:
        return (SWITCH_SCREEN,)

    def hooks(self) -> Mapping[str, Hook]:
        return {"qingdao.cross_region.seed": self._seed}

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(QdScreen.HOME, SWITCH): self._open, (QdScreen.HOME, ANY_CONTROL): self._welcome_pressed,
                (SWITCH_SCREEN, CONFIRM): self._switch,
                (SWITCH_SCREEN, BACK): lambda s, _: s.go(QdScreen.HOME)}

    def identities(self, session: PortalSession) -> list[dict[str, str]]:
        """The logged-in person's cross-region identities, when he came in through 特定主体 (else none)."""
        person = logged_in(session)
        entries = (SPECIAL, ENTERPRISE) if deviations.on("QD_CROSS_REGION_FROM_ENTERPRISE") else (SPECIAL,)
        if person is None or session.state.get(BUSINESS) not in entries:
            return []
        rows = self._store.rows("SELECT * FROM qd_cross_region WHERE document_number = ? ORDER BY rowid", person)
        return [{k: str(row[k]) for k in ("taxpayer", "tax_id", "kind", "authority")} for row in rows]

    def current(self, session: PortalSession) -> dict[str, str] | None:
        found = self.identities(session)
        chosen = session.state.get(_CURRENT)
        return next((i for i in found if describe(i) == chosen), found[0] if found else None)

    def welcome(self, session: PortalSession) -> str | None:
        """「欢迎，某某纳税人」: the current identity's taxpayer and kind (None: not a cross-region login)."""
        identity = self.current(session)
        hello = "您好，" if deviations.on("QD_WELCOME_WORD") else "欢迎，"  # FAQ 12 quotes “欢迎,某某纳税人”
        return None if identity is None else f"{hello}{identity['taxpayer']}（{describe(identity)}）"

    def page_links(self, session: PortalSession, view: View) -> Iterable[str]:
        """On the 首页 of a cross-region login: 「欢迎，某某纳税人」 (its menu) and 【切换主管税务机关】."""
        welcome = self.welcome(session) if session.screen == QdScreen.HOME else None
        switch = "切换税务机关" if deviations.on("QD_SWITCH_AUTHORITY_LABEL") else SWITCH  # 【切换主管税务机关】
        return () if welcome is None else (welcome, switch)

    def _welcome_pressed(self, session: PortalSession, form: Form) -> None:
        """The welcome opens its menu, which holds 【切换主管税务机关】 (shown beside it): the 首页 again."""
        if form.get(CONTROL) != self.welcome(session):
            raise UnknownControl(f"「首页」页面上没有【{form.get(CONTROL)}】")
        session.go(QdScreen.HOME)

    def render(self, session: PortalSession) -> View:
        found = self.identities(session)
        current = self.current(session)
        options = tuple(describe(i) for i in found)
        return View(SWITCH_SCREEN, fields=(IDENTITY,), controls=(CONFIRM, BACK), message=session.message,
                    options={IDENTITY: options}, values={IDENTITY: describe(current) if current else ""},
                    rows=tuple((i["taxpayer"], i["kind"], i["authority"]) for i in found),
                    greeting=self.welcome(session))

    def _open(self, session: PortalSession, _: Form) -> None:
        if not self.identities(session):
            session.go(QdScreen.HOME, refused("当前登录没有可切换的主管税务机关"))
            return
        session.go(SWITCH_SCREEN)

    def _switch(self, session: PortalSession, form: Form) -> None:
        chosen = form.get(IDENTITY, "").strip()
        if chosen not in {describe(i) for i in self.identities(session)}:
            session.go(SWITCH_SCREEN, refused("请选择要切换的身份"))
            return
        session.state[_CURRENT] = chosen
        session.go(QdScreen.HOME, Message(f"已切换为{chosen}", MessageKind.SUCCESS))

    def _seed(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """qingdao.cross_region.seed: person, taxpayer, tax_id, identities [{kind, authority}, …]."""
        person, taxpayer, tax_id = (payload.get(k) for k in ("person", "taxpayer", "tax_id"))
        identities = payload.get("identities")
        if not all(isinstance(v, str) and v.strip() for v in (person, taxpayer, tax_id)):
            raise SeedError("qingdao.cross_region.seed needs non-empty strings: person, taxpayer, tax_id")
        if not isinstance(identities, list) or not identities or not all(
                isinstance(i, dict) and i.get("kind") in KINDS and isinstance(i.get("authority"), str)
                and i["authority"].strip() for i in identities):
            raise SeedError(f"'identities' must be a non-empty list of {{kind: {' or '.join(KINDS)}, authority}}")
        number = str(person).strip().upper()  # he logs in once registered
        for identity in identities:
            self._store.execute("INSERT OR REPLACE INTO qd_cross_region VALUES (?,?,?,?,?)", number,
                                str(taxpayer).strip(), str(tax_id).strip(), identity["kind"],
                                identity["authority"].strip())
        return {"person": number, "identities": [describe(i) for i in identities]}
