"""The `selfcheck` subcommand's options and dispatch (etax_conformance.selfcheck does the work)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from etax_conformance.paths import REPORTS_DIR


def add_parser(commands: Any) -> None:
    selfcheck = commands.add_parser(
        "selfcheck", help="the suite's detection power: every deviation switch of the simulator must make a "
                          "scenario tagged with its rows fail, and the conformant simulator nothing")
    selfcheck.add_argument("--driver", choices=("inprocess", "browser"), default="inprocess")
    selfcheck.add_argument("--only", nargs="+", default=[], help="only these switches (names, or NAME,NAME)")
    selfcheck.add_argument("--workers", type=int, default=2, help="switch runs side by side (processes)")
    selfcheck.add_argument("--whole-sample", type=int, default=3,
                           help="switches also run against the whole suite (an even sample; 0: none)")
    selfcheck.add_argument("--variant", choices=("default", "alt"),
                           help="browser: serve this variant of the simulator (with its profile: profiles/alt.yaml)")
    selfcheck.add_argument("--skip-conformant", action="store_true",
                           help="do not run the whole suite on the conformant simulator first")
    selfcheck.add_argument("--run-id", help="folder under reports/ (default: selfcheck-<time>)")
    selfcheck.add_argument("--replace", action="store_true", help="overwrite an earlier folder with the same id")
    selfcheck.add_argument("--list", action="store_true", help="list the switches (name, rows, kind, what) and exit")


def run_selfcheck_command(args: argparse.Namespace) -> int:
    from simulator.deviations import load, parse

    if args.list:
        for deviation in load().values():
            print(f"{deviation.name}\t{' '.join(deviation.rows)}\t{deviation.kind}\t{deviation.zh} / {deviation.en}")
        return 0
    if args.workers < 1:
        raise ValueError("--workers must be at least 1")
    if args.variant == "alt" and args.driver != "browser":
        raise ValueError("--variant alt is a simulator a browser run serves itself: use --driver browser")
    from etax_conformance.runner import new_run_dir
    from etax_conformance.selfcheck import run_selfcheck

    only = parse(args.only)
    folder = new_run_dir(REPORTS_DIR, "selfcheck", args.run_id, args.replace)
    return run_selfcheck(sys.stdout, folder, driver=args.driver, only=only, workers=args.workers,
                         whole_sample=args.whole_sample, variant=args.variant, skip_conformant=args.skip_conformant)


def check_deviations(names: str) -> None:
    """Refuse (ValueError) a deviation switch the simulator does not have, before anything runs (`run --deviate`);
    imports only the switch registry, not the simulator's flows."""
    from simulator.deviations import parse

    parse(names)
