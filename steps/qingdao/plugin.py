"""Loads every step module of steps/qingdao/ (names ending in `_steps`, and qd-methods' `methods_*`), so a new module
needs no line in the suite's plugin."""

from __future__ import annotations

import pkgutil
from pathlib import Path

pytest_plugins = sorted(
    f"steps.qingdao.{module.name}" for module in pkgutil.iter_modules([str(Path(__file__).parent)])
    if module.name.endswith("_steps") or module.name.startswith("methods_"))
