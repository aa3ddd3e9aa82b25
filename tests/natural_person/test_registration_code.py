"""Registration codes (注册码): 6 random digits/letters, valid 7 days, issued to one identity."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from simulator.domain.registration import CODE_ALPHABET, RegistrationCode, new_code, normalise_code
from vocabulary.documents import DocumentType

ISSUED = datetime(2024, 3, 1, 2, 0, tzinfo=UTC)
ID = DocumentType.RESIDENT_ID_CARD


def code(name: str | None = "王𠮷") -> RegistrationCode:
    return RegistrationCode("AB12CD", ID, "11010519491231002X", name, ISSUED)


def test_a_new_code_is_six_random_digits_or_letters() -> None:
    codes = {new_code() for _ in range(200)}
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert len(codes) > 190


def test_valid_until_seven_days_have_passed() -> None:
    seven = timedelta(days=7)
    assert code().is_valid(ISSUED + seven - timedelta(seconds=1))
    assert not code().is_valid(ISSUED + seven)
    assert code().problem(ISSUED + seven, ID, "11010519491231002X", "王𠮷") is not None


def test_the_code_belongs_to_the_identity_it_was_issued_to() -> None:
    now = ISSUED + timedelta(days=1)
    assert code().problem(now, ID, "11010519491231002x ", " 王𠮷") is None
    assert code().problem(now, ID, "110105194912310038", "王𠮷") is not None
    assert code().problem(now, DocumentType.FOREIGN_PASSPORT, "11010519491231002X", "王𠮷") is not None
    assert code().problem(now, ID, "11010519491231002X", "王吉") is not None
    assert code(name=None).problem(now, ID, "11010519491231002X", "任何人") is None


def test_a_used_code_cannot_register_again() -> None:
    used = RegistrationCode("AB12CD", ID, "11010519491231002X", None, ISSUED, used=True)
    assert used.problem(ISSUED, ID, "11010519491231002X", "王𠮷") is not None


def test_typed_codes_are_compared_without_spaces_or_case() -> None:
    assert normalise_code(" ab12cd ") == "AB12CD"
