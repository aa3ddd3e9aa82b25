"""【录入生僻字】 (ITS §2.1 ②): choose the radical, then the stroke count on the left, the character, 【确定】."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from simulator.common.flow import Action, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain import rare_characters as rare
from simulator.natural_person.web_registration_common import WebScreen, draft, identity_values, keep_identity

OK, CANCEL = "确定", "取消"
PICKER = WebScreen.RARE_CHARACTERS


def stroke_label(count: int) -> str:
    """How a stroke-count box is labelled (the guide names none): 「6画」."""
    return f"{count}画"


def open_picker(session: PortalSession, form: Form) -> None:
    """From the 大厅注册码注册 page: keep what was typed there, start with nothing chosen."""
    keep_identity(session, dict(form))
    draft(session)["picker"] = {}
    session.go(PICKER)


def picker_actions() -> Mapping[tuple[str, str], Action]:
    actions: dict[tuple[str, str], Action] = {(PICKER, OK): _confirm, (PICKER, CANCEL): _back}
    for radical in rare.radicals():
        actions[(PICKER, radical)] = partial(_choose_radical, radical)
    for count in rare.all_stroke_counts():
        actions[(PICKER, stroke_label(count))] = partial(_choose_strokes, count)
    for entry in rare.TABLE:
        actions[(PICKER, entry.char)] = partial(_choose_character, entry.char)
    return actions


def render_picker(session: PortalSession) -> View:
    radical, strokes, char = _selection(session)
    counts = rare.stroke_counts(radical) if radical else ()
    chars = rare.characters(radical, strokes) if radical and strokes else ()
    name = identity_values(session).get("姓名", "")
    controls = (*rare.radicals(), *(stroke_label(n) for n in counts), *chars, OK, CANCEL)
    return View(PICKER, controls=controls, message=session.message, template="rare_characters",
                extras={"radicals": rare.radicals(), "radical": radical,
                        "strokes": [(stroke_label(n), n == strokes) for n in counts],
                        "characters": chars, "char": char, "preview": name + (char or "")})


def _selection(session: PortalSession) -> tuple[str | None, int | None, str | None]:
    """(radical, stroke count, character) chosen so far."""
    chosen = draft(session).get("picker", {})
    radical, strokes, char = chosen.get("radical"), chosen.get("strokes"), chosen.get("char")
    return (radical if isinstance(radical, str) else None, strokes if isinstance(strokes, int) else None,
            char if isinstance(char, str) else None)


def _choose(session: PortalSession, radical: str, strokes: int | None = None, char: str | None = None) -> None:
    draft(session)["picker"] = {"radical": radical, "strokes": strokes, "char": char}
    session.go(PICKER)


def _choose_radical(radical: str, session: PortalSession, _: Form) -> None:
    """A radical: the stroke counts under it show on the left; no count or character chosen yet."""
    _choose(session, radical)


def _choose_strokes(count: int, session: PortalSession, _: Form) -> None:
    radical, _strokes, _char = _selection(session)
    if radical is None or count not in rare.stroke_counts(radical):
        session.go(PICKER, refused("请先选择偏旁部首，再选择笔画数"))
        return
    _choose(session, radical, count)


def _choose_character(char: str, session: PortalSession, _: Form) -> None:
    radical, strokes, _char = _selection(session)
    if radical is None or strokes is None or char not in rare.characters(radical, strokes):
        session.go(PICKER, refused("请先选择偏旁部首和笔画数，再选择生僻字"))
        return
    _choose(session, radical, strokes, char)


def _confirm(session: PortalSession, _: Form) -> None:
    """【确定】: the chosen character is appended to 「姓名」, back on the 大厅注册码注册 page."""
    char = _selection(session)[2]
    if char is None:
        session.go(PICKER, refused("请选择要录入的生僻字"))
        return
    values = identity_values(session)
    values["姓名"] = values.get("姓名", "") + char
    keep_identity(session, values)
    session.go(WebScreen.HALL_CODE, Message(f"已录入生僻字「{char}」", MessageKind.INFO), values)


def _back(session: PortalSession, _: Form) -> None:
    session.go(WebScreen.HALL_CODE, None, identity_values(session))
