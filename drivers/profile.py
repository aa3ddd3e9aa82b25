"""Portal profile (YAML): where a portal's pages, fields, controls and messages are, for the browser driver."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drivers import profile_catalog
from drivers import profile_parts as parts
from drivers.profile_parts import FieldSpec, Gesture, ListSpec, MessageRule, Messages, Screen, SpecError

SCHEMAS = ("etax-conformance/profile@1", "etax-conformance/profile@2")
SCHEMA = SCHEMAS[-1]
SIMULATOR_PROFILE = Path(__file__).resolve().parent.parent / "profiles" / "simulator.yaml"
CLIENT = "扣缴客户端"
#: Hooks whose answer depends on the browser: the driver passes them the session (hooks v2 `session`).
SESSION_CAPABILITIES = ("captcha", "sms.outbox", "qr.current")


class ProfileError(ValueError):
    """A profile that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Profile:
    """Selectors are Playwright selector strings; a label with no entry is found by its accessible name."""

    path: Path
    portal: str
    entry: str
    hooks_base_path: str | None
    screens: tuple[Screen, ...]
    current_screen: tuple[str, str] | None
    active_tab: tuple[str, ...]
    messages: Messages
    soft_keyboard: str | None
    entries: dict[str, str] = field(default_factory=dict)
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    controls: dict[str, str] = field(default_factory=dict)
    lists: tuple[ListSpec, ...] = ()
    actions: dict[str, tuple[Gesture, ...]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # the guide's word -> the portal's
    session_cookies: dict[str, str] = field(default_factory=dict)  # entry -> cookie naming the browser's session
    session_for: tuple[str, ...] = SESSION_CAPABILITIES  # the hooks told which browser session they answer for
    rows: str = "tr, li"  # rows of lists and tables: a row that shows a text, a control in a row
    refresh: str = "reload"
    refresh_timeout_ms: int = 10_000
    busy: str | None = None  # shown while a page that updates in place waits for the portal's answer
    after_app: dict[str, tuple[Gesture, ...]] = field(default_factory=dict)  # hooks capability -> gestures after it
    readings: dict[str, str] = field(default_factory=dict)
    absent: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()  # certification plans the portal certifies (etax_conformance.plan_selection)

    def screen(self, name: str) -> Screen | None:
        return next((s for s in self.screens if s.name == name), None)


def load_profile(path: str | Path = SIMULATOR_PROFILE, catalog: Path = profile_catalog.CATALOG) -> Profile:
    """Read and check a profile (@1 or @2) and its readings against the catalog; problems in plain words."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"cannot read profile {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise ProfileError(f"profile {path} is not valid YAML: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") not in SCHEMAS:
        raise ProfileError(f"profile {path} must be a mapping with 'schema: {SCHEMA}' (or the older @1)")
    try:
        return _profile(path, data, catalog)
    except (SpecError, ValueError) as exc:
        raise ProfileError(f"profile {path}: {exc}") from None


def _need(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise SpecError(f"'{key}' is missing or not a {kind.__name__}")
    return value


def _screen(name: str, value: Any) -> Screen:
    if isinstance(value, str):  # @1: one selector per screen
        return Screen(name, selector=value)
    if not isinstance(value, dict):
        raise SpecError(f"'screens.{name}' must be a selector or a mapping")
    key = f"screens.{name}"
    screen = Screen(
        name, url=value.get("url"), url_regex=value.get("url_regex"), selector=value.get("selector"),
        text=value.get("text"), fields={str(k): parts.field_spec(v, f"{key}.fields.{k}")
                                        for k, v in (value.get("fields") or {}).items()},
        controls=parts.strings(value.get("controls"), f"{key}.controls"),
        messages=None if value.get("messages") is None else parts.messages(value["messages"], f"{key}.messages"),
        actions=parts.actions(value.get("actions"), f"{key}.actions"),
        lists=parts.list_specs(value.get("lists"), f"{key}.lists"),
        refresh=parts.refresh(value.get("refresh"), f"{key}.refresh"),
        after_app=parts.after_app(value.get("after_app"), f"{key}.after_app"))
    if not screen.conditions:
        raise SpecError(f"'{key}' needs at least one of url, url_regex, selector, text")
    return screen


def _messages(data: dict[str, Any]) -> Messages:
    if data.get("messages") is not None:
        return parts.messages(data["messages"], "messages")
    area = _need(data, "message", str)  # @1: one area, kinds from `outcomes`
    outcomes = data.get("outcomes") or {}
    refused = outcomes.get("refused_message_kind")
    return Messages(area, (MessageRule("lock", text=str(outcomes.get("locked_message_matches", "锁定"))),
                           MessageRule("refusal", selector=refused)))


def _profile(path: Path, data: dict[str, Any], catalog: Path) -> Profile:
    current = data.get("current_screen")
    if current is not None and not (isinstance(current, dict) and {"selector", "attribute"} <= set(current)):
        raise SpecError("'current_screen' needs 'selector' and 'attribute'")
    screens = tuple(_screen(str(k), v) for k, v in (data.get("screens") or {}).items())
    if current is None and not screens:
        raise SpecError("give 'current_screen' or a 'screens' map")
    entries = parts.strings(data.get("entries"), "entries")
    entries = {CLIENT: entries.get(CLIENT, _need(data, "entry", str)), **entries}  # the guide's first client first
    hooks = data.get("hooks") or {}
    if not isinstance(hooks, dict):
        raise SpecError("'hooks' must be a mapping")
    cookie = hooks.get("session_cookie")
    if isinstance(cookie, str):
        cookie = dict.fromkeys(entries, cookie)
    cookies = parts.strings(cookie, "hooks.session_cookie")
    session_for = hooks.get("session_for", list(SESSION_CAPABILITIES))
    if not isinstance(session_for, list) or not set(session_for) <= set(SESSION_CAPABILITIES):
        raise SpecError(f"'hooks.session_for' must list some of {', '.join(SESSION_CAPABILITIES)}")
    refresh = parts.refresh(data.get("refresh", "reload"), "refresh")
    rows = data.get("rows", "tr, li")
    if not isinstance(rows, str):
        raise SpecError("'rows' must be a selector (default: tr, li)")
    busy = data.get("busy")
    if busy is not None and not (isinstance(busy, str) and busy.strip()):
        raise SpecError("'busy' must be a selector (what your page shows while it waits for an answer), or left out")
    lists = parts.list_specs(data.get("lists"), "lists")
    if isinstance(data.get("list_item"), str):  # @1: one selector of list items, picked by their whole text
        lists += (ListSpec(data["list_item"]),)
    return Profile(
        path=path, portal=_need(data, "portal", str), entry=entries[CLIENT],
        hooks_base_path=hooks.get("base_path"), screens=screens,
        current_screen=None if current is None else (str(current["selector"]), str(current["attribute"])),
        active_tab=tuple(str(s) for s in _need(data, "active_tab", list)), messages=_messages(data),
        soft_keyboard=data.get("soft_keyboard"), entries=entries,
        fields={str(k): parts.field_spec(v, f"fields.{k}") for k, v in (data.get("fields") or {}).items()},
        controls=parts.strings(data.get("controls"), "controls"), lists=lists,
        actions=parts.actions(data.get("actions"), "actions"), aliases=parts.strings(data.get("aliases"), "aliases"),
        session_cookies=cookies, session_for=tuple(session_for), rows=rows, refresh=refresh or "reload",
        after_app=parts.after_app(data.get("after_app"), "after_app"),
        refresh_timeout_ms=int(data.get("refresh_timeout_ms", 10_000)), busy=busy,
        readings=profile_catalog.readings(data.get("readings"), catalog),
        absent=profile_catalog.absent(data.get("absent"), catalog),
        plans=profile_catalog.plans(data.get("plans"), catalog))
