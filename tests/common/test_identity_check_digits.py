"""Every identity and credit code the suite draws is a valid number of its type, judged by an independent reference:
python-stdnum's `is_valid` (居民身份证: GB 11643; 统一社会信用代码: GB 32100), the ISO 7064 MOD 11-2 check and the
GB 11643 layout for the two 居住证 (stdnum's `ric` also checks the birth place, and 810000/820000/830000 are no
county), the published shapes of documents without a check digit. Nothing here calls vocabulary/ to judge: a mistake
shared by the suite and the simulator through vocabulary/ (as the 居住证 check digit was) shows up here.
"""

from __future__ import annotations

import datetime
import re

import pytest
from stdnum.cn import ric, uscc
from stdnum.iso7064 import mod_11_2

from etax_conformance.probe.client import resident_id
from fixtures.enterprises import EnterpriseFactory
from fixtures.identities import IdentityFactory
from fixtures.units import UnitFactory
from steps.qingdao.people import enterprise_tax_id, new_user
from vocabulary import qingdao_documents
from vocabulary.documents import DocumentType

DRAWS = 300

#: Published valid numbers: GB 11643-1999's own example, python-stdnum's documented USCC example.
PUBLISHED_RESIDENT_IDS = ("11010519491231002X",)
PUBLISHED_CREDIT_CODES = ("91110000600037341L",)
#: 港澳台居民居住证 numbers as the specimen cards print them (810000 香港, 820000 澳门, 830000 台湾).
PUBLISHED_PERMITS = ("810000199408230021", "830000199201300022")

#: The published shape of each document without a check digit (the suite's draws follow the cards issued now).
SHAPES = {
    "港澳居民来往内地通行证": r"[HM]\d{8}",  # 2012 card: H (香港) / M (澳门) + 8 digits
    "台湾居民来往大陆通行证": r"\d{8}",  # 2015 card: 8 digits for life
    "中国护照": r"E\d{8}",  # ordinary e-passport since 2012
    "中华人民共和国护照": r"E\d{8}",
    "外国人永久居留身份证": r"[A-Z]{3}\d{12}",  # 2017 card: ISO alpha-3 nationality + 12 digits
    "外国护照": r"[A-Z0-9]{5,9}",  # ICAO 9303: at most 9 characters
    "中华人民共和国外国人工作许可证(A类)": r"[A-Z0-9]{6,20}",  # no published layout: the FAQ's 6–20 letters/digits
    "中华人民共和国外国人工作许可证(B类)": r"[A-Z0-9]{6,20}",
    "中华人民共和国外国人工作许可证(C类)": r"[A-Z0-9]{6,20}",
}
PERMIT_PREFIXES = {"中华人民共和国港澳居民居住证": ("810000", "820000"), "中华人民共和国台湾居民居住证": ("830000",)}


def valid_residence_permit(number: str, prefixes: tuple[str, ...]) -> bool:
    """GB 11643 layout with a 港澳台 code: prefix, a real birth date, sequence, and the MOD 11-2 check."""
    if not (len(number) == 18 and number[:17].isdigit() and number.startswith(prefixes)):
        return False
    try:
        datetime.datetime.strptime(number[6:14], "%Y%m%d")
    except ValueError:
        return False
    return bool(mod_11_2.is_valid(number))


def test_the_references_accept_the_published_numbers() -> None:
    assert all(ric.is_valid(n) and mod_11_2.is_valid(n) for n in PUBLISHED_RESIDENT_IDS)
    assert all(uscc.is_valid(n) for n in PUBLISHED_CREDIT_CODES)
    assert valid_residence_permit(PUBLISHED_PERMITS[0], ("810000",))
    assert valid_residence_permit(PUBLISHED_PERMITS[1], ("830000",))
    wrong = PUBLISHED_PERMITS[0][:17] + str((int(PUBLISHED_PERMITS[0][17]) + 1) % 10)
    assert not valid_residence_permit(wrong, ("810000",))


@pytest.mark.parametrize("kind", list(DocumentType))
def test_the_identity_factory_draws_valid_numbers(kind: DocumentType) -> None:
    factory = IdentityFactory("check-digits")
    for _ in range(DRAWS):
        number = factory.person(kind).document_number
        if kind is DocumentType.RESIDENT_ID_CARD:
            assert ric.is_valid(number), number
        else:
            assert re.fullmatch(SHAPES[kind.value], number), (kind, number)


@pytest.mark.parametrize("kind", qingdao_documents.ALL)
def test_the_qingdao_people_hold_valid_numbers(kind: str) -> None:
    """steps/qingdao/people.py's numbers of every FAQ 6 document (the two 居住证 carry the GB 11643 check)."""
    factory = IdentityFactory("qd-check-digits")
    for serial in range(DRAWS // 3):
        number = new_user(factory, kind, f"seed-{serial}").document_number
        if kind == "居民身份证":
            assert ric.is_valid(number), number
        elif kind in PERMIT_PREFIXES:
            assert valid_residence_permit(number, PERMIT_PREFIXES[kind]), number
        else:
            assert re.fullmatch(SHAPES[kind], number), (kind, number)
        # The simulator's rule (through vocabulary/) agrees with the independent reference on the suite's numbers.
        assert qingdao_documents.number_problem(kind, number) is None, (kind, number)


@pytest.mark.parametrize("kind", list(PERMIT_PREFIXES))
def test_the_simulator_refuses_a_permit_with_a_wrong_check_digit(kind: str) -> None:
    number = new_user(IdentityFactory("wrong-digit"), kind, "seed").document_number
    for digit in "0123456789X":
        candidate = number[:17] + digit
        assert (qingdao_documents.number_problem(kind, candidate) is None) == valid_residence_permit(
            candidate, PERMIT_PREFIXES[kind]), candidate


def test_every_credit_code_drawn_is_valid() -> None:
    units, enterprises = UnitFactory("check-digits"), EnterpriseFactory("check-digits")
    codes = [units.unit().tax_id for _ in range(DRAWS)] + [enterprises.enterprise().tax_id for _ in range(DRAWS)]
    codes += [enterprise_tax_id(f"甲公司:{serial}") for serial in range(DRAWS)]
    bad = [code for code in codes if not uscc.is_valid(code)]
    assert not bad, bad[:5]
    assert all(code.startswith("91370200") for code in codes[-DRAWS:])  # 青岛市


def test_the_probe_numbers_are_valid() -> None:
    assert all(ric.is_valid(resident_id(serial)) for serial in range(DRAWS))
