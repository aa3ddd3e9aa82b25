"""The people of a Qingdao scenario: a Faker identity holding one of the FAQ 6 documents, and the passwords it had."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

from stdnum.cn import ric

from fixtures.identities import IdentityFactory
from vocabulary import qingdao_documents as documents
from vocabulary.documents import DocumentType


@dataclass
class QdUser:
    """One person: the document, name and phone; the password they use now and the ones they had."""

    name: str
    document_type: str
    document_number: str
    phone: str
    password: str
    user_name: str
    passwords: dict[str, str] = field(default_factory=dict)

    @property
    def initial_password(self) -> str:
        return documents.initial_password(self.document_number)


def _residence_permit(id_number: str, prefix: str) -> str:
    """A 港澳/台湾居民居住证 number: 810000/820000 or 830000, then a birth date and sequence, and the ID check digit."""
    body = prefix + id_number[6:17]
    return body + ric.calc_check_digit(body)


def new_user(identities: IdentityFactory, document_type: str, seed: str) -> QdUser:
    """A person with a document of this type (the guide's spelling), deterministic for the scenario's seed."""
    kind = documents.canonical(document_type)
    if kind is None:
        raise ValueError(f"FAQ 6 没有「{document_type}」这种证件（有：{'、'.join(documents.ALL)}）")
    base = identities.person()
    rng = random.Random(int.from_bytes(hashlib.sha256(f"{seed}:{base.document_number}".encode()).digest()[:8], "big"))

    def digits(count: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(count))

    number = {
        "居民身份证": base.document_number,
        "港澳居民来往内地通行证": "H" + digits(8),
        "台湾居民来往大陆通行证": digits(8),
        "中国护照": "E" + digits(8),
        "外国人永久居留身份证": identities.person(DocumentType.FOREIGNER_PERMANENT_RESIDENCE).document_number,
        "中华人民共和国港澳居民居住证": _residence_permit(base.document_number, "810000"),
        "中华人民共和国台湾居民居住证": _residence_permit(base.document_number, "830000"),
        "外国护照": rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + digits(7),
    }.get(kind) or digits(15)  # 外国人工作许可证 (A/B/C类): a 15-digit number
    return QdUser(base.name, kind, number, base.phone, base.password, base.login_name)
