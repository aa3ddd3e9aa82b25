"""Serving the simulator: in this process (serve command) or as a child process for browser runs."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from simulator.web.app import create_app
from simulator.web.namespaces import NamespacedApp

#: Threads of the production WSGI server (waitress): enough for CI's parallel browsers and a load test.
SERVER_THREADS = 16


def serve_forever(host: str, port: int, db_path: Path, hooks_token: str | None, variant: str = "default",
                  password_cost: str = "strong", ln_logins_only: bool = False, deviate: str | None = None) -> None:
    """Run the simulator (of the named variant) on waitress until interrupted, printing where it listens.

    One process, several threads: the sessions live in this process and the store is one SQLite file (WAL), so
    there is nothing to share between processes (README, "Security of the reference portal").
    password_cost: "strong" for people (the default), "test" for a conformance run's own simulator.
    ln_logins_only: a Liaoning portal without 企业人员维护 and 修改密码 (Variant.liaoning_personnel).
    """
    from waitress.server import create_server

    from simulator.common.passwords import COSTS, configure
    from simulator.variant import Variant
    from simulator.web.security import MAX_BODY_BYTES

    configure(COSTS[password_cost])
    from simulator import deviations

    deviations.activate(deviations.parse(deviate))  # on purpose NOT conformant (selfcheck); none by default
    chosen = Variant.named(variant, ln_logins_only)
    app = create_app(db_path=db_path, hooks_token=hooks_token, variant=chosen)
    served = app if not hooks_token else NamespacedApp(  # namespaces are a test facility: only with the hooks
        app, lambda: create_app(hooks_token=hooks_token, variant=chosen), hooks_token)
    # ident="" sends no Server banner; bodies over the limit are refused by waitress as well as by Flask.
    server = create_server(served, host=host, port=port, threads=SERVER_THREADS, ident="",
                           max_request_body_size=MAX_BODY_BYTES, clear_untrusted_proxy_headers=True)
    hooks = "on (token required)" if hooks_token else "off"
    port = getattr(server, "effective_port", port)  # the port chosen when 0 was asked
    shown = f"{variant}, Liaoning logins only" if ln_logins_only else variant
    print(f"etax-conformance simulator on http://{host}:{port}/ "
          f"(variant: {shown}, store: {db_path}, conformance hooks: {hooks}, "
          f"password hashing: {password_cost}"
          + (f", DEVIATIONS ON: {','.join(deviations.active())}" if deviations.active() else "") + ")", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class ServedSimulator:
    """A simulator in a child process, with hooks on under a random token."""

    url: str
    hooks_token: str
    process: subprocess.Popen[bytes]
    log_path: Path
    password_cost: str = "test"
    ln_logins_only: bool = False
    deviations: str = ""

    @classmethod
    def start(cls, db_path: Path, timeout: float = 90.0, variant: str = "default",
              ln_logins_only: bool = False, deviate: str | None = None) -> ServedSimulator:
        port, token = free_port(), secrets.token_hex(16)
        log_path = db_path.with_suffix(".log")
        with log_path.open("wb") as log:  # the request log; a pipe nobody reads would fill and block
            process = subprocess.Popen(  # the token by the environment: not visible in ps
                [sys.executable, "-m", "etax_conformance", "serve", "--port", str(port),
                 "--db", str(db_path), "--variant", variant,
                 "--password-cost", "test",  # a test run: cheap hashes (recorded in results.json)
                 *(["--ln-logins-only"] if ln_logins_only else []),
                 *(["--deviate", deviate] if deviate else [])],
                stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "ETAX_HOOKS_TOKEN": token})
        served = cls(f"http://127.0.0.1:{port}", token, process, log_path, ln_logins_only=ln_logins_only,
                     deviations=deviate or "")
        served.wait_ready(timeout)
        return served

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.log_path.read_text(encoding="utf-8", errors="replace")
                raise RuntimeError(f"the simulator exited at start-up: {error}")
            try:
                if requests.get(self.url + "/", timeout=1).ok:
                    return
            except (requests.ConnectionError, requests.Timeout):  # a busy machine answers late: not a failure yet
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the simulator did not answer on {self.url} within {timeout:.0f} s")

    def simulator_settings(self) -> dict[str, Any]:
        """What results.json records of the simulator this run served (see password_cost_info)."""
        settings: dict[str, Any] = {"password_hash": password_cost_info(self.password_cost)}
        if self.ln_logins_only:
            settings["liaoning_personnel_pages"] = False
        if self.deviations:  # a deviated simulator is never mistaken for the conformant one (selfcheck)
            settings["deviations"] = sorted(self.deviations.split(","))
        return settings

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def password_cost_info(name: str) -> dict[str, Any]:
    """The named password-hashing cost of the simulator (scheme and parameters), for results.json."""
    from simulator.common.passwords import COSTS

    return COSTS[name].as_json()
