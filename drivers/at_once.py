"""Several visitors of one portal acting at the same moment (PortalDriver.at_once), for both drivers.

In process: one thread per visitor, a barrier between preparing and acting. In a browser: the visitors are prepared
one by one; then, since Playwright's sync API runs every call on its dispatcher's event loop, they act as greenlets
under that dispatcher — each sync call of one visitor lets the loop serve the others — and their requests reach the
portal together. A visitor's failure is raised after all have finished, so none is left waiting.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import greenlet  # type: ignore[import-untyped]
from playwright._impl._greenlets import wait_for_future

V = TypeVar("V")
T = TypeVar("T")


def in_threads(visitors: Sequence[V], prepare: Callable[[V], None], act: Callable[[V], T]) -> list[T]:
    """Each visitor prepared in its own thread; all act once every one is prepared."""
    start = threading.Barrier(len(visitors))

    def run(visitor: V) -> T:
        try:
            prepare(visitor)
        except BaseException:
            start.abort()
            raise
        start.wait()
        return act(visitor)

    with ThreadPoolExecutor(len(visitors)) as pool:
        return list(pool.map(run, visitors))


def in_greenlets(anchor: Any, visitors: Sequence[V], prepare: Callable[[V], None], act: Callable[[V], T]) -> list[T]:
    """The same for objects of one Playwright sync instance; `anchor` is any of them (e.g. a page). The visitors are
    prepared one after another (a browser's pages load slowly when many load at once), then act as greenlets."""
    for visitor in visitors:
        prepare(visitor)
    loop: asyncio.AbstractEventLoop = anchor._loop
    dispatcher: greenlet.greenlet = anchor._dispatcher_fiber
    finished = loop.create_future()
    results: list[Any] = [None] * len(visitors)
    errors: list[BaseException] = []
    left = [len(visitors)]

    def run(index: int, visitor: V) -> None:
        try:
            results[index] = act(visitor)
        except BaseException as error:  # raised below, once every visitor has stopped
            errors.append(error)
        left[0] -= 1
        if not left[0] and not finished.done():
            finished.set_result(None)

    for index, visitor in enumerate(visitors):
        worker = greenlet.greenlet(lambda i=index, v=visitor: run(i, v), parent=dispatcher)
        loop.call_soon(worker.switch)
    wait_for_future(loop, dispatcher, finished)
    if errors:
        raise errors[0]
    return results
