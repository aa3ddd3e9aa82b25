"""【扫一扫】 in the 个人所得税APP for the Qingdao web's “个人所得税APP扫码登录” (FAQ 11 注意): the web logs in to
个人业务, only for a person registered and real-name verified on both, and signed in on the app.

The 个人所得税APP's accounts are the natural-person platform's (实名注册 there is its real-name check). A Qingdao
user is real-name verified at some level (FAQ 5: 四级 after 用户注册, 三级 for an existing user without a face check),
so the simulator asks only that he is registered there. Each missing condition is refused in the app, and the web
page keeps its code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator.clock import Clock
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession, SessionRegistry
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.qr import token_of
from simulator.natural_person.app_account import AccountScreen, signed_in
from simulator.natural_person.app_registration import AppScreen
from simulator.qingdao_app.codes import IIT_APP_LOGIN, ScanCodes
from simulator.qingdao_app.people import QingdaoPeople, WebSignIn
from simulator.qingdao_app.screens import PERSONAL_BUSINESS
from simulator.store.sqlite import SqliteStore

SCAN, CODE, CONFIRM, BACK = "扫一扫", "二维码", "确认", "返回"
SCAN_SCREEN = "APP:扫一扫"
SIGN_IN_FIRST = "请先登录个人所得税APP"
NOT_AT_QINGDAO = "您尚未在青岛市电子税务局完成用户注册和实名认证，不能扫码登录"
LOGGED_IN = "扫码成功，青岛市电子税务局网页端已登录个人业务"


class IitAppScanFlow(FlowBase):
    """Adds 【扫一扫】 to the app's 首页 (signed in or not); the scan page owns the checks."""

    def __init__(self, store: SqliteStore, people: QingdaoPeople, codes: ScanCodes, web: WebSignIn,
                 sessions: SessionRegistry, clock: Clock) -> None:
        self._store, self._people, self._codes, self._web = store, people, codes, web
        self._sessions, self._clock = sessions, clock

    def screens(self) -> Iterable[str]:
        return (SCAN_SCREEN,)

    def page_links(self, session: PortalSession, view: View) -> Iterable[str]:
        return (SCAN,) if session.screen in (AppScreen.HOME, AccountScreen.HOME) else ()

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(AppScreen.HOME, SCAN): self._open, (AccountScreen.HOME, SCAN): self._open,
                (SCAN_SCREEN, CONFIRM): self._confirm, (SCAN_SCREEN, BACK): self._back}

    def render(self, session: PortalSession) -> View:
        return View("扫一扫", fields=(CODE,), controls=(CONFIRM, BACK), message=session.message,
                    values=dict(session.values), extras={"intro": "将二维码放入框内，即可自动扫描"})

    def _open(self, session: PortalSession, _: Form) -> None:
        if signed_in(self._store, session) is None:
            session.go(session.screen, refused(SIGN_IN_FIRST))
            return
        session.go(SCAN_SCREEN)

    def _back(self, session: PortalSession, _: Form) -> None:
        session.go(AppScreen.HOME if signed_in(self._store, session) is None else AccountScreen.HOME)

    def _confirm(self, session: PortalSession, form: Form) -> None:
        account = signed_in(self._store, session)
        if account is None:
            session.go(AppScreen.HOME, refused(SIGN_IN_FIRST))
            return
        typed = form.get(CODE, "").strip()
        found = self._codes.find(token_of(typed)) if typed else None
        if found is None or found[2] != IIT_APP_LOGIN:
            session.go(SCAN_SCREEN, refused("无法识别的二维码，请扫描青岛市电子税务局的“个人所得税APP扫码登录”二维码"))
            return
        token, web_id, _ = found
        problem = token.problem(self._clock.now())
        web = self._sessions.get(web_id)
        if problem is not None or web.id != web_id or not self._web.awaiting_scan(web):
            session.go(SCAN_SCREEN, refused("二维码已失效，请在网页上刷新二维码后重新扫描"))
            return
        person = self._people.by_document(account.person.document_number)
        if person is None:
            session.go(SCAN_SCREEN, refused(NOT_AT_QINGDAO))
            return
        self._codes.mark_used(token, self._clock.now())
        self._web.sign_in(web, person, PERSONAL_BUSINESS, None)
        session.go(AccountScreen.HOME, Message(LOGGED_IN, MessageKind.SUCCESS))
