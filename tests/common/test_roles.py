"""One role enum for the ITS units and the Liaoning registrations: labels, the (业主) suffix, unknown labels."""

from __future__ import annotations

import pytest

from vocabulary.roles import Role


@pytest.mark.parametrize(("label", "role"), [
    ("法定代表人", Role.LEGAL_REPRESENTATIVE), ("法定代表人(业主)", Role.LEGAL_REPRESENTATIVE),
    (" 法定代表人（业主） ", Role.LEGAL_REPRESENTATIVE), ("财务负责人", Role.FINANCE_HEAD), ("办税人员", Role.HANDLER)])
def test_from_label_reads_the_guides_labels(label: str, role: Role) -> None:
    assert Role.from_label(label) is role


def test_from_label_names_the_choices_of_an_unknown_role() -> None:
    with pytest.raises(ValueError, match="未知的办税角色「会计」（可选：法定代表人、财务负责人、办税人员"):
        Role.from_label("会计")
