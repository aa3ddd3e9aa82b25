"""One run of selfcheck in its own process: the given features with a deviation switch on (no report, no manifest)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etax_conformance.paths import PROFILES_DIR
from etax_conformance.runner import run_suite


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etax_conformance.selfcheck_job")
    parser.add_argument("--driver", choices=("inprocess", "browser"), default="inprocess")
    parser.add_argument("--run-dir", type=Path, required=True)
    parser.add_argument("--deviate")
    parser.add_argument("--variant")
    parser.add_argument("--features", nargs="*")
    args = parser.parse_args(argv)
    # The conformant run (no switch) keeps its report.html: selfcheck's report links to it.
    return run_suite(args.driver, args.run_dir, features=args.features or None, deviate=args.deviate,
                     variant=args.variant, finish=not args.deviate,
                     profile=str(PROFILES_DIR / "alt.yaml") if args.variant == "alt" else None)


if __name__ == "__main__":
    sys.exit(main())
