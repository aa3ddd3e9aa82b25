"""Every seed state a `Given` needs is reachable through a documented hooks capability (or through the pages, or is
the state a reset leaves); docs/vendors.md lists each Given with what makes it (issue 18 §9's audit, kept current)."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
#: Driver methods that are hooks capabilities, by the capability's name.
DRIVER_HOOKS = {"seed_person": "seed.natural_person", "reset": "reset", "set_clock": "clock.set",
                "advance_clock": "clock.advance", "current_captcha": "captcha"}
#: Driver methods that act on the portal's pages.
ACTS = {"fill", "click", "double_click", "click_in_row", "open_login", "open_entry", "refresh", "at_once"}
#: steps/common/shortcuts.py: helpers calling the capability named by their second argument.
SHORTCUT_HELPERS = {"hooked", "taken_over"}
#: Givens whose state is what every scenario starts from (after `reset`): nobody registered yet.
AFTER_RESET = {"unregistered_person", "rare_named", "unregistered_holder_of", "not_registered"}


Key = tuple[str, str]  # (module, function)


@cache
def _functions() -> tuple[dict[Key, tuple[set[str], set[Key], bool]], list[tuple[Key, str]]]:
    """(module, function) -> (capabilities it calls, functions it calls, whether it acts on pages), and the Givens."""
    modules = {p.relative_to(ROOT).with_suffix("").as_posix().replace("/", "."): p
               for p in sorted((ROOT / "steps").rglob("*.py"))}
    functions: dict[Key, tuple[set[str], set[Key], bool]] = {}
    givens: list[tuple[Key, str]] = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        texts = {n.targets[0].id: n.value for n in tree.body
                 if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)}
        # A call by a plain name: the module's own function, else the one it imports by that name.
        where = {alias.asname or alias.name: node.module for node in tree.body
                 if isinstance(node, ast.ImportFrom) and node.module in modules for alias in node.names}
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            hooks, calls, acts = set(), set(), False
            for call in (c for c in ast.walk(node) if isinstance(c, ast.Call)):
                if isinstance(call.func, ast.Attribute):
                    if call.func.attr in ("hook", "take_over") and call.args and isinstance(call.args[0], ast.Constant):
                        hooks.add(str(call.args[0].value))
                    hooks |= {DRIVER_HOOKS[call.func.attr]} if call.func.attr in DRIVER_HOOKS else set()
                    acts |= call.func.attr in ACTS
                elif isinstance(call.func, ast.Name):
                    calls.add((where.get(call.func.id, module), call.func.id))
                    if call.func.id in SHORTCUT_HELPERS and len(call.args) > 1 \
                            and isinstance(call.args[1], ast.Constant):
                        hooks.add(str(call.args[1].value))
            functions[(module, node.name)] = hooks, calls, acts
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "given":
                    pattern = decorator.args[0]
                    pattern = texts.get(pattern.id, pattern) if isinstance(pattern, ast.Name) else pattern
                    if isinstance(pattern, ast.Call):
                        pattern = pattern.args[0]
                    givens.append(((module, node.name), _readable(pattern)))
    return functions, givens


def _readable(pattern: ast.expr) -> str:
    """A Given's words: parse patterns as written, regular expressions with their groups as {name}, optional
    parts in [ ]."""
    text = pattern.value if isinstance(pattern, ast.Constant) else ast.unparse(pattern)
    text = re.sub(r"\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)\??", r"{\1}", str(text))
    text = re.sub(r"\(\?:([^()]*)\)\?", r"[\1]", text)
    return text.replace("{ROLES}", "…").strip("f'\"").replace("\\", "").replace("|", " 或 ")


def _reach(key: Key, seen: set[Key]) -> tuple[set[str], bool]:
    functions = _functions()[0]
    if key in seen or key not in functions:
        return set(), False
    seen.add(key)
    hooks, calls, acts = functions[key]
    hooks = set(hooks)
    for call in calls:
        more, more_acts = _reach(call, seen)
        hooks, acts = hooks | more, acts or more_acts
    return hooks, acts


def audit() -> list[tuple[str, str, str]]:
    """(Given, capabilities, how) per Given step, in the steps' order."""
    rows = []
    for key, text in _functions()[1]:
        hooks, acts = _reach(key, set())
        how = "the state after `reset`" if key[1] in AFTER_RESET else "and the pages" if hooks and acts else \
            "the portal's pages" if acts else ""
        rows.append((text, ", ".join(f"`{h}`" for h in sorted(hooks)), how))
    return rows


def table() -> str:
    lines = ["| Given | capabilities | also |", "|---|---|---|"]
    lines += [f"| {text} | {hooks or '—'} | {how or '—'} |" for text, hooks, how in audit()]
    return "\n".join(lines)


def test_every_given_is_made_by_documented_capabilities_or_the_pages() -> None:
    document = yaml.safe_load((ROOT / "simulator/hooks/openapi.yaml").read_text(encoding="utf-8"))
    documented = {op["operationId"] for ops in document["paths"].values() for op in ops.values()
                  if isinstance(op, dict) and "operationId" in op}
    rows = audit()
    assert len(rows) > 50
    assert [text for text, hooks, how in rows if not hooks and not how] == []
    used = {h.strip("`") for _text, hooks, _how in rows for h in hooks.split(", ") if h}
    assert used - documented == set()


def test_docs_vendors_lists_the_audit_as_it_is() -> None:
    docs = (ROOT / "docs/vendors.md").read_text(encoding="utf-8")
    assert table() in docs, "regenerate: python -c 'from tests.common.test_given_audit import table; print(table())'"
