"""Where things are on the current page, by the profile: the screen, fields, controls, list items, messages."""

from __future__ import annotations

import fnmatch
import re
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page

from drivers.profile import Profile
from drivers.profile_parts import FieldSpec, Gesture, Messages, Screen, is_selector
from drivers.text import normalise

UNKNOWN_SCREEN = "（未识别的页面）"


#: (found, selectors) => {text, matches}: the message's innerText (as inner_text) and, per selector, whether the
#: message element matches it (true when there is no selector), or null where the browser cannot tell alone.
_MESSAGE = """(found, selectors) => {
  const e = found[0];
  if (!e) return null;
  const shadow = [...document.querySelectorAll('*')].some(x => x.shadowRoot);
  const matches = selectors.map(s => {
    if (s === null) return true;
    if (shadow) return null;
    try { return e.matches(s); } catch (error) { return null; }
  });
  return {text: e.innerText, matches};
}"""


class PageFinder:
    """Per-screen entries of the profile first, then its global ones, then the accessible name the guide prints."""

    def __init__(self, page: Page, profile: Profile, portal_url: str) -> None:
        self.page, self.profile = page, profile
        self._base = urlsplit(portal_url).path.rstrip("/")

    # The screen: the current_screen attribute when it names one, else the screen whose conditions all hold
    # (several: the one with most conditions; still tied: the first in the profile).
    def screen_name(self) -> str:
        if self.profile.current_screen is not None:
            selector, attribute = self.profile.current_screen
            # One round trip to the browser (count, then get_attribute, took two); evaluate_all never waits.
            value = self.page.locator(selector).first.evaluate_all(
                "(found, name) => found.length ? found[0].getAttribute(name) : null", attribute)
            if value:
                return str(value)
        spec = self.screen_spec()
        return spec.name if spec else UNKNOWN_SCREEN

    def screen_spec(self) -> Screen | None:
        if self.profile.current_screen is not None and not any(s.conditions for s in self.profile.screens):
            return None
        body: list[str] = []  # the page's text, read once and only if a screen is identified by text
        holding = [s for s in self.profile.screens if self.holds(s, body)]
        return max(holding, key=lambda s: s.conditions) if holding else None

    def holds(self, screen: Screen, body: list[str]) -> bool:
        path = urlsplit(self.page.url).path
        path = path[len(self._base):] if path.startswith(self._base) else path
        if screen.url is not None and not fnmatch.fnmatchcase(path or "/", screen.url):
            return False
        if screen.url_regex is not None and not re.search(screen.url_regex, path or "/"):
            return False
        if screen.selector is not None and not self.page.locator(screen.selector).first.is_visible():
            return False
        if screen.text is not None:
            if not body:
                body.append(normalise(self.page.locator("body").inner_text()))
            return normalise(screen.text) in body[0]
        return True

    def _here(self, wanted: str, kind: str) -> Screen | None:
        """The current screen's spec, computed only when some screen has its own entry for this name."""
        if not any(wanted in getattr(s, kind) for s in self.profile.screens):
            return None
        return self.screen_spec()

    # Words: the guide's word -> the portal's, by the field's aliases, then the profile's.
    def alias(self, word: str, spec: FieldSpec | None = None) -> str:
        if spec is not None and word in spec.aliases:
            return spec.aliases[word]
        return self.profile.aliases.get(word, word)

    def guide_word(self, shown: str, spec: FieldSpec | None = None) -> str:
        for aliases in ((spec.aliases if spec else {}), self.profile.aliases):
            for guide, portal in aliases.items():
                if normalise(portal) == normalise(shown):
                    return guide
        return shown

    # Things on the page.
    def field_spec(self, label: str) -> FieldSpec | None:
        here = self._here(label, "fields")
        return (here.fields.get(label) if here else None) or self.profile.fields.get(label)

    def field(self, label: str) -> Locator:
        spec = self.field_spec(label)
        if spec is not None and spec.selector:
            return self.page.locator(spec.selector).first
        if is_selector(label):
            return self.page.locator(label).first
        found = self.page.get_by_label(label, exact=True)
        portal = self.alias(label, spec)
        if portal != label:
            found = found.or_(self.page.get_by_label(portal, exact=True))
        return found.first

    def control(self, label: str, within: Locator | None = None) -> Locator:
        """A control by the profile's selector or its accessible name, on the page or inside a row (`within`)."""
        scope = within if within is not None else self.page
        here = self._here(label, "controls")
        selector = (here.controls.get(label) if here else None) or self.profile.controls.get(label)
        if selector:
            return scope.locator(selector).first
        if is_selector(label):
            return scope.locator(label).first
        by_role = scope.get_by_role("button", name=label, exact=True)
        return by_role.or_(scope.get_by_role("link", name=label, exact=True)).first

    def action(self, name: str) -> tuple[Gesture, ...] | None:
        here = self._here(name, "actions")
        return (here.actions.get(name) if here else None) or self.profile.actions.get(name)

    def item(self, text: str) -> Locator:
        """An item of a list (a unit, a company) by its text, in the profile's lists, else an option or row."""
        here = self.screen_spec() if any(s.lists for s in self.profile.screens) else None
        specs = (here.lists if here else ()) + self.profile.lists
        if not specs:
            by_role = self.page.get_by_role("option", name=text, exact=True)
            return by_role.or_(self.page.get_by_role("row", name=text, exact=True)).first
        whole = re.compile(rf"^\s*{re.escape(text)}\s*$")
        found: Locator | None = None
        for spec in specs:
            scope = self.page.locator(spec.container) if spec.container else self.page
            items = scope.locator(spec.item).filter(has_text=whole if spec.match == "whole" else text)
            found = items if found is None else found.or_(items)
        assert found is not None
        return found.filter(visible=True).first

    def messages(self) -> Messages:
        here = self.screen_spec() if any(s.messages for s in self.profile.screens) else None
        return here.messages if here and here.messages else self.profile.messages

    def message(self) -> tuple[str, str] | None:
        """(kind, text) of the message shown: the first rule of `messages.kinds` that matches; none: information."""
        spec = self.messages()
        shown = self.page.locator(spec.area).filter(visible=True).first
        # One round trip: the text, and which kinds' selectors the message matches as plain CSS (None: a selector
        # only Playwright reads, or a page with shadow roots, where Playwright's CSS pierces and the browser's not).
        found = shown.evaluate_all(_MESSAGE, [rule.selector for rule in spec.kinds])
        if found is None:
            return None
        text, matched = str(found["text"]).strip(), found["matches"]
        for rule, match in zip(spec.kinds, matched, strict=True):
            if match is None:
                match = bool(shown.and_(self.page.locator(str(rule.selector))).count())
            if not match:
                continue
            if rule.text is not None and not re.search(rule.text, text):
                continue
            return rule.kind, text
        return "information", text
