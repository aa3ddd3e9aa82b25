"""`profile check`: open a portal's entries headless and say which screens, fields and controls the profile finds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO
from urllib.parse import urlsplit

import requests
from playwright.sync_api import Page, sync_playwright

from drivers import gestures
from drivers.chromium import launch
from drivers.page_finder import UNKNOWN_SCREEN, PageFinder
from drivers.profile import Profile, load_profile
from drivers.profile_parts import Screen, is_implicit
from etax_conformance.screen_guides import ENTRY_GUIDES, ENTRY_SYSTEMS, guides_of, screen_names, suite_names

_GLOB = set("*?[")


@dataclass
class Report:
    """Lines to print; `missing` counts what the profile promises on a reached screen and the page lacks, and the
    entries that reached a screen of another guide than their own."""

    out: IO[str]
    missing: int = 0
    seen: set[str] = field(default_factory=set)  # global labels found on some screen

    def line(self, ok: bool | None, text: str, mark: str | None = None) -> None:
        shown = mark or {True: "found", False: "MISSING", None: "-"}[ok]
        self.missing += ok is False
        print(f"  {shown:<9}{text}", file=self.out)


def check_profile(out: IO[str], profile_path: str, portal_url: str, hooks_token: str | None = None,
                  browser_executable: str | None = None) -> int:
    """0 when everything the profile ties to a reachable screen is there; 1 when something is missing."""
    profile = load_profile(profile_path)
    url = portal_url.rstrip("/")
    try:
        requests.get(url + profile.entry, timeout=10)
    except requests.RequestException as exc:
        raise RuntimeError(f"the portal at {url} does not answer: {exc}") from None
    report = Report(out)
    print(f"profile {profile.path} ({profile.portal}) against {url}", file=out)
    _check_hooks(report, profile, url, hooks_token)
    with sync_playwright() as playwright:
        browser = launch(playwright, browser_executable)
        try:
            context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
            page = context.new_page()
            page.set_default_timeout(10_000)
            finder = PageFinder(page, profile, url)
            for entry, path in profile.entries.items():
                _check_page(report, finder, f"entry 「{entry}」", url + path, profile, entry=entry)
                _check_cookie(report, page, profile, entry, url)
            for screen in profile.screens:  # a screen with a literal url can be opened directly
                if screen.url and not _GLOB & set(screen.url):
                    _check_page(report, finder, f"screen 「{screen.name}」 at its url", url + screen.url, profile,
                                expected=screen.name)
        finally:
            browser.close()
    _check_globals(report, profile)
    _check_unmapped(report, profile)
    verdict = "nothing missing" if not report.missing else f"{report.missing} thing(s) missing"
    print(f"{verdict}. Screens reached only through test control (after a login, a seeded unit…) are not checked "
          "here; the run's steps find them.", file=out)
    return 1 if report.missing else 0


def _check_hooks(report: Report, profile: Profile, url: str, token: str | None) -> None:
    if not token:
        report.line(None, "conformance hooks not checked (no --hooks-token)")
        return
    try:
        answer = requests.get(f"{url}{profile.hooks_base_path or ''}/capabilities",
                              headers={"X-Conformance-Token": token}, timeout=10)
    except requests.RequestException as exc:
        report.line(False, f"conformance hooks: unreachable ({exc})")
        return
    if answer.status_code != 200:
        report.line(False, f"conformance hooks: {profile.hooks_base_path}/capabilities answered {answer.status_code}")
        return
    body = answer.json()
    report.line(True, f"conformance hooks version {body.get('version')}, "
                      f"{len(body.get('capabilities') or [])} capabilities")


def _check_page(report: Report, finder: PageFinder, what: str, address: str, profile: Profile,
                expected: str | None = None, entry: str | None = None) -> None:
    finder.page.goto(address)
    name = finder.screen_name()
    if expected is not None and urlsplit(finder.page.url).path != urlsplit(address).path:
        # Many portals send a screen's address to wherever the session is: the screen is reached by the flow.
        report.line(None, f"{what}: the portal moved on to 「{name}」; reached only through the flow, not checked")
        return
    if name == UNKNOWN_SCREEN or (expected is not None and name != expected):
        seen = "no screen of the profile" if name == UNKNOWN_SCREEN else f"recognised as 「{name}」"
        report.line(False, f"{what} ({address}): the page is {seen}")
        return
    if entry is not None and not _of_its_guide(report, what, entry, name):
        return
    if entry is None:
        report.line(True, f"{what}: screen 「{name}」")
    spec = finder.screen_spec()
    if spec is not None and spec.name == name:
        _check_screen_items(report, finder, spec)
    for label in profile.fields:
        if label not in report.seen and _shows_field(finder, label):
            report.seen.add(label)
            report.line(True, f"    field 「{label}」 (global) on 「{name}」")
    for label in [*profile.controls, *profile.actions]:
        if label not in report.seen and _shows_control(finder, label):
            report.seen.add(label)
            report.line(True, f"    control 【{label}】 (global) on 「{name}」")


def _of_its_guide(report: Report, what: str, entry: str, name: str) -> bool:
    """Which guide's screen an entry reached; one of another guide than the entry's is wrong (a Qingdao login page
    recognised as Liaoning's 「电子税务局登录」: every Qingdao scenario would then fail on it)."""
    guide, guides = ENTRY_GUIDES.get(entry), guides_of(name)
    system = ENTRY_SYSTEMS.get(entry, "an entry no guide names")
    if guide is not None and guides and guide not in guides:
        report.line(False, f"{what} ({system}): recognised as 「{name}」, a screen of {'/'.join(guides)}, "
                           f"not of {guide}: the profile's screens identify this page as another guide's", "WRONG")
        return False
    whose = f"a screen of {'/'.join(guides)}" if guides else "a name no step checks"
    report.line(True, f"{what} ({system}): screen 「{name}」, {whose}")
    return True


def _check_unmapped(report: Report, profile: Profile) -> None:
    """The names the steps use, for the guides of the profile's entries, that the profile does not map: screens
    (where the profile names screens by `screens:` rather than the page's own attribute), the suite's own names."""
    guides = [g for g in screen_names() if g in {ENTRY_GUIDES.get(e) for e in profile.entries}]
    mapped_screens = {s.name for s in profile.screens}
    mapped = {*profile.fields, *profile.controls, *profile.actions, *profile.aliases}
    for screen in profile.screens:
        mapped |= {*screen.fields, *screen.controls, *screen.actions}
    for guide in guides:
        if profile.current_screen is None:
            names = sorted(screen_names()[guide] - mapped_screens)
            if names:
                report.line(None, f"unmapped ({guide}): screens the steps check and `screens:` does not name: "
                                  + "".join(f"「{n}」" for n in names))
        names = [n for n in suite_names(guide) if n not in mapped]
        if names:
            report.line(None, f"unmapped ({guide}): the suite's own names (docs/profiles.md), needed only where the "
                              "portal's words differ: " + "".join(f"「{n}」" for n in names))


def _check_screen_items(report: Report, finder: PageFinder, spec: Screen) -> None:
    for label in spec.fields:
        report.line(_shows_field(finder, label), f"    field 「{label}」 of 「{spec.name}」")
    for label in [*spec.controls, *spec.actions]:
        report.line(_shows_control(finder, label), f"    control 【{label}】 of 「{spec.name}」")


def _shows_field(finder: PageFinder, label: str) -> bool:
    spec = finder.field_spec(label)
    if spec is not None and spec.pick is not None:
        return gestures.pick_rows(finder, spec.pick).count() > 0
    return finder.field(label).is_visible()


def _shows_control(finder: PageFinder, label: str) -> bool:
    action = finder.action(label)
    if action is not None and is_implicit(action):
        return True  # nothing to find: the portal does it within another gesture
    if action is not None:
        first = gestures.first_target(finder, action)
        return first is not None and first.is_visible()
    return finder.control(label).is_visible()


def _check_cookie(report: Report, page: Page, profile: Profile, entry: str, url: str) -> None:
    cookie = profile.session_cookies.get(entry)
    if cookie is None:
        return
    names = {str(c.get("name")) for c in page.context.cookies(url)}
    what = f"    session cookie '{cookie}' of 「{entry}」 (hooks.session_cookie)"
    if cookie in names:
        report.line(True, what)
    elif not names:  # a portal that signs its session client-side makes it at the first action, not on the page
        report.line(None, f"{what}: not set on the entry page, created lazily (fine when the hooks can decode it: "
                          "docs/vendors.md)", "lazily")
    else:
        report.line(False, f"{what}: the page set {', '.join(sorted(repr(n) for n in names))} instead")


def _check_globals(report: Report, profile: Profile) -> None:
    for label in [*profile.fields, *profile.controls, *profile.actions]:
        if label not in report.seen:
            report.line(None, f"「{label}」 (global) not on the screens opened here; not checked")
