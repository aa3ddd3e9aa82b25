"""Declared readings and absent flows: the catalog's closed lists, a profile's choices, and the tags that use them."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

READINGS_FILE, FLOWS_FILE = "readings.csv", "flows.csv"
READING_COLUMNS = ("id", "guide", "section", "question", "choices", "notes")
FLOW_COLUMNS = ("id", "guide", "section", "description")
READING_TAG, FLOW_TAG = "READING_", "FLOW_"
READING_ID = re.compile(r"^[A-Z]+-R\d{2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NOT_APPLICABLE = "not applicable: "


class ReadingsError(ValueError):
    """A readings/flows file, a tag or a profile declaration that cannot be trusted (said in plain words)."""


@dataclass(frozen=True)
class Reading:
    """One place where the guides disagree or read two ways, and the closed list of its readings."""

    id: str
    guide: str
    section: str
    question: str
    choices: dict[str, str]  # slug → what that reading says, in Chinese
    notes: str


@dataclass(frozen=True)
class Declared:
    """What a portal's profile declares: one slug per reading it chose, and the flows it does not offer."""

    readings: dict[str, str] = field(default_factory=dict)
    absent: tuple[str, ...] = ()
    beyond_guide: bool = True  # false: the checks beyond the guides (@BEYOND_GUIDE) are not applicable


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = tuple(next(reader, []))
        if header != columns:
            raise ReadingsError(f"{path.name} line 1: the header must be exactly {','.join(columns)}")
        rows = []
        for values in reader:
            where = f"{path.name} line {reader.line_num}"
            if not values:
                continue
            if len(values) != len(columns):
                raise ReadingsError(f"{where}: expected {len(columns)} fields, found {len(values)}")
            rows.append((where, dict(zip(columns, values, strict=True))))
        return rows


def load_readings(catalog_dir: Path) -> dict[str, Reading]:
    """catalog/readings.csv by id (empty when the file is missing)."""
    readings: dict[str, Reading] = {}
    for where, row in _rows(catalog_dir / READINGS_FILE, READING_COLUMNS):
        if not READING_ID.fullmatch(row["id"]) or row["id"] in readings:
            raise ReadingsError(f"{where}: id {row['id']!r} is not of the form ITS-R01, or is used twice")
        choices: dict[str, str] = {}
        for part in row["choices"].split("|"):
            slug, _, meaning = part.partition("=")
            if not SLUG.fullmatch(slug.strip()) or not meaning.strip():
                raise ReadingsError(f"{where}: choice {part!r} is not slug=中文说明 (slug: lower-case ASCII and -)")
            choices[slug.strip()] = meaning.strip()
        if len(choices) < 2:
            raise ReadingsError(f"{where}: a reading needs at least two choices")
        readings[row["id"]] = Reading(row["id"], row["guide"], row["section"], row["question"], choices, row["notes"])
    return readings


def load_flows(catalog_dir: Path) -> dict[str, str]:
    """catalog/flows.csv: flow id → description (empty when the file is missing)."""
    flows: dict[str, str] = {}
    for where, row in _rows(catalog_dir / FLOWS_FILE, FLOW_COLUMNS):
        if not SLUG.fullmatch(row["id"]) or row["id"] in flows:
            raise ReadingsError(f"{where}: flow id {row['id']!r} is not lower-case ASCII with -, or is used twice")
        flows[row["id"]] = row["description"]
    return flows


def split_tag(tag: str) -> tuple[str, str, str] | None:
    """READING_<id>=<slug> → ("reading", id, slug); FLOW_<id> → ("flow", id, ""); any other tag → None."""
    if tag.startswith(READING_TAG):
        reading, _, slug = tag.removeprefix(READING_TAG).partition("=")
        return "reading", reading, slug
    if tag.startswith(FLOW_TAG):
        return "flow", tag.removeprefix(FLOW_TAG), ""
    return None


def tag_errors(tags: Iterable[str], readings: dict[str, Reading], flows: dict[str, str]) -> list[str]:
    """Why each reading or flow tag names nothing in the catalog (empty when all are known)."""
    errors = []
    for tag in sorted(tags):
        parts = split_tag(tag)
        if parts is None:
            continue
        kind, name, slug = parts
        if kind == "flow" and name not in flows:
            errors.append(f"@{tag} names flow {name!r}, which catalog/{FLOWS_FILE} does not list")
        elif kind == "reading" and name not in readings:
            errors.append(f"@{tag} names reading {name!r}, which catalog/{READINGS_FILE} does not list")
        elif kind == "reading" and slug not in readings[name].choices:
            errors.append(f"@{tag}: reading {name} has no choice {slug!r} "
                          f"(its choices: {', '.join(readings[name].choices)})")
    return errors


def load_declared(profile: Path, readings: dict[str, Reading], flows: dict[str, str]) -> Declared:
    """The `readings:`, `absent:` and `beyond_guide:` keys of a profile YAML, checked against the catalog."""
    try:
        document = yaml.safe_load(profile.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ReadingsError(f"cannot read the profile {profile}: {exc}") from None
    declared = document.get("readings") or {}
    absent = document.get("absent") or []
    if not isinstance(declared, dict) or not isinstance(absent, list):
        raise ReadingsError(f"{profile}: `readings` must be a mapping (id: slug) and `absent` a list of flow ids")
    for name, slug in declared.items():
        if name not in readings:
            raise ReadingsError(f"{profile}: readings names {name!r}, which catalog/{READINGS_FILE} does not list")
        if slug not in readings[name].choices:
            raise ReadingsError(f"{profile}: reading {name} has no choice {slug!r} "
                                f"(its choices: {', '.join(readings[name].choices)})")
    unknown = [str(flow) for flow in absent if flow not in flows]
    if unknown:
        raise ReadingsError(f"{profile}: absent names {', '.join(unknown)}, not listed in catalog/{FLOWS_FILE}")
    from etax_conformance.beyond_guide import profile_includes

    try:
        beyond = profile_includes(document, str(profile))
    except ValueError as exc:
        raise ReadingsError(str(exc)) from None
    return Declared({str(k): str(v) for k, v in declared.items()}, tuple(str(flow) for flow in absent), beyond)


def not_applicable(tags: Iterable[str], declared: Declared, readings: dict[str, Reading],
                   flows: dict[str, str]) -> str | None:
    """The skip reason when a scenario's readings or flows do not hold for this portal, else None."""
    for tag in sorted(tags):
        parts = split_tag(tag)
        if parts is None:
            continue
        kind, name, slug = parts
        if kind == "flow" and name in declared.absent:
            return f"{NOT_APPLICABLE}the profile declares flow {name} absent ({flows.get(name, '')})"
        if kind == "reading":
            chosen = declared.readings.get(name)
            question = readings[name].question if name in readings else ""
            if chosen is None:
                return (f"{NOT_APPLICABLE}the profile declares no reading of {name} ({question}); "
                        f"this scenario asserts {slug}")
            if chosen != slug:
                return (f"{NOT_APPLICABLE}reading {name} ({question}) is declared {chosen}; "
                        f"this scenario asserts {slug}")
    return None


def reading_coverage_errors(scenario_tags: Iterable[Iterable[str]], readings: dict[str, Reading],
                            flows: dict[str, str]) -> list[str]:
    """Unknown reading/flow tags, and each choice of a reading with no scenario and no `no scenario for <slug>` note."""
    all_tags = [set(tags) for tags in scenario_tags]
    errors = tag_errors({tag for tags in all_tags for tag in tags}, readings, flows)
    for reading in readings.values():
        for slug in reading.choices:
            tested = any(f"{READING_TAG}{reading.id}={slug}" in tags for tags in all_tags)
            if not tested and f"no scenario for {slug}" not in reading.notes:
                errors.append(f"reading {reading.id} choice {slug} has no scenario tagged "
                              f"@{READING_TAG}{reading.id}={slug} and its notes do not say "
                              f"'no scenario for {slug} because …'")
    return errors
