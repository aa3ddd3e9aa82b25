"""Load and abuse benchmark of the served simulator: throughput and latency, memory under hostile posts.

Serves the simulator from a source tree (this one by default; `--tree DIR` for another checkout, e.g. main
before a change, so both are measured in one run on one machine), then:
- load: N clients (threads, each its own cookies) for S seconds, each loop: the login page, a refused login
  post (with the form's CSRF token when the page has one), the page it redirects to; requests/s, p50, p99, errors;
- hostile (--hostile): server RSS before/after 100 posts of a 1-million-character 账号, and whether a
  signed-in visitor survives 10 050 cookie-less GETs.
Usage: python bench/load.py [--clients 16] [--seconds 30] [--tree DIR] [--hostile]
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r'name="_csrf" value="([^"]+)"')


def serve(tree: Path, db: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    """The simulator of `tree` on a free port (hooks on), once it answers."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token = secrets.token_hex(16)
    env = {**os.environ, "PYTHONPATH": str(tree), "ETAX_HOOKS_TOKEN": token}
    process = subprocess.Popen([sys.executable, "-m", "etax_conformance", "serve", "--port", str(port), "--db",
                                str(db), "--hooks-token", token], cwd=tree, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            requests.get(url + "/", timeout=1)
            return process, url, token
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the simulator of {tree} did not start")


def post_form(browser: requests.Session, url: str, page: str, data: dict[str, str]) -> requests.Response:
    found = TOKEN.search(page)
    return browser.post(url + "/act", data={**data, **({"_csrf": found[1]} if found else {})}, timeout=30)


def load(url: str, clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        mine: list[float] = []
        wrong = 0
        with requests.Session() as browser:
            while time.monotonic() < deadline:
                try:
                    start = time.monotonic()
                    page = browser.get(url + "/", timeout=30)
                    mine.append(time.monotonic() - start)
                    start = time.monotonic()
                    answer = post_form(browser, url, page.text, {"_control": "登录", "账号": "nobody-here",
                                                                 "密码": "Wrong-pass-1"})
                    mine.append(time.monotonic() - start)  # the post and the page it redirects to
                    wrong += answer.status_code >= 400
                except requests.RequestException:
                    wrong += 1
        with lock:
            latencies.extend(mine)
            errors[0] += wrong

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)
    requests_made = len(latencies) + len(latencies) // 2  # a post counts with its redirected GET
    return {"req_per_s": requests_made / elapsed, "p50_ms": 1000 * statistics.median(ordered),
            "p99_ms": 1000 * ordered[int(0.99 * (len(ordered) - 1))], "errors": errors[0],
            "requests": requests_made}


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def hostile(url: str, token: str, pid: int) -> dict[str, object]:
    """RSS around 100 posts of a 1-million-character 账号 (100 visitors); a signed-in visitor after 10 050
    cookie-less GETs."""
    before = rss_mib(pid)
    statuses: set[int] = set()
    for _ in range(100):  # each from a new visitor (its own session), as an attacker would
        with requests.Session() as browser:
            page = browser.get(url + "/", timeout=30).text
            statuses.add(post_form(browser, url, page, {"_control": "登录", "账号": "a" * 1_000_000,
                                                        "密码": "x"}).status_code)
    after = rss_mib(pid)
    from fixtures.identities import IdentityFactory  # a valid person (check digits) from this tree

    made = IdentityFactory("load").person()
    person = {"name": made.name, "document_type": made.document_type.value, "document_number": made.document_number,
              "phone": made.phone, "login_name": made.login_name, "password": made.password}
    seeded = requests.post(url + "/__conformance__/v1/natural-persons", json=person, timeout=30,
                           headers={"X-Conformance-Token": token})
    seeded.raise_for_status()
    with requests.Session() as user:
        page = user.get(url + "/", timeout=30).text
        post_form(user, url, page, {"_control": "登录", "账号": person["login_name"], "密码": person["password"]})
        signed_in = 'data-screen="实名登录"' not in user.get(url + "/", timeout=30).text
        with requests.Session() as anonymous:
            for _ in range(10_050):
                anonymous.cookies.clear()
                anonymous.get(url + "/", timeout=30)
        survived = 'data-screen="实名登录"' not in user.get(url + "/", timeout=30).text
    return {"signed_in_before": signed_in, "rss_before_mib": round(before), "rss_after_mib": round(after),
            "big_post_status": sorted(statuses),
            "signed_in_after_10050_gets": survived}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--tree", type=Path, default=ROOT, help="source tree whose simulator is served")
    parser.add_argument("--hostile", action="store_true", help="also the memory and eviction probes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        process, url, token = serve(args.tree.resolve(), Path(scratch) / "load.sqlite3")
        try:
            figures: dict[str, object] = dict(load(url, args.clients, args.seconds))
            if args.hostile:
                figures.update(hostile(url, token, process.pid))
        finally:
            process.terminate()
            process.wait(10)
    print(f"tree {args.tree}: {args.clients} clients, {args.seconds:.0f} s: " + ", ".join(
        f"{k} {v:.0f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
