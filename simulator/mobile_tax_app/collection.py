"""实名采集 in the 移动办税APP (manual 四): 添加本人身份证, 补充信息, 采集识别脸部信息, 检测成功.

Only a face the public-security comparison (公安人像比对) matches completes the collection; then the record —
the person, the mobile given under 补充信息, and the enterprises whose tax registration names the person — is
written to the core tax system (金税三期), where 【同步办税人】 and the SMS logins of the e-tax bureau read it.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from stdnum.cn import ric

from simulator.common.face_capture import PHOTO, face_passes
from simulator.common.flow import Action, FlowBase, Form, Hook
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain.enterprise import masked
from simulator.external.core_records import CoreTaxRecords, RealNameRecord
from simulator.external.face import FaceComparison
from simulator.mobile_tax_app.screens import (
    DONE_STEP,
    FACE_STEP,
    ID_CARD_STEP,
    MORE_INFO_STEP,
    PHONE,
    STEPS,
    MtaxScreen,
    is_mobile,
    shown,
)

STEP, DRAFT = "mobile_tax_app.step", "mobile_tax_app.draft"
NAME, ID_NUMBER, MOBILE = "姓名", "身份证号码", "手机号码"
NEXT, BACK, SHOOT, FINISH = "下一步", "返回", "拍摄", "完成"
DONE = "检测成功，实名采集已完成"
MISMATCH = "脸部信息检测未通过：与公安人像数据比对不一致，请本人重新拍摄"


def open_collection(session: PortalSession, message: Message | None = None) -> None:
    """The 实名采集 page at its first step, with nothing typed yet."""
    session.state.update({STEP: ID_CARD_STEP, DRAFT: {}})
    session.go(MtaxScreen.COLLECTION, message)


class RealNameCollectionFlow(FlowBase):
    """Each step checks what it asks for before the next opens; a refused capture records nothing."""

    def __init__(self, face: FaceComparison, core: CoreTaxRecords) -> None:
        self._face, self._core = face, core

    def screens(self) -> Iterable[str]:
        return (MtaxScreen.COLLECTION,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        screen = MtaxScreen.COLLECTION
        return {(screen, NEXT): self._next, (screen, SHOOT): self._capture, (screen, BACK): _leave,
                (screen, FINISH): _leave}

    def hooks(self) -> Mapping[str, Hook]:
        return {"core.real_name_record": self._read_record}

    def render(self, session: PortalSession) -> View:
        step, draft = _step(session), _draft(session)
        common: dict[str, Any] = {"steps": STEPS, "step": step}
        name = shown(MtaxScreen.COLLECTION)
        if step == FACE_STEP:  # the simulated camera: the page holds a captured frame that 【拍摄】 posts
            return View(name, tab=step, controls=(SHOOT, BACK), message=session.message,
                        values={PHOTO: secrets.token_hex(32)}, template="mtax_collection",
                        extras={**common, "camera": True})
        if step == DONE_STEP:
            rows = ((NAME, draft.get(NAME, "")), (MOBILE, masked(draft.get(MOBILE, ""))))
            return View(name, tab=step, controls=(FINISH,), message=session.message, rows=rows,
                        template="mtax_collection", extras=common)
        fields = (NAME, ID_NUMBER) if step == ID_CARD_STEP else (MOBILE,)
        values = {**draft, **session.values}
        return View(name, tab=step, fields=fields, controls=(NEXT, BACK), message=session.message,
                    values={f: values.get(f, "") for f in fields}, template="mtax_collection",
                    extras={**common, "intro": "请添加本人身份证" if step == ID_CARD_STEP else "请补充本人手机号码，"
                            "登录电子税务局时短信验证码将发送至该号码"})

    def _next(self, session: PortalSession, form: Form) -> None:
        step, draft = _step(session), _draft(session)
        if step == ID_CARD_STEP:
            typed = {NAME: form.get(NAME, "").strip(), ID_NUMBER: form.get(ID_NUMBER, "").strip().upper()}
            problem = "请填写姓名" if not typed[NAME] else None
            if problem is None and not ric.is_valid(typed[ID_NUMBER]):
                problem = "请输入正确的居民身份证号码"
            following = MORE_INFO_STEP
            draft.setdefault(MOBILE, str(session.state.get(PHONE) or ""))  # the number the user signed in with
        elif step == MORE_INFO_STEP:
            typed = {MOBILE: form.get(MOBILE, "").strip()}
            problem, following = None if is_mobile(typed[MOBILE]) else "请输入正确的11位手机号码", FACE_STEP
        else:
            return
        if problem is not None:
            session.go(MtaxScreen.COLLECTION, refused(problem), typed)
            return
        draft.update(typed)
        session.state[STEP] = following
        session.go(MtaxScreen.COLLECTION)

    def _capture(self, session: PortalSession, form: Form) -> None:
        """【拍摄】: mismatch, or the comparison down or slow, keeps the camera open and records nothing."""
        draft = _draft(session)
        if _step(session) != FACE_STEP or not all(draft.get(k) for k in (NAME, ID_NUMBER, MOBILE)):
            open_collection(session, refused("请按步骤先添加本人身份证并补充信息"))
            return
        if not face_passes(self._face, draft[NAME], draft[ID_NUMBER], form, session, MtaxScreen.COLLECTION,
                           MISMATCH):
            return
        self._record(draft)
        session.state[STEP] = DONE_STEP
        session.go(MtaxScreen.COLLECTION, Message(DONE, MessageKind.SUCCESS))

    def _record(self, draft: Mapping[str, str]) -> None:
        """A new collection replaces an older one of the person (重新采集), keeping the enterprises it linked."""
        number = draft[ID_NUMBER]
        earlier = self._core.real_name(number)
        linked = self._core.registered_with(number) | (earlier.enterprises if earlier else frozenset())
        self._core.collect(RealNameRecord(number, draft[NAME], draft[MOBILE], linked))

    def _read_record(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """core.real_name_record: the core tax system's 实名采集 record of a person, if any."""
        number = payload.get("id_number")
        if not isinstance(number, str) or not number.strip():
            raise SeedError("'id_number' must be a non-empty string")
        found = self._core.real_name(number.strip())
        if found is None:
            return {"id_number": number.strip().upper(), "collected": False}
        return {"id_number": found.id_number, "collected": True, "name": found.name, "mobile": found.mobile,
                "enterprises": sorted(found.enterprises)}


def _step(session: PortalSession) -> str:
    return str(session.state.get(STEP) or ID_CARD_STEP)


def _draft(session: PortalSession) -> dict[str, str]:
    draft = session.state.setdefault(DRAFT, {})
    assert isinstance(draft, dict)
    return draft


def _leave(session: PortalSession, _: Form) -> None:
    """【返回】 or 【完成】: back to the 首页; an unfinished collection is dropped."""
    session.state.pop(STEP, None)
    session.state.pop(DRAFT, None)
    session.go(MtaxScreen.HOME)
