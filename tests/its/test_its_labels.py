"""Every 【label】 the ITS features print is printed by a guide (in 【】, “” or 「」): the suite's own names for
controls a guide does not name stay in the steps (steps/common/labels.py), where a profile maps them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner

from etax_conformance.paths import FEATURES_DIR, ROOT

GUIDES = ROOT.parent / "shared" / "guides"
LABEL = re.compile(r"【([^】]+)】")


def _guide_text() -> str:
    folder = GUIDES if GUIDES.is_dir() else Path("/work/shared/guides")
    if not folder.is_dir():
        pytest.skip("the guides (../shared/guides) are not next to this checkout")
    return "".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt")))


def _printed_labels(path: Path) -> set[str]:
    """The 【…】 of every step, description and title, with each outline placeholder replaced by its examples."""
    document = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
    feature = document["feature"]
    labels = set(LABEL.findall(feature["name"] + feature.get("description", "")))
    for child in feature["children"]:
        scenario = child.get("scenario")
        if scenario is None:
            scenario = child.get("background")
        if scenario is None:
            continue
        texts = [scenario["name"], *(step["text"] for step in scenario["steps"])]
        rows = [dict(zip([c["value"] for c in ex["tableHeader"]["cells"]], [c["value"] for c in row["cells"]],
                         strict=True)) for ex in scenario.get("examples", []) for row in ex["tableBody"]] or [{}]
        for text in texts:
            for row in rows:
                for name, value in row.items():
                    text = text.replace(f"<{name}>", value)
                labels.update(LABEL.findall(text))
    return labels


@pytest.mark.parametrize("feature", sorted((FEATURES_DIR / "its").glob("*.feature")), ids=lambda p: p.name)
def test_every_bracketed_label_is_printed_by_a_guide(feature: Path) -> None:
    guides = _guide_text()
    unprinted = sorted(label for label in _printed_labels(feature)
                       if not any(f"{a}{label}{b}" in guides for a, b in (("【", "】"), ("“", "”"), ("「", "」"))))
    assert unprinted == [], f"{feature.name} prints labels no guide prints: {unprinted}"
