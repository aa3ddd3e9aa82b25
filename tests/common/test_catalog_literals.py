"""Every literal a covered catalog row fixes (label 【…】, field or message 「…」) is written in a feature
that verifies the row: the suite cannot check a literal no scenario mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from etax_conformance.catalog import Requirement, load_catalog
from etax_conformance.coverage import DEFAULT_FEATURES_DIR, scan_features, scenarios_by_requirement
from steps.common.expect import normalise

SCENARIOS, _ = scan_features(DEFAULT_FEATURES_DIR)
COVERING = scenarios_by_requirement(SCENARIOS)
COVERED = [row for row in load_catalog() if row.id in COVERING and row.literal_list]


def _texts_of(requirement: Requirement) -> str:
    """The normalised text of the feature files holding the row's scenarios."""
    files = {DEFAULT_FEATURES_DIR.parent / scenario.path for scenario in COVERING[requirement.id]}
    return "".join(normalise(Path(path).read_text(encoding="utf-8")) for path in sorted(files))


def test_there_are_rows_with_literals_to_check() -> None:
    assert len(COVERED) >= 40


@pytest.mark.parametrize("requirement", COVERED, ids=[row.id for row in COVERED])
def test_each_literal_of_a_covered_row_is_in_its_features(requirement: Requirement) -> None:
    text = _texts_of(requirement)
    # A label may be written 【X】 or 「X」 in a step (press it / see it): the words inside are what must match.
    missing = [literal for literal in requirement.literal_list if normalise(literal.strip("【】「」")) not in text]
    assert not missing, f"{requirement.id}: no feature verifying it mentions {missing}"


def test_no_covered_row_still_says_scheduled() -> None:
    stale = [row.id for row in load_catalog() if row.id in COVERING and row.scheduled]
    assert not stale, f"covered rows whose reason still says 'scheduled': {stale}"
