"""Screens of the 青岛税务APP, its entry, the two businesses it signs in to, and what a session keeps."""

from __future__ import annotations

import enum
import re

#: The entry (a client of its own, with its own path and session cookie). Q5/Q6 name it 青岛税务APP（手机税税通）.
QINGDAO_APP = "青岛税务APP"
#: Q11 注意: the app is signed in to 企业业务 (for an enterprise) or 个人业务; the web session gets the same.
ENTERPRISE_BUSINESS, PERSONAL_BUSINESS = "企业业务", "个人业务"
BUSINESSES = (ENTERPRISE_BUSINESS, PERSONAL_BUSINESS)

#: What a session keeps: who is signed in (document number), the business, and the enterprise (纳税人识别号).
PERSON, BUSINESS, ENTERPRISE = "qingdao_app.person", "qingdao_app.business", "qingdao_app.enterprise"
#: A level code scanned (the 个人实名等级 page's), waiting for the face capture.
PENDING_LEVEL_CODE = "qingdao_app.level_code"

_MOBILE = re.compile(r"^1[3-9]\d{9}$")


class QdAppScreen(enum.StrEnum):
    """Session screens ('QDAPP:' keeps the keys unique across entries; pages show the rest)."""

    LOGIN = "QDAPP:登录"
    BUSINESS = "QDAPP:选择业务"
    HOME = "QDAPP:首页"
    SCAN = "QDAPP:扫一扫"
    FACE = "QDAPP:扫脸认证"
    #: 注册 in the app (FAQ 6: the seven documents 可以直接通过…青岛税务APP…注册用户): FAQ 3's three parts.
    REGISTER_IDENTITY = "QDAPP:身份信息校验"
    REGISTER_BASIC = "QDAPP:基本信息填写"
    REGISTER_FACE = "QDAPP:人脸识别认证"


def shown(screen: QdAppScreen) -> str:
    return screen.value.removeprefix("QDAPP:")


def is_mobile(phone: str) -> bool:
    """An 11-digit mainland mobile number."""
    return bool(_MOBILE.match(phone))
