"""refresh: wait stops waiting once the page has polled the portal (the same URL) twice since the wait began and
stayed."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

from drivers.browser import _Polls


def _request(url: str) -> Any:
    return SimpleNamespace(url=url)


def _asked(polls: _Polls, url: str) -> None:
    request = _request(url)
    polls.started(request)
    polls.seen(request)


def test_two_answers_of_one_portal_url_then_quiet_is_staying() -> None:
    polls = _Polls("http://127.0.0.1:8000")
    for _ in range(2):
        _asked(polls, "http://127.0.0.1:8000/ewm/zt")
    assert not polls.stayed()  # the last answer just came: the page may be leaving on it
    polls._last -= _Polls.SETTLED
    assert polls.stayed()


def test_other_origins_and_different_urls_are_not_polling() -> None:
    polls = _Polls("http://127.0.0.1:8000/")
    for n in range(5):
        _asked(polls, "http://127.0.0.1:80001/ewm/zt")  # another port that starts alike
        _asked(polls, "https://analytics.example/ping")
        _asked(polls, f"http://127.0.0.1:8000/static/{n}.js")
    polls._last = time.monotonic() - 10
    assert not polls.stayed()


def test_answers_to_requests_started_before_the_wait_do_not_count() -> None:
    polls = _Polls("http://127.0.0.1:8000")
    for _ in range(3):  # asked before the steps changed the state: their answers may be stale
        polls.seen(_request("http://127.0.0.1:8000/ewm/zt"))
    polls._last = time.monotonic() - 10
    assert not polls.stayed()
