"""Every 「…」 and 【…】 in features/qingdao is the FAQ's: 【label】 bracketed so by the FAQ, 「text」 printed by it (in
“”, 【】 or running text, after NFKC normalisation: the FAQ writes half-width commas and brackets). The only other
quotes are the suite's declared names (steps/qingdao/labels.py SUITE_QUOTES), each marked as the suite's in
catalog/qingdao.csv — as tests/its/test_its_labels.py does for ITS."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from etax_conformance.paths import CATALOG_DIR, FEATURES_DIR, ROOT
from steps.qingdao.labels import SUITE_QUOTES

FAQ = "qingdao-etax-login-faq.txt"
QUOTE = re.compile(r"([「【])([^」】\n]+)[」】]")
FEATURES = sorted((FEATURES_DIR / "qingdao").glob("*.feature"))


def _plain(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def _faq() -> str:
    for folder in (ROOT.parent / "shared" / "guides", Path("/work/shared/guides")):
        if (folder / FAQ).is_file():
            return _plain((folder / FAQ).read_text(encoding="utf-8"))
    pytest.skip("the Qingdao FAQ (../shared/guides) is not next to this checkout")


def _quotes(feature: Path) -> set[tuple[str, str]]:
    """(bracket, text) of every quote in the file: titles, steps, tables, descriptions and comments."""
    return set(QUOTE.findall(feature.read_text(encoding="utf-8")))


def test_the_features_quote_something() -> None:
    quotes = set().union(*(_quotes(f) for f in FEATURES))
    assert ("【", "用户注册") in quotes
    assert ("「", "该用户未注册") in quotes


@pytest.mark.parametrize("feature", FEATURES, ids=lambda p: p.name)
def test_every_quote_is_printed_by_the_faq_or_a_declared_suite_name(feature: Path) -> None:
    faq = _faq()
    unprinted = sorted(f"{bracket}{text}" for bracket, text in _quotes(feature)
                       if text not in SUITE_QUOTES and not (
                           _plain(f"【{text}】") in faq if bracket == "【" else _plain(text) in faq))
    assert unprinted == [], f"{feature.name} quotes what the FAQ does not print: {unprinted}"


def test_the_suite_names_are_marked_in_the_catalog() -> None:
    catalog = (CATALOG_DIR / "qingdao.csv").read_text(encoding="utf-8")
    unmarked = [name for name in SUITE_QUOTES if f"「{name}」" not in catalog]
    assert unmarked == [], f"catalog/qingdao.csv does not mark these suite names: {unmarked}"
    used = set().union(*(_quotes(f) for f in FEATURES))
    assert all(("「", name) in used for name in SUITE_QUOTES), "a declared suite name no feature uses"
