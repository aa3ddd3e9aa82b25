"""The served store: WAL with synchronous=FULL, and kill -9 during writes loses no acknowledged write."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import requests

from drivers.hooks_client import HooksClient
from etax_conformance import hooks_token
from etax_conformance.serving import ServedSimulator
from fixtures.identities import IdentityFactory
from simulator.store.sqlite import SqliteStore


def test_a_file_store_writes_ahead_and_syncs_every_commit(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    assert store.rows("PRAGMA journal_mode")[0][0] == "wal"
    assert store.rows("PRAGMA synchronous")[0][0] == 2  # FULL


def test_kill_9_during_writes_loses_no_acknowledged_write(tmp_path: Path) -> None:
    db, people = tmp_path / "portal.sqlite3", IdentityFactory("durability")
    served = ServedSimulator.start(db)
    hooks = HooksClient(served.url + "/__conformance__/v1", served.hooks_token, timeout=5)
    acknowledged: list[str] = []

    def write() -> None:
        while True:
            person = people.person()
            try:
                hooks.seed_person(person)
            except Exception:  # the server died under us: this write was never acknowledged
                return
            acknowledged.append(person.login_name)

    writer = threading.Thread(target=write)
    writer.start()
    while len(acknowledged) < 10:
        writer.join(0.05)
    served.process.kill()  # SIGKILL: no clean shutdown
    served.process.wait()
    writer.join(10)
    store = SqliteStore(db)
    assert [name for name in acknowledged if store.find_by_account_name(name) is None] == []


def test_the_hooks_token_comes_from_the_environment_or_a_file_and_is_long_enough(tmp_path: Path) -> None:
    assert hooks_token.resolve(None, None, {}) is None
    assert hooks_token.resolve(None, None, {"ETAX_HOOKS_TOKEN": "e" * 16}) == "e" * 16
    file = tmp_path / "token"
    file.write_text("f" * 20 + "\n", encoding="utf-8")
    assert hooks_token.resolve(None, file, {"ETAX_HOOKS_TOKEN": "e" * 16}) == "f" * 20
    for short in ("T", "unreachable"):
        with pytest.raises(ValueError, match="at least 16"):
            hooks_token.resolve(short, None, {})


def test_serve_takes_its_token_from_the_environment(tmp_path: Path) -> None:
    served = ServedSimulator.start(tmp_path / "p.sqlite3")  # passes the token by ETAX_HOOKS_TOKEN
    try:
        assert served.hooks_token not in " ".join(str(a) for a in served.process.args)  # type: ignore[union-attr]
        answer = requests.get(served.url + "/__conformance__/v1/capabilities", timeout=5,
                              headers={"X-Conformance-Token": served.hooks_token})
        assert answer.status_code == 200
        assert "Server" not in answer.headers
    finally:
        served.stop()
