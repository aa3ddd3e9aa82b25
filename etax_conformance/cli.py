"""The etax-conformance command: run, explore, serve, coverage, compare, merge, verify, keygen, report, dashboard,
profile check, hooks check, install-browser."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etax_conformance.paths import CATALOG_DIR, FEATURES_DIR, REPORTS_DIR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="etax-conformance", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the conformance features against a portal")
    run.add_argument("--driver", choices=("inprocess", "browser"), default="inprocess")
    run.add_argument("--portal-url", help="portal to drive in the browser (default: serve the simulator)")
    run.add_argument("--profile", help="profile YAML locating the portal's pages (default: the simulator's)")
    run.add_argument("--hooks-token", help="token of the portal's conformance hooks")
    run.add_argument("--browser-executable", help="Chromium to launch (default: Playwright's, else the OS one)")
    run.add_argument("--run-id", help="name of the folder under reports/ (default: time and driver)")
    run.add_argument("--replace", action="store_true", help="overwrite an earlier run with the same --run-id")
    run.add_argument("--reports-dir", type=Path, default=REPORTS_DIR)
    run.add_argument("--features", nargs="+", help="feature files or folders (default: all features)")
    run.add_argument("-k", dest="select", help="only scenarios whose name matches this pytest -k expression")
    run.add_argument("--plan", help="certification plans to run, comma-separated (catalog/plans.csv; default: the "
                                    "profile's plans:, else all); the other plans' scenarios are not run")
    run.add_argument("-v", "--verbose", action="store_true", help="one line per scenario")
    run.add_argument("--variant", choices=("default", "alt"),
                     help="browser run without --portal-url: serve this variant of the simulator (default: default)")
    run.add_argument("--ln-logins-only", action="store_true",
                     help="drive the simulator without its Liaoning personnel pages (企业人员维护, 修改密码): a portal "
                          "certifying only the Liaoning logins")
    run.add_argument("--workers", type=int, default=1,
                     help="scenarios side by side in N processes (browser: one portal, a namespace per worker)")
    run.add_argument("--shard", help="K/N: only the K-th of N stable slices of the scenarios (merge them later)")
    run.add_argument("--browser-cdp-url", help="use a running Chromium over CDP instead of launching one")
    run.add_argument("--deviate", help="NAME[,NAME…]: the simulator (in-process, or served by a browser run) breaks "
                                       "these rules on purpose (etax-conformance selfcheck --list)")
    run.add_argument("--browser-ws-endpoint",
                     help="use a Playwright browser server (ws://…; launch-server, a grid) instead of launching one")

    merge = commands.add_parser("merge", help="merge shard run folders into one run folder (results, report, manifest)")
    merge.add_argument("folders", nargs="+", type=Path, help="the shards' run folders")
    merge.add_argument("--out", type=Path, required=True, help="folder of the merged run")
    merge.add_argument("--signing-key", type=Path, help="Ed25519 private key (PEM) to sign the merged manifest")
    merge.add_argument("--guides", type=Path, help="guides' text folder, for the report's heatmap (or ETAX_GUIDES)")
    run.add_argument("--without-hooks", help="treat these hooks capabilities as missing, e.g. clock (as such a portal)")
    run.add_argument("--expected-failures", help="YAML/JSON list of {id, reason}: known failures that do not fail")
    run.add_argument("--signing-key", type=Path, help="Ed25519 private key (PEM) to sign the run's manifest")
    run.add_argument("--guides", type=Path, help="guides' text folder, for the report's heatmap (or ETAX_GUIDES)")

    serve = commands.add_parser("serve", help="serve the reference simulator on localhost")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--db", type=Path, default=Path("etax-simulator.sqlite3"), help="SQLite file of the store")
    serve.add_argument("--hooks-token", help="turn the conformance hooks on, guarded by this token (at least 16 "
                       "characters; better --hooks-token-file or the ETAX_HOOKS_TOKEN variable, not seen in ps)")
    serve.add_argument("--hooks-token-file", type=Path, help="read the hooks token from this file")
    serve.add_argument("--variant", choices=("default", "alt"), default="default",
                       help="the reference simulator (default) or the alt portal: other choices where the guides "
                            "leave one open")
    serve.add_argument("--ln-logins-only", action="store_true",
                       help="without the Liaoning personnel pages (企业人员维护, 权限管理, 修改密码): a portal that "
                            "certifies only the Liaoning logins (plan ln-logins)")
    serve.add_argument("--deviate", help="NAME[,NAME…]: break these rules on purpose (a NON-conformant portal, for "
                                         "measuring a suite: etax-conformance selfcheck --list)")
    serve.add_argument("--password-cost", choices=("strong", "test"), default="strong",
                       help="scrypt cost of password hashes: strong for people (default), test for conformance runs")

    coverage = commands.add_parser("coverage", help="catalog rows covered by scenarios, or why not")
    coverage.add_argument("--catalog", type=Path, default=CATALOG_DIR)
    coverage.add_argument("--features", type=Path, default=FEATURES_DIR)
    coverage.add_argument("--switches", action="store_true",
                          help="list the testable rows no deviation switch breaks (not yet mutation-tested)")

    vocabulary = commands.add_parser("vocabulary", help="docs/vocabulary.md: every name a step may ask a portal for")
    vocabulary.add_argument("--check", action="store_true", help="exit 1 when docs/vocabulary.md is not current")
    vocabulary.add_argument("--record", type=Path, help="a record of a run (--record-vocabulary) instead of a new run")

    compare = commands.add_parser("compare", help="do two runs pass the same scenario ids? what changed status?")
    compare.add_argument("first", type=Path, help="results.json (or its run folder)")
    compare.add_argument("second", type=Path)

    verify = commands.add_parser("verify", help="check a run folder's signature and every file's SHA-256")
    verify.add_argument("folder", type=Path)
    verify.add_argument("--public-key", type=Path, help="the signer's Ed25519 public key (PEM) to require")
    keygen = commands.add_parser("keygen", help="make an Ed25519 key pair for signing runs: PREFIX.key, PREFIX.pub")
    keygen.add_argument("prefix", type=Path)
    report = commands.add_parser("report", help="build a run folder's report, cucumber.json and manifest again")
    report.add_argument("folder", type=Path, help="the run folder")
    report.add_argument("--guides", type=Path, help="guides' text folder, for the report's heatmap (or ETAX_GUIDES)")
    report.add_argument("--signing-key", type=Path, help="Ed25519 private key (PEM): needed for a signed folder")

    dashboard = commands.add_parser("dashboard", help="static site from many runs: portals × requirements, history")
    dashboard.add_argument("folders", type=Path, nargs="+", help="run folders (or folders holding run folders)")
    dashboard.add_argument("--out", type=Path, required=True)

    hooks = commands.add_parser("hooks", help="check a portal's conformance hooks (v2) on their own")
    hooks_commands = hooks.add_subparsers(dest="hooks_command", required=True)
    hooks_check = hooks_commands.add_parser(
        "check", help="call every capability the portal lists and check each answer against the OpenAPI schema")
    hooks_check.add_argument("--portal-url", required=True)
    hooks_check.add_argument("--hooks-token", required=True)
    hooks_check.add_argument("--base-path", default="/__conformance__/v2", help="where the hooks v2 are served")
    hooks_check.add_argument("--namespaces", action="store_true",
                             help="also check that two namespaces (X-Conformance-Namespace) stay apart")

    profile = commands.add_parser("profile", help="check a profile against a served portal")
    profile_commands = profile.add_subparsers(dest="profile_command", required=True)
    check = profile_commands.add_parser("check", help="open the portal's entries and report what the profile finds")
    check.add_argument("file", help="the profile YAML")
    check.add_argument("--portal-url", required=True, help="the portal, e.g. http://127.0.0.1:8000")
    check.add_argument("--hooks-token", help="token of the portal's conformance hooks (to check them too)")
    check.add_argument("--browser-executable", help="Chromium to launch (default: Playwright's, else the OS one)")

    explore = commands.add_parser(
        "explore", help="model-based random walks over the guides: the portal against the reference simulator "
                        "(configured with the portal's declared readings); each divergence a minimal scenario")
    explore.add_argument("--portal-url", help="portal to drive in the browser (default: in-process, the alt "
                                              "simulator or --deviate against the reference)")
    explore.add_argument("--profile", help="the portal's profile (its readings: configure the reference)")
    explore.add_argument("--hooks-token", help="token of the portal's conformance hooks")
    explore.add_argument("--browser-executable", help="Chromium to launch (default: Playwright's, else the OS one)")
    explore.add_argument("--guide", action="append", choices=("its", "liaoning", "qingdao"),
                         help="a guide's model (repeatable; default: all)")
    explore.add_argument("--budget", type=int, default=100, help="sequences per guide (default 100)")
    explore.add_argument("--seed", type=int, default=0, help="Hypothesis's seed: the same seed, the same sequences")
    explore.add_argument("--time-budget", type=float, help="stop beginning sequences after this many seconds")
    explore.add_argument("--variant", choices=("default", "alt"), default="alt",
                         help="in-process portal under test: this simulator variant (default: alt)")
    explore.add_argument("--deviate", action="append", help="in-process portal under test: the default simulator "
                                                            "with these deviation switches on (NAME[,NAME…])")
    explore.add_argument("--workers", type=int, default=1,
                         help="processes side by side, the guides shared out among them (the same sequences as one); "
                              "against a served portal each its own conformance namespace")
    explore.add_argument("--run-id", help="name of the folder under reports/ (default: time and 'explore')")
    explore.add_argument("--replace", action="store_true", help="overwrite an earlier run with the same --run-id")
    explore.add_argument("--reports-dir", type=Path, default=REPORTS_DIR)

    install = commands.add_parser("install-browser", help="install Chromium for the browser driver")
    install.add_argument("--headed", action="store_true", help="also the full Chromium (for ETAX_HEADED=1)")
    from etax_conformance.probe.run import add_parser as add_probe_parser

    add_probe_parser(commands)
    from etax_conformance.selfcheck_cli import add_parser as add_selfcheck_parser

    add_selfcheck_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"etax-conformance {args.command}: {exc}", file=sys.stderr)
        return 2


def _explore(args: argparse.Namespace) -> int:
    from etax_conformance.explore.session import Options, run_explore
    from etax_conformance.runner import new_run_dir

    if args.budget < 1:
        raise ValueError("--budget must be at least 1")
    if args.workers < 1:
        raise ValueError("--workers must be at least 1")
    if args.portal_url and args.workers > 1:
        _portal_keeps_namespaces(args)
    if args.portal_url and args.deviate:
        raise ValueError("--deviate switches the in-process simulator: not with --portal-url")
    if args.deviate:
        import importlib.util

        if importlib.util.find_spec("simulator.deviations") is None:
            raise ValueError("--deviate needs the selfcheck's deviation switches (simulator/deviations.py), "
                             "which this build does not have")
    run_dir = new_run_dir(args.reports_dir, "explore", args.run_id, args.replace)
    guides = tuple(dict.fromkeys(args.guide)) if args.guide else ("its", "liaoning", "qingdao")
    options = Options(run_dir=run_dir, guides=guides, budget=args.budget, seed=args.seed,
                      time_budget=args.time_budget, variant=args.variant, deviate=tuple(args.deviate or ()),
                      portal_url=args.portal_url, profile=args.profile, hooks_token=args.hooks_token,
                      browser_executable=args.browser_executable, workers=args.workers)
    return run_explore(sys.stdout, options)


def _portal_keeps_namespaces(args: argparse.Namespace) -> None:
    """Workers on one served portal need a namespace each: the portal's hooks must list the capability."""
    from drivers.profile import SIMULATOR_PROFILE, load_profile
    from etax_conformance.parallel_cli import NAMESPACE_CAPABILITY
    from etax_conformance.preflight import check_hooks

    profile = load_profile(args.profile or SIMULATOR_PROFILE)
    info = check_hooks(args.portal_url, args.hooks_token, profile.hooks_base_path)
    if NAMESPACE_CAPABILITY not in info.capabilities:
        raise ValueError(f"--workers {args.workers}: the portal's hooks do not list '{NAMESPACE_CAPABILITY}', so "
                         "workers would share one portal state; run with one worker (docs/parallel.md)")


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "run":
        from etax_conformance.runner import new_run_dir, run_suite
        from etax_conformance.trace_rerun import check_settings

        check_settings()  # ETAX_TRACE / ETAX_TRACE_RERUNS: an unknown value is reported before anything runs
        for path in args.features or ():
            if not Path(path).exists():
                raise ValueError(f"--features {path} does not exist")
        if args.portal_url and args.driver != "browser":  # else the simulator would pass in the portal's name
            raise ValueError("--portal-url needs --driver browser (the in-process driver runs the simulator)")
        if args.variant not in (None, "default") and (args.driver != "browser" or args.portal_url):
            # The alt variant is another portal: its pages, words and gestures are read through its profile, which
            # only the browser driver does; in-process it would silently run the default simulator instead.
            raise ValueError(f"--variant {args.variant} is a simulator the browser run serves itself: use it with "
                             "--driver browser and without --portal-url")
        if args.deviate:
            from etax_conformance.selfcheck_cli import check_deviations

            check_deviations(args.deviate)  # an unknown switch is reported before anything runs
            if args.driver == "browser" and args.portal_url:
                raise ValueError("--deviate changes the simulator a run drives itself: not with --portal-url")
        if args.plan:
            from etax_conformance.plans import parse_plan_list

            parse_plan_list(args.plan)  # an unknown plan is reported before anything runs
        if args.ln_logins_only and args.portal_url:
            raise ValueError("--ln-logins-only is a setting of the simulator the run drives itself: "
                             "not with --portal-url")
        if args.profile:
            from drivers.profile import load_profile

            load_profile(args.profile)  # a broken profile is reported before anything runs
        if args.signing_key:
            from etax_conformance.bundle.manifest import load_private

            load_private(args.signing_key)  # a key that cannot sign is reported before anything runs
        if args.expected_failures:
            from etax_conformance.report.expected import load_expected

            load_expected(args.expected_failures)
        if args.driver == "browser" and args.portal_url:
            from etax_conformance.preflight import preflight

            preflight(args.portal_url, args.hooks_token, args.profile)  # before any scenario, or exit 2
        from etax_conformance.parallel_cli import checked_workers

        workers = checked_workers(args)
        run_dir = new_run_dir(args.reports_dir, args.driver, args.run_id, args.replace)
        return run_suite(args.driver, run_dir, portal_url=args.portal_url, profile=args.profile,
                         hooks_token=args.hooks_token, browser_executable=args.browser_executable,
                         features=args.features, select=args.select, plan=args.plan, quiet=not args.verbose,
                         variant=args.variant, workers=workers, shard=args.shard,
                         ln_logins_only=args.ln_logins_only,
                         browser_cdp_url=args.browser_cdp_url, browser_ws_endpoint=args.browser_ws_endpoint,
                         without_hooks=args.without_hooks,
                         expected_failures=args.expected_failures, signing_key=args.signing_key, guides=args.guides,
                         deviate=args.deviate)
    if args.command == "explore":
        return _explore(args)
    if args.command == "serve":
        from etax_conformance.serving import serve_forever

        if not 0 <= args.port <= 65535:
            raise ValueError(f"--port {args.port} is not a TCP port (0-65535)")
        from etax_conformance import hooks_token

        token = hooks_token.resolve(args.hooks_token, args.hooks_token_file)
        serve_forever(args.host, args.port, args.db, token, args.variant, args.password_cost, args.ln_logins_only,
                      args.deviate)
        return 0
    if args.command == "probe":
        from etax_conformance.probe.run import run_probes

        return run_probes(sys.stdout, args.portal_url, args.hooks_token, args.fast, args.only)
    if args.command == "coverage" and args.switches:
        from etax_conformance.selfcheck_coverage import run_switch_coverage

        return run_switch_coverage(sys.stdout, args.catalog)
    if args.command == "coverage":
        from etax_conformance.coverage import run_coverage

        return run_coverage(sys.stdout, args.catalog, args.features)
    if args.command == "vocabulary":
        from etax_conformance.vocabulary_doc import run_vocabulary

        return run_vocabulary(sys.stdout, args.check, record=args.record)
    if args.command == "profile":
        from etax_conformance.profile_check import check_profile

        return check_profile(sys.stdout, args.file, args.portal_url, args.hooks_token, args.browser_executable)
    if args.command == "merge":
        from etax_conformance.merge import merge_runs

        return merge_runs(sys.stdout, args.folders, args.out, args.signing_key, args.guides)
    if args.command == "compare":
        from etax_conformance.compare import compare_runs

        return compare_runs(sys.stdout, args.first, args.second)
    if args.command == "verify":
        from etax_conformance.bundle.verify import verify_folder

        return verify_folder(sys.stdout, args.folder, args.public_key)
    if args.command == "keygen":
        from etax_conformance.bundle.manifest import keygen

        key, pub, fingerprint = keygen(args.prefix)
        print(f"private key: {key} (keep it secret)\npublic key:  {pub}\nfingerprint: {fingerprint}")
        return 0
    if args.command == "report":
        from etax_conformance.report.rebuild import rebuild_report

        return rebuild_report(sys.stdout, args.folder, args.guides, args.signing_key)
    if args.command == "dashboard":
        from etax_conformance.report.dashboard import build_dashboard

        return build_dashboard(sys.stdout, args.folders, args.out)
    if args.command == "selfcheck":
        from etax_conformance.selfcheck_cli import run_selfcheck_command

        return run_selfcheck_command(args)
    if args.command == "hooks":
        from etax_conformance.hooks_check import run_hooks_check

        return run_hooks_check(sys.stdout, args.portal_url, args.hooks_token, args.base_path, args.namespaces)
    from etax_conformance.browser_install import install_browser

    return install_browser(sys.stdout, headed=args.headed)
