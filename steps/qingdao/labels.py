"""Controls, fields and screens of the Qingdao e-tax bureau that the FAQ does not name (or names without 【】): the
suite's names, which a profile maps to the portal's own (`controls:`, `fields:`, `screens:`).

The FAQ brackets only 【用户注册】, 【忘记密码】, 【账户中心】, 【个人实名等级】, 【个人密码修改】,
【个人信息管理模块】 and 【切换主管税务机关】; features write those literally and every other control in
plain words from here.
"""

from __future__ import annotations

#: What the features quote in 「」 that the FAQ does not print: the suite's names for a scenario's people and
#: enterprise, and the user names they choose (FAQ 13 gives no format). Each is marked as the suite's in
#: catalog/qingdao.csv (tests/qingdao/test_qingdao_quotes.py checks both).
SUITE_QUOTES = ("张三", "李四", "王五", "甲公司", "qd_zhang", "qd_zhang_a", "qd_zhang_b")
#: The portal (an entry of its own).
ETAX = "青岛市电子税务局"
#: FAQ 8/12: the entries of the login page, as the guide writes them (no 【】).
ENTERPRISE, NATURAL, AGENT, SPECIAL = "企业业务", "自然人业务", "代理业务", "特定主体"
ENTRIES = (ENTERPRISE, NATURAL, AGENT, SPECIAL)
#: Screens (the reference simulator's names; a portal maps each under `screens:`).
LOGIN_SCREEN, HOME_SCREEN = "青岛:登录", "青岛:首页"
FACE_SCREEN, KEY_BUSINESS_SCREEN = "青岛:刷脸验证", "青岛:发票开具"
REGISTER_IDENTITY_SCREEN = "青岛:身份信息校验"
LEVEL_SCREEN = "青岛:个人实名等级"
#: The 扫码登录 page (FAQ 11), and the screen where a portal has the person pick the enterprise after a 企业业务 login
#: (the FAQ says nothing of it: a portal that shows one maps it; the default simulator has none).
SCAN_SCREEN, ENTERPRISE_SELECTION_SCREEN = "青岛:扫码登录", "青岛:选择企业"
#: The enterprise to pick there, and the 税号 a 企业业务 login page may ask besides the person's 证件号码.
TAXPAYER, TAX_ID = "纳税人", "税号"
#: The captcha a portal may show on its password login (the FAQ has none): answered when shown, never required.
CAPTCHA = "验证码"
#: FAQ 11: the password login by 证件号码, the way shown by this control of the login page.
DOCUMENT_LOGIN = "证件号码登录"
NUMBER, PASSWORD, LOG_IN, LOG_OUT, BACK = "证件号码", "密码", "登录", "退出", "返回"
#: The second factor (FAQ 9: 短信验证或刷脸验证).
SEND_SMS, SMS_CODE, CONFIRM, FACE_CHECK = "获取验证码", "短信验证码", "确定", "刷脸验证"
#: The camera of every face check (registration 人脸识别认证, 刷脸验证, 扫脸验证, a key business's 扫脸认证).
CAPTURE = "拍摄"
#: New passwords (forced change, 【忘记密码】, 【个人密码修改】) and the old one.
NEW_PASSWORD, CONFIRM_PASSWORD, OLD_PASSWORD, SAVE = "新密码", "确认密码", "原密码", "保存"
#: 【忘记密码】 (FAQ 10: 通过短信或者扫脸验证找回密码).
PHONE, NEXT, FORGOT_FACE = "手机号码", "下一步", "扫脸验证"
#: 【用户注册】 (FAQ 3: 身份信息校验、基本信息填写): the fields the suite names.
DOCUMENT_TYPE, NAME, USER_NAME = "证件类型", "姓名", "用户名"
#: FAQ 5: a key business the 首页 offers (the guide names none: the suite's assumption).
KEY_BUSINESS = "发票开具"
#: FAQ 2: the old login, offered during the dual-track period.
OLD_LOGIN = "旧版登录"
