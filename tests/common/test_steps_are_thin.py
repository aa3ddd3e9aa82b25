"""Steps speak the guides' language: no selector, URL or HTTP may appear in steps/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

STEPS_DIR = Path(__file__).resolve().parent.parent.parent / "steps"
STEPS = sorted(STEPS_DIR.rglob("*.py"))  # every system's package too
FORBIDDEN_IMPORTS = {"requests", "playwright", "urllib", "http", "httpx", "flask", "simulator", "drivers.browser",
                     "drivers.inprocess"}
FORBIDDEN_TEXT = re.compile(r"https?://|/__conformance__|\bcss=|\bxpath=|\[data-|#[a-z][\w-]*\b|\.locator\(|\bpage\.")


@pytest.mark.parametrize("module", STEPS, ids=lambda p: p.relative_to(STEPS_DIR).as_posix())
def test_no_selector_url_or_http(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert not any(name == f or name.startswith(f + ".") for f in FORBIDDEN_IMPORTS), \
                f"{module.name} imports {name}: steps go through the driver protocol only"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            assert not FORBIDDEN_TEXT.search(node.value), f"{module.name}: {node.value!r} looks like a selector/URL"
