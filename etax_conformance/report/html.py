"""reports/<run>/report.html: the run in Chinese, one file that opens offline (CSS and images inline).

The certification plans (认证范围: 符合 / 不符合 / 无法验证 / 未认证); summary per guide; per requirement (the rule
in the project's own words, its section) its scenarios and status; per failed step what was expected and what the
portal showed, with the rule's id; the evidence inline; the declared readings and absent flows; the guide heatmap
(etax_conformance.report.heatmap).
"""

from __future__ import annotations

import base64
import json
import os
from collections import Counter
from html import escape
from pathlib import Path
from typing import Any

from etax_conformance.report.heatmap import CitingRule, guide_paragraphs, guide_text

LABEL = {"passed": "通过", "failed": "不通过", "not_verifiable": "无法验证", "not_applicable": "不适用",
         "expected_failure": "预期失败", "untested": "未测试", "not_certified": "未认证",
         "beyond_guide": "指引之外（不计入）"}
#: A certification plan's status (results.json `plans`) in the report's words, and its colour (a status class).
PLAN_LABEL = {"conformant": ("符合", "passed"), "not conformant": ("不符合", "failed"),
              "not verifiable": ("无法验证", "not_verifiable"), "not certified": ("未认证", "not_certified")}
ORDER = ("passed", "failed", "not_verifiable", "not_applicable", "expected_failure", "untested", "not_certified")
STYLE = (Path(__file__).with_name("style.css")).read_text(encoding="utf-8")


def badge(status: str) -> str:
    return f'<span class="s {escape(status)}">{escape(LABEL.get(status, status))}</span>'


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return "<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + f"</tr>{cells}</table>"


def run_info(doc: dict[str, Any]) -> str:
    portal, suite, run = doc["portal"], doc["suite"], doc.get("run", {})
    pin = portal.get("profile_pin") or {}
    where = portal.get("url") or (f"{portal['served_url']}（本次运行自行启动的参考模拟器）" if portal.get("served_url")
                                  else "（进程内：参考模拟器）")
    rows = [["门户地址", escape(where)],
            ["驱动", escape(portal["driver"])],
            ["门户版本（钩子报告）", escape(str(portal.get("build") or "未报告（钩子 v1 不报告版本）"))],
            ["配置文件", escape(f"{pin.get('name') or portal.get('profile')} — SHA-256 {pin.get('sha256')}")],
            ["套件版本", escape(f"{suite.get('version')}（提交 {suite.get('git_commit') or '无'}）")],
            ["需求目录 SHA-256", escape(suite["catalog_sha256"])],
            ["开始 / 结束", escape(f"{run.get('started', '?')} / {run.get('ended', '?')}")]]
    if portal.get("without_hooks"):
        rows.append(["按缺少处理的钩子", escape("、".join(portal["without_hooks"]))])
    return "<section><h2>运行信息</h2>" + _table(["项目", "内容"], rows) + "</section>"


def summary(doc: dict[str, Any]) -> str:
    scen = doc["summary"]
    total = "".join(f"{badge(s)} {scen.get(s, 0)}　" for s in ORDER if s not in ("untested", "not_certified"))
    by_guide: dict[str, Counter[str]] = {}
    for req in doc["requirements"]:
        by_guide.setdefault(req["guide"], Counter())[req["status"]] += 1
    columns = (*ORDER, "beyond_guide")
    rows = [[escape(g), str(sum(c.values())), *(str(c[s]) for s in columns)] for g, c in sorted(by_guide.items())]
    table = _table(["指引", "需求数", *(LABEL[s] for s in columns)], rows)
    now = doc.get("expected_failures", {}).get("now_passing", [])
    note = "".join(f"<p>预期失败的场景现在通过（可从预期失败文件中删除）：{escape(i)}</p>" for i in now)
    return f"<section><h2>总览</h2><p>场景：{total}</p><h3>按指引汇总需求</h3>{table}{note}</section>"


def plan_badge(status: str) -> str:
    label, css = PLAN_LABEL.get(status, (status, "untested"))
    return f'<span class="s {css}">{escape(label)}</span>'


def plans(doc: dict[str, Any]) -> str:
    """认证范围: each plan of catalog/plans.csv, its scenarios per status and its verdict (符合 only when all passed
    or are not applicable); plans the run did not select are 未认证."""
    if "plans" not in doc:
        return ""
    counted = ("passed", "failed", "not_verifiable", "not_applicable", "expected_failure")
    rows = [[escape(p["id"]), escape(p["title"]), plan_badge(p["status"]),
             *(str(p.get(s, 0)) if p.get("selected") else "—" for s in counted), escape(p.get("note", ""))]
            for p in doc["plans"]]
    selection = doc.get("selection") or {}
    source = {"--plan": "由 --plan 选择", "profile": "由配置文件的 plans: 声明", "all": "全部认证计划"}
    head = f"<p>本次认证的计划：{escape('、'.join(selection.get('plans', [])) or '无')}" \
           f"（{escape(source.get(selection.get('source', ''), selection.get('source', '')))}）。" \
           "未认证的计划，其场景未运行、不计数。</p>"
    table = _table(["计划", "名称", "结论", *(LABEL[s] for s in counted), "说明"], rows)
    return f"<section><h2>认证范围</h2>{head}{table}</section>"


def beyond_guide(doc: dict[str, Any]) -> str:
    """The checks beyond the guides (@BEYOND_GUIDE), apart: never counted for or against conformance."""
    block = doc.get("beyond_guide") or {}
    if not block.get("scenarios"):
        return ""
    counts = "".join(f"{badge(s)} {block.get(s, 0)}　" for s in ORDER if s != "untested")
    rows = [[badge(s["status"]), escape(s["name"]), escape(s["feature"])]
            for s in doc["scenarios"] if s.get("beyond_guide")]
    return ("<section><h2>指引之外的稳健性检查</h2><p>指引没有规定的故障情形（公安人像比对、金税三期、"
            "短信服务出错等）：单独报告，不计入一致性结论，也不影响运行的退出码；"
            "配置文件可以用 <code>beyond_guide: false</code> 不做这些检查。</p>"
            f"<p>状态：{badge(block['status']) if block['status'] in LABEL else escape(block['status'])}　{counts}</p>"
            + _table(["结果", "场景", "功能文件"], rows) + "</section>")


def readings(doc: dict[str, Any]) -> str:
    rows = [[escape(rid), escape(slug) if slug else "未声明（相关场景不适用）"]
            for rid, slug in doc.get("readings", {}).items()]
    absent = "、".join(escape(a) for a in doc.get("absent", [])) or "无"
    return (f"<section><h2>声明的读法与缺省流程</h2>{_table(['读法', '门户声明'], rows)}"
            f"<p>配置文件声明不提供的流程：{absent}</p></section>")


#: Where a trace re-run's trace comes from (results.json `trace_rerun`, etax_conformance/trace_rerun.py).
RERUN_SAID = {"failed": "来自失败后的重跑（重跑同样失败）", "passed": "来自失败后的重跑：重跑通过了，失败没有重现"
              "（trace from a re-run that passed: the failure did not repeat）"}


def trace_rerun_note(record: dict[str, Any] | None) -> str:
    """One line on the trace re-run of a failed scenario (empty when it was not re-run)."""
    if not record:
        return ""
    status = str(record.get("status", ""))
    if status == "failed":
        said = "重跑在同一步骤再次失败" if record.get("same_step") else \
            f"重跑失败在另一个步骤：{escape(str(record.get('step', '')))}"
    elif status == "passed":
        said = "<strong>重跑通过了：失败没有重现</strong>（the failure did not repeat）"
    elif status == "not_run":
        said = f"没有重跑：{escape(str(record.get('note', '')))}"
    else:
        said = f"重跑结果：{escape(status)}"
    trace = "，跟踪见下" if record.get("trace") else ""
    return f"<p class='muted'>失败后以 Playwright 跟踪重跑一次（结果仍以首次运行为准）：{said}{trace}</p>"


def evidence(run_dir: Path, files: list[str], rerun: dict[str, Any] | None = None) -> str:
    parts = [trace_rerun_note(rerun)] if rerun else []
    for name in files:
        path = run_dir / name
        if path.suffix == ".png" and path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            parts.append(f'<img class="shot" alt="失败时的页面截图" src="data:image/png;base64,{data}">')
        elif path.suffix == ".json" and path.is_file():
            text = path.read_text(encoding="utf-8")
            parts.append(f"<details><summary>测试钩子的 HTTP 往来（{escape(name)}）</summary>"
                         f"<pre>{escape(text)}</pre></details>")
        elif path.suffix == ".zip":
            origin = RERUN_SAID.get(str(rerun.get("status")), "来自重跑") if rerun and rerun.get("trace") == name \
                else ""
            parts.append(f"<p>Playwright 跟踪{origin}：<code>{escape(name)}</code>"
                         f"（<code>playwright show-trace {escape(name)}</code>）</p>")
        else:
            parts.append(f"<p>{escape(name)}</p>")
    return "".join(parts)


def scenario_block(run_dir: Path, s: dict[str, Any]) -> str:
    apart = "<span class='muted'>（指引之外，不计入）</span> " if s.get("beyond_guide") else ""
    head = (f"<li>{badge(s['status'])} {apart}{escape(s['name'])} "
            f"<span class='muted'>{escape(s['feature'])}，{s.get('duration', 0):.2f} 秒</span>")
    body = ""
    if s.get("expected_reason"):
        body += f"<p>预期失败的原因：{escape(s['expected_reason'])}</p>"
    if s.get("detail"):
        body += f"<pre>{escape(s['detail'])}</pre>"
    return head + body + evidence(run_dir, s.get("evidence", []), s.get("trace_rerun")) + "</li>"


def requirements(run_dir: Path, doc: dict[str, Any]) -> str:
    scenarios = {s["id"]: s for s in doc["scenarios"]}
    out, guide = ["<section><h2>需求与场景</h2>"], None
    for req in doc["requirements"]:
        if req["guide"] != guide:
            guide = req["guide"]
            out.append(f"<h3>{escape(guide)}</h3>")
        items = "".join(scenario_block(run_dir, scenarios[i]) for i in req["scenarios"] if i in scenarios)
        reason = f"<p class='muted'>未测试的原因：{escape(req['reason'])}</p>" if req.get("reason") else ""
        out.append(f"<div class='req {escape(req['status'])}' id='{escape(req['id'])}'><b>{escape(req['id'])}</b> "
                   f"{badge(req['status'])} <span class='muted'>§ {escape(req.get('section', ''))}</span>"
                   f"<div>{escape(req.get('rule', ''))}</div>{reason}<ul>{items}</ul></div>")
    return "".join(out) + "</section>"


def heatmap(doc: dict[str, Any], guides: Path | None) -> str:
    legend = "".join(f'<span class="s {s}">{LABEL[s]}</span>' for s in ORDER) + "<span>无底色：没有规则引用</span>"
    out = [f"<section class='heat'><h2>指引热力图</h2><p class='legend'>{legend}</p>"]
    by_guide: dict[str, list[CitingRule]] = {}
    for req in doc["requirements"]:
        by_guide.setdefault(req["guide"], []).append(
            CitingRule(req["id"], req.get("rule", ""), tuple(req.get("literals", [])), req["status"]))
    for guide, rules in sorted(by_guide.items()):
        out.append(f"<h3>{escape(guide)}</h3>")
        text = guide_text(guides, guide)
        if text is None:
            out.append("<p class='muted'>指引原文未随套件分发（用 --guides 目录 或 ETAX_GUIDES 指定）；"
                       "下面按规则引用的章节列出。</p>")
            sections: dict[str, list[CitingRule]] = {}
            for rule in rules:
                sections.setdefault(next((r["section"] for r in doc["requirements"] if r["id"] == rule.id), ""),
                                    []).append(rule)
            for section, cited in sections.items():
                spans = " ".join(f"<span class='s {r.status}' title='{escape(r.rule)}'>{escape(r.id)}</span>"
                                 for r in cited)
                out.append(f"<p>§ {escape(section)}：{spans}</p>")
            continue
        for paragraph in guide_paragraphs(text, rules):
            spans = "".join(f"<span class='{s.status or 'none'}' title='{escape('、'.join(s.rules))}'>"
                            f"{escape(s.text)}</span>" for s in paragraph)
            out.append(f"<p>{spans}</p>")
    return "".join(out) + "</section>"


def render(doc: dict[str, Any], run_dir: Path, guides: Path | None) -> str:
    body = (run_info(doc) + plans(doc) + summary(doc) + beyond_guide(doc) + readings(doc)
            + requirements(run_dir, doc) + heatmap(doc, guides))
    return ("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>一致性测试报告</title>"
            f"<style>{STYLE}</style></head><body><header><h1>电子税务局登录、注册与实名一致性测试报告</h1></header>"
            f"<main>{body}</main></body></html>\n")


def write_report(run_dir: Path, guides: Path | None = None) -> Path:
    guides = guides or (Path(os.environ["ETAX_GUIDES"]) if os.environ.get("ETAX_GUIDES") else None)
    doc = json.loads((run_dir / "results.json").read_text(encoding="utf-8"))
    path = run_dir / "report.html"
    path.write_text(render(doc, run_dir, guides), encoding="utf-8")
    return path
