"""The SQLite store: lookups by each account name, duplicates refused, a file keeps accounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.identities import Identity
from simulator.clock import SystemClock
from simulator.common.sessions import SessionRegistry
from simulator.common.test_control import SeedError, TestControl
from simulator.store.sqlite import DuplicateAccount, MatchedBy, SqliteStore
from tests.conftest import seed_of


def _control(store: SqliteStore) -> TestControl:
    return TestControl(store, SessionRegistry(), SystemClock())


def test_found_by_phone_login_name_and_document(person: Identity) -> None:
    store = SqliteStore()
    _control(store).seed_person(seed_of(person))
    assert store.find_by_account_name(person.phone)[1] is MatchedBy.PHONE  # type: ignore[index]
    assert store.find_by_account_name(person.login_name)[1] is MatchedBy.LOGIN_NAME  # type: ignore[index]
    found = store.find_by_account_name(person.document_number.lower())
    assert found is not None
    assert found[1] is MatchedBy.DOCUMENT_NUMBER
    assert store.find_by_account_name("nobody") is None


def test_duplicate_is_refused_and_nothing_half_created(person: Identity) -> None:
    store = SqliteStore()
    _control(store).seed_person(seed_of(person))
    with pytest.raises(DuplicateAccount):
        _control(store).seed_person(seed_of(person))
    assert store.count() == 1


@pytest.mark.parametrize(("field", "value", "words"), [
    ("document_number", "110105194912310021", "校验位"), ("phone", "2380013800", "手机号"),
    ("login_name", "123456", "纯数字"), ("password", "abcdefgh", "三种"), ("document_type", "军官证", "证件类型"),
])
def test_seed_breaking_a_rule_is_refused(person: Identity, field: str, value: str, words: str) -> None:
    store = SqliteStore()
    seed = seed_of(person).__dict__ | {field: value}
    with pytest.raises(SeedError, match=words):
        _control(store).seed_person(type(seed_of(person))(**seed))
    assert store.count() == 0


def test_file_store_keeps_accounts(tmp_path: Path, person: Identity) -> None:
    db = tmp_path / "sim.sqlite3"
    store = SqliteStore(db)
    _control(store).seed_person(seed_of(person))
    store.close()
    again = SqliteStore(db)
    assert again.find_by_account_name(person.login_name) is not None
