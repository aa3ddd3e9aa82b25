"""Names the Qingdao FAQ does not print for the controls of FAQ 11/12 and of the simulated apps: the suite's own.

FAQ 11 names the 认证方式 (用户名密码, 手机验证码, 证件号码, 税务数字证书; and, quoted, the three scans) but no control;
a portal with other wording maps each name in its profile (`controls:`, `fields:`, `actions:`). None of these is
written in 【】 in a feature. The values are the reference simulator's labels, used as they are in-process.
"""

from __future__ import annotations

#: The entries of the login page (FAQ 8, 12; not bracketed by the guide).
ETAX = "青岛市电子税务局"
ENTERPRISE, SPECIAL, NATURAL = "企业业务", "特定主体", "自然人业务"
#: The password methods (FAQ 11 密码登录) and 扫码登录: the control that shows each on the login page.
USER_NAME_LOGIN, SMS_LOGIN, DOCUMENT_LOGIN = "用户名登录", "手机验证码登录", "证件号码登录"
CERTIFICATE_LOGIN, SCAN_LOGIN = "税务数字证书登录", "扫码登录"
#: Their fields, and the login page's 登录 and 获取验证码.
USER_NAME, PASSWORD, MOBILE, SMS_CODE = "用户名", "密码", "手机号码", "短信验证码"
DOCUMENT_NUMBER, CERTIFICATE_PASSWORD = "证件号码", "证书密码"
LOG_IN, SEND_SMS = "登录", "获取验证码"
#: The second factor (FAQ 9: 短信验证 or 刷脸验证): its confirmation, the face check and the camera's shot.
CONFIRM_SMS, FACE_CHECK, CAPTURE = "确定", "刷脸验证", "拍摄"
#: The 青岛税务APP: the business chosen after its sign-in, the enterprise field, 扫一扫 and the scanned code.
APP = "青岛税务APP"
APP_PERSONAL, APP_ENTERPRISE_FIELD = "个人业务", "企业"
SCAN, SCANNED_CODE, CONFIRM_SCAN = "扫一扫", "二维码", "确认"
#: What a page showing a code to scan says beside it (the FAQ's 二维码, Q11 and the 【个人实名等级】 page of Q5).
QR = "二维码"
#: FAQ 6: registration in the 青岛税务APP, opened by this control of its sign-in page (its fields and steps are the
#: web 【用户注册】's names in steps/qingdao/labels.py: 证件类型, 证件号码, 姓名, 手机号码…, 下一步, 拍摄).
APP_REGISTER = "注册"
#: The 个人所得税APP's sign-in (its 登录 button, and the 账号 / 密码 fields).
IIT_APP, IIT_ACCOUNT = "个人所得税APP", "账号"
#: FAQ 12: picking the identity to switch to, and confirming it.
IDENTITY, CONFIRM_SWITCH = "身份", "确定"
