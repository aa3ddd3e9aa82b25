"""A divergence written as a ready-to-run zh-CN scenario: the sentences said, then what the reference showed.

The steps are the sentences the model said (the suite's own, so the file runs as it is with `run --features`), the
background as 假如, the actions as 当, and the guide's assertions that held on the reference but not on the portal
under test as 那么: the scenario passes on the reference and fails on the portal. Its tags are the catalog rows
(@REQ_) of the rules the sequence went through.
"""

from __future__ import annotations

from etax_conformance.explore.twin import StepResult

KEYWORDS = {"given": "假如", "when": "当", "then": "那么"}
AND = "而且"


def scenario_lines(steps: list[StepResult]) -> list[str]:
    """The steps of the scenario (keyword and sentence), the reference's differing assertions last."""
    last = steps[-1]
    expected = sorted(last.reference.holding - last.portal.holding) if last.portal.done else []
    said = [(step.keyword, step.sentence) for step in steps] + [("then", sentence) for sentence in expected]
    lines, previous = [], ""
    for keyword, sentence in said:
        lines.append(f"{AND if keyword == previous else KEYWORDS[keyword]} {sentence}")
        previous = keyword
    return lines


def feature_text(guide: str, number: int, seed: int, steps: list[StepResult], tags: list[str]) -> str:
    """The whole .feature file of one divergence."""
    last = steps[-1]
    if not last.portal.done:
        what = f"被测门户未能完成最后一步（{last.portal.failure}），参照模拟器完成了"
    elif not last.reference.done:
        what = f"参照模拟器未能完成最后一步（{last.reference.failure}），被测门户完成了：本场景在参照模拟器上也不通过"
    else:
        shown = "、".join(f"「{s}」" for s in sorted(last.portal.holding - last.reference.holding)) or "（无）"
        what = f"最后一步之后，被测门户另外成立的断言：{shown}"
    body = "\n".join(f"    {line}" for line in scenario_lines(steps))
    tag_line = " ".join(f"@{tag}" for tag in sorted(dict.fromkeys(tags)))
    return (f"# language: zh-CN\n"
            f"# 由 etax-conformance explore 生成（指引模型 {guide}，种子 {seed}，第 {number} 个分歧），"
            f"已由 Hypothesis 缩减为最短的步骤序列。\n"
            f"# 在参照模拟器（按被测门户声明的 readings 配置）上通过，在被测门户上不通过；可直接加入 features/。\n"
            f"# {what}\n"
            f"功能: explore 发现的分歧（{guide}）\n\n"
            f"  {tag_line}\n"
            f"  场景: explore 分歧 {number}：{last.sentence}\n"
            f"{body}\n")
