"""Portal profile (YAML): where a portal's pages, fields, controls and messages are, for the browser driver."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SCHEMA = "etax-conformance/profile@1"
SIMULATOR_PROFILE = Path(__file__).resolve().parent.parent / "profiles" / "simulator.yaml"


class ProfileError(ValueError):
    """A profile that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Profile:
    """Selectors are Playwright selector strings; a label with no entry is found by its accessible name."""

    path: Path
    portal: str
    entry: str
    hooks_base_path: str | None
    screens: dict[str, str]
    current_screen: tuple[str, str] | None
    active_tab: tuple[str, ...]
    message: str
    refused_when: str | None
    locked_when: str
    soft_keyboard: str | None
    entries: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    controls: dict[str, str] = field(default_factory=dict)
    list_item: str | None = None  # items of lists the user clicks or double-clicks (units); default: by role


def load_profile(path: str | Path = SIMULATOR_PROFILE) -> Profile:
    """Read and check a profile; every problem is reported in plain words."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"cannot read profile {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise ProfileError(f"profile {path} is not valid YAML: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ProfileError(f"profile {path} must be a mapping with 'schema: {SCHEMA}'")

    def need(key: str, kind: type) -> Any:
        value = data.get(key)
        if not isinstance(value, kind):
            raise ProfileError(f"profile {path}: '{key}' is missing or not a {kind.__name__}")
        return value

    outcomes = need("outcomes", dict)
    current = data.get("current_screen")
    if current is not None and not (isinstance(current, dict) and {"selector", "attribute"} <= set(current)):
        raise ProfileError(f"profile {path}: 'current_screen' needs 'selector' and 'attribute'")
    screens = data.get("screens") or {}
    if current is None and not screens:
        raise ProfileError(f"profile {path}: give 'current_screen' or a 'screens' map")
    entries = {str(k): str(v) for k, v in (data.get("entries") or {}).items()}
    entries.setdefault("扣缴客户端", need("entry", str))
    hooks = data.get("hooks") or {}
    tab = need("active_tab", list)
    return Profile(
        path=path, portal=need("portal", str), entry=need("entry", str),
        hooks_base_path=hooks.get("base_path") if isinstance(hooks, dict) else None,
        screens={str(k): str(v) for k, v in screens.items()},
        current_screen=None if current is None else (str(current["selector"]), str(current["attribute"])),
        entries=entries,
        active_tab=tuple(str(s) for s in tab), message=need("message", str),
        refused_when=outcomes.get("refused_message_kind"),
        locked_when=str(outcomes.get("locked_message_matches", "锁定")),
        soft_keyboard=data.get("soft_keyboard"),
        fields={str(k): str(v) for k, v in (data.get("fields") or {}).items()},
        controls={str(k): str(v) for k, v in (data.get("controls") or {}).items()},
        list_item=data.get("list_item"),
    )
