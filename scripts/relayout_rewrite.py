"""Text rewrites of scripts/relayout.py: imports, dotted module names, paths and `Path(__file__)` depths."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePosixPath

#: `from package import a, b as c` on one line or in parentheses (a trailing comment kept on the first line).
_FROM_IMPORT = re.compile(r"^(?P<indent>[ \t]*)from[ \t]+(?P<pkg>[\w.]+)[ \t]+import[ \t]+"
                          r"(?P<names>\([^)]*\)|[^\n#(]*[^\s#(])(?P<comment>[ \t]*#[^\n]*)?$", re.M)
_FILE_PARENTS = re.compile(r"Path\(__file__\)(?P<resolve>\.resolve\(\))?"
                           r"(?:\.parents\[(?P<n>\d+)\]|(?P<chain>(?:\.parent)+))")


def module_of(path: str) -> str | None:
    """The dotted module a .py path is (a package for its __init__.py), None for other files."""
    p = PurePosixPath(path)
    if p.suffix != ".py":
        return None
    parts = p.parent.parts if p.stem == "__init__" else (*p.parent.parts, p.stem)
    return ".".join(parts) if parts and all(part.isidentifier() for part in parts) else None


def _alternation(keys: list[str], before: str, after: str) -> re.Pattern[str] | None:
    if not keys:
        return None
    return re.compile(before + "(" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + ")" + after)


class Rewriter:
    """Rewrites texts for a map of moved modules, moved names and moved paths (files and package folders)."""

    def __init__(self, modules: Mapping[str, str], names: Mapping[tuple[str, str], str],
                 paths: Mapping[str, str]) -> None:
        self.modules = dict(modules)
        self.names = dict(names)
        self.paths = dict(paths)
        dotted = {**self.modules, **{f"{m}.{n}": f"{new}.{n}" for (m, n), new in self.names.items()}}
        self._dotted_map = dotted
        self._dotted = _alternation(list(dotted), r"(?<![\w.])", r"(?![\w])")
        self._paths = _alternation(list(self.paths), r"(?<![\w/.-])", r"(?![\w])")
        self.packages_to_write = {m.rpartition(".")[0] for m in self.modules} | {m for m, _ in self.names}

    def text(self, text: str) -> str:
        """Imports split per new package, then dotted names and paths replaced (longest first)."""
        text = _FROM_IMPORT.sub(self._from_import, text)
        if self._dotted:
            text = self._dotted.sub(lambda m: self._dotted_map[m.group(1)], text)
        if self._paths:
            text = self._paths.sub(lambda m: self.paths[m.group(1)], text)
        return text

    def _from_import(self, match: re.Match[str]) -> str:
        pkg = match["pkg"]
        if pkg not in self.packages_to_write:
            return match.group(0)
        inner = match["names"].strip().removeprefix("(").removesuffix(")")
        if "#" in inner:  # a commented list is left for a person (the report lists it if it names old modules)
            return match.group(0)
        groups: dict[str, list[str]] = {}
        for item in (i.strip() for i in inner.split(",")):
            if not item:
                continue
            name, _, alias = (part.strip() for part in item.partition(" as "))
            target = self.modules.get(f"{pkg}.{name}")
            if target is not None:
                new_pkg, _, new_name = target.rpartition(".")
                local = alias or name
                groups.setdefault(new_pkg, []).append(new_name if new_name == local else f"{new_name} as {local}")
            elif (pkg, name) in self.names:
                groups.setdefault(self.names[(pkg, name)], []).append(item)
            else:
                groups.setdefault(pkg, []).append(item)
        indent, comment = match["indent"], match["comment"] or ""
        lines = [f"{indent}from {p} import {', '.join(items)}" for p, items in groups.items()]
        lines[0] += comment
        return "\n".join(lines)


def adjust_file_parents(text: str, old: str, new: str) -> tuple[str, int]:
    """In a moved module, `Path(__file__)…parent(s)` reaching above its own folder keep reaching the same folder."""
    delta = len(PurePosixPath(new).parts) - len(PurePosixPath(old).parts)
    if delta == 0:
        return text, 0
    changed = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        # parents[n] is the (n+1)th folder up; .parent×k the kth. Own folder (1st) moves with the file: kept.
        up = int(match["n"]) + 1 if match["n"] is not None else match["chain"].count(".parent")
        if up <= 1:
            return match.group(0)
        changed += 1
        head = "Path(__file__)" + (match["resolve"] or "")
        if match["n"] is not None:
            return f"{head}.parents[{up - 1 + delta}]"
        return head + ".parent" * (up + delta)

    return _FILE_PARENTS.sub(fix, text), changed
