"""install-browser: Playwright's own Chromium where it can be downloaded, else the OS package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import TextIO

OS_PACKAGES = ["chromium", "fonts-noto-cjk"]


def install_browser(out: TextIO) -> int:
    """Try `playwright install chromium`, then apt-get (as root); 0 when a Chromium is available."""
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        out.write(f"Chromium found at {shutil.which('chromium') or shutil.which('chromium-browser')}\n")
        return 0
    out.write("Trying Playwright's own Chromium…\n")
    if subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False).returncode == 0:
        return 0
    if shutil.which("apt-get") and os.geteuid() == 0:
        out.write("Playwright's download failed; installing the OS packages: " + " ".join(OS_PACKAGES) + "\n")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-q"], check=False, env=env)
        done = subprocess.run(["apt-get", "install", "-y", "-q", *OS_PACKAGES], check=False, env=env)
        if done.returncode == 0:
            return 0
    out.write("No Chromium could be installed. Install it yourself (apt-get install chromium fonts-noto-cjk) "
              "and pass --browser-executable PATH if it is not on PATH.\n")
    return 1
