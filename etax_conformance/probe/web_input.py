"""Probes of hostile input to the portal's pages: request size (memory kept), hostile fields (no 5xx, no
traceback) and reflected payloads (always escaped)."""

from __future__ import annotations

import re
from pathlib import Path

import requests

from etax_conformance.probe.client import Portal
from etax_conformance.probe.figures import Figure

ENTRIES = ("", "/app", "/etax", "/mtax")
FIELDS = ("账号", "密码", "验证码", "手机号码", "短信验证码", "纳税人识别号", "姓名", "证件号码", "登录名")
HOSTILE_TEXT = {"10 kB": "张" * 10_000, "1 MB": "a" * 1_000_000, "NUL": "a\x00b", "emoji": "😀👍🏽",
                "𠮷": "𠮷野家", "RTL marks": "\u202eabc\u202c\u200f", "full-width digits": "１３８００１３８０００",
                "SQL": "' OR 1=1; DROP TABLE accounts; --", "spaces": "   "}
PAYLOADS = ('<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>")
_CONTROLS = re.compile(r'name="_control" value="([^"]*)"')
#: Memory the server may keep after 100 posts of a 1-million-character 账号 (it must not keep them).
MAX_GROWTH_MB = 64


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (a WSGI server's workers), in MB."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0) / 1024
        todo += [int(c) for c in children]
    return total


def request_size(portal: Portal, pid: int | None, posts: int = 100) -> list[Figure]:
    before = rss_mb(pid) if pid else None
    statuses = []
    for _ in range(posts):  # a new session each, as a script would
        answer = requests.post(f"{portal.url}/act", data={"_control": "登录", "账号": "a" * 1_000_000,
                                                          "密码": "x"}, timeout=60)
        statuses.append(answer.status_code)
    growth = None if pid is None or before is None else rss_mb(pid) - before
    try:
        big = requests.post(f"{portal.url}/act", data={"_control": "登录", "账号": "a" * 20_000_000},
                            timeout=120)
        big_answer = str(big.status_code)
    except requests.ConnectionError:
        big_answer = "connection closed"
    return [
        Figure("1-million-character 账号 ×100", f"{posts} posts (answers {sorted(set(statuses))}); server memory "
               + (f"{before:.0f} → {before + growth:.0f} MB" if before is not None and growth is not None
                  else "not watched (served elsewhere)"),
               f"fields bounded; memory growth under {MAX_GROWTH_MB} MB",
               (growth is None or growth < MAX_GROWTH_MB) and all(s < 500 for s in statuses)),
        Figure("20 MB body", f"answered {big_answer}", "refused (413)",
               big_answer in ("413", "400", "connection closed")),
    ]


def _press_all(portal: Portal, value: str, payload_check: bool) -> tuple[int, list[str]]:
    """Each entry's first-screen controls pressed with every field set to value: (requests, problems)."""
    count, problems = 0, []
    for entry in ENTRIES:
        http = requests.Session()
        page = http.get(f"{portal.url}{entry}/", timeout=30).text
        for control in _CONTROLS.findall(page)[:3]:
            form = {field: value for field in FIELDS} | {"_control": control}
            answer = http.post(f"{portal.url}{entry}/act", data=form, timeout=60)
            count += 1
            where = f"{entry or '/'} 【{control}】"
            if answer.status_code >= 500 or "Traceback" in answer.text:
                problems.append(f"{where}: {answer.status_code}")
            if payload_check and value in answer.text:
                problems.append(f"{where}: payload unescaped")
            http.get(f"{portal.url}{entry}/", timeout=30)  # back to where the session is
    return count, problems


def hostile_fields(portal: Portal) -> list[Figure]:
    sent, errors = 0, list[str]()
    for label, value in HOSTILE_TEXT.items():
        count, problems = _press_all(portal, value, payload_check=False)
        sent, errors = sent + count, errors + [f"{label} {p}" for p in problems]
    for entry in ENTRIES:  # bytes that are not UTF-8
        answer = requests.post(f"{portal.url}{entry}/act", data=b"_control=\xff\xfe&\xe8\xb4=\xff" + b"\x80" * 64,
                               headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=30)
        sent += 1
        if answer.status_code >= 500 or "Traceback" in answer.text:
            errors.append(f"invalid UTF-8 {entry or '/'}: {answer.status_code}")
    pages, unescaped = 0, list[str]()
    for payload in PAYLOADS:
        count, problems = _press_all(portal, payload, payload_check=True)
        pages, unescaped = pages + count, unescaped + problems
    return [Figure("hostile web requests", f"{len(errors)} × 5xx or traceback in {sent} requests"
                   + (f" ({'; '.join(errors[:3])})" if errors else ""), "0", not errors),
            Figure("reflected payloads", f"{len(unescaped)} unescaped on {pages} pages", "0", not unescaped)]


def all_figures(portal: Portal, pid: int | None, fast: bool) -> list[Figure]:
    return [*request_size(portal, pid, 100), *hostile_fields(portal)]
