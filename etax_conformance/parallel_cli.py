"""`run --workers N` / `--shard K/N` checked before anything runs (plain words; one worker where needed).

Not a pytest plugin: the CLI imports it before pytest starts (plugins must not be imported that early).
"""

from __future__ import annotations

import argparse
import sys

#: The hooks v2 capability a portal lists when it keeps namespaces apart (simulator/web/namespaces.py).
NAMESPACE_CAPABILITY = "namespace"
#: What a sharded run writes next to results.json (etax_conformance.shards).
SHARD_FILE = "shard.json"


def checked_workers(args: argparse.Namespace) -> int:
    """The number of workers to start: N, or 1 when the given portal cannot keep workers apart (said on stderr)."""
    if args.workers < 1:
        raise ValueError(f"--workers {args.workers} must be 1 or more")
    if args.shard:
        parse_shard(args.shard)
    if args.browser_cdp_url and args.driver != "browser":
        raise ValueError("--browser-cdp-url needs --driver browser")
    if getattr(args, "browser_ws_endpoint", None) and (args.driver != "browser" or args.browser_cdp_url):
        raise ValueError("--browser-ws-endpoint needs --driver browser (and no --browser-cdp-url)")
    if args.workers == 1 or args.driver != "browser" or not args.portal_url:
        return int(args.workers)
    from etax_conformance.preflight import preflight

    info = preflight(args.portal_url, args.hooks_token, args.profile)
    if NAMESPACE_CAPABILITY in info.capabilities:
        return int(args.workers)
    print(f"etax-conformance run: the portal's hooks do not list '{NAMESPACE_CAPABILITY}' (no namespaces): "
          f"running with 1 worker instead of {args.workers}, so that no worker resets another's scenario",
          file=sys.stderr)
    return 1


def parse_shard(text: str) -> tuple[int, int]:
    """'K/N' → (K, N), with 1 ≤ K ≤ N; anything else is a ValueError in plain words."""
    try:
        k_text, n_text = text.split("/")
        k, n = int(k_text), int(n_text)
    except ValueError:
        raise ValueError(f"--shard {text!r} must be K/N, e.g. 1/2") from None
    if not 1 <= k <= n:
        raise ValueError(f"--shard {text!r}: K must be between 1 and N")
    return k, n
