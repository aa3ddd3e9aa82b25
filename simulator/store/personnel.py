"""Repository of 企业人员维护: the enterprise's 权限身份 (identities with their function tree) and each person's
maintained state (the identities and 管理权限 given, 绑定 to the 自然人电子税务局, removed by 【删除】)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from simulator.store.sqlite import SqliteStore

#: One SQL statement and its arguments, run with others all or nothing.
Statement = tuple[str, tuple[object, ...]]

_IDENTITIES = """
CREATE TABLE IF NOT EXISTS etax_identities (
    tax_id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    functions TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (tax_id, name)
);
"""
_PERSONNEL = """
CREATE TABLE IF NOT EXISTS etax_personnel (
    tax_id TEXT NOT NULL,
    id_number TEXT NOT NULL,
    identities TEXT NOT NULL DEFAULT '[]',
    management INTEGER NOT NULL DEFAULT 0,
    bound INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tax_id, id_number)
);
"""


@dataclass(frozen=True)
class PermissionIdentity:
    """A 权限身份: 权限身份名称, 权限描述 and the functions ticked in the 功能树."""

    name: str
    description: str
    functions: tuple[str, ...]


@dataclass(frozen=True)
class Maintained:
    """What 企业人员维护 says of one person: identities and 管理权限 (added), 绑定, removed (【删除】)."""

    identities: tuple[str, ...] = ()
    management: bool = False
    bound: bool = False
    removed: bool = False

    @property
    def added(self) -> bool:
        """Added as a 办税人员 with an identity (【添加办税人员】…【确定】) and not deleted since."""
        return bool(self.identities) and not self.removed


class PersonnelStore:
    """Identities by enterprise in the order saved; a person's maintained state by (纳税人识别号, 身份证件号码)."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store.add_table("etax_identities", _IDENTITIES)
        store.add_table("etax_personnel", _PERSONNEL)

    def identities(self, tax_id: str) -> list[PermissionIdentity]:
        rows = self._store.rows("SELECT * FROM etax_identities WHERE tax_id = ? ORDER BY rowid", tax_id)
        return [PermissionIdentity(r["name"], r["description"], tuple(json.loads(r["functions"]))) for r in rows]

    def save_identity(self, tax_id: str, identity: PermissionIdentity) -> None:
        """【保存】 in 身份维护: a new identity, or the same name's description and functions replaced."""
        self._store.execute("INSERT INTO etax_identities (tax_id, name, description, functions) VALUES (?,?,?,?)"
                            " ON CONFLICT (tax_id, name) DO UPDATE SET description = excluded.description,"
                            " functions = excluded.functions", tax_id, identity.name, identity.description,
                            json.dumps(list(identity.functions), ensure_ascii=False))

    def of(self, tax_id: str, id_number: str) -> Maintained:
        rows = self._store.rows("SELECT * FROM etax_personnel WHERE tax_id = ? AND id_number = ?", tax_id,
                                id_number.upper())
        if not rows:
            return Maintained()
        row = rows[0]
        return Maintained(tuple(json.loads(row["identities"])), bool(row["management"]), bool(row["bound"]),
                          bool(row["removed"]))

    def functions_of(self, tax_id: str, id_number: str) -> tuple[str, ...]:
        """The functions a person's identities grant, in the order of the function tree's identities."""
        given = self.of(tax_id, id_number)
        if not given.added:
            return ()
        granted: list[str] = []
        for identity in self.identities(tax_id):
            if identity.name in given.identities:
                granted.extend(f for f in identity.functions if f not in granted)
        return tuple(granted)

    def add(self, tax_id: str, id_number: str, identities: tuple[str, ...], management: bool,
            *also: Statement) -> None:
        """【添加办税人员】 【确定】, in one transaction with `also` (the handler's row): identities given."""
        given = json.dumps(list(identities), ensure_ascii=False)
        self._store.transaction([(
            "INSERT INTO etax_personnel (tax_id, id_number, identities, management, removed) VALUES (?,?,?,?,0)"
            " ON CONFLICT (tax_id, id_number) DO UPDATE SET identities = excluded.identities,"
            " management = excluded.management, removed = 0",
            (tax_id, id_number.upper(), given, int(management))), *also])

    def set_permissions(self, tax_id: str, id_number: str, identities: tuple[str, ...], management: bool) -> None:
        """【权限管理】 【确定】: the identities and 管理权限 given replaced (none left: no function granted)."""
        self._store.execute("INSERT INTO etax_personnel (tax_id, id_number, identities, management) VALUES (?,?,?,?)"
                            " ON CONFLICT (tax_id, id_number) DO UPDATE SET identities = excluded.identities,"
                            " management = excluded.management", tax_id, id_number.upper(),
                            json.dumps(list(identities), ensure_ascii=False), int(management))

    def remove(self, tax_id: str, id_number: str, *also: Statement) -> None:
        """【删除】, in one transaction with `also` (the handler's row): identities and permissions gone, and
        【同步办税人】 must not bring the person back."""
        self._store.transaction([(
            "INSERT INTO etax_personnel (tax_id, id_number, removed) VALUES (?,?,1) ON CONFLICT (tax_id, id_number)"
            " DO UPDATE SET identities = '[]', management = 0, bound = 0, removed = 1",
            (tax_id, id_number.upper())), *also])

    def set_bound(self, tax_id: str, id_number: str, bound: bool) -> None:
        """【绑定】 / 【解绑】 with the 自然人电子税务局."""
        self._store.execute("INSERT INTO etax_personnel (tax_id, id_number, bound) VALUES (?,?,?)"
                            " ON CONFLICT (tax_id, id_number) DO UPDATE SET bound = excluded.bound",
                            tax_id, id_number.upper(), int(bound))

    def removed(self, tax_id: str, id_number: str) -> bool:
        return self.of(tax_id, id_number).removed

    def natural_person_password_hash(self, id_number: str) -> str | None:
        """The login password of the person's 自然人电子税务局 account (自然人登录), None without one."""
        account = self._store.find_by_document_number(id_number)
        return None if account is None else account.password_hash
