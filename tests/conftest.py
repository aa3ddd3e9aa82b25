"""Shared fixtures of the project's own tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.common.passwords import TEST, configure
from simulator.common.test_control import PersonSeed


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashes() -> None:
    """The project's tests are a test run: cheap hashes, as in-process runs (serve's strong cost: its own test)."""
    configure(TEST)


@pytest.fixture
def person() -> Identity:
    return IdentityFactory("tests").person()


def seed_of(identity: Identity) -> PersonSeed:
    return PersonSeed(name=identity.name, document_type=identity.document_type.value,
                      document_number=identity.document_number, phone=identity.phone,
                      login_name=identity.login_name, password=identity.password)


@pytest.fixture
def portal() -> Portal:
    """A simulator in memory whose clock the test moves."""
    clock = ControlledClock()
    clock.set(ControlledClock().now())
    return build_portal(clock=clock)


@pytest.fixture(autouse=True)
def _forms_post_with_their_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """Web tests post forms as a browser does, with the page's CSRF token (tests/form_client.py)."""
    from flask import Flask

    from tests.form_client import FormClient

    monkeypatch.setattr(Flask, "test_client_class", FormClient)


@pytest.fixture(autouse=True)
def _no_http_mock_left_behind() -> Iterator[None]:
    """A test leaves `requests` as it found it: a `responses` mock left started (an in-process driver not closed,
    or two mocks stopped out of order) would answer every later request, even to a loopback portal, with
    'connection refused'."""
    import requests.adapters

    before = requests.adapters.HTTPAdapter.send
    yield
    after = requests.adapters.HTTPAdapter.send
    if after is not before:
        requests.adapters.HTTPAdapter.send = before  # type: ignore[method-assign]
        pytest.fail("the test left a `responses` mock started (requests.adapters.HTTPAdapter.send still patched)")
