"""Session fixtures of browser runs: the served portal, Playwright, Chromium, the profile."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drivers.protocol import PortalDriver


@pytest.fixture(scope="session")
def portal_endpoint(pytestconfig: pytest.Config) -> Iterator[tuple[str, str]]:
    """(url, hooks token) of the portal: the given one, or a simulator served for this run."""
    from etax_conformance.parallel import served_endpoint

    served_for_all = served_endpoint(pytestconfig)  # a parallel worker: the portal its controller serves
    if served_for_all is not None:
        yield served_for_all
        return
    url = pytestconfig.getoption("--portal-url")
    if url:
        token = pytestconfig.getoption("--hooks-token") or ""
        _preflight(pytestconfig, url, token)
        yield url, token
        return
    from etax_conformance.serving import ServedSimulator

    run_dir = pytestconfig.getoption("--run-dir")
    folder = Path(run_dir) if run_dir else Path(pytestconfig.rootpath) / "reports" / "_served"
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "simulator.sqlite3"
    db.unlink(missing_ok=True)
    served = ServedSimulator.start(db, variant=pytestconfig.getoption("--variant"),
                                   ln_logins_only=pytestconfig.getoption("--ln-logins-only"),
                                   deviate=pytestconfig.getoption("--deviate"))
    from etax_conformance.simulator_settings import record_served

    record_served(pytestconfig, served.simulator_settings())
    try:
        _preflight(pytestconfig, served.url, served.hooks_token)
        yield served.url, served.hooks_token
    finally:
        served.stop()


def _preflight(config: pytest.Config, url: str, token: str) -> None:
    """The portal, its hooks and the profile, before the first browser scenario (the CLI checked them too)."""
    from etax_conformance.preflight import HOOKS_INFO, PreflightError, preflight

    try:
        config.stash[HOOKS_INFO] = preflight(url, token, config.getoption("--profile"))
    except PreflightError as problem:
        pytest.exit(f"etax-conformance run: {problem}", returncode=2)


@pytest.fixture(scope="session")
def chromium(pytestconfig: pytest.Config) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    from drivers.chromium import connect, connect_server, launch

    with sync_playwright() as playwright:
        cdp_url = pytestconfig.getoption("--browser-cdp-url")
        ws_endpoint = pytestconfig.getoption("--browser-ws-endpoint")
        browser = (connect(playwright, cdp_url) if cdp_url
                   else connect_server(playwright, ws_endpoint) if ws_endpoint
                   else launch(playwright, pytestconfig.getoption("--browser-executable")))
        yield browser
        browser.close()


@pytest.fixture
def browser_portal_factory(
    pytestconfig: pytest.Config, portal_endpoint: tuple[str, str], chromium: object,
) -> Callable[[], PortalDriver]:
    from drivers.browser import BrowserDriver
    from drivers.hooks_client import HooksClient
    from drivers.profile import SIMULATOR_PROFILE, load_profile

    profile = load_profile(pytestconfig.getoption("--profile") or SIMULATOR_PROFILE)
    from etax_conformance.parallel import namespace

    url, token = portal_endpoint
    own = namespace(pytestconfig)  # a parallel worker's own portal state (docs/parallel.md); None: the default

    def make() -> PortalDriver:
        hooks = HooksClient(url + (profile.hooks_base_path or ""), token, namespace=own)
        return BrowserDriver(chromium, url, profile, hooks, namespace=own)  # type: ignore[arg-type]

    return make
