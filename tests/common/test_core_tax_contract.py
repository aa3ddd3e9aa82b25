"""The core tax system (金税三期): one contract for its fake and its HTTP adapter over `responses` stubs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import responses

from simulator.external import stubs
from simulator.external.core_records import RealNameRecord, RegisteredPerson, TaxRegistration
from simulator.external.script import ExternalServiceError
from simulator.external.wiring import Externals, fakes, over_http
from vocabulary.roles import Role

TAX_ID, ID_NUMBER = "91210102MA0XXXXX1B", "11010519491231002X"


@pytest.fixture(params=["fake", "http"])
def externals(request: pytest.FixtureRequest) -> Iterator[Externals]:
    if request.param == "fake":
        yield _seeded(fakes())
        return
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        wired = over_http(stubs.SMS_BASE, stubs.FACE_BASE, stubs.CORE_BASE)
        stubs.install(mock, wired.script)
        yield _seeded(wired)


def _seeded(wired: Externals) -> Externals:
    person = RegisteredPerson(Role.LEGAL_REPRESENTATIVE, "张三", ID_NUMBER, "13800138000", "024-1234567")
    wired.script.core.register(TaxRegistration(TAX_ID, "甲公司", False, (person,)))
    wired.script.core.collect(RealNameRecord(ID_NUMBER, "张三", "13800138000", frozenset({TAX_ID})))
    return wired


def test_registration_and_real_name_are_read_back(externals: Externals) -> None:
    found = externals.core.registration(TAX_ID)
    assert found is not None
    assert found.name == "甲公司"
    assert found.persons[0].mobile == "13800138000"
    assert found.persons[0].landline == "024-1234567"
    record = externals.core.real_name(ID_NUMBER)
    assert record is not None
    assert record.enterprises == frozenset({TAX_ID})


def test_unknown_taxpayer_or_person_is_none(externals: Externals) -> None:
    assert externals.core.registration("91210102MA0XXXXX2B") is None
    assert externals.core.real_name("110105194912310037") is None


@pytest.mark.parametrize(("mode", "words"), [("down", "暂时不可用"), ("slow", "暂时不可用"), ("mismatch", "不符")])
def test_faults_are_clear_errors_and_recovery_works(externals: Externals, mode: str, words: str) -> None:
    externals.script.set_fault("core", mode)
    with pytest.raises(ExternalServiceError, match=words):
        externals.core.registration(TAX_ID)
    with pytest.raises(ExternalServiceError, match=words):
        externals.core.real_name(ID_NUMBER)
    externals.script.set_fault("core", "ok")
    assert externals.core.registration(TAX_ID) is not None


def test_mismatch_is_only_for_the_core_system() -> None:
    with pytest.raises(ValueError, match="only to the core"):
        fakes().script.set_fault("sms", "mismatch")


@pytest.mark.parametrize(("status", "body"), [(500, "{}"), (200, "not json"), (200, '{"tax_id": 1}')])
def test_http_adapter_refuses_bad_answers(status: int, body: str) -> None:
    with responses.RequestsMock() as mock:
        mock.add(responses.GET, f"{stubs.CORE_BASE}/v1/taxpayers/{TAX_ID}", status=status, body=body)
        with pytest.raises(ExternalServiceError):
            over_http(stubs.SMS_BASE, stubs.FACE_BASE, stubs.CORE_BASE).core.registration(TAX_ID)
