"""Identity fields a portal may ask when a person proves who they are (password recovery, identity check).

The guides list no fields for these checks (ITS §2.1(3) 进行身份验证, the Liaoning 「忘记密码」), so each is typed
only where the page asks for it, from the person's own data — as a person would."""

from __future__ import annotations

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.common.people_steps import attribute

#: What a person may be asked to prove who they are.
IDENTITY = ("姓名", "证件类型", "证件号码", "手机号码")


def fill_shown_identity(portal: PortalDriver, person: Identity, fields: tuple[str, ...] = IDENTITY) -> set[str]:
    """据实填写 each of these fields the page shows; the fields it asked."""
    asked = set()
    for field in fields:
        if portal.shows_field(field):
            portal.fill(field, attribute(person, field))
            asked.add(field)
    return asked
