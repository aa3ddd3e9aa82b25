"""The guide heatmap: a guide's text sentence by sentence, each coloured by the status of the rules that cite it.

The guides are not distributed with the suite (the catalog states each rule in its own words), so the text comes
from a folder the reader gives (`--guides DIR` or ETAX_GUIDES; the file <guide>.txt, as the catalog's guide column
names it). Which rules cite a sentence is found by overlap: the rule's own words and its literal labels/messages
share enough character pairs with the sentence (a quoted literal found in it counts double). Sentences no rule
cites stay uncoloured. Without the text, the heatmap shows each cited section with its rules instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

#: Worst first: the colour of a sentence is the worst status among its rules.
ORDER = ("failed", "expected_failure", "not_verifiable", "untested", "passed", "not_applicable")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_WORD = re.compile(r"[\w\u4e00-\u9fff]")


@dataclass(frozen=True)
class CitingRule:
    id: str
    rule: str
    literals: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class Sentence:
    text: str
    status: str | None  # None: no rule cites it
    rules: tuple[str, ...]


def _pairs(text: str) -> set[str]:
    chars = "".join(_WORD.findall(text))
    return {chars[i:i + 2] for i in range(len(chars) - 1)}


def _cites(rule: CitingRule, rule_pairs: set[str], sentence: str, pairs: set[str]) -> bool:
    if len(pairs) < 8 or not rule_pairs:  # headings and fragments: too short to say which rule
        return False
    shared = len(rule_pairs & pairs) / min(len(rule_pairs), len(pairs))
    literal = any(len(lit) >= 4 and lit in sentence for lit in rule.literals)
    return shared >= 0.45 or (literal and shared >= 0.2)


def worst(statuses: list[str]) -> str:
    return min(statuses, key=lambda s: ORDER.index(s) if s in ORDER else len(ORDER))


def guide_paragraphs(text: str, rules: list[CitingRule]) -> list[list[Sentence]]:
    """The guide's paragraphs, each a list of sentences with their status and citing rules."""
    prepared = [(rule, _pairs(rule.rule + " ".join(rule.literals))) for rule in rules]
    paragraphs = []
    for line in text.splitlines():
        sentences = []
        for match in _SENTENCE.finditer(line):
            sentence = match.group(0)
            if not sentence.strip():
                continue
            pairs = _pairs(sentence)
            citing = [rule for rule, rule_pairs in prepared if _cites(rule, rule_pairs, sentence, pairs)]
            status = worst([r.status for r in citing]) if citing else None
            sentences.append(Sentence(sentence, status, tuple(r.id for r in citing)))
        if sentences:
            paragraphs.append(sentences)
    return paragraphs


def guide_text(guides: Path | None, guide: str) -> str | None:
    """The guide's text from the given folder, or None (not given, not there)."""
    if guides is None:
        return None
    path = guides / f"{guide}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
