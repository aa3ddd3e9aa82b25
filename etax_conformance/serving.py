"""Serving the simulator: in this process (serve command) or as a child process for browser runs."""

from __future__ import annotations

import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests
from werkzeug.serving import make_server

from simulator.web.app import create_app
from simulator.web.namespaces import NamespacedApp


def serve_forever(host: str, port: int, db_path: Path, hooks_token: str | None, variant: str = "default") -> None:
    """Run the simulator (of the named variant) until interrupted, printing where it listens."""
    from simulator.variant import Variant

    app = create_app(db_path=db_path, hooks_token=hooks_token, variant=Variant.named(variant))
    served = app if not hooks_token else NamespacedApp(  # namespaces are a test facility: only with the hooks
        app, lambda: create_app(hooks_token=hooks_token, variant=Variant.named(variant)), hooks_token)
    server = make_server(host, port, served, threaded=True)
    hooks = "on (token required)" if hooks_token else "off"
    print(f"etax-conformance simulator on http://{host}:{server.server_port}/ "
          f"(variant: {variant}, store: {db_path}, conformance hooks: {hooks})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


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

    @classmethod
    def start(cls, db_path: Path, timeout: float = 30.0, variant: str = "default") -> ServedSimulator:
        port, token = free_port(), secrets.token_hex(16)
        log_path = db_path.with_suffix(".log")
        with log_path.open("wb") as log:  # the request log; a pipe nobody reads would fill and block
            process = subprocess.Popen(
                [sys.executable, "-m", "etax_conformance", "serve", "--port", str(port),
                 "--db", str(db_path), "--hooks-token", token, "--variant", variant],
                stdout=log, stderr=subprocess.STDOUT)
        served = cls(f"http://127.0.0.1:{port}", token, process, log_path)
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

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
