"""The pieces of a profile@2 (fields, lists, actions, message kinds, screens) and how each is read from YAML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

#: A gesture's target is a selector when it starts like one; otherwise it is a label (the guide's words).
_SELECTOR_START = re.compile(r"^(?:[#.\[/*]|(?:css|xpath|role|text|id|data-testid|internal:[\w-]+)=)")
GESTURES = ("check", "uncheck", "click", "double_click", "fill", "wait")
#: An action whose value is this word is done by doing nothing: the portal merges it into another gesture.
IMPLICIT = "implicit"
REFRESHES = ("reload", "wait", "none")
MESSAGE_KINDS = ("refusal", "lock", "information")
MAX_WAIT_MS = 10_000


def is_selector(target: str) -> bool:
    return bool(_SELECTOR_START.match(target))


class SpecError(ValueError):
    """A piece of a profile that cannot be used; the message names the key (the loader adds the file)."""


@dataclass(frozen=True)
class Pick:
    """A value picked from rows by the text a row shows: the row's `control` is ticked, or the row clicked."""

    rows: str
    control: str | None = None
    match: str = "contains"


@dataclass(frozen=True)
class FieldSpec:
    selector: str | None = None
    pick: Pick | None = None
    aliases: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ListSpec:
    """Items a user clicks or double-clicks by their text (units, companies), inside an optional container."""

    item: str
    container: str | None = None
    match: str = "whole"


@dataclass(frozen=True)
class Gesture:
    verb: str
    target: str = ""
    value: str = ""
    ms: int = 0


@dataclass(frozen=True)
class MessageRule:
    """A message is of this kind when it also matches the selector and its text matches the pattern (given ones)."""

    kind: str
    selector: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Messages:
    area: str
    kinds: tuple[MessageRule, ...]


@dataclass(frozen=True)
class Screen:
    """A screen the guide names, identified by every condition given (URL glob or regex, selector, text)."""

    name: str
    url: str | None = None
    url_regex: str | None = None
    selector: str | None = None
    text: str | None = None
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    controls: dict[str, str] = field(default_factory=dict)
    messages: Messages | None = None
    actions: dict[str, tuple[Gesture, ...]] = field(default_factory=dict)
    lists: tuple[ListSpec, ...] = ()
    refresh: str | None = None  # this screen's own `refresh` (reload / wait / none), else the profile's
    after_app: dict[str, tuple[Gesture, ...]] = field(default_factory=dict)  # hooks capability -> gestures

    @property
    def conditions(self) -> int:
        return sum(x is not None for x in (self.url, self.url_regex, self.selector, self.text))


def strings(value: Any, key: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise SpecError(f"'{key}' must map names to strings")
    return {str(k): v for k, v in value.items()}


def field_spec(value: Any, key: str) -> FieldSpec:
    if isinstance(value, str):
        return FieldSpec(selector=value)
    if not isinstance(value, dict) or not ({"selector", "pick", "aliases"} >= set(value)):
        raise SpecError(f"'{key}' must be a selector or a mapping of selector / pick / aliases")
    pick = value.get("pick")
    if pick is not None:
        if not isinstance(pick, dict) or not isinstance(pick.get("rows"), str):
            raise SpecError(f"'{key}.pick' needs 'rows' (a selector of the rows to pick from)")
        pick = Pick(pick["rows"], pick.get("control"), _match(pick.get("match", "contains"), f"{key}.pick"))
    return FieldSpec(value.get("selector"), pick, strings(value.get("aliases"), f"{key}.aliases"))


def _match(value: Any, key: str) -> str:
    if value not in ("whole", "contains"):
        raise SpecError(f"'{key}.match' must be 'whole' or 'contains'")
    return str(value)


def list_specs(value: Any, key: str) -> tuple[ListSpec, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, dict) and isinstance(v.get("item"), str) for v in value):
        raise SpecError(f"'{key}' must be a list of {{item: SELECTOR, container: SELECTOR, match: whole|contains}}")
    return tuple(ListSpec(v["item"], v.get("container"), _match(v.get("match", "whole"), key)) for v in value)


def gesture(value: Any, key: str) -> Gesture:
    if not isinstance(value, dict) or len(value) != 1 or next(iter(value)) not in GESTURES:
        raise SpecError(f"'{key}': each gesture is one of {{{': …}, {'.join(GESTURES)}: …}}")
    verb, arg = next(iter(value.items()))
    if verb == "wait":
        if isinstance(arg, int) and not isinstance(arg, bool) and 0 <= arg <= MAX_WAIT_MS:
            return Gesture("wait", ms=arg)
        if isinstance(arg, str):
            return Gesture("wait", target=arg)
        raise SpecError(f"'{key}': wait takes milliseconds (0–{MAX_WAIT_MS}) or a selector")
    if verb == "fill":
        if not isinstance(arg, dict) or not isinstance(arg.get("field"), str) or "value" not in arg:
            raise SpecError(f"'{key}': fill takes {{field: LABEL-OR-SELECTOR, value: TEXT}}")
        return Gesture("fill", arg["field"], str(arg["value"]))
    if not isinstance(arg, str):
        raise SpecError(f"'{key}': {verb} takes a label or a selector")
    return Gesture(verb, arg)


def actions(value: Any, key: str, implicit: bool = True) -> dict[str, tuple[Gesture, ...]]:
    """Each action: a non-empty list of gestures, or `implicit` (nothing to do: another gesture already does it)."""
    if value is None:
        return {}
    allowed = "a non-empty list of gestures" + (f" or '{IMPLICIT}'" if implicit else "")
    if not isinstance(value, dict):
        raise SpecError(f"'{key}' must map each action to {allowed}")
    found: dict[str, tuple[Gesture, ...]] = {}
    for name, steps in value.items():
        if implicit and steps == IMPLICIT:
            found[str(name)] = (Gesture(IMPLICIT),)
        elif isinstance(steps, list) and steps:
            found[str(name)] = tuple(gesture(g, f"{key}.{name}[{i}]") for i, g in enumerate(steps))
        else:
            raise SpecError(f"'{key}.{name}' must be {allowed}")
    return found


def is_implicit(gestures: tuple[Gesture, ...]) -> bool:
    return any(g.verb == IMPLICIT for g in gestures)


def refresh(value: Any, key: str) -> str | None:
    if value is not None and value not in REFRESHES:
        raise SpecError(f"'{key}' must be one of {', '.join(REFRESHES)}")
    return None if value is None else str(value)


def after_app(value: Any, key: str) -> dict[str, tuple[Gesture, ...]]:
    """`after_app`: a hooks capability acting as the app (qr.confirm…) -> the gestures the page then needs."""
    if value is not None and not (isinstance(value, dict) and all(isinstance(k, str) for k in value)):
        raise SpecError(f"'{key}' must map hooks capabilities (e.g. qr.confirm) to lists of gestures")
    return actions(value, key, implicit=False)


def messages(value: Any, key: str) -> Messages:
    if not isinstance(value, dict) or not isinstance(value.get("area"), str):
        raise SpecError(f"'{key}' needs 'area' (a selector where messages show)")
    rules = value.get("kinds")
    if rules is None:  # no kinds: any message is a refusal, one that says 锁定 a lock
        return Messages(value["area"], (MessageRule("lock", text="锁定"), MessageRule("refusal")))
    if not isinstance(rules, list) or not all(isinstance(r, dict) and r.get("kind") in MESSAGE_KINDS for r in rules):
        raise SpecError(f"'{key}.kinds' must be a list of {{kind: refusal|lock|information, selector, text}}")
    for rule in rules:
        if rule.get("text") is not None:
            try:
                re.compile(str(rule["text"]))
            except re.error as exc:
                raise SpecError(f"'{key}.kinds': text '{rule['text']}' is not a regular expression: {exc}") from None
    return Messages(value["area"], tuple(MessageRule(r["kind"], r.get("selector"), r.get("text")) for r in rules))
