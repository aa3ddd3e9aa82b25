"""Lists whose items are pressed themselves (a unit clicked, or double-clicked), and what the page then posts.

A page shows such a list as the options of a field; clicking or double-clicking an item posts the form with
that field set to the item and a control pressed. The view says which, under `extras`, so the in-process
driver can do what the page does (the browser driver clicks the item itself).
"""

from __future__ import annotations

from simulator.common.views import View

GESTURES = "item_gestures"
CLICK, DOUBLE_CLICK = "click", "double_click"


def gestures(field: str, *, click: str | None = None, double_click: str | None = None) -> dict[str, object]:
    """The `extras` entry of a view whose `field` lists items: the control each gesture on an item presses."""
    pressed = {CLICK: click, DOUBLE_CLICK: double_click}
    return {GESTURES: {gesture: (field, control) for gesture, control in pressed.items() if control}}


def target(view: View, gesture: str, item: str) -> tuple[str, str] | None:
    """(field, control) the page posts when `item` gets this gesture; None when the screen has no such item."""
    found = view.extras.get(GESTURES, {}).get(gesture)
    if found is None:
        return None
    field, control = found
    return (field, control) if item in view.options.get(field, ()) else None
