"""In-memory stores start as a copy of the schema built once: the same tables, none of another store's rows."""

from __future__ import annotations

from simulator.bootstrap import build_portal
from simulator.store.schema_template import TEMPLATE
from simulator.store.sqlite import SqliteStore

_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"


def test_a_new_store_has_every_table_without_running_a_script() -> None:
    first = build_portal()
    tables = [r[0] for r in first.store.rows(_TABLES)]
    assert len(tables) > 5
    second = SqliteStore()
    ran: list[str] = []
    second._db.set_trace_callback(ran.append)
    second.add_table("accounts", "CREATE TABLE IF NOT EXISTS accounts (id INTEGER)")  # a script it lacks: runs
    assert [r[0] for r in second.rows(_TABLES)] == tables
    assert [sql for sql in ran if sql.startswith("CREATE")] == ["CREATE TABLE IF NOT EXISTS accounts (id INTEGER)"]
    assert [r[0] for r in build_portal().store.rows(_TABLES)] == tables


def test_the_copy_holds_no_rows_of_other_stores() -> None:
    first = build_portal()
    first.store.execute("INSERT INTO accounts (name, document_type, document_number, phone, login_name, "
                        "password_hash) VALUES ('张三', 'x', '1', '2', '3', 'h')")
    second = build_portal()
    assert second.store.rows("SELECT * FROM accounts") == []
    assert TEMPLATE.copy_into(SqliteStore()._db)  # the template itself is schema only
    assert first.store.rows("SELECT name FROM accounts")[0][0] == "张三"


def test_a_file_store_runs_its_scripts(tmp_path: object) -> None:
    from pathlib import Path

    db = Path(str(tmp_path)) / "s.sqlite3"
    store = SqliteStore(db)
    assert [r[0] for r in store.rows(_TABLES)] == ["accounts"]
