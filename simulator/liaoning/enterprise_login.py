"""The login page (三种登录) and the enterprise's 普通登录: 纳税人识别号, 企业密码, 验证码, 同意协议."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.common import captcha
from simulator.common.flow import Action, Form, Hook
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, View, refused
from simulator.external.script import ExternalServiceError
from simulator.liaoning.agent_login import AgentLogin
from simulator.liaoning.credentials import AGREEMENT, agreement_problem, enterprise_problem
from simulator.liaoning.natural_person_login import NATURAL_LOGIN, NaturalPersonLogin
from simulator.liaoning.quick_login import QuickLogin
from simulator.liaoning.screens import (
    AGENT_LOGIN,
    ETAX,
    FACTOR,
    HANDLER,
    KIND,
    LOGIN_KINDS,
    NORMAL_LOGIN,
    QUICK_LOGIN,
    TAX_ID,
    WAY,
    Liaoning,
    LnScreen,
)
from simulator.store.sqlite import SqliteStore

FIELDS = ("纳税人识别号", "企业密码", "验证码", AGREEMENT)


class EnterpriseLoginFlow:
    """【登录】 checks the agreement, the captcha, the 纳税人识别号 and the 企业密码; a refusal draws a new captcha."""

    def __init__(self, liaoning: Liaoning, seeds: Mapping[str, Hook], accounts: SqliteStore) -> None:
        self._ln, self._seeds, self._quick = liaoning, seeds, QuickLogin(liaoning)
        self._natural = NaturalPersonLogin(accounts, self._new_captcha, liaoning.clock)
        self._agent = AgentLogin(liaoning)

    def entries(self) -> Mapping[str, str]:
        return {ETAX: LnScreen.LOGIN}

    def screens(self) -> Iterable[str]:
        return (LnScreen.LOGIN,)

    def hooks(self) -> Mapping[str, Hook]:
        """The portal's enterprises and the core system's records, seeded (see liaoning/seeds.py)."""
        return self._seeds

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(LnScreen.LOGIN, "企业登录"): lambda s, _: _choose(s, KIND, "企业登录"),
                (LnScreen.LOGIN, NATURAL_LOGIN): lambda s, _: _choose(s, KIND, NATURAL_LOGIN),
                (LnScreen.LOGIN, AGENT_LOGIN): lambda s, _: _choose(s, KIND, AGENT_LOGIN),
                (LnScreen.LOGIN, NORMAL_LOGIN): lambda s, _: _way(s, NORMAL_LOGIN),
                (LnScreen.LOGIN, QUICK_LOGIN): lambda s, _: _way(s, QUICK_LOGIN),
                (LnScreen.LOGIN, "获取验证码"): self._quick.send_code, (LnScreen.LOGIN, "登录"): self.submit}

    def render(self, session: PortalSession) -> View:
        if session.state.get(KIND) == NATURAL_LOGIN:
            return self._natural.render(session)
        if session.state.get(KIND) == AGENT_LOGIN:
            return self._agent.render(session)
        if session.state.get(WAY) == QUICK_LOGIN:
            return self._quick.render(session)
        if not session.captcha_required:  # the 验证码 is always asked for here
            self._new_captcha(session)
        return View(LnScreen.LOGIN, tab=f"企业登录-{NORMAL_LOGIN}", fields=FIELDS,
                    controls=(*LOGIN_KINDS, QUICK_LOGIN, NORMAL_LOGIN, "登录"), message=session.message,
                    captcha_required=True, values=dict(session.values), template="ln_login",
                    extras={"kinds": LOGIN_KINDS, "active_kind": "企业登录", "modes": (QUICK_LOGIN, NORMAL_LOGIN),
                            "active_mode": NORMAL_LOGIN, "checkboxes": (AGREEMENT,)})

    def submit(self, session: PortalSession, form: Form) -> None:
        if session.state.get(KIND) in (NATURAL_LOGIN, AGENT_LOGIN):
            (self._natural if session.state.get(KIND) == NATURAL_LOGIN else self._agent).submit(session, form)
            return
        if session.state.get(WAY) == QUICK_LOGIN:
            self._quick.submit(session, form)
            return
        tax_id = form.get("纳税人识别号", "").strip().upper()
        problem = self._problem(session, tax_id, form)
        if problem is not None:
            self._new_captcha(session)
            session.go(LnScreen.LOGIN, problem, {"纳税人识别号": tax_id})

    def _problem(self, session: PortalSession, tax_id: str, form: Form) -> Message | None:
        unticked = None if deviations.on("LN_AGREEMENT_SKIPPED") else agreement_problem(form.get(AGREEMENT, ""))
        if unticked is not None:
            return unticked
        typed = form.get("验证码", "")
        if not captcha.matches(typed, session.captcha_answer) and not deviations.on("LN_CAPTCHA_IGNORED"):
            return refused("请输入验证码" if not typed.strip() else "验证码错误，请重新输入")
        _, wrong = enterprise_problem(self._ln.enterprises, tax_id, form.get("企业密码", ""))
        if wrong is not None:
            return wrong
        try:
            registration = self._ln.core.registration(tax_id)
        except ExternalServiceError as failure:
            return refused(str(failure))
        session.captcha_required, session.captcha_answer = False, None
        session.state.update({TAX_ID: tax_id, HANDLER: None, FACTOR: None})
        # 快捷登录 温馨提示(2): a 纯社保户 goes straight on to the social-security fee system, no second factor.
        social = registration is not None and registration.social_security_only \
            and not deviations.on("LN_SOCIAL_SECURITY_ASKED_FOR_SMS")
        session.go(LnScreen.SOCIAL_SECURITY if social else LnScreen.HANDLERS)
        return None

    def _new_captcha(self, session: PortalSession) -> None:
        session.require_captcha()
        self._ln.sessions.captcha_issued(session)


def _way(session: PortalSession, way: str) -> None:
    """【普通登录】 / 【快捷登录】: the same page, the other way's fields."""
    _choose(session, WAY, way)


def _choose(session: PortalSession, key: str, choice: str) -> None:
    """A tab of the login page (the kind of login, or the way of 企业登录): the same page, other fields."""
    session.state[key] = choice
    session.go(LnScreen.LOGIN)
