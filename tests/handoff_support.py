"""Shared by the tests of the handoff shortcuts (registration.verified, enterprise.logged_in, qingdao.logged_in):
redeeming an answered address in-process or opening it over HTTP, and a driver that records what a step presses on
the pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from drivers.inprocess import InProcessDriver
from simulator.bootstrap import Portal
from simulator.common.handoff import PATH
from simulator.common.sessions import PortalSession
from simulator.web.app import create_app


def redeemed(portal: Portal, answer: Mapping[str, Any]) -> tuple[str, PortalSession]:
    """The entry and session behind the answer's one-time address (spent now); fails when it opens nothing."""
    found = portal.handoffs.redeem(str(answer["open"]).removeprefix(PATH))
    assert found is not None, answer
    return found


def opens_once_over_http(portal: Portal, token: str, capability: str, body: Mapping[str, Any],
                         shown: str) -> tuple[FlaskClient, TestResponse]:
    """The capability answered over the served hooks: its address, opened once, sets the session cookie and leads to
    a page showing `shown`; opened again, it is gone (404, no cookie). The client, and the second answer."""
    client = create_app(portal, hooks_token=token).test_client()
    answer = client.post(f"/__conformance__/v2/capabilities/{capability}", json=dict(body),
                         headers={"X-Conformance-Token": token})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    address = answer.get_json()["open"]
    first = client.get(address)
    assert (first.status_code, "Set-Cookie" in first.headers) == (303, True)
    page = client.get(first.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert shown in page
    again = client.get(address)
    assert (again.status_code, "Set-Cookie" in again.headers) == (404, False)
    return client, again


class ClickCounting(InProcessDriver):
    """The in-process driver, recording the controls a step presses (none: the shortcut was taken)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.clicks: list[str] = []

    def click(self, control: str) -> None:
        self.clicks.append(control)
        super().click(control)
