"""Probes of the conformance hooks: hostile JSON, the token (401 variants, 404 unserved, minimum length), and
schemathesis over openapi.yaml for a fixed number of cases."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests
import yaml

from etax_conformance.hooks_check import load_document
from etax_conformance.probe import hooks_hostile
from etax_conformance.probe.client import HOOKS, TOKEN_HEADER, Portal
from etax_conformance.probe.figures import Figure

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance," \
         "negative_data_rejection"


def hostile_json(portal: Portal, fast: bool) -> Figure:
    def send(method: str, path: str, body: bytes) -> tuple[int, Any]:
        try:
            answer = requests.request(method, portal.url + path, data=body, timeout=60,
                                      headers={TOKEN_HEADER: portal.token, "Content-Type": "application/json"})
        except requests.ConnectionError:  # the server closed a connection on an oversized body: not a 5xx
            return 413, {"error": "connection closed"}
        try:
            return answer.status_code, answer.json()
        except ValueError:
            return answer.status_code, None

    result = hooks_hostile.run(send, load_document(), fast=fast)
    problems = result.server_errors + result.without_message
    return Figure("hooks hostile JSON", f"{len(result.server_errors)} × 5xx, {len(result.without_message)} refusals "
                  f"without a message in {result.requests} requests"
                  + (f" (e.g. {'; '.join(problems[:2])})" if problems else ""),
                  "0 × 5xx; every refusal a 4xx with an error", not problems)


def token_refused(portal: Portal) -> Figure:
    """Every documented call with a missing or wrong token, each way a client might get it wrong: 401."""
    variants: list[dict[str, str]] = [
        {}, {TOKEN_HEADER: ""}, {TOKEN_HEADER: "wrong"}, {TOKEN_HEADER: portal.token + "x"},
        {TOKEN_HEADER: portal.token[:-1]}, {TOKEN_HEADER: portal.token.upper()},
        {"Authorization": f"Bearer {portal.token}"}, {"X-Conformance-Token-": portal.token},
    ]
    sent, wrong = 0, []
    for base in (HOOKS, "/__conformance__/v1"):
        for path, item in load_document()["paths"].items():
            for method in item:
                for headers in variants:
                    answer = requests.request(method.upper(), portal.url + base + path, headers=headers, json={},
                                              params={"token": portal.token}, timeout=30)
                    sent += 1
                    if answer.status_code != 401 and not (answer.status_code in (404, 405) and base != HOOKS):
                        wrong.append(f"{method.upper()} {base}{path} {sorted(headers)} → {answer.status_code}")
    return Figure("hooks 401 without token", f"{sent - len(wrong)}/{sent} variants refused"
                  + (f" ({'; '.join(wrong[:2])})" if wrong else ""), "all 401", not wrong)


def _serve(args: list[str], env: dict[str, str] | None = None, wait: float = 15.0) -> tuple[int | None, str, str]:
    """Start `etax-conformance serve` with args: (exit code, None while serving; what the hooks answered; output)."""
    from etax_conformance.serving import free_port

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="etax-probe-serve-") as folder:
        process = subprocess.Popen([sys.executable, "-m", "etax_conformance", "serve", "--port", str(port),
                                    "--db", str(Path(folder) / "s.sqlite3"), *args], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        code, status, deadline = None, "", time.monotonic() + wait
        while code is None and not status and time.monotonic() < deadline:
            code = process.poll()
            try:
                status = str(requests.get(url + HOOKS + "/capabilities", timeout=2).status_code)
            except requests.ConnectionError:
                time.sleep(0.2)
        if code is None:
            process.terminate()
        output, _ = process.communicate(timeout=10)
        return code, status, output.decode(errors="replace")


def served_without_token() -> list[Figure]:
    """Served without a token the hooks are absent (404); a one-letter token is refused at start-up."""
    import os

    code, status, _ = _serve([])
    short_code, _, short_output = _serve(["--hooks-token", "T"])
    short_why = short_output.strip().splitlines()[-1][:120] if short_output.strip() else ""
    env = {**os.environ, "ETAX_HOOKS_TOKEN": "an-environment-token-0123456789abcdef"}
    env_code, env_status, _ = _serve([], env=env)
    env_read = env_code is None and env_status == "401"
    return [
        Figure("hooks 404 when served without a token", f"hooks answered {status or f'exit {code}'}", "404",
               code is None and status == "404"),
        Figure("hooks token minimum length",
               "token 'T' " + ("accepted: the portal served" if short_code is None
                               else f"refused at start-up (exit {short_code}: {short_why})"),
               "a minimum length", short_code not in (None, 0)),
        Figure("hooks token from the environment",
               "ETAX_HOOKS_TOKEN " + ("read: hooks answer 401 without it" if env_read
                                      else f"not read (hooks {env_status or env_code})"),
               "also from an environment variable or file (not only the command line)", env_read),
    ]


def schemathesis(portal: Portal, fast: bool) -> Figure:
    """schemathesis over openapi.yaml (fixed seed and number of examples): no 5xx, no undocumented status."""
    examples, phases = (3, "examples,fuzzing") if fast else (30, "examples,coverage,fuzzing")
    command = [str(Path(sys.executable).with_name("st")), "run", "openapi.yaml", "-u", portal.url + HOOKS,
               "-H", f"{TOKEN_HEADER}: {portal.token}", "-n", str(examples), "--seed", "11", "--phases", phases,
               "-c", CHECKS, "--no-color"]
    with tempfile.TemporaryDirectory(prefix="etax-probe-st-") as folder:
        schema = Path(folder) / "openapi.yaml"  # the document shipped with the suite, wherever it is installed
        schema.write_text(yaml.safe_dump(load_document(), allow_unicode=True), encoding="utf-8")
        done = subprocess.run(command, capture_output=True, text=True, cwd=folder, timeout=1800, check=False)
    cases = re.search(r"(\d+) generated, (.*)", done.stdout)
    # Each finding: the operation (a "____ POST /capabilities/x ____" header) and its check ("- ST201 …").
    failures, operation = [], ""
    for line in done.stdout.splitlines():
        if header := re.fullmatch(r"_+ (\w+ \S+) _+", line.strip()):
            operation = header.group(1)
        elif re.match(r"- ST\d+ |.*(Server error|Undocumented)", line.strip()):
            failures.append(f"{operation}: {line.strip().removeprefix('- ')}")
    summary = f"{cases.group(1)} cases: {cases.group(2).strip()}" if cases else done.stdout.strip()[-200:]
    return Figure("schemathesis over the hooks", f"{summary} ({examples} examples/operation, phases {phases})"
                  + (f"; {len(failures)} findings: {'; '.join(failures[:3])}" if failures else ""),
                  "0 × 5xx, no undocumented status code", done.returncode == 0)


def all_figures(portal: Portal, fast: bool, served_here: bool) -> list[Figure]:
    figures = [hostile_json(portal, fast), token_refused(portal)]
    if served_here:  # starting servers of our own only makes sense when probing our simulator
        figures += served_without_token()
    return [*figures, schemathesis(portal, fast)]
