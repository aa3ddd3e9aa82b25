"""pytest plugin of the suite: options, the portal driver fixture ladder, step modules, results."""

from __future__ import annotations

import hashlib
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

import pytest

from drivers.protocol import NotVerifiable, PortalDriver

if TYPE_CHECKING:
    from drivers.inprocess import InProcessDriver

pytest_plugins = [
    "etax_conformance.browser_fixtures",
    "etax_conformance.failures",
    "etax_conformance.parallel",
    "etax_conformance.shards",
    "etax_conformance.plan_selection",
    "etax_conformance.scenario_filter",
    "etax_conformance.report.steps_log",
    "etax_conformance.report.evidence",
    "steps.common.people_steps",
    "steps.common.portal_steps",
    "steps.common.refusals",
    "steps.its.reset_password",
    "steps.its.login_steps",
    "steps.its.concurrent_lock_steps",
    "steps.its.qr_steps",
    "steps.common.external_steps",
    "steps.natural_person.registration_steps",
    "steps.natural_person.registration_settings_steps",
    "steps.natural_person.app_registration_steps",
    "steps.its.unit_steps",
    "steps.its.concurrent_unit_lock_steps",
    "steps.its.former_login_steps",
    "steps.liaoning.seed_steps",
    "steps.liaoning.login_steps",
    "steps.liaoning.observe_steps",
    "steps.liaoning.quick_steps",
    "steps.liaoning.forgot_password_steps",
    "steps.mobile_tax_app.app_steps",
    "steps.liaoning.agent_steps",
    "steps.liaoning.personnel_steps",
    "steps.natural_person.app_declaration_password_steps",
    "steps.qingdao.plugin",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("etax-conformance")
    group.addoption("--driver", choices=("inprocess", "browser"), default="inprocess",
                    help="inprocess: the simulator's service layer; browser: a served portal in Chromium")
    group.addoption("--portal-url", default=None, help="portal to drive (browser); default: serve the simulator")
    group.addoption("--profile", default=None, help="profile YAML of the portal (browser)")
    group.addoption("--hooks-token", default=None, help="token of the portal's conformance hooks")
    group.addoption("--browser-executable", default=None, help="Chromium to launch (default: found)")
    group.addoption("--run-dir", default=None, help="where results.json is written")
    group.addoption("--variant", choices=("default", "alt"), default="default",
                    help="variant of the simulator a browser run serves itself (without --portal-url)")
    group.addoption("--ln-logins-only", action="store_true",
                    help="the simulator the run drives without the Liaoning personnel pages (plan ln-logins only)")
    group.addoption("--deviate", default=None,
                    help="NAME[,NAME…]: deviation switches of the simulator this run drives itself (selfcheck)")
    group.addoption("--without-hooks", default=None,
                    help="hooks capabilities to treat as missing, e.g. clock (as a portal lacking them)")
    group.addoption("--progress", action="store_true", help="scenario n of N, guide, failures, time left (stderr)")
    group.addoption("--expected-failures", default=None, help="YAML/JSON: scenario ids expected to fail, with reasons")
    group.addoption("--record-vocabulary", default=None,
                    help="JSON file: every name the steps ask the portal for (etax-conformance vocabulary)")


def pytest_configure(config: pytest.Config) -> None:
    from etax_conformance.results import ResultsRecorder
    if config.getoption("--driver") == "inprocess" or config.getoption("--deviate"):
        from drivers.inprocess import use_deviations

        use_deviations(config.getoption("--deviate"))  # in-process; a served simulator gets --deviate itself

    if config.getoption("--run-dir"):
        config.pluginmanager.register(ResultsRecorder(config), "etax-results")
    if config.getoption("--progress"):
        from etax_conformance.report.progress import Progress

        config.pluginmanager.register(Progress(), "etax-progress")
    from etax_conformance.applicability import configure_readings

    configure_readings(config)
    from etax_conformance.simulator_settings import record_inprocess

    record_inprocess(config)
    from etax_conformance.step_lookup import install

    install()  # pytest-bdd's step lookup, remembered per step text


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_apply_tag(tag: str, function: object) -> bool | None:
    """@REQ_…, @READING_…=…, @FLOW_… and @BEYOND_GUIDE are not pytest markers: the recorder and the readings hook
    read them."""
    return True if tag.startswith(("REQ_", "READING_", "FLOW_", "BEYOND_GUIDE")) else None


def pytest_unconfigure(config: pytest.Config) -> None:
    from etax_conformance.vocabulary_record import write_if_recording

    write_if_recording(config)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    from etax_conformance.applicability import mark_not_applicable

    mark_not_applicable(config, items)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection built lives for the whole run: out of the garbage collector's sight, so its full passes
    (run every few thousand allocations) stop walking it again and again."""
    import gc

    gc.collect()
    gc.freeze()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None]:
    yield from _not_verifiable_is_a_skip()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None]:
    yield from _not_verifiable_is_a_skip()


def _not_verifiable_is_a_skip() -> Generator[None]:
    """A capability the portal lacks makes the scenario "not verifiable" (never passed, never failed)."""
    try:
        yield
    except NotVerifiable as missing:
        pytest.skip(f"not verifiable: {missing}")


@pytest.fixture(scope="session")
def driver_kind(request: pytest.FixtureRequest) -> str:
    kind: str = request.config.getoption("--driver")
    return kind


@pytest.fixture
def scenario_seed(request: pytest.FixtureRequest) -> str:
    """A stable seed per scenario, so each scenario draws the same identities in every run and driver."""
    return hashlib.sha256(request.node.nodeid.split("::", 1)[-1].encode()).hexdigest()[:16]


@pytest.fixture(scope="session")
def run_freezer() -> Iterator[object]:
    """In-process runs: freezegun started once for the run (drivers.inprocess.RunFreezer), not per scenario."""
    from drivers.inprocess import RunFreezer

    freezer = RunFreezer()
    yield freezer
    freezer.stop()


@pytest.fixture(scope="session")
def inprocess_driver(run_freezer: object, pytestconfig: pytest.Config) -> Iterator[InProcessDriver]:
    """One in-process portal for the run, reset at the start of each scenario — as a served portal is."""
    from drivers.inprocess import InProcessDriver

    driver = InProcessDriver(freezer=run_freezer,  # type: ignore[arg-type]
                             ln_logins_only=bool(pytestconfig.getoption("--ln-logins-only")))
    yield driver
    driver.close()


@pytest.fixture
def portal(driver_kind: str, request: pytest.FixtureRequest) -> Iterator[PortalDriver]:
    """The portal under test, reset to empty at the start of the scenario."""
    driver: PortalDriver
    missing = request.config.getoption("--without-hooks")
    if driver_kind != "browser":
        shared = request.getfixturevalue("inprocess_driver")
        shared.begin_scenario()
        shared.reset()
        from etax_conformance.vocabulary_record import wrap_for

        if missing:
            from etax_conformance.without_hooks import WithoutHooks, parse_missing

            yield wrap_for(request, WithoutHooks(shared, parse_missing(missing)))
        else:
            yield wrap_for(request, shared)
        return
    driver = request.getfixturevalue("browser_portal_factory")()
    if missing:
        from etax_conformance.without_hooks import WithoutHooks, parse_missing

        driver = WithoutHooks(driver, parse_missing(missing))
    try:
        driver.reset()
        yield driver
    finally:
        driver.close()

