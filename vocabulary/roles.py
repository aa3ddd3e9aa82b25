"""The persons' roles a tax registration names (税务登记: 法定代表人(业主), 财务负责人, 办税人员), for every guide."""

from __future__ import annotations

import enum

#: The Liaoning manual writes 法定代表人(业主); the registration's role is the same 法定代表人.
_OWNER_SUFFIXES = ("(业主)", "（业主）")
#: The Liaoning manual also writes 办税员 (法定代表人(业主)、财务负责人及办税员信息) for the 办税人员.
_SYNONYMS = {"办税员": "办税人员"}


class Role(enum.StrEnum):
    """A natural person's role for a unit or enterprise, as registered in the core tax system (金税三期)."""

    LEGAL_REPRESENTATIVE = "法定代表人"
    FINANCE_HEAD = "财务负责人"
    HANDLER = "办税人员"

    @classmethod
    def from_label(cls, label: str) -> Role:
        """A role by its label; 「法定代表人(业主)」 (either bracket width) is the 法定代表人."""
        text = label.strip()
        for suffix in _OWNER_SUFFIXES:
            text = text.removesuffix(suffix)
        text = _SYNONYMS.get(text, text)
        try:
            return cls(text)
        except ValueError:
            known = "、".join(r.value for r in cls)
            raise ValueError(f"未知的办税角色「{label}」（可选：{known}，法定代表人亦作法定代表人(业主)，"
                             "办税人员亦作办税员）") from None
