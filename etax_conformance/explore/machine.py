"""The base of every guide's model: a Hypothesis RuleBasedStateMachine whose rules say sentences of features/.

A model subclass names its guide, the Given sentences every sequence starts with (its background), the Then
sentences compared after each step (its probes: only what the guide fixes — acceptance or refusal, the lock, the
screens it names, the messages it quotes) and rules with preconditions that say When sentences, each with the
catalog rows (@REQ_) it exercises. The explorer binds a twin to a subclass of the model (`bound`) and lets Hypothesis
generate, run and shrink sequences; a step whose outcome differs between the two portals raises Divergence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from hypothesis import assume
from hypothesis.stateful import RuleBasedStateMachine

from etax_conformance.explore.clock import elapsed
from etax_conformance.explore.twin import StepResult, Twin


class Divergence(AssertionError):
    """The portal under test and the reference differed at the last step of `steps`."""

    def __init__(self, steps: list[StepResult], tags: list[str]) -> None:
        super().__init__(f"divergence at 「{steps[-1].sentence}」 after {len(steps)} steps")
        self.steps, self.tags = list(steps), list(tags)


@dataclass
class Tally:
    """What a binding ran: sequences begun, steps said, and the wall-clock limit (None: count only)."""

    sequences: int = 0
    steps: int = 0
    deadline: float | None = None
    seed: str = "explore"
    known: set[tuple[str, ...]] = field(default_factory=set)
    #: The sequence (counted from 1) in which the divergence being shrunk was first met.
    first_met: int | None = None
    #: The last divergence raised (kept when Hypothesis finds the portal flaky while shrinking it).
    last: Divergence | None = None


class GuideMachine(RuleBasedStateMachine):
    """One sequence of a guide's model against the twin the explorer bound."""

    guide: ClassVar[str] = ""
    background: ClassVar[tuple[str, ...]] = ()
    background_tags: ClassVar[tuple[str, ...]] = ()
    probes: ClassVar[tuple[str, ...]] = ()
    #: At most this many rules in one sequence (a model whose rules are long walks takes fewer).
    steps_per_sequence: ClassVar[int] = 12
    twin: ClassVar[Twin]
    tally: ClassVar[Tally]

    def __init__(self) -> None:
        super().__init__()
        tally = type(self).tally
        # Out of time: no more sequences are begun (a browser run is budgeted by time as well as by count).
        assume(tally.deadline is None or elapsed() < tally.deadline)
        tally.sequences += 1
        self.said: list[StepResult] = []
        self.tags: list[str] = list(self.background_tags)
        self.twin.begin(tally.seed)
        for sentence in self.background:
            self.say("given", sentence)

    @classmethod
    def bound(cls, twin: Twin, tally: Tally) -> type[GuideMachine]:
        """A subclass of this model acting on `twin` (Hypothesis runs the class; seeds are set on it)."""
        return type(f"{cls.__name__}Run", (cls,), {"twin": twin, "tally": tally})

    def say(self, keyword: str, sentence: str, *tags: str, look: bool = True,
            also: tuple[str, ...] = ()) -> StepResult:
        """Run one sentence on both portals; a divergence ends the sequence (Hypothesis then shrinks it).

        look=False: the probes are not asked after this step (a Given arranges; after time passes a browser still
        shows the page it had, a person looks again only by acting: timing is not compared). also: probes asked
        after this step only (what the guide fixes there: the message for a frozen handler…)."""
        probes = (*self.probes, *also) if look and keyword != "given" else ()
        result = self.twin.step(keyword, sentence, probes)
        type(self).tally.steps += 1
        self.said.append(result)
        self.tags.extend(t for t in tags if t not in self.tags)
        tally = type(self).tally
        if result.diverges and _signature(result) not in tally.known:
            if tally.first_met is None:
                tally.first_met = tally.sequences
            tally.last = Divergence(self.said, self.tags)
            raise tally.last
        return result

    def teardown(self) -> None:
        self.said = []


def _signature(result: StepResult) -> tuple[str, ...]:
    """How a divergence is told from another: its sentence and what differed (a found one is not looked for again)."""
    return (result.sentence, str(result.portal.done), str(result.reference.done),
            *sorted(result.portal.holding ^ result.reference.holding))


signature = _signature
