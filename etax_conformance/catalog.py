"""The requirement catalog: one CSV per guide under catalog/, one row per testable rule."""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CATALOG_DIR = Path(__file__).resolve().parent.parent / "catalog"
COLUMNS = ("id", "guide", "section", "rule", "literals", "confidence", "reason", "notes")
REQUIRED = ("id", "guide", "section", "rule", "confidence")
ID_PATTERN = re.compile(r"^[A-Z]+-[0-9A-Z.]+-\d{2}$")
SCHEDULED = "scheduled"
LITERAL_SEPARATOR = " | "
#: Files of the same folder that are not requirement rows (etax_conformance.readings and .plans read them).
NOT_REQUIREMENTS = frozenset({"readings.csv", "flows.csv", "plans.csv"})


class CatalogError(ValueError):
    """A catalog file that cannot be trusted: wrong header, bad or repeated id, missing field."""


@dataclass(frozen=True)
class Requirement:
    """One catalog row: a rule of a guide, and either its scenarios (by tag) or a reason."""

    id: str
    guide: str
    section: str
    rule: str
    literals: str
    confidence: str
    reason: str
    notes: str

    @property
    def literal_list(self) -> tuple[str, ...]:
        """The 【labels】 and 「messages」 the rule fixes, one per item."""
        return tuple(part.strip() for part in self.literals.split(LITERAL_SEPARATOR) if part.strip())

    @property
    def scheduled(self) -> bool:
        return self.reason.strip() == SCHEDULED


def catalog_files(catalog_dir: Path | None = None) -> list[Path]:
    """The catalog's CSV files in sorted order; an empty or missing folder is an error."""
    folder = DEFAULT_CATALOG_DIR if catalog_dir is None else catalog_dir
    files = sorted(path for path in folder.glob("*.csv") if path.name not in NOT_REQUIREMENTS)
    if not files:
        raise CatalogError(f"no catalog files (*.csv) in {folder}")
    return files


def load_catalog(catalog_dir: Path | None = None) -> list[Requirement]:
    """Every row of every catalog file, in file then row order; ids are unique across files."""
    requirements: list[Requirement] = []
    seen: dict[str, str] = {}
    for path in catalog_files(catalog_dir):
        for line, requirement in _read_file(path):
            where = f"{path.name} line {line}"
            if requirement.id in seen:
                raise CatalogError(f"{where}: id {requirement.id} is already used at {seen[requirement.id]}")
            seen[requirement.id] = where
            requirements.append(requirement)
    return requirements


def _read_file(path: Path) -> list[tuple[int, Requirement]]:
    # utf-8-sig: a spreadsheet that saves a BOM must not break the header check.
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(header) != COLUMNS:
            raise CatalogError(
                f"{path.name} line 1: the header must be exactly {','.join(COLUMNS)}, "
                f"found {','.join(header or []) or 'nothing'}"
            )
        rows: list[tuple[int, Requirement]] = []
        start = reader.line_num + 1
        for values in reader:
            line, start = start, reader.line_num + 1
            if not values:
                continue
            rows.append((line, _requirement(values, f"{path.name} line {line}")))
    return rows


def _requirement(values: list[str], where: str) -> Requirement:
    if len(values) != len(COLUMNS):
        raise CatalogError(f"{where}: expected {len(COLUMNS)} fields, found {len(values)}")
    fields = dict(zip(COLUMNS, values, strict=True))
    for name in REQUIRED:
        if not fields[name].strip():
            raise CatalogError(f"{where}: the {name} field is empty")
    if not ID_PATTERN.fullmatch(fields["id"]):
        raise CatalogError(
            f"{where}: id {fields['id']!r} is not of the form GUIDE-SECTION-NN (e.g. ITS-1.1-04)"
        )
    return Requirement(**fields)


def catalog_sha256(paths: Iterable[Path]) -> str:
    """sha256 over the files' bytes, in sorted path order, so results.json names the catalog it used."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.read_bytes())
    return digest.hexdigest()
