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


#: The Qingdao e-tax bureau's own captions of the controls its FAQ never brackets (the 【…】 ones stay literal).
QINGDAO_CAPTIONS = {
    "证件号码登录": "证件登录", "用户名登录": "用户名密码", "手机验证码登录": "短信登录",
    "税务数字证书登录": "数字证书",
    "获取验证码": "发送验证码", "刷脸验证": "人脸识别验证", "拍摄": "开始识别", "进入": "进入办税", "确定": "确认",
    "刷新二维码": "重新获取", "返回密码登录": "密码登录",
}
QINGDAO = "青岛市电子税务局"


def caption(control: str) -> str:
    return CAPTIONS.get(control, control)


def helpers(view: View, entry: str = "") -> dict[str, Any]:
    """Functions and values every alt template may use (the entry's own captions, where it has some)."""
    own = QINGDAO_CAPTIONS if entry == QINGDAO else {}

    def captioned(control: str) -> str:
        return own.get(control) or caption(control)

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
    return {"dz": names.action_code, "mc": names.field_name, "caption": captioned, "value": value,
            "ACTION": names.ACTION, "look": look,
            "pick_rows": pick_rows}
