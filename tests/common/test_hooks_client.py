"""HooksClient on a v2 base calls only GET {base}/, GET {base}/capabilities and POST {base}/capabilities/<name>."""

from __future__ import annotations

from datetime import timedelta

import pytest
import responses

from drivers.hooks_client import HooksClient
from drivers.protocol import NotVerifiable
from fixtures.identities import Identity

URL = "http://portal.test"


def _every_basic(client: HooksClient, person: Identity) -> None:
    client.reset()
    client.seed_person(person)
    client.current_captcha("sid-1")
    client.current_captcha()
    client.set_clock("2024-03-01T10:00:00+08:00")
    client.advance_clock(timedelta(minutes=5))


@responses.activate
def test_a_v2_base_calls_capabilities_by_name_only(person: Identity) -> None:
    base = URL + "/hooks/v2"
    for name in ("reset", "seed.natural_person", "captcha", "clock.set", "clock.advance"):
        responses.post(f"{base}/capabilities/{name}", json={"answer": "K7MP"} if name == "captcha" else {})
    _every_basic(HooksClient(base, "token-0123456789abcdef"), person)
    called = [(c.request.method, c.request.url) for c in responses.calls]
    assert all(method == "POST" and url.startswith(base + "/capabilities/") for method, url in called), called
    captcha = [c.request.body for c in responses.calls if str(c.request.url).endswith("/captcha")]
    assert captcha == [b'{"session": "sid-1"}', b"{}"]


@responses.activate
def test_a_v1_base_keeps_v1_paths(person: Identity) -> None:
    base = URL + "/__conformance__/v1"
    responses.post(base + "/reset", json={"reset": True})
    responses.post(base + "/natural-persons", json={"seeded": "x"}, status=201)
    responses.get(base + "/captcha", json={"answer": None})
    responses.put(base + "/clock", json={"now": "x"})
    responses.post(base + "/clock/advance", json={"now": "x"})
    _every_basic(HooksClient(base, "token-0123456789abcdef"), person)
    assert len(responses.calls) == 6


@responses.activate
def test_a_base_that_names_no_version_asks_the_hooks_once() -> None:
    base = URL + "/test-hooks"
    responses.get(base + "/capabilities", json={"version": 1, "capabilities": ["reset"]})
    responses.post(base + "/reset", json={"reset": True})
    client = HooksClient(base, "token-0123456789abcdef")
    client.reset()
    client.reset()
    assert [c.request.method for c in responses.calls] == ["GET", "POST", "POST"]
    assert client.version == 1


@responses.activate
def test_a_missing_basic_is_not_verifiable_naming_it() -> None:
    responses.post(URL + "/v2/capabilities/clock.advance", status=404, json={"error": "no"})
    with pytest.raises(NotVerifiable, match=r"「clock\.advance」"):
        HooksClient(URL + "/v2", "token-0123456789abcdef").advance_clock(timedelta(minutes=1))
