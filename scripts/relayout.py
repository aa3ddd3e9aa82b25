"""Regroup the tree by system (issue 9), re-runnably: the record of the move and the way to redo it.

Run from anywhere: `python scripts/relayout.py [--dry-run] [--root DIR] [--no-ruff]`. It
  1. moves (`git mv`, or a plain rename for an untracked file) every file of the regrouped folders by the first
     rule of scripts/relayout_rules.py that matches it; a file no rule matches is reported and left where it is;
  2. rewrites imports (`from simulator.service import captcha` split per new package), dotted module names
     (pytest_plugins, mock targets, docs) and repository paths (docs, docstrings) in every text file, and moves the
     `Path(__file__)` parents of a moved module that reach above its own folder;
  3. writes each new package's __init__.py with the one-line docstring of the table, removes emptied packages
     and re-export shims, applies the table's literal edits, and sorts the touched imports with ruff;
  4. changes nothing the second time (idempotent); --dry-run prints the plan and changes nothing.
The report ends with what was left: unmatched files, conflicts, and stale references for a person to fix.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# siblings of this script (scripts/ is not a package)
import relayout_rules as rules
from relayout_apply import apply, new_texts, packages_to_write, sort_imports, stale_references
from relayout_plan import plan, repository_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    parser.add_argument("--no-ruff", action="store_true", help="do not sort the touched imports with ruff")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / ".git").exists():
        parser.error(f"{root} is not a git working tree (the moves are `git mv`s): give --root the repository")
    files = repository_files(root)
    todo = plan(root, files)
    texts = new_texts(root, files, todo)
    inits = packages_to_write(root, todo)
    after = {todo.moves.get(f, f) for f in files if f not in todo.removals} | set(inits)
    rewritten = sorted(p for p, (before, text) in texts.items() if before != text)
    verb = "would" if args.dry_run else ""
    print(f"== moves ({len(todo.moves) - len(todo.removals)}) {verb}")
    for old, new in todo.moves.items():
        if old not in todo.removals:
            print(f"  {old} → {new}")
    print(f"== removed ({len(todo.removals)}): emptied packages and re-export shims {verb}")
    print("".join(f"  {p}\n" for p in todo.removals), end="")
    print(f"== packages created ({len(inits)}) {verb}")
    print("".join(f"  {p}\n" for p in inits), end="")
    print(f"== files rewritten ({len(rewritten)}) {verb}")
    print("".join(f"  {p}\n" for p in rewritten), end="")
    if not args.dry_run:
        touched = apply(root, files, todo, texts, inits)
        if not args.no_ruff:
            print(sort_imports(root, touched), end="")
    print(f"== unmatched: left where they are ({len(todo.unmatched)})")
    print("".join(f"  {p}\n" for p in todo.unmatched), end="")
    print(f"== conflicts: left where they are ({len(todo.conflicts)})")
    print("".join(f"  {p}\n" for p in todo.conflicts), end="")
    print(f"== not grouped: their pages module has no {rules.GROUPED_LOADER}…) ({len(todo.ungrouped)})")
    print("".join(f"  {p}\n" for p in todo.ungrouped), end="")
    stale = stale_references(texts, root, after)
    print(f"== stale references to fix by hand ({len(stale)})")
    print("".join(f"  {s}\n" for s in stale), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
