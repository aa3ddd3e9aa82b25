"""docs/examples/minimal_hooks.py does what the vendor guide says, and is enough for the ITS §1.1 feature.

The example's own Services keep dicts; over the reference simulator's pages its Services call the simulator's
services instead (what the example tells a vendor to do), and the account-password login feature runs in the
browser against the example's hooks alone — nothing left not verifiable, nothing failed.
"""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from werkzeug.serving import make_server

from etax_conformance.hooks_check import run_hooks_check
from etax_conformance.paths import ROOT
from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.common.passwords import TEST
from simulator.common.test_control import PersonSeed, SeedError
from simulator.store.sqlite import DuplicateAccount
from simulator.web.app import create_app

TOKEN = "a-long-random-token-1234"
FEATURE = ROOT / "features" / "its" / "1.1_account_password_login.feature"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("minimal_hooks", ROOT / "docs" / "examples" / "minimal_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def example(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setenv("ETAX_HOOKS_TOKEN", TOKEN)
    return _load()


def test_the_minimal_hooks_answer_as_documented(example: ModuleType) -> None:
    client = example.app.test_client()
    base = "/__conformance__/v2/capabilities"
    assert client.get(base).status_code == 401
    headers = {"X-Conformance-Token": TOKEN}
    listed = client.get(base, headers=headers).get_json()
    assert listed["version"] == 2
    assert client.get("/__conformance__/v2/", headers=headers).get_json() == listed
    assert "clock.advance" in listed["capabilities"]
    assert client.post(base + "/reset", json={}, headers=headers).get_json() == {"reset": True}
    person = {"name": "张三", "document_type": "居民身份证", "document_number": "110105199003070017",
              "phone": "13800138000", "login_name": "zhangsan01", "password": "Abcd1234!"}
    assert client.post(base + "/seed.natural_person", json=person, headers=headers).status_code == 200
    assert client.post(base + "/seed.natural_person", json=person, headers=headers).status_code == 409
    client.post(base + "/clock.set", json={"now": "2024-03-01T10:00:00+08:00"}, headers=headers)
    moved = client.post(base + "/clock.advance", json={"minutes": 120}, headers=headers).get_json()
    assert moved["now"] == "2024-03-01T12:00:00+08:00"
    assert client.post(base + "/clock.advance", json={"minutes": "x"}, headers=headers).status_code == 400
    assert client.post(base + "/captcha", json={"session": "abc"}, headers=headers).get_json() == {"answer": None}
    assert client.post(base + "/sms.outbox", json={"phone": "13800138000"}, headers=headers).get_json() == {
        "messages": []}
    assert client.post(base + "/qr.confirm", json={}, headers=headers).status_code == 404
    assert client.post("/__conformance__/v2/reset", json={}, headers=headers).status_code == 404  # v1's path


def _services(example: ModuleType, portal: Portal) -> Any:
    """The example's Services, each method calling the simulator's own services (as a vendor's build would)."""
    control = portal.test_control

    class SimulatorServices(example.Services):  # type: ignore[name-defined,misc]
        def reset(self) -> None:
            control.reset()

        def seed_person(self, person: dict[str, str]) -> None:
            try:
                control.seed_person(PersonSeed(**person))
            except DuplicateAccount as exc:
                raise example.Conflict(str(exc)) from None
            except SeedError as exc:
                raise example.Refused(str(exc)) from None

        def captcha(self, session: str | None) -> str | None:
            return control.current_captcha(session)

        def sms_outbox(self, phone: str | None, session: str | None) -> list[dict[str, str]]:
            asked = {k: v for k, v in (("phone", phone), ("session", session)) if v is not None}
            return list(control.call("sms.outbox", asked)["messages"])

        def now(self) -> datetime:
            return control.now()

        def set_clock(self, instant: datetime) -> None:
            control.set_clock(instant)

        def advance_clock(self, minutes: float) -> None:
            control.advance_clock(timedelta(minutes=minutes))

    return SimulatorServices()


@pytest.fixture
def portal_url(example: ModuleType) -> Iterator[str]:
    """The simulator's pages (no hooks of its own) with the example's hooks at /__conformance__/v2."""
    pages = create_app(build_portal(clock=ControlledClock(), password_cost=TEST))
    hooks = example.make_app(_services(example, pages.config["PORTAL"]), TOKEN)

    def portal(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        app = hooks if str(environ.get("PATH_INFO", "")).startswith("/__conformance__/") else pages
        answer: Iterable[bytes] = app(environ, start_response)
        return answer

    server = make_server("127.0.0.1", 0, portal, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def test_the_hooks_check_passes_on_the_example(portal_url: str) -> None:
    out = io.StringIO()
    assert run_hooks_check(out, portal_url, TOKEN) == 0, out.getvalue()
    assert "0 mismatch(es)" in out.getvalue()


def test_the_example_is_enough_for_the_account_password_login(portal_url: str, tmp_path: Path) -> None:
    pytest.importorskip("playwright.sync_api")
    done = subprocess.run(
        [sys.executable, "-m", "etax_conformance", "run", "--driver", "browser", "--portal-url", portal_url,
         "--hooks-token", TOKEN, "--profile", str(ROOT / "profiles" / "simulator.yaml"), "--features", str(FEATURE),
         "--reports-dir", str(tmp_path), "--run-id", "minimal"],
        cwd=ROOT, capture_output=True, text=True, timeout=3600, check=False)
    results_file = tmp_path / "minimal" / "results.json"
    if not results_file.is_file() and "Chromium" in done.stdout + done.stderr:
        pytest.skip("no Chromium")
    results = json.loads(results_file.read_text(encoding="utf-8"))
    summary = results["summary"]
    assert summary["not_verifiable"] == 0, done.stdout[-3000:]
    assert summary["failed"] == 0, done.stdout[-3000:]
    assert summary["passed"] > 10
    assert results["hooks"]["capabilities"] == ["reset", "seed.natural_person", "captcha", "sms.outbox", "clock.now",
                                                "clock.set", "clock.advance"]
