"""The password lock of ITS §1.1 at its boundaries: the 5th failure locks, for exactly 120 minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from simulator.domain.account import LOCK_DURATION, MAX_PASSWORD_FAILURES, Account, NaturalPerson
from vocabulary.documents import DocumentType

NOW = datetime(2024, 3, 1, 2, 0, tzinfo=UTC)


def _account(doc: DocumentType = DocumentType.RESIDENT_ID_CARD) -> Account:
    return Account(NaturalPerson("张三", doc, "11010519491231002X"), "13800138000", "zhang_san", "h")


def test_guide_numbers() -> None:
    assert MAX_PASSWORD_FAILURES == 5
    assert timedelta(minutes=120) == LOCK_DURATION


@pytest.mark.parametrize(("failures", "locked"), [(1, False), (4, False), (5, True)])
def test_fifth_failure_locks(failures: int, locked: bool) -> None:
    account = _account()
    for _ in range(failures):
        account = account.after_wrong_password(NOW)
    assert account.is_locked(NOW) is locked


@pytest.mark.parametrize(("minutes", "locked"), [(0, True), (119, True), (120, False), (121, False)])
def test_lock_lasts_120_minutes(minutes: int, locked: bool) -> None:
    account = _account()
    for _ in range(5):
        account = account.after_wrong_password(NOW)
    assert account.is_locked(NOW + timedelta(minutes=minutes)) is locked


def test_success_and_reset_clear_the_count() -> None:
    account = _account().after_wrong_password(NOW).after_wrong_password(NOW)
    assert account.after_successful_login().failed_password_attempts == 0
    locked = account
    for _ in range(5):
        locked = locked.after_wrong_password(NOW)
    assert not locked.with_new_password("new").is_locked(NOW)


@pytest.mark.parametrize("doc", list(DocumentType))
def test_document_number_is_an_account_name_only_for_resident_id(doc: DocumentType) -> None:
    names = _account(doc).account_names()
    assert ("11010519491231002X" in names) is (doc is DocumentType.RESIDENT_ID_CARD)
    assert {"13800138000", "zhang_san"} <= set(names)


def test_unknown_document_type_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="未知的证件类型「军官证」"):
        DocumentType.from_label("军官证")
