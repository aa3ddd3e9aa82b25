"""代理机构登录 第一步 (manual 二(三)): the agency's 社会信用代码 or 纳税人识别号 and its login password."""

from __future__ import annotations

from simulator import deviations
from simulator.common.flow import Form
from simulator.common.sessions import PortalSession
from simulator.common.views import View, refused
from simulator.liaoning.credentials import enterprise_problem
from simulator.liaoning.screens import (
    AGENT_LOGIN,
    FACTOR,
    HANDLER,
    KIND,
    LOGIN_KINDS,
    TAX_ID,
    Liaoning,
    LnScreen,
)

#: The guide names no fields; these follow its words (社会信用代码或纳税人识别号, 登录密码).
FIELDS = ("纳税人识别号", "登录密码")
NOT_AN_AGENCY = "该纳税人不是涉税代理机构，请使用企业登录"


class AgentLogin:
    """Step 1 only checks the agency's own credentials; step 2 is the 办税人员选择 every enterprise has."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def render(self, session: PortalSession) -> View:
        return View(LnScreen.LOGIN, tab=AGENT_LOGIN, fields=FIELDS, controls=(*LOGIN_KINDS, "登录"),
                    message=session.message, values=dict(session.values), template="ln_login",
                    extras={"kinds": LOGIN_KINDS, "active_kind": AGENT_LOGIN, "modes": (), "checkboxes": ()})

    def submit(self, session: PortalSession, form: Form) -> None:
        tax_id = form.get("纳税人识别号", "").strip().upper()
        account, problem = enterprise_problem(self._ln.enterprises, tax_id, form.get("登录密码", ""))
        if account is not None and not self._ln.agencies.is_agency(tax_id) \
                and not deviations.on("LN_AGENT_LOGIN_ANY_TAXPAYER"):
            problem = refused(NOT_AN_AGENCY)
        if problem is not None:
            session.go(LnScreen.LOGIN, problem, {"纳税人识别号": tax_id})
            return
        session.state.update({KIND: AGENT_LOGIN, TAX_ID: tax_id, HANDLER: None, FACTOR: None})
        session.go(LnScreen.HANDLERS)  # 第二步: 选择待办人员
