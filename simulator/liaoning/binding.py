"""绑定与解绑 (manual 三(一)3): which password is a person's 个人登录密码 when they log in for the enterprise."""

from __future__ import annotations

from simulator import deviations
from simulator.domain.enterprise import Handler
from simulator.store.personnel import PersonnelStore


def personal_login_hash(personnel: PersonnelStore, handler: Handler) -> str | None:
    """Bound: the 自然人电子税务局 login password; unbound (解绑): the person's own 个人登录密码 again."""
    if personnel.of(handler.tax_id, handler.id_number).bound and not deviations.on("LN_BOUND_KEEPS_PERSONAL_PASSWORD"):
        natural = personnel.natural_person_password_hash(handler.id_number)
        if natural is not None:
            return natural
    return handler.personal_password_hash
