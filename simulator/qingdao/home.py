"""After the login: the 首页 of the person in the entry's business (FAQ 1: 企业登录穿透到人), with 【账户中心】; in a
variant, first the enterprise-selection screen of a 企业业务 login that did not name its enterprise."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import View, refused
from simulator.qingdao.access import log_out
from simulator.qingdao.screens import (
    AGENT,
    BUSINESS,
    ENTERPRISE,
    ENTERPRISE_CHOSEN,
    SPECIAL,
    QdScreen,
    Qingdao,
    logged_in,
)

ACCOUNT_CENTER, KEY_BUSINESS, LOG_OUT = "账户中心", "发票开具", "退出"
#: The enterprise-selection screen (Variant.qd_enterprise_tax_id; the FAQ names none of it).
ENTERPRISE_FIELD, ENTER = "企业", "进入"


class HomeFlow(FlowBase):
    """The person's name and business; for 企业业务 the enterprises the person is a handler of."""

    def __init__(self, qd: Qingdao) -> None:
        self._qd = qd

    def screens(self) -> Iterable[str]:
        return (QdScreen.HOME, QdScreen.CHOOSE_ENTERPRISE)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(QdScreen.HOME, ACCOUNT_CENTER): lambda s, _: s.go(QdScreen.ACCOUNT_CENTER),
                (QdScreen.HOME, LOG_OUT): lambda s, _: log_out(s),
                (QdScreen.CHOOSE_ENTERPRISE, ENTER): self._choose,
                (QdScreen.CHOOSE_ENTERPRISE, LOG_OUT): lambda s, _: log_out(s)}

    def render(self, session: PortalSession) -> View:
        if session.screen == QdScreen.CHOOSE_ENTERPRISE:
            return self._choice(session)
        return home_view(self._qd, session)

    def _choice(self, session: PortalSession) -> View:
        person = self._qd.people.account(logged_in(session) or "")
        found = [] if person is None else self._qd.people.enterprises(person.document_number)
        names = tuple(name for _, name in found)
        return View(QdScreen.CHOOSE_ENTERPRISE, fields=(ENTERPRISE_FIELD,), controls=(ENTER, LOG_OUT),
                    message=session.message, options={ENTERPRISE_FIELD: names},
                    values={ENTERPRISE_FIELD: names[0]} if len(names) == 1 else {},
                    rows=tuple((name, tax_id) for tax_id, name in found), greeting=None if person is None
                    else f"欢迎，{person.name}", extras={"picker": "radio", "intro": "请选择要办理业务的企业"})

    def _choose(self, session: PortalSession, form: Form) -> None:
        number = require_login(self._qd, session)
        if number is None:
            return
        typed = form.get(ENTERPRISE_FIELD, "").strip()
        chosen = next((tax_id for tax_id, name in self._qd.people.enterprises(number) if typed in (name, tax_id)),
                      None)
        if not typed or chosen is None:
            session.go(QdScreen.CHOOSE_ENTERPRISE, refused("请选择要办理业务的企业"))
            return
        session.state[ENTERPRISE_CHOSEN] = chosen
        session.go(QdScreen.HOME)


def home_view(qd: Qingdao, session: PortalSession) -> View:
    """The 首页 of the person logged in on this session (none: a page that only leads back to the login)."""
    person = qd.people.account(logged_in(session) or "")
    if person is None:
        return View(QdScreen.HOME, controls=(LOG_OUT,), message=refused("登录已失效，请重新登录"))
    chosen = str(session.state.get(BUSINESS) or "")
    rows: list[tuple[str, ...]] = [("姓名", person.name), ("业务", chosen)]
    if chosen in (ENTERPRISE, SPECIAL, AGENT):
        found = qd.people.enterprises(person.document_number)
        if qd.variant.qd_enterprise_tax_id:  # the enterprise the login named or chose (none known: all of them)
            found = [e for e in found if e[0] == session.state.get(ENTERPRISE_CHOSEN)] or found
        rows.extend(("企业", name, tax_id) for tax_id, name in found)
    return View(QdScreen.HOME, controls=(KEY_BUSINESS, ACCOUNT_CENTER, LOG_OUT), message=session.message,
                greeting=f"欢迎，{person.name}", rows=tuple(rows), template="qd_page")


def require_login(qd: Qingdao, session: PortalSession) -> str | None:
    """The logged-in person's document number; None (and back to the login page) when nobody is."""
    number = logged_in(session)
    if number is None or qd.people.account(number) is None:
        log_out(session)
        return None
    return number


def back_home(session: PortalSession, _: Form) -> None:
    session.go(QdScreen.HOME)
