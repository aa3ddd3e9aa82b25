"""What the alt templates need besides the View: coded controls, form names, the message's look."""

from __future__ import annotations

from typing import Any

from simulator.common.views import MessageKind, View
from simulator.web.alt import names

#: Controls the guides never bracket, captioned this skin's way (the profile maps the suite's word to them).
CAPTIONS = {
    "提交": "验证", "返回": "上一步", "返回登录": "返回登录页", "退出": "安全退出", "返回首页": "回到首页",
    "CA校验": "CA证书校验", "完成注册": "提交注册",
}
#: A message's box: a refusal is a red toast, a lock a red toast with a padlock, information a plain note.
LOOKS = {MessageKind.REFUSED: ("tc-cuowu", "✖"), MessageKind.LOCKED: ("tc-suoding", "🔒"),
         MessageKind.SUCCESS: ("tc-chenggong", "✔"), MessageKind.INFO: ("tishi-xinxi", "ⓘ")}


def caption(control: str) -> str:
    return CAPTIONS.get(control, control)


def helpers(view: View) -> dict[str, Any]:
    """Functions and values every alt template may use."""

    def value(field: str) -> str:
        if "密码" in field and not view.extras.get("keep_passwords"):
            return ""
        return view.values.get(field, "")

    def pick_rows(field: str) -> list[tuple[str, ...]]:
        """The rows a value is picked from: the view's rows (name, tax id) when they list its options."""
        options = view.options.get(field, ())
        if view.rows and all(row and row[0] in options for row in view.rows):
            return list(view.rows)
        return [(option,) for option in options]

    look = LOOKS[view.message.kind] if view.message else ("", "")
    return {"dz": names.action_code, "mc": names.field_name, "caption": caption, "value": value,
            "ACTION": names.ACTION, "look": look,
            "pick_rows": pick_rows}
