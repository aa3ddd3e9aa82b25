"""The identity factory hands out people the guides' rules accept, never repeats, and is reproducible."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import stdnum.cn.ric as ric

from fixtures.clock import SCENARIO_START
from fixtures.identities import Identity, IdentityFactory, age_on
from vocabulary.credentials import login_name_problem, password_problem
from vocabulary.documents import DocumentType

ROOT = Path(__file__).resolve().parents[2]
NUMBER_SHAPES = {
    DocumentType.RESIDENT_ID_CARD: r"\d{17}[\dX]",
    DocumentType.HK_MACAO_PERMIT: r"[HM]\d{8}",
    DocumentType.TAIWAN_PERMIT: r"\d{8}",
    DocumentType.CHINESE_PASSPORT: r"E\d{8}",
    DocumentType.FOREIGN_PASSPORT: r"[A-Z]\d{8}",
    DocumentType.FOREIGNER_PERMANENT_RESIDENCE: r"[A-Z]{3}\d{12}",
}
DOMESTIC = {
    DocumentType.RESIDENT_ID_CARD: {"中国"},
    DocumentType.CHINESE_PASSPORT: {"中国"},
    DocumentType.HK_MACAO_PERMIT: {"中国香港", "中国澳门"},
    DocumentType.TAIWAN_PERMIT: {"中国台湾"},
}


def draws(factory: IdentityFactory, count: int) -> list[Identity]:
    kinds = list(DocumentType)
    return [factory.person(kinds[i % len(kinds)]) for i in range(count)]


@pytest.mark.parametrize("document_type", list(DocumentType))
def test_every_document_type_gives_well_formed_people(document_type: DocumentType) -> None:
    factory, today = IdentityFactory("documents"), SCENARIO_START.date()
    for _ in range(30):
        person = factory.person(document_type, min_age=20, max_age=40)
        assert person.document_type is document_type
        assert re.fullmatch(NUMBER_SHAPES[document_type], person.document_number), person
        assert 20 <= age_on(person.birth_date, today) <= 40, person
        assert person.name
        if document_type in DOMESTIC:
            assert person.nationality in DOMESTIC[document_type], person
        else:
            assert not person.nationality.startswith("中国"), person


def test_resident_id_numbers_are_valid_and_carry_the_birth_date() -> None:
    factory, today = IdentityFactory(7), SCENARIO_START.date()
    for _ in range(100):
        person = factory.person(min_age=18, max_age=70)
        assert ric.is_valid(person.document_number), person.document_number
        assert ric.get_birth_date(person.document_number) == person.birth_date
        assert 18 <= age_on(person.birth_date, today) <= 70


def test_hk_macao_prefix_matches_nationality() -> None:
    factory = IdentityFactory(3)
    for _ in range(30):
        person = factory.person(DocumentType.HK_MACAO_PERMIT)
        assert person.nationality == {"H": "中国香港", "M": "中国澳门"}[person.document_number[0]]


def test_permanent_residence_number_encodes_the_birth_date() -> None:
    factory = IdentityFactory(4)
    for _ in range(30):
        person = factory.person(DocumentType.FOREIGNER_PERMANENT_RESIDENCE)
        assert person.document_number[7:13] == person.birth_date.strftime("%y%m%d")


@pytest.mark.parametrize("age", [0, 18, 70])
def test_a_single_age_is_honoured(age: int) -> None:
    factory, today = IdentityFactory(age), SCENARIO_START.date()
    for document_type in DocumentType:
        person = factory.person(document_type, min_age=age, max_age=age)
        assert age_on(person.birth_date, today) == age, person


def test_an_inverted_age_range_is_refused() -> None:
    with pytest.raises(ValueError, match="年龄范围无效"):
        IdentityFactory().person(min_age=30, max_age=20)


def test_login_names_passwords_and_phones_obey_the_rules() -> None:
    for person in draws(IdentityFactory("rules"), 200):
        assert login_name_problem(person.login_name) is None, person.login_name
        assert password_problem(person.password) is None, person.password
        assert re.fullmatch(r"1[3-9]\d{9}", person.phone), person.phone


def test_phones_login_names_and_document_numbers_never_repeat() -> None:
    factory = IdentityFactory("unique")
    people = draws(factory, 300)
    extra_phones = [factory.unregistered_phone() for _ in range(50)]
    phones = [p.phone for p in people] + extra_phones
    assert len(set(phones)) == len(phones)
    assert len({p.login_name.casefold() for p in people}) == len(people)
    assert len({p.document_number for p in people}) == len(people)


def test_same_seed_same_people_and_different_seed_different_people() -> None:
    assert draws(IdentityFactory(42), 20) == draws(IdentityFactory(42), 20)
    assert draws(IdentityFactory("张三"), 20) == draws(IdentityFactory("张三"), 20)
    assert draws(IdentityFactory(42), 20) != draws(IdentityFactory(43), 20)
    assert draws(IdentityFactory("张三"), 20) != draws(IdentityFactory("李四"), 20)


def test_str_seeds_do_not_depend_on_the_process_hash_seed() -> None:
    # hash() of a str differs between interpreters with different PYTHONHASHSEED; the factory must not.
    script = "from fixtures.identities import IdentityFactory as F; print(F('stable').person())"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            cwd=ROOT,
        ).stdout
        for hash_seed in ("1", "2")
    }
    assert outputs == {f"{IdentityFactory('stable').person()}\n"}


def test_wrong_and_new_passwords_differ_and_obey_the_rule() -> None:
    factory = IdentityFactory("passwords")
    for person in draws(factory, 50):
        for password in (factory.wrong_password(person), factory.new_password(person)):
            assert password != person.password
            assert password_problem(password) is None, password


def test_reference_day_not_the_wall_clock_decides() -> None:
    day = datetime.date(2030, 1, 1)
    first, second = IdentityFactory("day", today=day), IdentityFactory("day", today=day)
    assert first.person() == second.person()
    assert age_on(IdentityFactory("day", today=day).person(min_age=30, max_age=30).birth_date, day) == 30
