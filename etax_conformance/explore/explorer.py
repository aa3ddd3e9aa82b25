"""Hypothesis runs a guide's model against a twin: N sequences by a seed, each divergence shrunk to its minimum.

Hypothesis stops at the first failure and shrinks it; to find more than one, the explorer notes the divergence's
signature (its sentence and what differed), lets the model pass over it from then on, and runs again, with the next
seed, on what is left of the budget. Everything is deterministic by the seed: Hypothesis's seed is set, its example
database is off, and the twin's portals and people start afresh for each sequence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, Phase, Verbosity, settings
from hypothesis import seed as hypothesis_seed
from hypothesis.errors import Flaky
from hypothesis.stateful import run_state_machine_as_test

from etax_conformance.explore.clock import elapsed
from etax_conformance.explore.machine import Divergence, GuideMachine, Tally, signature
from etax_conformance.explore.models_its import ItsLogin
from etax_conformance.explore.models_liaoning import LiaoningLogin
from etax_conformance.explore.models_qingdao import QingdaoLogin
from etax_conformance.explore.twin import StepResult, Twin

#: The guides' models, by the name `--guide` takes.
MODELS: dict[str, type[GuideMachine]] = {"its": ItsLogin, "liaoning": LiaoningLogin, "qingdao": QingdaoLogin}
#: At most this many divergences looked for per guide (each one costs a shrink).
MAX_DIVERGENCES = 5


@dataclass
class Found:
    """One divergence: the minimal sequence and the catalog rows its rules exercise."""

    guide: str
    seed: int
    steps: list[StepResult]
    tags: list[str]
    #: The sequence of this guide's run (counted from 1, shrinking runs included) in which it was first met.
    found_after: int
    #: The portal answered the same sequence differently while Hypothesis shrank it: the sequence is the last one
    #: that diverged, not necessarily minimal.
    flaky: bool = False


@dataclass
class GuideRun:
    """What exploring one guide did."""

    guide: str
    sequences: int = 0
    steps: int = 0
    seconds: float = 0.0
    found: list[Found] = field(default_factory=list)
    #: The conformance namespace of the served portal this guide was explored in (None: the default state or an
    #: in-process portal).
    namespace: str | None = None


def explore_guide(guide: str, twin: Twin, budget: int, seed: int, deadline: float | None = None,
                  max_divergences: int = MAX_DIVERGENCES) -> GuideRun:
    """Up to `budget` sequences of the guide's model (fewer once `deadline`, a time on the clock of `elapsed()`, has
    passed); the sequences Hypothesis runs to shrink a divergence count too."""
    model = MODELS[guide]
    tally = Tally(deadline=deadline, seed=f"explore-{seed}")
    result, started, round_seed = GuideRun(guide), elapsed(), seed
    while tally.sequences < budget and len(result.found) < max_divergences:
        if deadline is not None and elapsed() >= deadline:
            break
        machine = hypothesis_seed(round_seed)(model.bound(twin, tally))
        try:
            run_state_machine_as_test(machine, settings=_settings(budget - tally.sequences, model.steps_per_sequence))
        except Divergence as divergence:
            result.found.append(Found(guide, round_seed, divergence.steps, divergence.tags,
                                      tally.first_met or tally.sequences))
        except Flaky:
            if tally.last is None and deadline is not None and elapsed() >= deadline:
                break  # out of time mid-run: the sequences not begun make Hypothesis's generation look inconsistent
            if tally.last is None:
                raise
            result.found.append(Found(guide, round_seed, tally.last.steps, tally.last.tags,
                                      tally.first_met or tally.sequences, flaky=True))
        else:
            break
        tally.known.add(signature(result.found[-1].steps[-1]))
        tally.first_met, tally.last = None, None
        round_seed += 1
    result.sequences, result.steps, result.seconds = tally.sequences, tally.steps, elapsed() - started
    return result


def _settings(examples: int, steps: int) -> settings:
    return settings(max_examples=max(1, examples), stateful_step_count=steps, deadline=None,
                    database=None, derandomize=False, report_multiple_bugs=False, print_blob=False,
                    verbosity=Verbosity.quiet, suppress_health_check=list(HealthCheck),
                    phases=(Phase.explicit, Phase.generate, Phase.shrink))
