"""`etax-conformance vocabulary [--check]`: docs/vocabulary.md, every name a step may ask a portal for, per plan.

The names come from a recorded in-process run of the whole suite (etax_conformance/vocabulary_record.py): exactly
what the steps pass to the driver or compare with what it answers. For each name the document says where the guide
prints it (a literal of a catalog row: its words and section) or that it is the suite's name, and the profile key
that maps it, with the entries of profiles/simulator.yaml and profiles/alt.yaml as examples. `--check` exits 1 when
docs/vocabulary.md is not what the steps use now.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

import yaml

from etax_conformance.catalog import Requirement, load_catalog
from etax_conformance.paths import CATALOG_DIR, COLLECTOR, PROFILES_DIR, ROOT
from etax_conformance.plans import Plan, load_plans
from etax_conformance.vocabulary_record import KINDS, load

DOC = ROOT / "docs" / "vocabulary.md"
EXAMPLES = ("simulator.yaml", "alt.yaml")
TITLES = {"entry": "Entries (clients)", "screen": "Screens", "tab": "Login tabs", "field": "Fields",
          "option": "Option values", "control": "Controls and actions", "list": "List items (clicked by their text)",
          "message": "Messages", "keyboard": "Soft keyboard", "hook": "App actions and test control (hooks)"}
#: The profile key that maps a name of each kind (docs/profiles.md explains each).
KEYS = {"entry": "entries.{name}", "screen": "screens.{name} (or current_screen)", "tab": "active_tab",
        "field": "fields.{name} / screens.*.fields.{name} (else its label)",
        "option": "fields.{field}.aliases / aliases (else the option's text)",
        "control": "actions.{name} / controls.{name} (else a button or link named so; implicit if merged)",
        "list": "lists / screens.{screen}.lists", "message": "messages.{name}",
        "keyboard": "soft_keyboard", "hook": "hooks (openapi.yaml); after_app.{name} for a gesture after it"}
MESSAGE_KEYS = {"area": "area", "refusal": "kinds (kind: refusal)", "lock": "kinds (kind: lock)"}


#: The optional shortcut capabilities (docs/vendors.md): the run treats them as missing, so that the names of the
#: pages the suite walks without them are listed too (the attempted capability is noted all the same).
SHORTCUTS = ("enterprise.first_login", "personnel.identity", "personnel.add_handler", "personnel.row_action",
             "personnel.permissions", "registration.verified", "enterprise.logged_in", "qingdao.logged_in")


def record_run(path: Path, features: Path | None = None) -> int:
    """The whole suite (or one feature) in-process, recording every name the steps use into path (JSON)."""
    with tempfile.TemporaryDirectory() as run_dir:
        args = [sys.executable, "-m", "pytest", str(COLLECTOR), "-p", "etax_conformance.plugin", "--rootdir",
                str(ROOT), "--driver", "inprocess", "--run-dir", run_dir, "-o", "testpaths=", "-p",
                "no:cacheprovider", "-p", "no:xdist", "-p", "no:randomly", "-q", "--record-vocabulary", str(path),
                "--without-hooks", ",".join(SHORTCUTS)]
        env = {k: v for k, v in os.environ.items() if k != "ETAX_FEATURES"}
        if features is not None:
            env["ETAX_FEATURES"] = str(features.resolve())
        done = subprocess.run(args, cwd=run_dir, env=env, capture_output=True, text=True, check=False)
    return done.returncode


def _literal_of(name: str, rows: list[Requirement]) -> str | None:
    """Where the catalog quotes the guide printing the name: 「【登录】」 (§1.1, ITS-1.1-03); else a rule that names it
    in plain words (the guide's text, unbracketed); None: the suite's name."""
    for row in rows:
        for literal in row.literal_list:
            if name == literal or any(b.format(name) in literal for b in ("【{}】", "「{}」", "“{}”")):
                return f"「{literal}」 (§{row.section}, {row.id})"
    for row in rows:
        if len(name) >= 2 and name in row.rule:
            return f"unbracketed in §{row.section} ({row.id})"
    return None


def _examples(name: str, kind: str, profiles: dict[str, dict[str, Any]]) -> str:
    """The keys of the example profiles that hold this name."""
    found = []
    for file, data in profiles.items():
        for key in _keys_holding(name, kind, data):
            found.append(f"{file}: `{key}`")
    return "; ".join(found) or "—"


def _keys_holding(name: str, kind: str, data: dict[str, Any]) -> list[str]:
    if kind == "option":
        field, _, value = name.partition("=")
        keys = [f"aliases.{value}"] if value in (data.get("aliases") or {}) else []
        spec = (data.get("fields") or {}).get(field)
        if isinstance(spec, dict) and value in (spec.get("aliases") or {}):
            keys.append(f"fields.{field}.aliases.{value}")
        return keys
    if kind == "message":
        return [f"messages.{MESSAGE_KEYS.get(name, name)}"] if data.get("messages") else []
    if kind == "tab":
        return ["active_tab"] if data.get("active_tab") else []
    if kind == "keyboard":
        return ["soft_keyboard"] if data.get("soft_keyboard") else []
    sections = {"entry": ("entries",), "screen": ("screens",), "field": ("fields",),
                "control": ("actions", "controls"), "hook": ("after_app",), "list": ()}[kind]
    keys = [f"{section}.{name}" for section in sections if name in (data.get(section) or {})]
    for screen, spec in (data.get("screens") or {}).items():
        if isinstance(spec, dict):
            keys += [f"screens.{screen}.{section}.{name}" for section in sections if name in (spec.get(section) or {})]
    if kind == "list" and (data.get("lists") or any(isinstance(s, dict) and s.get("lists")
                                                    for s in (data.get("screens") or {}).values())):
        keys.append("lists")
    return keys


def render(rows: list[dict[str, Any]], plans: list[Plan], catalog: list[Requirement],
           profiles: dict[str, dict[str, Any]]) -> str:
    out = [HEADER]
    for plan in plans:
        used = [r for r in rows if plan.id in r["plans"]]
        guide_rows = [req for req in catalog if plan.covers(req.id)] + [req for req in catalog
                                                                        if req.guide == plan.guide]
        out.append(f"\n## {plan.title} (`{plan.id}`)\n\n{plan.description}\n")
        for kind in KINDS:
            names = sorted(r["name"] for r in used if r["kind"] == kind)
            if not names:
                continue
            out.append(f"\n### {TITLES[kind]}\n\n| name | the guide's words | profile key | in the example profiles |"
                       "\n|---|---|---|---|")
            for name in names:
                words = _literal_of(name.partition("=")[2] if kind == "option" else name, guide_rows)
                field, _, value = name.partition("=")
                key = KEYS[kind].format(name=name, field=field, screen=field)
                shown = f"{field} = {value}" if kind in ("option", "list") else name
                out.append(f"| {shown} | {words or 'the suite’s name'} | `{key}` | {_examples(name, kind, profiles)} |")
    return "\n".join(out) + "\n"


HEADER = """# The vocabulary: every name a step may ask your portal for

<!-- Generated by `etax-conformance vocabulary` from the steps (a recorded in-process run of the whole suite) and
the catalogs; `etax-conformance vocabulary --check` (CI) fails when this file is not current. Do not edit. -->

The steps speak the guides' words. This is every name they pass to the driver or compare with what it answers —
screens, fields, option values, controls and actions, lists, message kinds, entries, tabs and the hooks that act as
an app — grouped by certification plan (`catalog/plans.csv`; a name used in several plans is listed in each).

- **the guide's words**: a literal the catalog quotes from the guide (the section and the catalog row), where the
  name is printed in 【】「」“”; "unbracketed in §…": the guide names it in its text without brackets (the catalog
  row that states the rule); **the suite's name**: a name the guides leave free (提交身份信息并继续, 下一步,
  青岛:登录 …). Either way your portal may use other words: the profile key maps them (docs/profiles.md explains
  every mechanism).
- **profile key**: where a profile maps the name; most need no key when your page shows the guide's word as a
  label or an accessible name. An action your portal merges into another gesture (a photo uploaded with the
  identity form, so that 【开始人脸识别】 already shoots) is declared `implicit`:
  `screens: {人脸识别: {actions: {拍摄: implicit}}}`. A gesture a page needs after an app action (press
  【已扫码，继续】 after the app confirms a QR code) is `after_app: {qr.confirm: [{click: 已扫码，继续}]}` under the
  screen (profiles/alt.yaml's 扫码登录).
- **option values**: `field = value`, the value as the guide (or the suite) writes it; the list items are picked by
  the text the scenario gives (a seeded company or unit, never a fixed name): `screen = 单击|双击`.
- **Messages**: `area` (where messages show: every step that reads a message), `refusal` and `lock` (kinds the
  steps ask about: `messages.kinds`). Texts and rows a step looks for go through `aliases`.
- Screens named `青岛:…` are the suite's names for the Qingdao portal's screens (the FAQ names none).
"""


def _profiles() -> dict[str, dict[str, Any]]:
    found = {}
    for name in EXAMPLES:
        data = yaml.safe_load((PROFILES_DIR / name).read_text(encoding="utf-8"))
        found[f"profiles/{name}"] = data if isinstance(data, dict) else {}
    return found


def generate(record: Path | None = None) -> str:
    """docs/vocabulary.md's text now: from a record (JSON) or a fresh recorded run."""
    if record is None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "vocabulary.json"
            code = record_run(path)
            if not path.exists():
                raise RuntimeError(f"the recorded in-process run wrote no record (pytest exit {code})")
            rows = load(path)
    else:
        rows = load(record)
    return render(rows, load_plans(CATALOG_DIR), load_catalog(CATALOG_DIR), _profiles())


def run_vocabulary(out: TextIO, check: bool, doc: Path = DOC, record: Path | None = None) -> int:
    text = generate(record)
    if check:
        return check_doc(out, text, doc)
    doc.write_text(text, encoding="utf-8")
    out.write(f"wrote {doc}\n")
    return 0


def check_doc(out: TextIO, text: str, doc: Path) -> int:
    current = doc.read_text(encoding="utf-8") if doc.exists() else ""
    if current != text:
        missing = sorted(set(text.splitlines()) - set(current.splitlines()))
        out.write(f"{doc} is not current: run `etax-conformance vocabulary` and commit it\n")
        for line in missing[:20]:
            out.write(f"  not listed: {line}\n")
        return 1
    out.write(f"{doc} is current\n")
    return 0
