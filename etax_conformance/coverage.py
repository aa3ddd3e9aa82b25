"""Requirement coverage: which catalog rows the features' @REQ_ tags cover, and which give a reason."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, cast

from gherkin.errors import ParserError
from gherkin.parser import Parser
from gherkin.parser_types import Envelope, RuleEnvelope, ScenarioEnvelope, Tag
from gherkin.token_scanner import TokenScanner

from etax_conformance.catalog import Requirement, load_catalog

DEFAULT_FEATURES_DIR = Path(__file__).resolve().parent.parent / "features"
REQ_TAG = "REQ_"


@dataclass(frozen=True)
class ScenarioRef:
    """A scenario or scenario outline, with its own tags and those it inherits (feature, rule, examples)."""

    path: str
    line: int
    name: str
    tags: frozenset[str]

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.name}"

    @property
    def requirement_ids(self) -> list[str]:
        return sorted(tag.removeprefix(REQ_TAG) for tag in self.tags if tag.startswith(REQ_TAG))


def scan_features(features_dir: Path) -> tuple[list[ScenarioRef], list[str]]:
    """Every scenario under features_dir, and an error for each file the Gherkin parser rejects."""
    scenarios: list[ScenarioRef] = []
    errors: list[str] = []
    for path in sorted(features_dir.rglob("*.feature")):
        shown = path.relative_to(features_dir.parent).as_posix()
        try:
            document = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
        except ParserError as exc:
            errors.append(f"{shown} cannot be parsed as Gherkin: " + " ".join(str(exc).split()))
            continue
        feature = document.get("feature")
        if feature is not None:
            scenarios.extend(_scenarios(shown, feature["children"], _names(feature["tags"])))
    return scenarios, errors


def _scenarios(shown: str, children: Sequence[Envelope], inherited: frozenset[str]) -> list[ScenarioRef]:
    found: list[ScenarioRef] = []
    for child in children:
        if "rule" in child:
            rule = cast(RuleEnvelope, child)["rule"]
            found.extend(_scenarios(shown, rule["children"], inherited | _names(rule["tags"])))
        elif "scenario" in child:
            scenario = cast(ScenarioEnvelope, child)["scenario"]
            # Tags on an outline's Examples select some of its rows: count them for the outline.
            example_tags = [tag for examples in scenario["examples"] for tag in examples["tags"]]
            tags = inherited | _names(scenario["tags"]) | _names(example_tags)
            found.append(ScenarioRef(shown, scenario["location"]["line"], scenario["name"], tags))
    return found


def _names(tags: Iterable[Tag]) -> frozenset[str]:
    return frozenset(tag["name"].removeprefix("@") for tag in tags)


def scenarios_by_requirement(scenarios: Iterable[ScenarioRef]) -> dict[str, list[ScenarioRef]]:
    """REQ id → the scenarios tagged with it, in file order."""
    mapping: dict[str, list[ScenarioRef]] = {}
    for scenario in scenarios:
        for requirement_id in scenario.requirement_ids:
            mapping.setdefault(requirement_id, []).append(scenario)
    return mapping


def _status(requirement: Requirement, covering: int) -> tuple[str, str]:
    """(kind, detail) of one row; kind is covered, scheduled, not testable or MISSING."""
    if covering:
        return "covered", f"{covering} scenario{'s' if covering != 1 else ''}"
    if requirement.scheduled:
        return "scheduled", ""
    if requirement.reason.strip():
        return "not testable", requirement.reason.strip()
    return "MISSING", "no scenario and no reason"


def run_coverage(out: TextIO, catalog_dir: Path | None = None, features_dir: Path | None = None) -> int:
    """Print per-guide coverage, each row's status, notes and errors; 1 if any error, else 0."""
    features = DEFAULT_FEATURES_DIR if features_dir is None else features_dir
    requirements = load_catalog(catalog_dir)
    errors: list[str] = []
    if not features.is_dir():
        errors.append(f"the features folder {features} does not exist")
    scenarios, parse_errors = scan_features(features) if features.is_dir() else ([], [])
    errors.extend(parse_errors)
    covering = scenarios_by_requirement(scenarios)
    known = {requirement.id for requirement in requirements}
    notes: list[str] = []
    guides: dict[str, list[tuple[Requirement, str, str]]] = {}
    for requirement in requirements:
        count = len(covering.get(requirement.id, []))
        kind, detail = _status(requirement, count)
        guides.setdefault(requirement.guide, []).append((requirement, kind, detail))
        if kind == "MISSING":
            errors.append(f"{requirement.id} ({requirement.section}) has no scenario and no reason: "
                          f"tag a scenario @{REQ_TAG}{requirement.id} or give a reason in its catalog row")
        elif kind == "covered" and requirement.scheduled:
            notes.append(f"{requirement.id} is covered by {detail} but its reason still says "
                         f"\"scheduled\": empty the reason in its catalog row")
    errors.extend(_readings_errors(catalog_dir, scenarios))
    for scenario in scenarios:
        errors.extend(f"{scenario} is tagged @{REQ_TAG}{requirement_id}, but no catalog row has that id"
                      for requirement_id in scenario.requirement_ids if requirement_id not in known)

    out.write(f"Requirement coverage of {len(requirements)} catalog rows by {len(scenarios)} scenarios\n\n")
    _summary_table(out, guides)
    for guide, rows in guides.items():
        out.write(f"\n{guide}\n")
        for requirement, kind, detail in rows:
            out.write(f"  {requirement.id:<14} {kind:<13} {requirement.section}"
                      + (f" — {detail}" if detail else "") + "\n")
    for title, items in (("Notes", notes), ("Errors", errors)):
        if items:
            out.write(f"\n{title} ({len(items)}):\n" + "".join(f"  - {item}\n" for item in items))
    if errors:
        out.write(f"\nCoverage failed: {len(errors)} error{'s' if len(errors) != 1 else ''}.\n")
        return 1
    out.write("\nCoverage OK: every catalog row is covered by a scenario or gives a reason.\n")
    return 0


def _readings_errors(catalog_dir: Path | None, scenarios: list[ScenarioRef]) -> list[str]:
    """catalog/readings.csv and flows.csv against the features' @READING_/@FLOW_ tags (etax_conformance.readings)."""
    from etax_conformance.catalog import DEFAULT_CATALOG_DIR
    from etax_conformance.readings import ReadingsError, load_flows, load_readings, reading_coverage_errors

    folder = DEFAULT_CATALOG_DIR if catalog_dir is None else catalog_dir
    try:
        readings, flows = load_readings(folder), load_flows(folder)
    except ReadingsError as exc:
        return [str(exc)]
    return reading_coverage_errors((scenario.tags for scenario in scenarios), readings, flows)


def _summary_table(out: TextIO, guides: dict[str, list[tuple[Requirement, str, str]]]) -> None:
    kinds = ("covered", "scheduled", "not testable", "MISSING")
    width = max([len("guide"), *(len(guide) for guide in guides)])
    out.write(f"{'guide':<{width}}  {'rows':>5}" + "".join(f"  {kind:>12}" for kind in kinds) + "\n")
    for guide, rows in guides.items():
        counts = [sum(1 for _, kind, _ in rows if kind == wanted) for wanted in kinds]
        out.write(f"{guide:<{width}}  {len(rows):>5}" + "".join(f"  {n:>12}" for n in counts) + "\n")
