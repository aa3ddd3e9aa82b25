"""人脸识别 of the APP registration (ITS §2.2.2(4)(5)): only the 居民身份证; the photo goes to 公安人像比对."""

from __future__ import annotations

import secrets

from stdnum.cn import ric

from simulator import deviations
from simulator.common.face_capture import PHOTO, face_passes
from simulator.common.flow import Form
from simulator.common.sessions import PortalSession
from simulator.common.views import View, refused
from simulator.external.face import FaceComparison
from simulator.natural_person.app_login_settings import Registrant, hand_over
from vocabulary.documents import DocumentType

_KEY = "app_registration.face"


class FaceVerification:
    """【开始人脸识别】 opens the camera; 【拍摄】 sends the frame; only a match reaches the login settings."""

    def __init__(self, face: FaceComparison, form_screen: str, camera_screen: str) -> None:
        self._face, self._form, self.camera = face, form_screen, camera_screen

    @staticmethod
    def problem(person: Registrant) -> str | None:
        """§2.2 "人脸识别认证注册仅支持居民身份证，其他证件暂不支持"."""
        if person.document_type is not DocumentType.RESIDENT_ID_CARD and deviations.on("ITS_FACE_ANY_DOCUMENT"):
            return None
        if person.document_type is not DocumentType.RESIDENT_ID_CARD:
            return "人脸识别认证注册仅支持居民身份证，其他证件请使用大厅注册码注册"
        return None if ric.is_valid(person.document_number) else "请输入正确的居民身份证号码"

    def start(self, session: PortalSession, person: Registrant) -> None:
        session.state[_KEY] = person
        session.go(self.camera)

    def render(self, session: PortalSession, shown: str) -> View:
        """The simulated camera: the page holds a captured frame (random bytes) that 【拍摄】 posts."""
        return View(shown, controls=("拍摄", "返回"), message=session.message, values={PHOTO: secrets.token_hex(32)},
                    template="app_face_capture")

    def capture(self, session: PortalSession, form: Form) -> None:
        """【拍摄】: a refusal (mismatch, or the service down or slow) keeps the camera open for another try."""
        person = session.state.get(_KEY)
        if not isinstance(person, Registrant):
            session.go(self._form, refused("请先填写身份信息"))
            return
        if not face_passes(self._face, person.name, person.document_number, form, session, self.camera,
                           "人脸识别未通过：与公安人像数据比对不一致，请本人重新拍摄", "ITS_FACE_MISMATCH_ACCEPTED"):
            return
        del session.state[_KEY]
        hand_over(session, person)
