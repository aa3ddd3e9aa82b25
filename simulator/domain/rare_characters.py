"""Rare characters (生僻字) of personal names, found by radical (偏旁部首) and stroke count (笔画数); Unihan data."""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class RareCharacter:
    """One character with its Unihan radical-stroke data."""

    char: str
    radical: str  # the radical as a character, as a picker shows it
    radical_number: str  # kRSUnicode's radical part, e.g. "30" or "154'"
    residual_strokes: int
    total_strokes: int


#: radical number → the radical's character (CJKRadicals.txt, third field).
RADICALS = {"30": "口", "32": "土", "37": "大", "38": "女", "72": "日", "85": "水", "86": "火", "93": "牛",
            "96": "玉", "120'": "纟", "154'": "贝", "167": "金", "167'": "钅", "181": "頁", "181'": "页",
            "195'": "鱼", "196'": "鸟", "212": "龍", "212'": "龙"}

# Sources, honestly: the characters are ones known to be used in Chinese personal names and to trouble input
# methods or older systems (e.g. 𠮷, a variant of the surname 吉; 𫖯 of 赵孟𫖯; 䶮 of 刘䶮) — chosen from memory,
# not from an official list. Their radical and stroke counts are copied from the Unicode Character Database's
# Unihan file (version 15.0, Unihan_IRGSources.txt: kRSUnicode = radical.residual strokes, first value only;
# kTotalStrokes, first value, the mainland (G) count) and the radical's character from CJKRadicals.txt (a primed
# radical such as 154' is the simplified form 贝). A test re-checks every row against those files when they are
# installed (Debian package unicode-data): tests/natural_person/test_rare_characters.py.
# Following the guide ("根据生僻字笔画数选择左侧笔画数选框"), a picker lists each character under its total stroke
# count; the residual count is kept as well.
# character, kRSUnicode, kTotalStrokes (Unihan 15.0)
_UNIHAN = """
𠮷 30.3 6 | 喆 30.9 12 | 堃 32.8 11 | 垚 32.6 9 | 堉 32.8 11 | 𡎚 32.9 12 | 𡘙 37.6 9 | 奡 37.9 12
婧 38.8 11 | 㛃 38.6 9 | 嫚 38.11 14 | 昇 72.4 8 | 晧 72.7 11 | 昱 72.5 9 | 𬀪 72.4 8 | 𬀩 72.4 8
淼 85.8 12 | 𣲗 85.4 7 | 燊 86.12 16 | 焱 86.8 12 | 燚 86.12 16 | 犇 93.8 12 | 珺 96.7 11 | 玥 96.4 8
玙 96.3 7 | 琍 96.7 11 | 琇 96.7 11 | 珩 96.6 10 | 玹 96.5 9 | 瑄 96.9 13 | 瑆 96.9 13 | 琛 96.8 12
𫄨 120'.7 10 | 赟 154'.12 16 | 鑫 167.16 24 | 鍹 167.9 17 | 𬭎 167'.7 12 | 頔 181.5 14 | 𬱖 181'.5 11
𫖯 181'.6 12 | 𩽾 195'.6 14 | 𬶏 195'.6 14 | 𬸦 196'.11 16 | 𪚥 212.48 64 | 龑 212.4 20 | 䶮 212'.4 9
"""


def _parse(text: str) -> tuple[RareCharacter, ...]:
    found = []
    for entry in text.replace("\n", "|").split("|"):
        if entry.strip():
            char, rs, total = entry.split()
            number, residual = rs.split(".")
            found.append(RareCharacter(char, RADICALS[number], number, int(residual), int(total)))
    return tuple(found)


TABLE: tuple[RareCharacter, ...] = _parse(_UNIHAN)


@functools.cache
def radicals() -> tuple[str, ...]:
    """The radicals a picker offers, in radical-number order (as dictionaries list them)."""
    return tuple(dict.fromkeys(c.radical for c in sorted(TABLE, key=_radical_order)))


@functools.cache
def stroke_counts(radical: str) -> tuple[int, ...]:
    """The total stroke counts of the characters under this radical, ascending."""
    return tuple(sorted({c.total_strokes for c in TABLE if c.radical == radical}))


def characters(radical: str, strokes: int) -> tuple[str, ...]:
    """The characters with this radical and total stroke count, in table order."""
    return tuple(c.char for c in TABLE if c.radical == radical and c.total_strokes == strokes)


@functools.cache
def all_stroke_counts() -> tuple[int, ...]:
    return tuple(sorted({c.total_strokes for c in TABLE}))


def lookup(char: str) -> RareCharacter | None:
    return next((c for c in TABLE if c.char == char), None)


def _radical_order(c: RareCharacter) -> tuple[int, int]:
    number = c.radical_number.rstrip("'")
    return int(number), len(c.radical_number) - len(number)
