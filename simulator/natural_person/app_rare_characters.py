"""【录入生僻字】 of the APP forms (ITS §2.2.1(6), §2.2.2(4)): radical, strokes on the left, character, 【确定】."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from simulator.common.flow import Action, Form
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.domain import rare_characters as rare
from simulator.natural_person.web_registration_picker import stroke_label

OK, CANCEL = "确定", "取消"


class RareCharacterPicker:
    """A picker screen that appends the chosen character to 「姓名」 of the form it was opened from."""

    def __init__(self, screen: str, state_key: str) -> None:
        self.screen, self._key = screen, state_key

    def open(self, session: PortalSession, form: Form) -> None:
        """Keep what the form held (and where it was), start with nothing chosen."""
        session.state[self._key] = {"back": session.screen, "values": dict(form), "chosen": {}}
        session.go(self.screen)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        actions: dict[tuple[str, str], Action] = {(self.screen, OK): self._confirm, (self.screen, CANCEL): self._back}
        for radical in rare.radicals():
            actions[(self.screen, radical)] = partial(self._choose, {"radical": radical})
        for count in rare.all_stroke_counts():
            actions[(self.screen, stroke_label(count))] = partial(self._choose, {"strokes": count})
        for entry in rare.TABLE:
            actions[(self.screen, entry.char)] = partial(self._choose, {"char": entry.char})
        return actions

    def render(self, session: PortalSession, shown: str) -> View:
        state = self._state(session)
        chosen = state["chosen"]
        radical, strokes, char = chosen.get("radical"), chosen.get("strokes"), chosen.get("char")
        counts = rare.stroke_counts(radical) if radical else ()
        chars = rare.characters(radical, strokes) if radical and strokes else ()
        controls = (*rare.radicals(), *(stroke_label(n) for n in counts), *chars, OK, CANCEL)
        return View(shown, controls=controls, message=session.message, template="rare_characters",
                    extras={"radicals": rare.radicals(), "radical": radical,
                            "strokes": [(stroke_label(n), n == strokes) for n in counts], "characters": chars,
                            "char": char, "preview": state["values"].get("姓名", "") + (char or "")})

    def _state(self, session: PortalSession) -> dict[str, Any]:
        state: dict[str, Any] = session.state.setdefault(self._key, {"back": None, "values": {}, "chosen": {}})
        return state

    def _choose(self, choice: dict[str, Any], session: PortalSession, _: Form) -> None:
        """Radical first, then a stroke count under it, then a character listed there."""
        chosen = self._state(session)["chosen"]
        radical, strokes = chosen.get("radical"), chosen.get("strokes")
        if "radical" in choice:
            chosen.clear()
        elif "strokes" in choice and (radical is None or choice["strokes"] not in rare.stroke_counts(radical)):
            session.go(self.screen, refused("请先选择偏旁部首，再选择笔画数"))
            return
        elif "char" in choice:
            if radical is None or strokes is None or choice["char"] not in rare.characters(radical, strokes):
                session.go(self.screen, refused("请先选择偏旁部首和笔画数，再选择生僻字"))
                return
        elif "strokes" in choice:
            chosen.pop("char", None)
        chosen.update(choice)
        session.go(self.screen)

    def _confirm(self, session: PortalSession, _: Form) -> None:
        state = self._state(session)
        char = state["chosen"].get("char")
        if not isinstance(char, str):
            session.go(self.screen, refused("请选择要录入的生僻字"))
            return
        values = {**state["values"], "姓名": state["values"].get("姓名", "") + char}
        session.go(state["back"], Message(f"已录入生僻字「{char}」", MessageKind.INFO), values)

    def _back(self, session: PortalSession, _: Form) -> None:
        state = self._state(session)
        session.go(state["back"], None, state["values"])
