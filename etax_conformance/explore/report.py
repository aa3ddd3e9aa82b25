"""report.html of an explore run: what was explored, how fast, and each divergence with its scenario."""

from __future__ import annotations

from html import escape
from typing import Any

STYLE = ("body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}"
         "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}pre{background:#f6f6f6;padding:1em}"
         ".ok{color:#176f2c}.bad{color:#a4161a}")


def html(block: dict[str, Any]) -> str:
    """The page (Chinese, as the suite's reports are)."""
    found = block["divergences"]
    verdict = (f'<p class="ok">未发现分歧：{block["sequences"]} 个步骤序列中，被测门户与参照模拟器的表现一致。</p>'
               if not found else
               f'<p class="bad">发现 {len(found)} 个分歧（每个已缩减为最短序列，写成可直接运行的场景）。</p>')
    rows = "".join(f"<tr><td>{escape(g['guide'])}</td><td>{g['sequences']}</td><td>{g['steps']}</td>"
                   f"<td>{g['seconds']}</td><td>{g['divergences']}</td></tr>" for g in block["per_guide"])
    items = "".join(
        f"<h3>{escape(d['guide'])} 分歧 {d['number']}：{escape(d['last_step'])}</h3>"
        f"<p>场景文件：<a href=\"{escape(d['file'])}\">{escape(d['file'])}</a>（种子 {d['seed']}，{d['steps']} 步；"
        f"{escape(' '.join('@' + t for t in d['tags']))}）</p>"
        f"<p>被测门户：{escape(_outcome(d['portal']))}<br>参照模拟器：{escape(_outcome(d['reference']))}</p>"
        for d in found)
    portal = escape(", ".join(f"{k}={v}" for k, v in block["portal"].items()))
    readings = escape(", ".join(f"{k}={v}" for k, v in block["reference"]["readings"].items()))
    return (f"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>explore</title>"
            f"<style>{STYLE}</style></head><body><h1>explore：按指引模型随机游走</h1>"
            f"<section id=\"explore\"><h2>探索</h2>{verdict}"
            f"<p>种子 {block['seed']}，预算 {block['budget']} 个序列/指引，用时 {block['seconds']} 秒"
            f"（{block['sequences_per_second']} 个序列/秒）。</p>"
            f"<p>被测门户：{portal}<br>参照模拟器：按被测门户声明的 readings（{readings}）</p>"
            f"<table><tr><th>指引模型</th><th>序列</th><th>步骤</th><th>秒</th><th>分歧</th></tr>{rows}</table>"
            f"{items}<p>只比较指引规定的内容：受理或拒绝、锁定状态、指引点名的页面、指引引用的提示、"
            f"声明的 readings 的结果；指引未规定的措辞、页面标记和时间不作比较。</p></section></body></html>\n")


def _outcome(outcome: dict[str, Any]) -> str:
    if not outcome["done"]:
        return f"未能完成该步（{outcome['failure']}）"
    return "成立的断言：" + ("、".join(outcome["holding"]) or "（无）")
