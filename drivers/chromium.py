"""Finding and launching Chromium: Playwright's own build where installed, else the OS package.

Headless, the OS's `chromium-headless-shell` (Debian's package of the old headless shell, what Playwright itself
launches for headless runs) comes before the full `chromium` (whose new headless mode is the whole browser): on
2 cores it costs about a third of the CPU per scenario (bench/RESULTS.md, issue 21). ETAX_HEADED=1 needs the full
one. Flags beyond those below were measured one by one (site isolation off, GPU in process, no zygote, a process
per site) and none paid, so none is added.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import Browser, Playwright

#: Flags for a closed network and a root user (see the README's machine notes).
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
OS_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Tried first for a headless run.
HEADLESS_SHELLS = ("chromium-headless-shell",)


class BrowserNotFound(RuntimeError):
    """No Chromium to run; the message says how to install one."""


def find_executable(playwright: Playwright, explicit: str | None = None) -> str | None:
    """The Chromium to launch: explicit path, else Playwright's own (None), else one on PATH (headless: the shell
    first)."""
    if explicit:
        if not Path(explicit).is_file():
            raise BrowserNotFound(f"--browser-executable {explicit} does not exist")
        return explicit
    own = playwright.chromium.executable_path
    if own and Path(own).is_file():
        return None
    for name in (() if headed() else HEADLESS_SHELLS) + OS_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound(
        "No Chromium found. Run `etax-conformance install-browser` (Playwright's own build, or "
        "`apt-get install chromium fonts-noto-cjk`), or pass --browser-executable PATH.")


def headed() -> bool:
    return os.environ.get("ETAX_HEADED") == "1"


def launch(playwright: Playwright, explicit: str | None = None) -> Browser:
    """A headless Chromium (headed when ETAX_HEADED=1)."""
    executable = find_executable(playwright, explicit)
    return playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=not headed())


def connect_server(playwright: Playwright, ws_endpoint: str) -> Browser:
    """A Playwright browser server (`python -m playwright launch-server`, a grid speaking Playwright's protocol)."""
    if not ws_endpoint.startswith(("ws://", "wss://")):
        raise BrowserNotFound(f"--browser-ws-endpoint {ws_endpoint} must start with ws:// or wss://")
    return playwright.chromium.connect(ws_endpoint)


def connect(playwright: Playwright, cdp_url: str) -> Browser:
    """A Chromium already running elsewhere (a grid, browserless, a pod), reached over the DevTools protocol."""
    if not cdp_url.startswith(("http://", "https://", "ws://", "wss://")):
        raise BrowserNotFound(f"--browser-cdp-url {cdp_url} must start with http://, https://, ws:// or wss://")
    return playwright.chromium.connect_over_cdp(cdp_url)
