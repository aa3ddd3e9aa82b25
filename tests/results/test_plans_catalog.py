"""catalog/plans.csv through etax_conformance.plans: every catalog row in exactly one plan, the loader's rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from etax_conformance.catalog import load_catalog
from etax_conformance.plans import (
    PlanError,
    load_plans,
    parse_plan_list,
    placement_errors,
    plan_of,
    plans_of_scenario,
)

HEADER = "plan,guide,title,requirements,description\n"


def test_every_catalog_row_is_in_exactly_one_plan() -> None:
    catalog = load_catalog()
    plans = load_plans()
    assert placement_errors([row.id for row in catalog], plans) == []
    for row in catalog:  # and the plan names the row's guide (Liaoning's rows come from its manual and summary)
        owner = plan_of(row.id, plans)
        assert owner is not None
        liaoning = "liaoning-etax-login-"
        assert owner.guide == row.guide or (owner.guide.startswith(liaoning) and row.guide.startswith(liaoning))


def test_the_plans_named_in_the_issue() -> None:
    assert [plan.id for plan in load_plans()] == [
        "its-login", "its-unit-verification", "its-registration", "its-declaration-password", "ln-logins",
        "ln-personnel-passwords", "ln-mobile-app-collection", "qingdao-login", "qingdao-registration"]


def test_a_scenario_belongs_to_the_plans_of_its_req_tags() -> None:
    tags = ["@REQ_LN-2.1-15", "REQ_LN-3.1-06", "@FLOW_its-ca-login", "@READING_LN-R03=sms-after-sync"]
    assert plans_of_scenario(tags) == ["ln-logins", "ln-personnel-passwords"]
    assert plans_of_scenario(["@REQ_ITS-2.2.1-04"]) == ["its-registration"]
    assert plans_of_scenario(["@slow"]) == []


def test_section_patterns_do_not_swallow_subsections() -> None:
    assert plan_of("ITS-2.2-01") is not None
    assert plan_of("ITS-1.3.1-01").id == "its-unit-verification"  # type: ignore[union-attr]
    assert plan_of("ITS-1.1-01").id == "its-login"  # type: ignore[union-attr]
    assert plan_of("NOPE-1-01") is None


def test_plan_list_is_checked_and_put_in_file_order() -> None:
    assert parse_plan_list("ln-personnel-passwords, ln-logins") == ("ln-logins", "ln-personnel-passwords")
    with pytest.raises(PlanError, match=r"unknown plan 'ln-login'.*known plans: its-login"):
        parse_plan_list("ln-login")
    with pytest.raises(PlanError, match="no plan given"):
        parse_plan_list(" , ")


def test_errors_name_rows_in_no_plan_or_two_and_dead_patterns(tmp_path: Path) -> None:
    (tmp_path / "plans.csv").write_text(HEADER + "a,g,甲,X-1-* X-*,d\nb,g,乙,X-2-* Y-9-*,d\n", encoding="utf-8")
    plans = load_plans(tmp_path)
    errors = placement_errors(["X-1-01", "X-2-01", "Z-1-01"], plans)
    assert "X-2-01 is in 2 plans (a, b); it must be in exactly one" in errors
    assert "Z-1-01 is in 0 plans (none); it must be in exactly one" in errors
    assert "plan b: pattern Y-9-* matches no catalog row" in errors


@pytest.mark.parametrize(("content", "message"), [
    ("plan,guide,title\n", "header must be exactly"),
    (HEADER + "Bad_Id,g,t,X-*,d\n", "plan id 'Bad_Id'"),
    (HEADER + "a,g,t,X-*,d\na,g,t,Y-*,d\n", "used twice"),
    (HEADER + "a,g,t,,d\n", "must not be empty"),
    (HEADER + "a,g,t,X-*\n", "expected 5 fields"),
    (HEADER, "lists no plan"),
])
def test_a_broken_plans_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "plans.csv").write_text(content, encoding="utf-8")
    with pytest.raises(PlanError, match=message):
        load_plans(tmp_path)
