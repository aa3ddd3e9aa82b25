"""The rare-character table: real Unihan data, stable under normalisation, and a picker's lookups."""

from __future__ import annotations

import bz2
import unicodedata
from pathlib import Path

import pytest

from simulator.domain import rare_characters as rare

UNIHAN = Path("/usr/share/unicode/Unihan_IRGSources.txt.bz2")
RADICALS = Path("/usr/share/unicode/CJKRadicals.txt")


def test_the_guide_examples_and_characters_outside_the_bmp_are_there() -> None:
    chars = {c.char for c in rare.TABLE}
    assert {"𠮷", "𡘙", "𪚥", "堃", "喆", "赟", "昇", "燊", "淼"} <= chars
    assert sum(ord(c) > 0xFFFF for c in chars) >= 10
    assert len(chars) == len(rare.TABLE) >= 40


@pytest.mark.parametrize("entry", rare.TABLE, ids=lambda e: f"U+{ord(e.char):04X}")
def test_every_character_is_a_unified_ideograph_that_normalisation_keeps(entry: rare.RareCharacter) -> None:
    assert len(entry.char) == 1
    assert unicodedata.name(entry.char).startswith("CJK UNIFIED IDEOGRAPH-")
    for form in ("NFC", "NFKC"):
        assert unicodedata.normalize(form, entry.char) == entry.char
    assert entry.radical not in {c.char for c in rare.TABLE}


def test_a_picker_finds_a_character_by_radical_then_total_strokes() -> None:
    assert "口" in rare.radicals()
    assert 6 in rare.stroke_counts("口")
    assert rare.characters("口", 6) == ("𠮷",)
    assert rare.characters("龍", 64) == ("𪚥",)
    assert rare.characters("日", 8) == ("昇", "𬀪", "𬀩")
    assert rare.lookup("𡘙") == rare.RareCharacter("𡘙", "大", "37", 6, 9)
    assert rare.radicals()[:3] == ("口", "土", "大")  # radical-number order


@pytest.mark.skipif(not UNIHAN.exists(), reason="Unihan not installed (Debian package unicode-data)")
def test_radicals_and_stroke_counts_are_those_of_unihan() -> None:
    wanted = {c.char: c for c in rare.TABLE}
    found: dict[str, dict[str, str]] = {}
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("U+"):
                point, key, value = line.rstrip("\n").split("\t", 2)
                char = chr(int(point[2:], 16))
                if char in wanted and key in ("kRSUnicode", "kTotalStrokes"):
                    found.setdefault(char, {})[key] = value.split()[0]
    radicals = {}
    for line in RADICALS.read_text(encoding="utf-8").splitlines():
        if line[:1].isdigit():
            number, _, unified = (part.strip() for part in line.split(";"))
            radicals[number] = chr(int(unified, 16))
    for char, entry in wanted.items():
        assert found[char]["kRSUnicode"] == f"{entry.radical_number}.{entry.residual_strokes}", char
        assert int(found[char]["kTotalStrokes"]) == entry.total_strokes, char
        assert radicals[entry.radical_number] == entry.radical, char
