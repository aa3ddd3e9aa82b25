"""The suite stands without the simulator: only the in-process driver and the serving plumbing import it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The suite's packages: what a vendor certifying a portal runs.
SUITE = ("steps", "fixtures", "drivers", "etax_conformance", "vocabulary")
#: The only suite modules that may import `simulator`, and why.
ALLOWED = {
    "drivers/inprocess.py": "the in-process driver drives the simulator's service layer in this process",
    "etax_conformance/serving.py": "serves the simulator's web app for the browser driver and `etax-conformance serve`",
    # selfcheck measures the suite on the simulator's deviation switches: the simulator is what it runs.
    "etax_conformance/selfcheck.py": "runs the suite on the simulator's deviation switches (issue 20)",
    "etax_conformance/selfcheck_cli.py": "lists and checks the simulator's deviation switches",
    "etax_conformance/selfcheck_coverage.py": "catalog rows no deviation switch of the simulator breaks",
    # explore compares a portal with the reference simulator configured with the portal's declared readings.
    "etax_conformance/explore/session.py": "builds the reference simulator with the portal's readings (issue 22)",
}


def _suite_modules() -> list[Path]:
    return sorted(p for package in SUITE for p in (ROOT / package).rglob("*.py")
                  if p.relative_to(ROOT).as_posix() not in ALLOWED)


def _imported(path: Path) -> set[str]:
    """Every module an import statement names, at any depth of the module (lazy imports too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_suite_module_imports_the_simulator() -> None:
    offenders = {p.relative_to(ROOT).as_posix(): sorted(n for n in _imported(p) if n.split(".")[0] == "simulator")
                 for p in _suite_modules()}
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_allowed_modules_exist() -> None:
    """The exceptions name real modules (a moved module must be listed anew, not silently allowed)."""
    assert [path for path in ALLOWED if not (ROOT / path).is_file()] == []


def test_the_vocabulary_imports_nothing_of_the_project() -> None:
    names = {n.split(".")[0] for p in (ROOT / "vocabulary").rglob("*.py") for n in _imported(p)}
    assert names & {"simulator", "steps", "fixtures", "drivers", "etax_conformance"} == set()


# Imports every suite module with `simulator` hidden (the allowed ones, __main__ and the binding module aside).
_HIDDEN = """
import importlib, pkgutil, sys

class HideSimulator:
    def find_spec(self, name, path=None, target=None):
        if name == "simulator" or name.startswith("simulator."):
            raise ModuleNotFoundError(f"the simulator is hidden: {name}", name=name)
        return None

sys.meta_path.insert(0, HideSimulator())
import steps, fixtures, drivers.browser
skip = {"drivers.inprocess", "etax_conformance.serving", "etax_conformance.suite.test_features",
        "etax_conformance.selfcheck", "etax_conformance.selfcheck_cli", "etax_conformance.selfcheck_coverage",
        "etax_conformance.selfcheck_report"}
for package in ("steps", "fixtures", "drivers", "etax_conformance", "vocabulary"):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        # explore drives the reference simulator in-process beside the portal: the simulator is part of it.
        if info.name not in skip and not info.name.endswith(".__main__") \
                and not info.name.startswith("etax_conformance.explore"):
            importlib.import_module(info.name)
assert "simulator" not in sys.modules
print("ok")
"""


def test_suite_imports_with_the_simulator_hidden() -> None:
    done = subprocess.run([sys.executable, "-c", _HIDDEN], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
