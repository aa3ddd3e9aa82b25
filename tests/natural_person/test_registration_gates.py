"""The registration gates (ITS §2.1 ① 【同意并继续】, §2.2 用户注册协议) are proven closed only by really going on
(issue 19): the gate steps open the screens behind the gate by their address and submit the identity, so a portal that
enforces the gate only in its links now fails, and the simulator (which keeps every gate at the server) passes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.inprocess import InProcessDriver
from fixtures.identities import Identity, IdentityFactory
from simulator.common.router import Router
from steps.natural_person import app_registration_steps as app
from steps.natural_person import registration_steps as web

APP = "个人所得税APP"


@pytest.fixture
def driver() -> Iterator[InProcessDriver]:
    made = InProcessDriver()
    made.reset()
    yield made
    made.close()


@pytest.fixture
def links_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A planted portal: its pages hide what lies behind a gate, but any screen's address shows that screen."""

    def open_anywhere(router: Router, session_id: str | None, screen: str, entry: str = "扣缴客户端") -> object:
        session = router._sessions.get(session_id, router._start(entry))
        wanted = f"APP:{screen}" if entry == APP and f"APP:{screen}" in router._owner else screen
        session.go(wanted)
        return session.id, router._render(session)

    monkeypatch.setattr(Router, "open", open_anywhere)


def _cast(driver: InProcessDriver) -> tuple[dict[str, Identity], dict[str, str]]:
    cast = {"张三": IdentityFactory("gates").person()}
    codes: dict[str, str] = {}
    web.hall_code(driver, cast, codes, "张三")
    return cast, codes


def _web_gate(driver: InProcessDriver) -> None:
    cast, codes = _cast(driver)
    web.to_registration(driver)
    web.without_consent(driver, cast, codes, "张三")
    web.registration_stopped(driver)


def _app_gate(driver: InProcessDriver, method: str) -> None:
    cast, codes = _cast(driver)
    chosen: dict[str, str] = {}
    app.choose_without_agreeing(driver, chosen, "张三", method)
    app.goes_on_without_agreeing(driver, cast, codes, chosen, "张三")
    if driver.shows_control(app.CAPTURE):
        app.capture_face(driver)
    web.registration_stopped(driver)


def test_the_simulator_keeps_the_web_gate(driver: InProcessDriver) -> None:
    _web_gate(driver)
    assert driver.screen() == "实名注册"


@pytest.mark.usefixtures("links_only")
def test_a_web_gate_kept_only_in_links_fails(driver: InProcessDriver) -> None:
    with pytest.raises(AssertionError, match="不能继续注册"):
        _web_gate(driver)


@pytest.mark.parametrize("method", [app.HALL, app.FACE])
def test_the_simulator_keeps_the_app_agreement(driver: InProcessDriver, method: str) -> None:
    _app_gate(driver, method)


@pytest.mark.usefixtures("links_only")
@pytest.mark.parametrize("method", [app.HALL, app.FACE])
def test_an_app_agreement_kept_only_in_links_fails(driver: InProcessDriver, method: str) -> None:
    with pytest.raises(AssertionError, match="不能继续注册"):
        _app_gate(driver, method)
