"""刷脸验证 / 人脸识别认证: one simulated camera for every purpose (the second factor, registration, 忘记密码, a
key business). The frame goes to the face comparison (公安人像比对, scripted by `face.next_result`); a failure keeps
the camera open for another try (FAQ 7)."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from simulator.common.face_capture import PHOTO, face_passes
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import View
from simulator.qingdao.screens import QdScreen, Qingdao

CAPTURE, BACK = "拍摄", "返回"
FAILED = "人脸识别未通过，请确认光线充足、背景中没有其他人脸后重新拍摄；如仍无法通过，请前往办税服务厅进行实名信息采集"
_KEY = "qingdao.face"


@dataclass(frozen=True)
class FaceRequest:
    """Whose face, what passing it does, and where 【返回】 goes."""

    purpose: str
    name: str
    document_number: str
    back: str


#: What a passed face check does for a purpose: called with the session and the request.
OnPass = Callable[[PortalSession, FaceRequest], None]


class FaceFlow(FlowBase):
    """Owns the camera screen; flows register a purpose with what a pass does, then `start` it."""

    def __init__(self, qd: Qingdao) -> None:
        self._qd = qd
        self._purposes: dict[str, OnPass] = {}

    def purpose(self, name: str, on_pass: OnPass) -> None:
        self._purposes[name] = on_pass

    def start(self, session: PortalSession, request: FaceRequest) -> None:
        session.state[_KEY] = request
        session.go(QdScreen.FACE)

    def screens(self) -> Iterable[str]:
        return (QdScreen.FACE,)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        return {(QdScreen.FACE, CAPTURE): self._capture, (QdScreen.FACE, BACK): self._back}

    def render(self, session: PortalSession) -> View:
        """The page holds a captured frame (random bytes) that 【拍摄】 posts."""
        return View(QdScreen.FACE, controls=(CAPTURE, BACK), message=session.message,
                    values={PHOTO: secrets.token_hex(32)}, template="app_face_capture")

    def _capture(self, session: PortalSession, form: Form) -> None:
        request = session.state.get(_KEY)
        if not isinstance(request, FaceRequest):
            session.go(QdScreen.LOGIN)
            return
        if not face_passes(self._qd.face, request.name, request.document_number, form, session, QdScreen.FACE,
                           FAILED, "QD_REGISTRATION_FACE_MISMATCH" if request.purpose == "registration" else ""):
            return
        del session.state[_KEY]
        self._purposes[request.purpose](session, request)

    def _back(self, session: PortalSession, _: Form) -> None:
        request = session.state.pop(_KEY, None)
        session.go(request.back if isinstance(request, FaceRequest) else QdScreen.LOGIN)
