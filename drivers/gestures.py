"""Gestures on a page: filling a field (typed, selected, ticked or picked from rows), a profile's actions."""

from __future__ import annotations

import contextlib
import re

from playwright.sync_api import Locator
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from drivers.failure_text import Missing
from drivers.lookups import missing_control, missing_field, missing_option
from drivers.page_finder import PageFinder
from drivers.profile_parts import IMPLICIT, FieldSpec, Gesture, Pick, is_selector
from drivers.protocol import TICKED
from drivers.text import normalise

_BOXES = "input[type=radio], input[type=checkbox]"


def _kind(target: Locator) -> str:
    """SELECT, INPUT:radio, INPUT:checkbox, INPUT:text… or a container (DIV, FIELDSET, TABLE…)."""
    return str(target.evaluate("e => e.tagName === 'INPUT' ? 'INPUT:' + (e.type || 'text') : e.tagName"))


#: The kind of the first element found if it is visible (as Playwright's is_visible judges: a box of some size,
#: visibility visible), else null — in one round trip: evaluate_all never waits for the element.
_SHOWN_KIND = """found => {
  const e = found[0];
  if (!e) return null;
  const style = getComputedStyle(e);
  const sized = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const boxed = style.display === 'contents' ? [...e.children].some(sized) : sized(e);
  if (!boxed || style.visibility !== 'visible' || (e.checkVisibility && style.display !== 'contents'
      && !e.checkVisibility())) return null;
  return e.tagName === 'INPUT' ? 'INPUT:' + (e.type || 'text') : e.tagName;
}"""


def shown_kind(target: Locator) -> str | None:
    """The field's kind (as _kind) when it is shown; None when it is absent or hidden. One round trip."""
    kind = target.evaluate_all(_SHOWN_KIND)
    return None if kind is None else str(kind)


def pick_rows(finder: PageFinder, pick: Pick) -> Locator:
    return finder.page.locator(pick.rows).filter(visible=True)


def pick(finder: PageFinder, label: str, spec: FieldSpec, pick: Pick, value: str) -> None:
    """Tick the control of the row that shows the value (or click the row) — 「办税单位」 in a table of radio rows."""
    shown = finder.alias(value, spec)
    rows = pick_rows(finder, pick)
    wanted = re.compile(rf"^\s*{re.escape(shown)}\s*$") if pick.match == "whole" else shown
    row = rows.filter(has_text=wanted).first
    if not row.count():
        raise missing_option(finder, label, value, tuple(t.strip() for t in rows.all_inner_texts()))
    if pick.control is None:
        row.click()
        return
    control = row.locator(pick.control).first
    if _kind(control) in ("INPUT:radio", "INPUT:checkbox"):
        control.check()
    else:
        control.click()


def fill(finder: PageFinder, label: str, value: str) -> None:
    """Type, select, tick, or pick: whatever the field is on this portal; words go through the aliases."""
    spec = finder.field_spec(label)
    if spec is not None and spec.pick is not None:
        pick(finder, label, spec, spec.pick, value)
        return
    target = finder.field(label)
    kind = shown_kind(target)
    if kind is None:
        raise missing_field(finder, label)
    if kind == "SELECT":
        _select(finder, target, label, value, spec)
    elif kind in ("INPUT:checkbox", "INPUT:radio"):
        target.set_checked(value == TICKED)
    elif kind.startswith("INPUT") or kind == "TEXTAREA":
        target.fill(value)
    else:  # a group of radios or boxes named by the label: tick the one labelled with the value
        option = target.get_by_label(finder.alias(value, spec), exact=True).first
        if not option.count():
            boxes = tuple(t.strip() for t in target.locator("label").all_inner_texts())
            raise missing_option(finder, label, value, boxes)
        option.check()


def _select(finder: PageFinder, target: Locator, label: str, value: str, spec: FieldSpec | None) -> None:
    """Choose the option shown as the value (or its alias); an option the list lacks is said, with those it has."""
    shown = finder.alias(value, spec)
    options = tuple(t.strip() for t in target.locator("option").all_inner_texts())
    if normalise(shown) not in {normalise(o) for o in options}:
        raise missing_option(finder, label, value, options)
    target.select_option(label=next(o for o in options if normalise(o) == normalise(shown)))


def choices(finder: PageFinder, label: str) -> tuple[str, ...]:
    """What a field offers, in the guide's words: a select's options, a group's box labels, or the rows to pick."""
    spec = finder.field_spec(label)
    if spec is not None and spec.pick is not None:
        texts = pick_rows(finder, spec.pick).all_inner_texts()
    else:
        target = finder.field(label)
        if not target.is_visible():
            raise missing_field(finder, label, "可选的")
        inner = "option" if _kind(target) == "SELECT" else "label"
        texts = target.locator(inner).all_inner_texts()
    return tuple(finder.guide_word(t.strip(), spec) for t in texts)


def _target(finder: PageFinder, target: str, as_field: bool) -> Locator:
    if is_selector(target):
        return finder.page.locator(target).first
    return finder.field(target) if as_field else finder.control(target)


def first_target(finder: PageFinder, gestures: tuple[Gesture, ...]) -> Locator | None:
    """What the action's first gesture acts on (to tell whether the action is offered), if it acts on anything."""
    for g in gestures:
        if g.verb not in ("wait", IMPLICIT):
            return _target(finder, g.target, g.verb in ("check", "uncheck", "fill"))
    return None


def run(finder: PageFinder, name: str, gestures: tuple[Gesture, ...]) -> None:
    """A guide action done as the profile's gestures (「阅读并同意用户注册协议」: tick a box, 【下一步】); an `implicit`
    one is nothing to do (the portal does it within another gesture: 【开始人脸识别】 already shoots the photo)."""
    page = finder.page
    for g in gestures:
        if g.verb == IMPLICIT:
            continue
        if g.verb == "wait":
            if g.target:
                with contextlib.suppress(PlaywrightTimeoutError):
                    page.locator(g.target).first.wait_for(state="visible")
            else:
                page.wait_for_timeout(g.ms)
            continue
        if g.verb == "fill" and not is_selector(g.target):
            fill(finder, g.target, g.value)
            continue
        target = _target(finder, g.target, g.verb in ("check", "uncheck", "fill"))
        if not target.is_visible():
            missing = missing_control(finder, g.target) if g.verb == "click" else missing_field(finder, g.target)
            raise Missing(f"页面上能做「{name}」", missing.actual,
                          f"profile 的 actions.{name}：{g.verb}「{g.target}」找不到")
        if g.verb == "check":
            target.check()
        elif g.verb == "uncheck":
            target.uncheck()
        elif g.verb == "fill":
            target.fill(g.value)
        elif g.verb == "double_click":
            target.dblclick()
        else:
            target.click()
        settle(finder)


def settle(finder: PageFinder) -> None:
    """After a gesture, the page the portal answers with: a page that loads has loaded (Playwright's client follows
    the load states from events: no round trip once loaded); on a portal that updates its page in place, what the
    profile's `busy` names has gone (one round trip when it is not shown)."""
    finder.page.wait_for_load_state("domcontentloaded")
    if finder.profile.busy is not None:
        finder.page.locator(finder.profile.busy).first.wait_for(state="hidden")


def row_shows(cells: tuple[str, ...], finder: PageFinder) -> bool:
    """Whether one row (the profile's `rows`) shows every cell, each in the guide's word or the portal's alias."""
    rows = finder.page.locator(finder.profile.rows)
    for cell in cells:
        portal = finder.alias(cell)
        rows = rows.filter(has_text=cell if portal == cell else re.compile(f"{re.escape(cell)}|{re.escape(portal)}"))
    return rows.count() > 0


def after_app(finder: PageFinder, capability: str) -> None:
    """The gestures a page needs after an app action (`after_app`: after qr.confirm, press 【已扫码，继续】): the
    current screen's, else the profile's. Done only when the page offers them (their first target is shown): a page that
    has moved on, or shows an expired code instead, is left as it is for the next step to judge."""
    profile = finder.profile
    if not (capability in profile.after_app or any(capability in s.after_app for s in profile.screens)):
        return
    here = finder.screen_spec()
    gestures = (here.after_app.get(capability) if here else None) or profile.after_app.get(capability)
    if not gestures:
        return
    first = first_target(finder, gestures)
    if first is not None and not first.is_visible():
        return
    run(finder, f"{capability}之后", gestures)
