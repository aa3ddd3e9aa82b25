"""The plan of scripts/relayout.py: which file moves where by the table, what is left, what is removed."""

from __future__ import annotations

import fnmatch
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import relayout_rules as rules
from relayout_rewrite import Rewriter, module_of


@dataclass
class Plan:
    """What a run does: moves, removals, and what it leaves for a person."""

    moves: dict[str, str] = field(default_factory=dict)
    removals: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    ungrouped: list[str] = field(default_factory=list)


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def repository_files(root: Path) -> list[str]:
    listed = git(root, "ls-files", "--cached", "--others", "--exclude-standard").splitlines()
    return sorted({f for f in listed if (root / f).is_file()})


def _matches(path: str, pattern: str) -> bool:
    if pattern.endswith("/**"):
        return path.startswith(pattern[:-2])
    return fnmatch.fnmatch(path, pattern) and path.count("/") == pattern.count("/")


def _is_shim(text: str, target_module: str) -> bool:
    """A module that only re-exports the module it moved to (docstring, imports from it, __all__)."""
    body = re.sub(r'^""".*?"""\s*', "", text, flags=re.S)
    body = re.sub(rf"from {re.escape(target_module)} import \([^)]*\)|from {re.escape(target_module)} import [^\n]*",
                  "", body)
    body = re.sub(r"__all__ = \[[^\]]*\]|from __future__ import annotations", "", body)
    return not body.strip()


def plan(root: Path, files: list[str]) -> Plan:
    result = Plan()
    present = set(files)
    grouped = {folder for folder, pages in rules.TEMPLATE_FOLDERS.items()
               if (root / pages).is_file() and rules.GROUPED_LOADER in (root / pages).read_text(encoding="utf-8")}
    for path in files:
        rule = next(((p, t) for p, t in rules.RULES if re.fullmatch(p, path)), None)
        if "__pycache__" in path or (rule is None and not any(_matches(path, p) for p in rules.REGROUPED)):
            continue
        folder = next((f for f in rules.TEMPLATE_FOLDERS if path.startswith(f + "/")), None)
        if folder is not None and folder not in grouped:
            result.ungrouped.append(path)
        elif rule is None:
            result.unmatched.append(path)
        elif rule[1] == rules.DELETE_IF_EMPTY:
            continue  # decided once the moves are known
        elif rule[1] != rules.STAY:
            target = re.fullmatch(rule[0], path).expand(rule[1])  # type: ignore[union-attr]
            if target in present or target in result.moves.values():
                target_module = module_of(target)
                text = (root / path).read_text(encoding="utf-8")
                if target in present and target_module and _is_shim(text, target_module):
                    result.removals.append(path)
                    result.moves[path] = target  # still renamed in imports and references
                else:
                    result.conflicts.append(f"{path} → {target}: the target exists")
            else:
                result.moves[path] = target
    for path in files:
        rule = next(((p, t) for p, t in rules.RULES if re.fullmatch(p, path)), None)
        if rule and rule[1] == rules.DELETE_IF_EMPTY:
            folder = path.rpartition("/")[0] + "/"
            staying = [f for f in files if f.startswith(folder) and f != path and f not in result.moves
                       and "__pycache__" not in f]
            if not staying:
                result.removals.append(path)
    return result


def rewriter(root: Path, files: list[str], moves: dict[str, str]) -> Rewriter:
    modules = {module_of(old): module_of(new) for old, new in moves.items() if module_of(old) and module_of(new)}
    paths = dict(moves)
    for old, new in moves.items():  # a moved package's folder is a path too
        if old.endswith("/__init__.py") and new.endswith("/__init__.py"):
            paths[old.removesuffix("/__init__.py")] = new.removesuffix("/__init__.py")
    return Rewriter({k: v for k, v in modules.items() if k and v}, rules.NAME_MOVES, paths)
