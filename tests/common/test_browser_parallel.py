"""Browser runs side by side on ONE served simulator (a namespace per worker), and through a remote Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.chromium import LAUNCH_ARGS, OS_CANDIDATES
from etax_conformance.paths import FEATURES_DIR, ROOT
from etax_conformance.run_content import differences

CHROMIUM = next((found for name in OS_CANDIDATES if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on PATH")
#: A few features whose scenarios move the portal's clock (QR codes expire) and log in with a second factor.
FEATURES = ("its/1.2_qr_login.feature", "liaoning/2.1_two_factor.feature")


def _run(reports: Path, run_id: str, features: Path, *args: str) -> Path:
    done = subprocess.run([sys.executable, "-m", "etax_conformance", "run", "--driver", "browser",
                           "--reports-dir", str(reports), "--run-id", run_id, "--features", str(features), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return reports / run_id


def test_two_browser_workers_on_one_portal_give_the_results_of_one(tmp_path: Path) -> None:
    features = tmp_path / "features"
    features.mkdir()
    for name in FEATURES:
        shutil.copy(FEATURES_DIR / name, features / name.replace("/", "_"))
    one = _run(tmp_path, "one", features)
    two = _run(tmp_path, "two", features, "--workers", "2")
    assert differences(one, two) == []


@pytest.fixture
def remote_chromium(tmp_path: Path) -> Iterator[str]:
    """A Chromium listening for DevTools on a free loopback port; its http:// endpoint."""
    assert CHROMIUM is not None
    log_path = tmp_path / "chromium.log"
    with log_path.open("wb") as log:  # a file, not a pipe: nobody reads Chromium's chatter after start-up
        process = subprocess.Popen(
            [CHROMIUM, "--headless", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
             f"--user-data-dir={tmp_path / 'profile'}", *LAUNCH_ARGS, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            # "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…"
            found = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", log_path.read_text(errors="replace"))
            if found:
                break
            time.sleep(0.1)
        else:
            pytest.fail("Chromium did not say where DevTools listen: " + log_path.read_text(errors="replace"))
        yield f"http://127.0.0.1:{found.group(1)}"
    finally:
        _stop(process)


def test_a_feature_runs_through_a_remote_chromium(remote_chromium: str, tmp_path: Path) -> None:
    run = _run(tmp_path, "cdp", FEATURES_DIR / "liaoning" / "2.1_two_factor.feature",
               "--browser-cdp-url", remote_chromium)
    assert '"passed": 2' in (run / "results.json").read_text(encoding="utf-8")


@pytest.fixture
def browser_server(tmp_path: Path) -> Iterator[str]:
    """A Playwright browser server (`python -m playwright launch-server`) on a free loopback port: its ws:// URL."""
    import json
    import socket

    from drivers.chromium import HEADLESS_SHELLS

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    executable = next((found for name in HEADLESS_SHELLS + OS_CANDIDATES if (found := shutil.which(name))), None)
    config = tmp_path / "server.json"
    config.write_text(json.dumps({"executablePath": executable, "args": LAUNCH_ARGS, "headless": True,
                                  "host": "127.0.0.1", "port": port, "wsPath": "/etax"}), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "playwright", "launch-server", "--browser", "chromium",
                                "--config", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            with socket.socket() as attempt:
                if attempt.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        else:
            pytest.fail("the browser server did not listen")
        yield f"ws://127.0.0.1:{port}/etax"
    finally:
        _stop(process)


def test_a_feature_runs_through_a_browser_server(browser_server: str, tmp_path: Path) -> None:
    run = _run(tmp_path, "ws", FEATURES_DIR / "liaoning" / "2.1_two_factor.feature",
               "--browser-ws-endpoint", browser_server)
    assert '"passed": 2' in (run / "results.json").read_text(encoding="utf-8")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End a browser process a fixture started: politely, then for good."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
