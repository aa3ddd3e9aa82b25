"""Parallel runs (pytest-xdist, `run --workers N`): one portal for every worker, a namespace each, one results.json.

- The controller (the process that starts the workers) serves ONE simulator for a browser run without
  --portal-url, checks the portal (preflight, recorded in results.json) and hands its address to the workers.
- Each browser worker drives it with its own Chromium and names its own conformance namespace
  (`<run tag>-<worker>`) on every request, so its resets and clock moves stay its own (docs/parallel.md).
- Each worker records its scenarios; their results travel to the controller with pytest's reports, and the
  controller writes results.json in collection order — the same document as a one-worker run.
"""

from __future__ import annotations

import secrets
from collections.abc import Generator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from etax_conformance.parallel_cli import NAMESPACE_CAPABILITY

#: Keys of an xdist worker's `workerinput` set by the controller.
SERVED, RUN_TAG = "etax_served", "etax_run_tag"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("etax-conformance")
    group.addoption("--browser-cdp-url", default=None,
                    help="connect to a running Chromium over CDP (e.g. http://127.0.0.1:9222) instead of launching one")
    group.addoption("--browser-ws-endpoint", default=None,
                    help="connect to a Playwright browser server (ws://host:port/path) instead of launching one")
    group.addoption("--shard", default=None, help="K/N: run only the K-th of N stable slices of the scenarios")
    group.addoption("--namespace", default=None,
                    help="conformance namespace to send on every request (default: one per worker in parallel runs)")


def is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def is_controller(config: pytest.Config) -> bool:
    """The process that starts xdist workers (and runs no scenario itself)."""
    return not is_worker(config) and config.getoption("dist", "no") != "no" and not config.getoption("collectonly")


def workerinput(config: pytest.Config) -> dict[str, Any]:
    found: dict[str, Any] = getattr(config, "workerinput", {})
    return found


def served_endpoint(config: pytest.Config) -> tuple[str, str] | None:
    """(url, token) of the simulator the controller serves for every worker; None outside parallel runs."""
    served = workerinput(config).get(SERVED)
    return None if served is None else (str(served[0]), str(served[1]))


def namespace(config: pytest.Config) -> str | None:
    """The namespace this process sends: the given one, one per parallel worker, else none (the default state)."""
    given: str | None = config.getoption("--namespace")
    if given:
        return given
    tag = workerinput(config).get(RUN_TAG)
    if tag is not None:
        return f"{tag}-{workerinput(config)['workerid']}"
    shard = config.getoption("--shard")
    if shard and _portal_lists_namespaces(config):  # shards on other machines may share this portal
        if _SHARD_TAG not in config.stash:
            config.stash[_SHARD_TAG] = f"shard-{shard.replace('/', 'of')}-{secrets.token_hex(4)}"
        return config.stash[_SHARD_TAG]
    return None


_SHARD_TAG = pytest.StashKey[str]()


def _portal_lists_namespaces(config: pytest.Config) -> bool:
    from etax_conformance.preflight import HOOKS_INFO

    info = config.stash.get(HOOKS_INFO, None)
    return info is not None and NAMESPACE_CAPABILITY in info.capabilities


def pytest_configure(config: pytest.Config) -> None:
    if is_controller(config):
        config.pluginmanager.register(Controller(config), "etax-parallel-controller")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    """In a worker: the scenario's result (recorded by etax_conformance.results) rides on the report."""
    report = yield
    recorder = item.config.pluginmanager.get_plugin("etax-results")
    if is_worker(item.config) and recorder is not None:
        result = recorder.results.get(item.nodeid)
        if result is not None:
            report.etax_result = asdict(result)
    return report


class Controller:
    """Serves the portal for the workers, gives each its namespace tag, gathers their results in order."""

    def __init__(self, config: pytest.Config) -> None:
        self.config, self.run_tag = config, secrets.token_hex(4)
        self.order: list[str] | None = None
        self.served: Any = None
        self.endpoint: tuple[str, str] | None = None
        if config.getoption("--driver") == "browser":
            self._portal()

    def _portal(self) -> None:
        from etax_conformance.preflight import HOOKS_INFO, PreflightError, preflight

        url, token = self.config.getoption("--portal-url"), self.config.getoption("--hooks-token") or ""
        if not url:
            from etax_conformance.serving import ServedSimulator

            run_dir = self.config.getoption("--run-dir")
            folder = Path(run_dir) if run_dir else Path(self.config.rootpath) / "reports" / "_served"
            folder.mkdir(parents=True, exist_ok=True)
            db = folder / "simulator.sqlite3"
            db.unlink(missing_ok=True)
            self.served = ServedSimulator.start(db, variant=self.config.getoption("--variant"),
                                                ln_logins_only=self.config.getoption("--ln-logins-only"),
                                                deviate=self.config.getoption("--deviate"))
            url, token = self.served.url, self.served.hooks_token
            self.endpoint = (url, token)
            from etax_conformance.simulator_settings import record_served

            record_served(self.config, self.served.simulator_settings())  # in results.json, as a 1-worker run
        try:
            info = preflight(url, token, self.config.getoption("--profile"))
        except PreflightError as problem:
            self.stop()
            raise pytest.UsageError(f"etax-conformance run: {problem}") from None
        if NAMESPACE_CAPABILITY not in info.capabilities and not self.config.getoption("--namespace"):
            self.stop()
            raise pytest.UsageError(
                f"etax-conformance run: the portal's hooks do not list '{NAMESPACE_CAPABILITY}': parallel workers "
                "would reset each other's scenarios; run it with one worker (docs/parallel.md)")
        self.config.stash[HOOKS_INFO] = info

    def stop(self) -> None:
        if self.served is not None:
            self.served.stop()
            self.served = None

    def pytest_configure_node(self, node: Any) -> None:
        node.workerinput[RUN_TAG] = self.run_tag
        if self.endpoint is not None:
            node.workerinput[SERVED] = list(self.endpoint)

    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        if self.order is None:
            self.order = list(ids)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        data = getattr(report, "etax_result", None)
        recorder = self.config.pluginmanager.get_plugin("etax-results")
        if data is None or recorder is None:
            return
        from etax_conformance.results import ScenarioResult

        recorder.results[report.nodeid] = ScenarioResult(**data)
        if report.failed and data.get("detail") and isinstance(report.longrepr, str):
            from etax_conformance.failures import Explained

            # As in the worker: junit's failure message is the explanation (not the whole text).
            detail = data["detail"]
            report.longrepr = Explained(detail, report.longrepr.removeprefix(detail + "\n\n"))  # type: ignore[assignment]

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        recorder = self.config.pluginmanager.get_plugin("etax-results")
        if recorder is not None and self.order is not None:
            rank = {nodeid: index for index, nodeid in enumerate(self.order)}
            ordered = sorted(recorder.results.items(), key=lambda kv: rank.get(kv[0], len(rank)))
            recorder.results.clear()
            recorder.results.update(ordered)

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        self.stop()
