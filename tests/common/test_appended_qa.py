"""The Q&A appended to the Liaoning manual file: one rule for the whole block, written in the catalog (LN-QA-08)."""

from __future__ import annotations

from etax_conformance.catalog import load_catalog


def test_every_row_of_the_appended_block_follows_the_one_rule() -> None:
    rows = [r for r in load_catalog() if r.id.startswith(("ITS-QA-", "LN-QA-"))]
    rule = next(r for r in rows if r.id == "LN-QA-08")
    assert rule.reason.startswith("Rule for the whole appended Q&A block")
    assert "is not itself a ground for exclusion" in rule.reason
    for row in rows:
        assert row.confidence == "secondary Q&A", row.id
        if row.id != "LN-QA-08":
            assert "block rule written in" in row.notes, row.id
            assert "LN-QA-08" in row.notes, row.id
            assert not row.reason, f"{row.id} is enforced under the block rule"
