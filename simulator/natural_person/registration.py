"""WEB real-name registration (ITS §2, §2.1): 【立即注册】 → 【同意并继续】 → 【大厅注册码注册】 → login settings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from simulator import deviations
from simulator.clock import Clock
from simulator.common.flow import Action, FlowBase, Form, Hook
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.test_control import SeedError
from simulator.common.views import View, refused
from simulator.domain.registration import RegistrationCode, new_code, normalise_code
from simulator.its.login import back_to_login
from simulator.natural_person.web_registration_account import LoginSettings
from simulator.natural_person.web_registration_common import (
    IDENTITY_FIELDS,
    WebScreen,
    draft,
    identity_values,
    keep_identity,
)
from simulator.natural_person.web_registration_picker import open_picker, picker_actions, render_picker
from simulator.store.registration import RegistrationStore
from simulator.store.sqlite import SqliteStore
from simulator.variant import Variant
from vocabulary.documents import DocumentType

HALL_CODE_METHOD, RARE, NEXT, BACK = "大厅注册码注册", "录入生僻字", "下一步", "返回登录"
RARE_HINT = "姓名中存在生僻字的，可点击【录入生僻字】通过笔画输入法录入。"
HALL_CODE_INTRO = "请如实填写身份信息。注册码由纳税人携带有效身份证件到办税服务厅获取，有效期7天。"


class RegistrationFlow(FlowBase):
    """自然人授权, the choice of method, identity with the hall's code (and rare characters), login settings."""

    def __init__(self, store: SqliteStore, clock: Clock, sms: SmsCodes, variant: Variant | None = None) -> None:
        self._codes, self._clock = RegistrationStore(store), clock
        variant = variant or Variant.default()
        self._settings = LoginSettings(self._codes, sms, clock, self._code_problem, variant)
        self._calendar_days = variant.reads("ITS-R03", "through-seventh-day")

    def screens(self) -> Iterable[str]:
        return tuple(WebScreen)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        actions: dict[tuple[str, str], Action] = {
            (WebScreen.AUTHORISATION, "同意并继续"): lambda s, _: s.go(WebScreen.METHODS),
            (WebScreen.METHODS, HALL_CODE_METHOD): lambda s, _: s.go(WebScreen.HALL_CODE, None, identity_values(s)),
            (WebScreen.HALL_CODE, RARE): open_picker,
            (WebScreen.HALL_CODE, NEXT): self.verify_identity,
            **picker_actions(),
            **self._settings.actions(),
        }
        if deviations.on("ITS_WEB_CONSENT_SKIPPABLE"):  # the methods offered before 【同意并继续】
            actions[(WebScreen.AUTHORISATION, HALL_CODE_METHOD)] = actions[(WebScreen.METHODS, HALL_CODE_METHOD)]
        for screen in (WebScreen.AUTHORISATION, WebScreen.METHODS, WebScreen.HALL_CODE, WebScreen.LOGIN_SETTINGS):
            actions[(screen, BACK)] = back_to_login
        return actions

    def hooks(self) -> Mapping[str, Hook]:
        return {"seed.registration_code": self.issue_code}

    def render(self, session: PortalSession) -> View:
        screen, message, values = session.screen, session.message, dict(session.values)
        if screen == WebScreen.AUTHORISATION:
            skippable = (HALL_CODE_METHOD,) if deviations.on("ITS_WEB_CONSENT_SKIPPABLE") else ()
            return View(screen, controls=("同意并继续", BACK, *skippable), message=message, template="registration")
        if screen == WebScreen.METHODS:
            return View(screen, controls=(HALL_CODE_METHOD, BACK), message=message,
                        extras={"intro": "自然人办税服务平台WEB端注册：请选择注册方式。"})
        if screen == WebScreen.HALL_CODE:
            rare = "录入生辟字" if deviations.on("ITS_RARE_CHARACTER_LABEL") else RARE  # §2.1 【录入生僻字】
            return View(screen, fields=IDENTITY_FIELDS, controls=(NEXT, rare, BACK),
                        message=message, values=values,
                        options={"证件类型": tuple(t.value for t in DocumentType)},
                        extras={"intro": HALL_CODE_INTRO, "hint": RARE_HINT})
        if screen == WebScreen.RARE_CHARACTERS:
            return render_picker(session)
        return self._settings.render(session)

    def verify_identity(self, session: PortalSession, form: Form) -> None:
        """【下一步】: the code must be live and issued to the identity typed; the document not yet registered."""
        typed = {f: form.get(f, "").strip() for f in IDENTITY_FIELDS}
        keep_identity(session, typed)
        code = normalise_code(typed["注册码"])
        draft(session).update(code=code, verified=False)
        problem = self._code_problem(session)
        if problem is None and self._codes.taken("document_number", typed["证件号码"].upper()):
            problem = "该证件已完成实名注册，请直接登录；忘记密码的可通过【忘记密码】重置"
        if problem is not None:
            session.go(WebScreen.HALL_CODE, refused(problem), typed)
            return
        draft(session)["verified"] = True
        session.go(WebScreen.LOGIN_SETTINGS)

    def _code_problem(self, session: PortalSession) -> str | None:
        """Why the draft's code and identity cannot register now (checked again when registering)."""
        identity, code = identity_values(session), draft(session).get("code", "")
        if any(not identity.get(f, "").strip() for f in IDENTITY_FIELDS):
            return "请填写注册码、姓名、证件类型和证件号码"
        try:
            document_type = DocumentType.from_label(identity["证件类型"])
        except ValueError as exc:
            return str(exc)
        found = self._codes.find(code)
        if found is None:
            return "注册码不存在，请核对后重新输入"
        found = replace(found, calendar_days=self._calendar_days)
        return found.problem(self._clock.now(), document_type, identity["证件号码"], identity["姓名"])

    def issue_code(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """seed.registration_code: the hall issues a new code to an identity (again after expiry: a new code)."""
        try:
            document_type = DocumentType.from_label(str(payload.get("document_type", "")))
        except ValueError as exc:
            raise SeedError(str(exc)) from None
        number, name = payload.get("document_number"), payload.get("name")
        if not isinstance(number, str) or not number.strip():
            raise SeedError("seed.registration_code needs 'document_number'")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise SeedError("'name' must be a non-empty string when given")
        issued_at = self._clock.now() if payload.get("issued_at") is None else _instant(payload["issued_at"])
        code = RegistrationCode(new_code(), document_type, number.strip().upper(),
                                name.strip() if isinstance(name, str) else None, issued_at,
                                calendar_days=self._calendar_days)
        while self._codes.find(code.code) is not None:
            code = replace(code, code=new_code())
        self._codes.issue(code)
        return {"code": code.code, "issued_at": code.issued_at.isoformat(), "expires_at": code.expires_at.isoformat()}


def _instant(value: object) -> datetime:
    try:
        instant = datetime.fromisoformat(str(value))
    except ValueError:
        raise SeedError(f"'issued_at' must be an ISO 8601 time with a UTC offset, not {value!r}") from None
    if instant.tzinfo is None:
        raise SeedError("'issued_at' needs a UTC offset, e.g. 2024-03-01T10:00:00+08:00")
    return instant
