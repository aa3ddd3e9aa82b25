"""The people of a Qingdao scenario: a Faker identity holding one of the FAQ 6 documents, and the passwords it had."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

from stdnum.cn import ric, uscc

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
    #: The enterprises the person handles (or holds a device or licence of): name → 统一社会信用代码.
    enterprises: dict[str, str] = field(default_factory=dict)

    @property
    def initial_password(self) -> str:
        return documents.initial_password(self.document_number)


def _residence_permit(id_number: str, prefix: str) -> str:
    """A 港澳/台湾居民居住证 number: 810000/820000 or 830000, then a birth date and sequence, and the ID check digit."""
    body = prefix + id_number[6:17]
    return body + ric.calc_check_digit(body + "0")  # python-stdnum reads the first 17 of 18 characters


#: The characters of a 统一社会信用代码's organisation part (GB 32100: digits and capitals but I, O, S, V, Z).
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def enterprise_tax_id(key: str) -> str:
    """A Qingdao enterprise's 统一社会信用代码 (税号), stable per key (the enterprise, its handler): 91 (企业, 工商),
    370200 (青岛市), nine characters drawn from the key, and the GB 32100 check character."""
    rng = random.Random(int.from_bytes(hashlib.sha256(f"qingdao-enterprise:{key}".encode()).digest()[:8], "big"))
    body = "91370200" + "".join(rng.choice(_CODE_CHARS) for _ in range(9))
    return body + uscc.calc_check_digit(body)


def tax_id_of(user: QdUser, company: str) -> str:
    """The 税号 of an enterprise of this person in the scenario (the same one in every hook and field)."""
    return user.enterprises.setdefault(company, enterprise_tax_id(f"{company}:{user.document_number}"))


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
