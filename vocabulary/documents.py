"""Document types (证件类型) a natural person can register with, as the ITS guide names them."""

from __future__ import annotations

import enum


class DocumentType(enum.StrEnum):
    """证件类型. The value is the label the portal shows."""

    RESIDENT_ID_CARD = "居民身份证"
    FOREIGN_PASSPORT = "外国护照"
    CHINESE_PASSPORT = "中华人民共和国护照"
    HK_MACAO_PERMIT = "港澳居民来往内地通行证"
    TAIWAN_PERMIT = "台湾居民来往大陆通行证"
    FOREIGNER_PERMANENT_RESIDENCE = "外国人永久居留身份证"

    @property
    def allows_document_number_login(self) -> bool:
        """ITS §1.1: only a resident ID card number may serve as the login account."""
        return self is DocumentType.RESIDENT_ID_CARD

    @classmethod
    def from_label(cls, label: str) -> DocumentType:
        """The type a guide label names; a clear error for an unknown one."""
        try:
            return cls(label.strip())
        except ValueError:
            known = "、".join(t.value for t in cls)
            raise ValueError(f"未知的证件类型「{label}」（可选：{known}）") from None
