"""What a vendor reads when a step cannot be done, in Chinese: what was looked for (and through which profile key),
what the page showed. The drivers raise these; etax_conformance/failures.py adds the step and its 需求."""

from __future__ import annotations

import json
import re

from drivers.protocol import DriverError

#: The Playwright call log's reasons a wait gave up, in the words a vendor reads (the first that appears wins).
_WAITED_FOR = (
    ("did not find some options", "下拉框里没有要选的选项"),
    ("not visible", "元素一直不可见"),
    ("not enabled", "元素一直不可用（disabled）"),
    ("not editable", "元素一直不可编辑"),
    ("not stable", "元素一直在移动"),
    ("intercepts pointer events", "元素被其他元素挡住，点不到"),
    ("waiting for navigation", "页面一直没有完成跳转"),
    ("waiting for locator", "页面上一直没有出现这个元素"),
)


class Missing(DriverError):
    """The portal does not offer what a step looks for: 期望 (what, through which profile key), 实际 (the page)."""

    def __init__(self, expected: str, actual: str, through: str = "") -> None:
        self.expected, self.actual, self.through = expected, actual, through
        super().__init__(f"期望：{expected}{f'（{through}）' if through else ''}\n实际：{actual}")

    def looking_for(self, expected: str) -> Missing:
        """The same failure, the expectation named in other words (the guide's, instead of a value a step used)."""
        return Missing(expected, self.actual, self.through)


def timed_out(error: BaseException, timeout_ms: float | None = None) -> str:
    """A Playwright TimeoutError in Chinese: how long, and what the browser was still waiting for."""
    text = str(error)
    reason = next((chinese for english, chinese in _WAITED_FOR if english in text), "要操作的元素一直没有就绪")
    found = re.search(r"Timeout (\d+)ms", text)
    waited = found[1] if found else None if timeout_ms is None else round(timeout_ms)
    return f"浏览器等待{f'{waited}毫秒' if waited is not None else ''}后超时：{reason}"


def listed(items: list[str] | tuple[str, ...], brackets: str = "「」", limit: int = 15) -> str:
    """「甲」「乙」… (at most `limit`, then how many more), or （无） for none."""
    shown = [f"{brackets[0]}{item}{brackets[1]}" for item in items[:limit]]
    more = f"等{len(items)}项" if len(items) > limit else ""
    return "".join(shown) + more if shown else "（无）"


# The conformance hooks' answers, as the browser driver's HooksClient reports them.
def hook_missing(capability: str, why: str) -> str:
    """Why a scenario is not verifiable: the portal lacks a capability it needs (why: HTTP 404, --without-hooks…)."""
    return f"门户缺少测试接口（conformance hook）「{capability}」（{why}）"


def hooks_unreachable(capability: str, why: object) -> str:
    return f"调用测试接口「{capability}」时连不上门户的 conformance hooks（{why}）"


def hooks_refused_token() -> str:
    return "门户的 conformance hooks 拒绝了 --hooks-token 给出的令牌（HTTP 401）"


def hook_failed(capability: str, status: int, detail: object, request: object) -> str:
    """A hook that answered with an error: the step's preparation (a seed state) could not be made."""
    body = json.dumps(request, ensure_ascii=False, default=str)
    body = body if len(body) <= 300 else body[:300] + "…"
    return (f"期望：测试接口「{capability}」按 simulator/hooks/openapi.yaml 接受请求并完成准备（请求：{body}）\n"
            f"实际：测试接口返回 HTTP {status}：{detail or '（无说明）'}")
