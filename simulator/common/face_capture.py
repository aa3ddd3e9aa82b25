"""The photo a camera page posts, checked by the public-security face comparison: one helper for every flow that
shoots a face (the 个人所得税APP's registration, the 移动办税APP's 实名采集, Qingdao's 人脸识别 and its app)."""

from __future__ import annotations

from simulator import deviations
from simulator.common.flow import Form
from simulator.common.sessions import PortalSession
from simulator.common.views import refused
from simulator.external.face import FaceComparison
from simulator.external.script import ExternalServiceError

#: The camera page's field: the photo, hex-encoded.
PHOTO = "照片"


def face_passes(face: FaceComparison, name: str, id_number: str, form: Form, session: PortalSession, screen: str,
                mismatch: str, deviation: str = "") -> bool:
    """True when the posted photo is the holder's. Otherwise the session stays on `screen`, refused with the
    service's own failure (it could not tell) or with `mismatch` (no photo, not a photo, or someone else)."""
    try:
        photo = bytes.fromhex(form.get(PHOTO, ""))
        match = bool(photo) and face.compare(name, id_number, photo)
    except ValueError:
        match = False
    except ExternalServiceError as failure:
        session.go(screen, refused(str(failure)))
        return False
    if not match and deviation and deviations.on(deviation):  # selfcheck: the mismatch accepted
        return True
    if not match:
        session.go(screen, refused(mismatch))
    return match
