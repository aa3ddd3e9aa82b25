"""Controls, fields and screens the ITS guide describes but does not name: the suite's labels, mapped by a profile.

A portal with other wording maps each name to its own control, field or screen in its profile (`controls:`,
`fields:`, `screens:`, `actions:`); the features never print these names in 【】 as if the guide fixed them.
The values are the reference simulator's own labels, which the in-process driver uses as they are.
"""

from __future__ import annotations

#: Screens: the account-password login (§1.1) and 单位办税验证 (§1.3), named after the guide's sections.
LOGIN_SCREEN, UNIT_SCREEN = "实名登录", "单位办税验证"
#: Going on after typing what a page asks (identity, an SMS code, a 纳税人识别号 on a screen of its own).
NEXT = "下一步"
#: The last press of a registration (§2.1 ③ / §2.2 设置…完成注册) and of a password reset (§2.1(3)).
FINISH, CONFIRM_RESET = "完成注册", "确定"
#: Asking for an SMS code (需短信验证 / 短信校验) and the field it is typed in.
SEND_SMS, SMS_CODE = "获取验证码", "短信验证码"
#: Leaving a page for the login page, and signing out of the client after a login.
BACK_TO_LOGIN, LOG_OUT = "返回登录", "退出"
#: Submitting 单位办税验证, and the 本市单位's CA check of it (§1.3.1 通过CA进行校验).
SUBMIT, CA_CHECK = "提交", "CA校验"
#: The two former ways into the client (注意: 原申报密码方式, 本市CA方式).
FORMER_PASSWORD_LOGIN, CA_LOGIN = "申报密码登录", "CA登录"
#: The APP's agreement (阅读并同意用户注册协议, one action however many gestures) and its face capture.
AGREE, CAPTURE = "同意", "拍摄"
#: The fields of a new password (§2.1(3) 再进行密码重置).
NEW_PASSWORD, CONFIRM_PASSWORD = "新密码", "确认密码"
