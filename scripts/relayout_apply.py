"""What scripts/relayout.py changes: texts rewritten, packages written, files moved, imports sorted, leftovers."""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
from pathlib import Path

import relayout_rules as rules
from relayout_plan import Plan, git, rewriter
from relayout_rewrite import adjust_file_parents

#: The fenced block drawing the tree in a document: it opens with the features folder.
_TREE_BLOCK = re.compile(r"^```\nfeatures/.*?^```$", re.M | re.S)


def _rewritable(path: str) -> bool:
    return path.endswith(rules.REWRITTEN_SUFFIXES) and not any(
        fnmatch.fnmatch(path, p) for p in rules.NOT_REWRITTEN)


def new_texts(root: Path, files: list[str], todo: Plan) -> dict[str, tuple[str, str]]:
    """For each text file of the tree after the moves: (its text now, its text rewritten), from where it is now."""
    rewrite = rewriter(root, files, todo.moves)
    back = {new: old for old, new in todo.moves.items() if old not in todo.removals}
    after = sorted({todo.moves.get(f, f) for f in files if f not in todo.removals})
    texts: dict[str, tuple[str, str]] = {}
    for path in after:
        source = root / back.get(path, path)
        if not _rewritable(path) or not source.is_file():
            continue
        before = source.read_text(encoding="utf-8")
        text = rewrite.text(before)
        if path in back and path.endswith(".py"):
            text, _ = adjust_file_parents(text, back[path], path)
        for edited, old, new in rules.EDITS:
            if edited == path:
                text = text.replace(old, new)
        if path in rules.TREE_DRAWINGS and (root / rules.TREE_DRAWINGS[path]).is_file():
            block = "```\n" + (root / rules.TREE_DRAWINGS[path]).read_text(encoding="utf-8") + "```"
            text = _TREE_BLOCK.sub(block.replace("\\", "\\\\"), text, count=1)
        texts[path] = (before, text)
    return texts


def packages_to_write(root: Path, todo: Plan) -> dict[str, str]:
    """__init__.py files to write: each new folder of a package tree that holds modules and has none."""
    targets = {new for old, new in todo.moves.items() if old not in todo.removals}
    folders = {t.rpartition("/")[0] for t in targets if t.endswith(".py") and t.startswith(rules.PACKAGE_TREES)}
    inits = {}
    for folder in sorted(folders):
        init = f"{folder}/__init__.py"
        if init not in targets and not (root / init).exists():
            doc = rules.PACKAGES.get(folder, f"The {folder.rpartition('/')[2]} package (no docstring in the table).")
            inits[init] = f'"""{doc}"""\n'
    return inits


def stale_references(texts: dict[str, tuple[str, str]], root: Path, after: set[str]) -> list[str]:
    """References the rewrite could not resolve: the dissolved package, or a path to a file that is not there."""
    found = []
    path_ref = re.compile(r"(?<![\w/.-])((?:simulator|steps|tests|vocabulary)/[\w/.-]*\w\.(?:py|html))")
    for path, (_, text) in sorted(texts.items()):
        for number, line in enumerate(text.splitlines(), 1):
            missing = [ref for ref in path_ref.findall(line) if ref not in after and not (root / ref).exists()]
            if re.search(rules.STALE, line) or missing:
                found.append(f"{path}:{number}: {line.strip()[:140]}")
    return found


def sort_imports(root: Path, paths: list[str]) -> str:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not paths:
        return ""
    if not Path(ruff).exists() and shutil.which("ruff") is None:
        return "ruff not found: sort the imports of the touched modules yourself (ruff check --fix --select I)"
    sort = subprocess.run([ruff, "check", "--fix", "--select", "I", "--quiet", *paths], cwd=root,
                          capture_output=True, text=True, check=False)
    # A longer module path can push a line past the limit: listed for a person (ruff cannot wrap prose).
    long = subprocess.run([ruff, "check", "--select", "E501", "--output-format", "concise", "--quiet", *paths],
                          cwd=root, capture_output=True, text=True, check=False)
    return sort.stdout + sort.stderr + (f"== lines now too long: fix by hand\n{long.stdout}" if long.stdout else "")


def apply(root: Path, files: list[str], todo: Plan, texts: dict[str, tuple[str, str]],
          inits: dict[str, str]) -> list[str]:
    tracked = set(git(root, "ls-files").splitlines())
    for old, new in todo.moves.items():
        if old in todo.removals:
            continue
        (root / new).parent.mkdir(parents=True, exist_ok=True)
        if old in tracked:
            git(root, "mv", old, new)
        else:
            shutil.move(root / old, root / new)
    for old in todo.removals:
        if old in tracked:
            git(root, "rm", "-q", old)
        else:
            (root / old).unlink()
    changed = [path for path, (before, text) in texts.items() if before != text]
    for path in changed:
        (root / path).write_text(texts[path][1], encoding="utf-8")
    for init, text in inits.items():
        (root / init).write_text(text, encoding="utf-8")
        git(root, "add", init)
    for old in [*todo.moves, *todo.removals]:  # folders left with nothing but caches
        folder = (root / old).parent
        while folder != root and folder.is_dir() and all(p.name == "__pycache__" for p in folder.iterdir()):
            shutil.rmtree(folder)
            folder = folder.parent
    return [p for p in sorted({*changed, *inits, *(n for o, n in todo.moves.items() if o not in todo.removals)})
            if p.endswith(".py") and (root / p).exists()]
