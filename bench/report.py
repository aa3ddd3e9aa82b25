"""The benchmark's JSON as Markdown (bench/RESULTS.md)."""

from __future__ import annotations

from typing import Any


def _goal(value: float, goal: float, higher_is_better: bool) -> str:
    met = value >= goal if higher_is_better else value <= goal
    return f"{'met' if met else 'missed'} (goal {'≥' if higher_is_better else '≤'} {goal:g})"


def markdown(result: dict[str, Any]) -> str:
    m, i, goals = result["machine"], result["inprocess"], result["goals"]
    lines = [
        "# Benchmark (issue 12)",
        "",
        f"`python bench/run.py` on {result['date']}: {m['cpus']} CPUs ({m['cpu']}), {m['system']}, Python "
        f"{m['python']}; load average at start {m['load_average_at_start']}. One run, ratios taken within it.",
        "",
        "## In-process suite against its floor",
        "",
        f"{i['scenarios']} scenarios ({i['passed']} passed), median of {i['rounds']} alternating rounds. "
        "The floor: the same features and step definitions whose bodies do nothing (`bench/noop_steps.py`).",
        "",
        "| | run phase (s) | whole command (s) | CPU (s) | peak RSS (MiB) |",
        "|---|---|---|---|---|",
        *(f"| {k} | {i[k]['run_seconds']:.2f} | {i[k]['wall_seconds']:.2f} | {i[k]['cpu_seconds']:.2f} | "
          f"{i[k]['peak_rss_mib']:.0f} |" for k in ("suite", "floor")),
        "",
        f"- scenarios/s (run phase): **{i['scenarios_per_second']:.1f}** — "
        f"{_goal(i['scenarios_per_second'], goals['scenarios_per_second'], True)}; whole command "
        f"{i['scenarios_per_second_whole_command']:.1f}",
        f"- suite / floor (run phase): **{i['suite_over_floor']:.2f}×** — "
        f"{_goal(i['suite_over_floor'], goals['suite_over_floor'], False)}; CPU {i['suite_over_floor_cpu']:.2f}×, "
        f"whole command {i['suite_over_floor_whole_command']:.2f}×",
    ]
    b = result.get("browser")
    if b:
        lines += [
            "",
            "## Browser driver against plain Playwright",
            "",
            f"Reference scenarios of `features/its/1.1_account_password_login.feature`, median of {b['rounds']} "
            "rounds; plain scripts in `bench/plain_playwright.py`.",
            "",
            "| scenario | steps | driver s/step | plain s/step | ratio |",
            "|---|---|---|---|---|",
            *(f"| {name} | {v['steps']} | {v['driver_s_per_step']:.3f} | {v['plain_s_per_step']:.3f} | "
              f"{v['ratio']:.2f}× |" for name, v in b["scenarios"].items()),
            "",
            f"- all reference steps: driver {b['driver_s_per_step']:.3f} s/step, plain {b['plain_s_per_step']:.3f} "
            f"s/step: **{b['browser_over_plain']:.2f}×** — "
            f"{_goal(b['browser_over_plain'], goals['browser_over_plain'], False)}",
        ]
    mem = result["memory"]
    lines += ["", "## Memory", "", "| process | peak (MiB) |", "|---|---|",
              f"| in-process run (RSS) | {mem['inprocess_run_peak_rss_mib']:.0f} |"]
    if "simulator_peak_rss_mib" in mem:
        lines += [f"| browser run's runner (RSS) | {mem['browser_run_peak_rss_mib']:.0f} |",
                  f"| served simulator (RSS high-water mark) | {mem['simulator_peak_rss_mib']:.0f} |",
                  f"| Chromium, all its processes (sum of PSS, sampled every 0.2 s) | "
                  f"{mem['chromium_peak_pss_mib']:.0f} |"]
    return "\n".join(lines) + "\n"
