"""`etax-conformance explore`: the twin built from the command line, the guides explored, the run folder written.

In-process (the default) the portal under test is a second simulator in this process: the alt variant (every free
choice taken the other way), or the default one with deviation switches on (--deviate). With --portal-url it is a
served portal driven in the browser through its profile. The reference is always the in-process simulator with the
readings the portal's profile declares (`readings:`). The run folder holds one .feature per divergence, results.json
(its `explore` block) and report.html.
"""

from __future__ import annotations

import importlib
import json
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from drivers.inprocess import InProcessDriver, RunFreezer
from drivers.protocol import PortalDriver
from etax_conformance.explore import report
from etax_conformance.explore.clock import elapsed
from etax_conformance.explore.explorer import MAX_DIVERGENCES, MODELS, GuideRun, explore_guide
from etax_conformance.explore.gherkin import feature_text
from etax_conformance.explore.twin import Twin
from etax_conformance.paths import CATALOG_DIR
from etax_conformance.readings import load_declared, load_flows, load_readings
from simulator.variant import DEFAULT_READINGS, Variant

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
SIMULATOR_PROFILES = {"default": PROFILES / "simulator.yaml", "alt": PROFILES / "alt.yaml"}


@dataclass(frozen=True)
class Options:
    """What the command line asked for."""

    run_dir: Path
    guides: tuple[str, ...] = tuple(MODELS)
    budget: int = 100
    seed: int = 0
    time_budget: float | None = None
    variant: str = "alt"
    deviate: tuple[str, ...] = ()
    portal_url: str | None = None
    profile: str | None = None
    hooks_token: str | None = None
    browser_executable: str | None = None
    max_divergences: int = MAX_DIVERGENCES
    #: Processes exploring side by side, the guides shared out among them (a guide's run is independent of the
    #: others': the same seed gives the same sequences whatever the number of workers).
    workers: int = 1
    #: The conformance namespace this process's browser portal state lives in (a worker's own; docs/parallel.md).
    namespace: str | None = None


def declared_readings(options: Options) -> dict[str, str]:
    """The readings the portal under test declares: its profile's, or the in-process variant's own profile's."""
    profile = Path(options.profile) if options.profile else SIMULATOR_PROFILES["default" if options.deviate
                                                                               else options.variant]
    return load_declared(profile, load_readings(CATALOG_DIR), load_flows(CATALOG_DIR)).readings


def reference_variant(readings: dict[str, str]) -> Variant:
    """The reference simulator following the portal's declared readings (the simulator's own where none declared)."""
    return replace(Variant.default(), readings=tuple({**DEFAULT_READINGS, **readings}.items()))


def run_explore(out: TextIO, options: Options,
                plant: Callable[[InProcessDriver], Callable[[bool], None]] | None = None) -> int:
    """Explore, write the run folder; exit 1 when the portal diverged from the reference, else 0.

    plant (tests): given the in-process portal under test, returns a switch the twin turns on while that portal acts
    and off while the reference does (a bug planted in that portal only)."""
    readings = declared_readings(options)
    started = elapsed()
    if options.workers > 1 and len(options.guides) > 1:
        if plant is not None:
            raise ValueError("a planted bug lives in this process: explore it with one worker")
        runs = _explore_in_workers(options)
    else:
        runs = _explore_here(options, readings, plant)
    files = _write_features(options.run_dir, runs)
    block = _explore_block(options, readings, runs, files, elapsed() - started)
    (options.run_dir / "results.json").write_text(json.dumps({"kind": "explore", "explore": block},
                                                             ensure_ascii=False, indent=2), encoding="utf-8")
    (options.run_dir / "report.html").write_text(report.html(block), encoding="utf-8")
    found = len(block["divergences"])
    print(f"explore: {block['sequences']} sequences ({block['sequences_per_second']}/s), {found} divergence(s); "
          f"seed {options.seed}; {options.run_dir}", file=out)
    for item in block["divergences"]:
        print(f"  {item['guide']}: {options.run_dir / item['file']} — {item['last_step']}", file=out)
    return 1 if found else 0


def _explore_here(options: Options, readings: dict[str, str],
                  plant: Callable[[InProcessDriver], Callable[[bool], None]] | None = None) -> list[GuideRun]:
    """The guides of `options`, one after the other, in this process."""
    # Hypothesis times its shrinking: on the portals' frozen clock, moved by hours, it would stop at once.
    freezer = RunFreezer(real_asyncio=options.portal_url is not None, ignore=("hypothesis",))
    deadline = None if options.time_budget is None else elapsed() + options.time_budget
    try:
        reference = InProcessDriver(freezer=freezer, variant=reference_variant(readings))
        with _portal_under_test(options, freezer) as (portal, renew):
            switch = _switch(options, plant, portal)
            twin = Twin(portal, reference, freezer, portal_enter=lambda: switch(True),
                        reference_enter=lambda: switch(False), renew_portal=renew)
            runs = [explore_guide(guide, twin, options.budget, options.seed, deadline,
                                  options.max_divergences) for guide in options.guides]
            switch(False)
        reference.close()
    finally:
        freezer.stop()
    if options.portal_url:
        for run in runs:
            run.namespace = options.namespace
    return runs


def _explore_in_workers(options: Options) -> list[GuideRun]:
    """The guides shared out among `options.workers` new processes (each its own portals, clock and, against a
    served portal, its own conformance namespace); the runs gathered in the order of `options.guides`."""
    count = min(options.workers, len(options.guides))
    shares = [options.guides[i::count] for i in range(count)]
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no frozen clock or HTTP mock inherited
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        jobs = [pool.submit(_worker, replace(options, guides=share, workers=1,
                                             namespace=f"{options.namespace or 'explore'}-w{number}"))
                for number, share in enumerate(shares, start=1)]
        done = [run for job in jobs for run in job.result()]
    by_guide = {run.guide: run for run in done}
    return [by_guide[guide] for guide in options.guides]


def _worker(options: Options) -> list[GuideRun]:
    """One worker process: its share of the guides (the reference with the portal's declared readings)."""
    return _explore_here(options, declared_readings(options))


def _switch(options: Options, plant: Callable[[InProcessDriver], Callable[[bool], None]] | None,
            portal: PortalDriver) -> Callable[[bool], None]:
    """What turns the portal under test's own deviations on (True) while it acts, off while the reference does."""
    if options.deviate:
        # The selfcheck's switches (simulator/deviations.py), process-wide: on only while the portal under test acts.
        deviations = importlib.import_module("simulator.deviations")
        names = deviations.parse(list(options.deviate))
        return lambda on: deviations.activate(names if on else ())
    if plant is not None and isinstance(portal, InProcessDriver):
        return plant(portal)
    return lambda on: None


@contextmanager
def _portal_under_test(options: Options, freezer: RunFreezer) -> Iterator[
        tuple[PortalDriver, Callable[[], PortalDriver] | None]]:
    """The portal under test, and how to get a new driver of it for each sequence (None: reset is enough)."""
    if options.portal_url is None:
        variant = Variant.default() if options.deviate else Variant.named(options.variant)
        # Built with its switches on: some rules are fixed when the portal is built (the lock's threshold and
        # duration), so a switch only toggled while the portal acts would not reach them.
        deviations = importlib.import_module("simulator.deviations") if options.deviate else None
        if deviations is not None:
            deviations.activate(deviations.parse(list(options.deviate)))
        try:
            driver = InProcessDriver(freezer=freezer, variant=variant)
        finally:
            if deviations is not None:
                deviations.activate(())
        try:
            yield driver, None
        finally:
            driver.close()
        return
    from playwright.sync_api import sync_playwright

    from drivers.browser import BrowserDriver
    from drivers.chromium import launch
    from drivers.hooks_client import HooksClient
    from drivers.profile import SIMULATOR_PROFILE, load_profile

    profile = load_profile(options.profile or SIMULATOR_PROFILE)
    with sync_playwright() as playwright:
        browser = launch(playwright, options.browser_executable)
        url = options.portal_url

        def renew() -> PortalDriver:
            hooks = HooksClient(url + (profile.hooks_base_path or ""), options.hooks_token or "",
                                namespace=options.namespace)
            return BrowserDriver(browser, url, profile, hooks, namespace=options.namespace)

        first = renew()
        try:
            yield first, renew
        finally:
            browser.close()


def _write_features(run_dir: Path, runs: list[GuideRun]) -> dict[tuple[str, int], str]:
    folder = run_dir / "explore"
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for run in runs:
        for number, found in enumerate(run.found, start=1):
            name = f"explore/{run.guide}_divergence_{number}.feature"
            (run_dir / name).write_text(feature_text(run.guide, number, found.seed, found.steps, found.tags),
                                        encoding="utf-8")
            files[(run.guide, number)] = name
    return files


def _explore_block(options: Options, readings: dict[str, str], runs: list[GuideRun],
                   files: dict[tuple[str, int], str], seconds: float) -> dict[str, Any]:
    sequences = sum(run.sequences for run in runs)
    portal = ({"driver": "browser", "url": options.portal_url, "profile": options.profile}
              if options.portal_url else
              {"driver": "inprocess", "variant": "default" if options.deviate else options.variant,
               "deviations": list(options.deviate)})
    return {
        "seed": options.seed, "budget": options.budget, "time_budget_seconds": options.time_budget,
        "guides": [run.guide for run in runs], "portal": portal,
        "reference": {"driver": "inprocess", "variant": "default", "readings": readings},
        "sequences": sequences, "steps": sum(run.steps for run in runs), "seconds": round(seconds, 2),
        "sequences_per_second": round(sequences / seconds, 1) if seconds else None,
        "per_guide": [{"guide": run.guide, "sequences": run.sequences, "steps": run.steps,
                       "seconds": round(run.seconds, 2), "divergences": len(run.found),
                       **({"namespace": run.namespace} if run.namespace else {})} for run in runs],
        "divergences": [
            {"guide": run.guide, "number": number, "file": files[(run.guide, number)], "seed": found.seed,
             "first_met_in_sequence": found.found_after, "flaky": found.flaky, "steps": len(found.steps),
             "last_step": found.steps[-1].sentence, "tags": sorted(set(found.tags)),
             "portal": _outcome(found.steps[-1].portal), "reference": _outcome(found.steps[-1].reference)}
            for run in runs for number, found in enumerate(run.found, start=1)],
        "replay": (f"etax-conformance explore --guide {' --guide '.join(run.guide for run in runs)} "
                   f"--seed {options.seed} --budget {options.budget}"),
    }


def _outcome(outcome: Any) -> dict[str, Any]:
    return {"done": outcome.done, "failure": outcome.failure, "holding": sorted(outcome.holding)}
