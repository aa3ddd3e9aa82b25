"""Controls that belong to one row of a list (点击办税员名称对应的【删除】按钮), and what the page then posts.

Such a row holds its own buttons; pressing one posts the row's key in a field together with the control. The
view says, under `extras`, which rows have which buttons and what key each posts, so the in-process driver can
do what the page does (the browser driver presses the button inside the row that shows the text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from simulator.common.views import View

ROW_CONTROLS = "row_controls"


def row_controls(field: str, rows: Mapping[str, tuple[str, Sequence[str]]]) -> dict[str, object]:
    """The `extras` entry of a view: for each row's text (a person's name), the key it posts and its buttons."""
    return {ROW_CONTROLS: {"field": field, "rows": {text: (key, tuple(controls)) for text, (key, controls)
                                                    in rows.items()}}}


def target(view: View, row: str, control: str) -> tuple[str, str] | None:
    """(field, key) the page posts when `control` is pressed in the row showing `row`; None when there is none."""
    found = view.extras.get(ROW_CONTROLS)
    if not found or row not in found["rows"]:
        return None
    key, controls = found["rows"][row]
    return (found["field"], key) if control in controls else None
