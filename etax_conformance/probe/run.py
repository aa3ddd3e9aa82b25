"""`etax-conformance probe`: every probe of issue 11 against a served portal, each figure printed; exit 1 on any
regression. Without --portal-url it serves the reference simulator itself (and can then watch its memory)."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from etax_conformance.probe.client import Portal
from etax_conformance.probe.figures import Figure

Probe = Callable[[Portal, int | None, bool], list[Figure]]


#: The probe groups, for --only.
GROUPS = ("lockout", "login defences", "web", "hooks")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    probe = commands.add_parser("probe", help="probe a served portal as an attacker would (issue 11's table); "
                                              "exit 1 on any regression")
    probe.add_argument("--portal-url", help="the portal (default: serve the reference simulator and probe it)")
    probe.add_argument("--hooks-token", default=os.environ.get("ETAX_HOOKS_TOKEN"),
                       help="token of its conformance hooks (default: $ETAX_HOOKS_TOKEN)")
    probe.add_argument("--fast", action="store_true", help="the CI part: fewer browsers and cases, no eviction")
    probe.add_argument("--only", action="append", choices=GROUPS, help="run only this group (repeatable)")


def probes() -> list[tuple[str, Probe]]:
    """(name, probe) in the order of issue 11's table; each takes (portal, server pid or None, fast)."""
    from etax_conformance.probe import hooks_probe, lockout, login_defences, web_probe

    return [
        ("lockout", lambda p, _pid, fast: [lockout.login_race(p, 1, 16 if fast else 32),
                                           lockout.declaration_race(p, 2, 16 if fast else 32)]),
        ("login defences", lambda p, _pid, fast: login_defences.all_figures(p, 10, fast)),
        ("web", lambda p, pid, fast: web_probe.all_figures(p, pid, fast)),
        ("hooks", lambda p, pid, fast: hooks_probe.all_figures(p, fast, served_here=pid is not None)),
    ]


def run_probes(out: TextIO, portal_url: str | None, hooks_token: str | None, fast: bool,
               only: list[str] | None = None) -> int:
    if portal_url:
        if not hooks_token:
            raise ValueError("--portal-url needs --hooks-token (the probes arrange accounts through the hooks)")
        return _run(out, Portal(portal_url.rstrip("/"), hooks_token), None, fast, only)
    from etax_conformance.serving import ServedSimulator

    with tempfile.TemporaryDirectory(prefix="etax-probe-") as folder:
        served = ServedSimulator.start(Path(folder) / "probe.sqlite3")
        try:
            print(f"probing a simulator served on {served.url} (pid {served.process.pid})", file=out, flush=True)
            return _run(out, Portal(served.url, served.hooks_token), served.process.pid, fast, only)
        finally:
            served.stop()


def _run(out: TextIO, portal: Portal, pid: int | None, fast: bool, only: list[str] | None) -> int:
    figures: list[Figure] = []
    for name, probe in probes():
        if only and name not in only:
            continue
        started = time.monotonic()
        found = probe(portal, pid, fast)
        for figure in found:
            print(figure.line(), file=out, flush=True)
        print(f"   ({name}: {time.monotonic() - started:.1f} s)", file=out, flush=True)
        figures += found
    failed = [f for f in figures if not f.holds]
    regressions = f"; regressions: {', '.join(f.row for f in failed)}" if failed else ""
    print(f"{len(figures) - len(failed)}/{len(figures)} probes hold{regressions}", file=out)
    return 1 if failed else 0
