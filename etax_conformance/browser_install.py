"""install-browser: Playwright's own Chromium where it can be downloaded, else the OS packages.

The OS packages are Debian's `chromium-headless-shell` (what headless runs launch first: about a third of the full
browser's CPU per scenario, bench/RESULTS.md) and `fonts-noto-cjk`; `chromium` (the full browser) is only needed
for ETAX_HEADED=1 and is installed when `--headed` is asked for.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import TextIO

OS_PACKAGES = ["chromium-headless-shell", "fonts-noto-cjk"]
HEADED_PACKAGES = ["chromium"]


def _found() -> str | None:
    from drivers.chromium import HEADLESS_SHELLS

    return next((shutil.which(name) for name in HEADLESS_SHELLS if shutil.which(name)), None)


def _apt(packages: list[str], out: TextIO) -> bool:
    if not (shutil.which("apt-get") and os.geteuid() == 0):
        return False
    out.write("Installing the OS packages: " + " ".join(packages) + "\n")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=False, env=env)
    return subprocess.run(["apt-get", "install", "-y", "-q", *packages], check=False, env=env).returncode == 0


def install_browser(out: TextIO, headed: bool = False) -> int:
    """The OS's headless shell when present or installable (apt-get, as root), else Playwright's own Chromium, else
    a full Chromium already on PATH; 0 when a Chromium is available."""
    wanted = OS_PACKAGES + (HEADED_PACKAGES if headed else [])
    shell = _found()
    full = shutil.which("chromium") or shutil.which("chromium-browser")
    if shell and (full or not headed):
        out.write(f"Chromium headless shell found at {shell}" + (f"; Chromium at {full}" if full else "") + "\n")
        return 0
    if _apt(wanted, out):
        out.write(f"Chromium headless shell installed at {_found()}\n")
        return 0
    if shell or full:
        out.write(f"Chromium found at {shell or full}" + ("" if shell else " (the headless shell is lighter: "
                  "apt-get install chromium-headless-shell)") + "\n")
        return 0
    out.write("Trying Playwright's own Chromium…\n")
    if subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False).returncode == 0:
        return 0
    out.write("No Chromium could be installed. Install it yourself (apt-get install chromium-headless-shell "
              "fonts-noto-cjk) and pass --browser-executable PATH if it is not on PATH.\n")
    return 1
