"""How the browser driver looked for a field, an option or a control (which profile key, else which accessible name)
and what the page showed instead: the Chinese 期望 / 实际 of a browser failure (drivers/failure_text.py)."""

from __future__ import annotations

import contextlib

from playwright.sync_api import Error as PlaywrightError

from drivers.failure_text import Missing, listed
from drivers.page_finder import PageFinder

#: (found) => the visible texts of these elements (a label's text, a button's name), in page order, once each.
_VISIBLE_TEXTS = """found => {
  const seen = new Set();
  for (const e of found) {
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(e).visibility !== 'visible') continue;
    const text = (e.innerText || e.value || e.getAttribute('aria-label') || e.getAttribute('placeholder') || '')
      .trim().replace(/\\s+/g, ' ');
    if (text && text.length <= 40) seen.add(text);
  }
  return [...seen];
}"""
_CONTROLS = "button, a, input[type=submit], input[type=button], [role=button], [role=link]"
_FIELDS = "label, input[aria-label], input[placeholder], select[aria-label], textarea[aria-label]"


def _key(finder: PageFinder, kind: str, name: str) -> str | None:
    """`screens.<screen>.<kind>.<name>` or `<kind>.<name>`, the profile key that maps this name, if any."""
    here = finder.screen_spec() if any(name in getattr(s, kind) for s in finder.profile.screens) else None
    if here is not None and name in getattr(here, kind):
        return f"screens.{here.name}.{kind}.{name}"
    if name in getattr(finder.profile, kind):
        return f"{kind}.{name}"
    return None


def field_key(finder: PageFinder, label: str) -> str:
    key = _key(finder, "fields", label)
    if key is not None:
        return f"经 profile 的 {key}"
    portal = finder.alias(label)
    alias = f"或「{portal}」（aliases.{label}）" if portal != label else ""
    return f"profile 未映射，按标签「{label}」{alias}查找"


def option_key(finder: PageFinder, label: str, value: str) -> str:
    spec = finder.field_spec(label)
    if spec is not None and value in spec.aliases:
        return f"经 profile 的 fields.{label}.aliases.{value}：「{spec.aliases[value]}」"
    if value in finder.profile.aliases:
        return f"经 profile 的 aliases.{value}：「{finder.profile.aliases[value]}」"
    return f"profile 未给别名，按选项文字「{value}」查找"


def control_key(finder: PageFinder, name: str) -> str:
    for kind in ("actions", "controls"):
        key = _key(finder, kind, name)
        if key is not None:
            return f"经 profile 的 {key}"
    return f"profile 未映射，按按钮或链接的名称「{name}」查找，或在列表（lists）中按文字查找"


def page_shown(finder: PageFinder, extra: str = "") -> str:
    """页面「…」，提示「…」 (and what else the failure wants said); never raises."""
    try:
        screen = finder.screen_name()
        message = finder.message()
    except PlaywrightError as exc:
        return f"（无法读取门户当前页面：{type(exc).__name__}）"
    said = f"，提示「{message[1]}」" if message else "，没有提示"
    return f"页面「{screen}」{said}{f'；{extra}' if extra else ''}"


def _texts(finder: PageFinder, selector: str) -> list[str]:
    with contextlib.suppress(PlaywrightError):
        return [str(t) for t in finder.page.locator(selector).evaluate_all(_VISIBLE_TEXTS)]
    return []


def missing_field(finder: PageFinder, label: str, what: str = "输入项") -> Missing:
    there = listed(_texts(finder, _FIELDS))
    return Missing(f"页面上有{what}「{label}」", page_shown(finder, f"页面上的输入项标签：{there}"),
                   field_key(finder, label))


def missing_option(finder: PageFinder, label: str, value: str, options: list[str] | tuple[str, ...]) -> Missing:
    return Missing(f"「{label}」中可以选「{value}」", page_shown(finder, f"「{label}」的选项：{listed(options)}"),
                   option_key(finder, label, value))


def missing_control(finder: PageFinder, name: str, where: str = "") -> Missing:
    there = listed(_texts(finder, _CONTROLS), "【】")
    return Missing(f"页面上{where}有【{name}】", page_shown(finder, f"页面上的按钮和链接：{there}"),
                   control_key(finder, name))


def missing_item(finder: PageFinder, item: str) -> Missing:
    """An item of a list (a unit, a company) the step clicks by its text."""
    lists = "、".join(spec.item for spec in finder.profile.lists) or "按选项（option）或行（row）的名称"
    return Missing(f"列表中有「{item}」", page_shown(finder), f"profile 的 lists：{lists}")
