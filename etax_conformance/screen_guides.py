"""Which guide a screen name belongs to (ITS / 辽宁 / 青岛), from the names the steps check: the features' 进入「…」,
停留在「…」, 页面为「…」 (and a <页面> column of their examples), and the step modules' *SCREEN constants and the
literal names they compare the screen with. `profile check` uses it to say which guide's screen an entry reached."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

from etax_conformance.paths import FEATURES_DIR, ROOT

#: guide -> (its features folder, its step packages, step modules of other packages that name its screens).
GUIDES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "ITS": ("its", ("its", "natural_person"), ("common/labels.py",)),
    "辽宁": ("liaoning", ("liaoning", "mobile_tax_app"), ()),
    "青岛": ("qingdao", ("qingdao",), ()),
}
#: guide -> the step modules that hold the suite's own names for what the guide leaves unnamed (labels modules).
SUITE_NAMES = {"ITS": ("common/labels.py",), "青岛": ("qingdao/labels.py", "qingdao/login_method_labels.py")}
#: The entries (clients) the guides name, and whose guide each is.
ENTRY_GUIDES = {"扣缴客户端": "ITS", "个人所得税APP": "ITS", "辽宁省电子税务局": "辽宁", "移动办税APP": "辽宁",
                "青岛市电子税务局": "青岛", "青岛税务APP": "青岛"}
#: The system an entry is, in a report's words.
ENTRY_SYSTEMS = {"扣缴客户端": "ITS 扣缴客户端", "个人所得税APP": "ITS 个人所得税APP",
                 "辽宁省电子税务局": "辽宁 电子税务局", "移动办税APP": "辽宁 移动办税APP",
                 "青岛市电子税务局": "青岛 电子税务局", "青岛税务APP": "青岛税务APP"}

_ON_SCREEN = re.compile(r"(?:进入|停留在|页面为|回到)「([^」<>]+)」|进入【([^】<>]+)】界面")
_UNIT = re.compile(r"公司$")  # 进入「甲公司」: a unit's home, named by the unit, not a screen name
_STEPS = ROOT / "steps"


def _from_features(folder: Path) -> set[str]:
    names: set[str] = set()
    for feature in sorted(folder.rglob("*.feature")):
        text = feature.read_text(encoding="utf-8")
        names.update(a or b for a, b in _ON_SCREEN.findall(text))
        names.update(_example_column(text, "页面"))
    return {n for n in names if not _UNIT.search(n)}


def _example_column(text: str, column: str) -> set[str]:
    """The values under a column of the features' Examples tables (| 页面 | … |)."""
    values: set[str] = set()
    header: list[str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        if header is None:
            header = cells
        elif column in header and len(cells) == len(header):
            values.add(cells[header.index(column)])
    return {v.strip("「」") for v in values if v}


def _is_screen_call(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "screen"
            and not node.args)


def _from_module(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Assign):
            names.update(value for name, value in _assigned(node) if name.endswith("SCREEN"))
        elif isinstance(node, ast.Compare) and any(_is_screen_call(x) for x in (node.left, *node.comparators)):
            names.update(x.value for x in (node.left, *node.comparators)
                         if isinstance(x, ast.Constant) and isinstance(x.value, str))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "expect_text" and len(node.args) > 1 and _is_screen_call(node.args[1]):
                names.update(_constant(node.args[0]))
            elif node.func.id == "expect_refused_on" and len(node.args) > 1:
                names.update(_constant(node.args[1]))
    return names


def _assigned(node: ast.Assign) -> list[tuple[str, str]]:
    """(name, text) of each string constant an assignment gives a name (A, B = "甲", "乙" too)."""
    targets = [t for target in node.targets for t in (target.elts if isinstance(target, ast.Tuple) else [target])]
    values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
    return [(target.id, value.value) for target, value in zip(targets, values, strict=False)
            if isinstance(target, ast.Name) and isinstance(value, ast.Constant) and isinstance(value.value, str)]


def _constant(node: ast.AST) -> set[str]:
    return {node.value} if isinstance(node, ast.Constant) and isinstance(node.value, str) else set()


@functools.cache
def screen_names() -> dict[str, frozenset[str]]:
    """guide -> the screen names its steps check."""
    found: dict[str, frozenset[str]] = {}
    for guide, (features, packages, extra) in GUIDES.items():
        names = _from_features(FEATURES_DIR / features)
        modules = [p for package in packages for p in sorted((_STEPS / package).rglob("*.py"))]
        for module in [*modules, *(_STEPS / e for e in extra)]:
            names |= _from_module(module)
        found[guide] = frozenset(n for n in names if n.strip())
    return found


def guides_of(screen: str) -> tuple[str, ...]:
    """The guides whose steps check a screen of this name (none: a name no step uses)."""
    return tuple(guide for guide, names in screen_names().items() if screen in names)


@functools.cache
def suite_names(guide: str) -> tuple[str, ...]:
    """The suite's own names of controls and fields a guide leaves unnamed (its labels modules' constants; not the
    screens, not the entries), in the modules' order, once each."""
    names: dict[str, None] = {}
    for module in SUITE_NAMES.get(guide, ()):
        path = _STEPS / module
        for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body:
            if isinstance(node, ast.Assign):
                names.update((value, None) for name, value in _assigned(node)
                             if not name.endswith("SCREEN") and value not in ENTRY_GUIDES)
    return tuple(names)
