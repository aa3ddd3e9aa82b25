"""selfcheck's report.html: the kill matrix as a table (switch → failing scenarios → requirement ids), in Chinese."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from etax_conformance.selfcheck import VERDICT_ZH

KIND_ZH = {"numbers": "数值与边界", "dates": "日期", "order-gates": "顺序与关卡", "words": "文字",
           "permissions": "权限与角色",
           "identities": "身份", "codes": "第二因子与验证码", "external": "外部系统", "concurrency": "并发"}


def write_report(path: Path, document: dict[str, Any]) -> None:
    """One self-contained page: the figures, then one row per switch."""
    summary, conformant = document["summary"], document["conformant"]
    if conformant.get("skipped"):
        baseline = "未运行"
    elif conformant.get("error") or conformant.get("failed"):
        baseline = "失败：" + escape(conformant.get("error") or "、".join(conformant["failed"]))
    else:
        baseline = f"通过（{conformant['passed']} 个场景通过，0 个失败；<a href=\"conformant/report.html\">报告</a>）"
    rows = []
    for switch in document["switches"]:
        failing = "<br>".join(
            f"{'✔' if f['carries_rows'] else '✘'} {escape(f['id'])}"
            f" <small>[{escape(' '.join(f['requirements']))}]</small>" for f in switch["failing"]) or "—"
        whole = switch.get("whole_run")
        whole_cell = "—" if whole is None else escape(VERDICT_ZH.get(whole.get("verdict", ""), whole.get("error", "")))
        rows.append(
            f"<tr class=\"{escape(switch['verdict'])}\"><td><code>{escape(switch['name'])}</code></td>"
            f"<td>{escape(' '.join(switch['rows']))}</td><td>{escape(KIND_ZH.get(switch['kind'], switch['kind']))}</td>"
            f"<td>{escape(switch['zh'])}<br><small>{escape(switch['en'])}</small></td>"
            f"<td>{escape(VERDICT_ZH.get(switch['verdict'], switch['verdict']))}"
            f"{'<br><small>' + escape(switch['error']) + '</small>' if switch.get('error') else ''}</td>"
            f"<td>{failing}</td><td>{whole_cell}</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>检测能力自检（偏差开关）</title>
<style>body{{font-family:sans-serif;margin:1.5em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;
padding:4px 6px;vertical-align:top;font-size:13px}}tr.killed td:nth-child(5){{color:#1a7f37}}
tr.survived td:nth-child(5),tr.elsewhere td:nth-child(5),tr.error td:nth-child(5){{color:#b00;font-weight:bold}}</style>
</head><body>
<h1>检测能力自检（偏差开关）</h1>
<p>驱动：{escape(summary['driver'])}；并行：{summary['workers']}；用时 {summary['seconds']} 秒。</p>
<p>合规模拟器全量运行：{baseline}</p>
<p>偏差开关 {summary['switches']} 个：已检出 {summary['killed']}，存活 {summary['survived']}，
仅被无关场景发现 {summary['elsewhere']}，运行出错 {summary['error']}；
被破坏的需求条目 {len(summary['rows_broken'])} 条；
全量抽样运行 {summary['whole_runs']} 次。结论：{'通过' if summary['ok'] else '不通过'}。</p>
<p><small>“失败场景”列：✔ 该场景标注了开关所破坏的条目，✘ 未标注。“无法验证”“不适用”从不计为检出。</small></p>
<table><thead><tr><th>偏差开关</th><th>破坏的需求条目</th><th>规则类型</th><th>偏差说明</th><th>结论</th>
<th>失败场景（需求条目）</th><th>全量运行</th></tr></thead><tbody>
{''.join(rows)}
</tbody></table></body></html>
"""
    path.write_text(page, encoding="utf-8")
