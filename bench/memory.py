"""Peak memory of a run's processes, sampled from /proc (Linux): the served simulator and Chromium.

The served simulator is one process: its peak RSS is the kernel's high-water mark (VmHWM). Chromium is many
processes sharing pages: its figure is the peak, over samples every 0.2 s, of the sum of their PSS (each shared
page split among its sharers), so shared memory is not counted several times.
"""

from __future__ import annotations

import threading
from pathlib import Path


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        for child in _children(current):
            out.append(child)
            todo.append(child)
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _status_kib(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class PeakSampler(threading.Thread):
    """Samples the descendants of `pid` until stop(): peaks of the served simulator and of Chromium (MiB)."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self._pid, self._interval, self._halt = pid, interval, threading.Event()
        self.simulator_mib = 0.0
        self.chromium_mib = 0.0

    def run(self) -> None:
        while not self._halt.wait(self._interval):
            chromium = 0
            for pid in descendants(self._pid):
                command = _cmdline(pid)
                if "etax_conformance serve" in command:
                    self.simulator_mib = max(self.simulator_mib, _status_kib(pid, "VmHWM") / 1024)
                elif "chrom" in command.split(" ", 1)[0].lower() or "chrome" in command:
                    chromium += _pss_kib(pid)
            self.chromium_mib = max(self.chromium_mib, chromium / 1024)

    def stop(self) -> None:
        self._halt.set()
        self.join()
