"""`etax-conformance dashboard DIR… --out DIR`: a static site from many runs' results.json.

index.html: portals × certification plans and requirements (each portal's latest run); portal-<n>.html: one
portal's history, run by run (the scenario counts, each plan's verdict, then each requirement's status per run).
A portal is its profile's declared name and URL.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any, TextIO

from etax_conformance.report.html import LABEL, STYLE, badge, plan_badge


def find_runs(folders: list[Path]) -> list[tuple[Path, dict[str, Any]]]:
    runs = []
    for folder in folders:
        candidates = [folder] if (folder / "results.json").is_file() else sorted(folder.glob("*/results.json"))
        for path in candidates:
            path = path / "results.json" if path.is_dir() else path
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(doc, dict) and doc.get("schema") == "etax-conformance/results@1":
                runs.append((path.parent, doc))
    return sorted(runs, key=lambda run: run[1].get("run", {}).get("started", ""))


def portal_name(doc: dict[str, Any]) -> str:
    portal = doc["portal"]
    name = (portal.get("profile_pin") or {}).get("name") or portal.get("profile") or "参考模拟器"
    return f"{name} @ {portal.get('url') or portal['driver']}"


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<style>{STYLE}</style></head><body><header><h1>{escape(title)}</h1></header><main>{body}</main>"
            "</body></html>\n")


def _matrix(columns: list[str], runs: list[dict[str, Any]], links: list[str]) -> str:
    status = [{r["id"]: r["status"] for r in doc["requirements"]} for doc in runs]
    ids = sorted({i for s in status for i in s})
    head = "".join(f"<th>{link}</th>" for link in links)
    rows = "".join(f"<tr><td>{escape(i)}</td>" + "".join(f"<td>{badge(s[i]) if i in s else ''}</td>" for s in status)
                   + "</tr>" for i in ids)
    counts = "".join("<td>" + " ".join(f"{LABEL[k]} {doc['summary'].get(k, 0)}" for k in
                                        ("passed", "failed", "not_verifiable", "not_applicable")) + "</td>"
                     for doc in runs)
    return f"<table><tr><th>需求</th>{head}</tr><tr><td>场景</td>{counts}</tr>{_plan_rows(runs)}{rows}</table>"


def _plan_rows(runs: list[dict[str, Any]]) -> str:
    """One row per certification plan: each run's verdict (符合 / 不符合 / 无法验证 / 未认证); runs from before
    plans existed show nothing."""
    verdicts = [{p["id"]: p for p in doc.get("plans", [])} for doc in runs]
    ids = list(dict.fromkeys(i for v in verdicts for i in v))
    return "".join(f"<tr><td>认证计划 {escape(i)}</td>" + "".join(
        f"<td>{plan_badge(v[i]['status']) if i in v else ''}</td>" for v in verdicts) + "</tr>" for i in ids)


def build_dashboard(out: TextIO, folders: list[Path], target: Path) -> int:
    runs = find_runs(folders)
    if not runs:
        out.write("no results.json found in the given folders\n")
        return 1
    target.mkdir(parents=True, exist_ok=True)
    portals: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    for folder, doc in runs:
        portals.setdefault(portal_name(doc), []).append((folder, doc))
    names = sorted(portals)
    links = [f"<a href='portal-{n}.html'>{escape(name)}</a>" for n, name in enumerate(names)]
    latest = [portals[name][-1][1] for name in names]
    (target / "index.html").write_text(_page("门户 × 需求（各门户最近一次运行）", _matrix(names, latest, links)),
                                       encoding="utf-8")
    for n, name in enumerate(names):
        history = portals[name]
        labels = [escape(f"{doc.get('run', {}).get('started', folder.name)} {folder.name}") for folder, doc in history]
        body = "<p><a href='index.html'>返回总览</a></p>" + _matrix(labels, [d for _, d in history], labels)
        (target / f"portal-{n}.html").write_text(_page(f"{name} 的历史", body), encoding="utf-8")
    out.write(f"dashboard: {target / 'index.html'} ({len(names)} portals, {len(runs)} runs)\n")
    return 0
