"""refresh: wait stops waiting once the page has polled the portal (the same URL) three times and stayed."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

from drivers.browser import _Polls


def _request(url: str) -> Any:
    return SimpleNamespace(url=url)


def test_three_answers_of_one_portal_url_then_quiet_is_staying() -> None:
    polls = _Polls("http://127.0.0.1:8000")
    for _ in range(3):
        polls.seen(_request("http://127.0.0.1:8000/ewm/zt"))
    assert not polls.stayed()  # the last answer just came: the page may be leaving on it
    polls._last -= _Polls.SETTLED
    assert polls.stayed()


def test_other_origins_and_different_urls_are_not_polling() -> None:
    polls = _Polls("http://127.0.0.1:8000/")
    for n in range(5):
        polls.seen(_request("http://127.0.0.1:80001/ewm/zt"))  # another port that starts alike
        polls.seen(_request("https://analytics.example/ping"))
        polls.seen(_request(f"http://127.0.0.1:8000/static/{n}.js"))
    polls._last = time.monotonic() - 10
    assert not polls.stayed()
