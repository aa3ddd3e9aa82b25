"""The deviation switches (issue 20): name, catalog row(s) broken, kind, and what the portal then does (中文 / English).

Each switch is asked at exactly one place of the simulator (`deviations.on("NAME")`; tests/selfcheck check that every
name here has its hook and every hook its name) and breaks one rule a guide states. `etax-conformance selfcheck`
checks that a scenario tagged with the row fails when it is on.
"""

from __future__ import annotations

from simulator.deviations import register as r

# ---- ITS: 自然人税收管理系统扣缴客户端（实名登录、实名注册） ----
r("ITS_LOCK_AFTER_6", "ITS-1.1-06", "numbers", "账号在第6次（而非第5次）密码错误后才锁定",
  "the account locks at the 6th wrong password instead of the 5th")
r("ITS_LOCK_60_MINUTES", "ITS-1.1-07", "numbers", "账号锁定60分钟（而非120分钟）",
  "the account lock lasts 60 minutes, not 120")
r("ITS_UNIT_LOCK_AFTER_6", "ITS-1.3.1-03", "numbers", "申报密码第6次错误才锁定",
  "the 申报密码 locks at the 6th failure")
r("ITS_UNIT_LOCK_60_MINUTES", "ITS-1.3.1-04", "numbers", "申报密码锁定60分钟",
  "the 申报密码 lock lasts 60 minutes")
r("ITS_LOCK_COUNTER_RACES", "ITS-1.1-06", "concurrency", "密码错误计数读后写、无事务：并发的错误密码只计一次",
  "the wrong-password counter reads then writes without a transaction: concurrent failures are lost")
r("ITS_LOGIN_CAPTCHA_IGNORED", "ITS-1.1-04", "order-gates", "密码错误后要求的验证码填错也放行",
  "after a wrong password the captcha is asked but a wrong one is accepted")
r("ITS_DOCUMENT_NUMBER_LOGIN_ANY_TYPE", "ITS-1.1-03", "identities", "非居民身份证注册的用户也可用证件号码登录",
  "a user registered with another document than the resident ID logs in by document number")
r("ITS_DEFAULT_TAB_WORD", "ITS-1.1-01", "words", "默认页签写作「实名登录-账号密码登陆」（错一字）",
  "the default tab reads 实名登录-账号密码登陆 (one character changed)")
r("ITS_REGISTER_LABEL", "ITS-1-02", "words", "登录界面的【立即注册】写作【马上注册】",
  "【立即注册】 is labelled 【马上注册】")
r("ITS_REAL_NAME_LOGIN_EARLY", "ITS-P-01", "dates", "实名登录在2019-11-08即可用（上线前一天）",
  "real-name login works on 2019-11-08, a day before its launch")
r("ITS_AUTHORIZATION_EARLY", "ITS-P-03", "dates", "办税授权在2019-12-31即生效（免申报密码）",
  "办税授权 already spares the 申报密码 on 2019-12-31")
r("ITS_AUTHORIZATION_IGNORED", "ITS-P-03", "order-gates", "2020年起有办税授权的办税人员仍被要求输入申报密码",
  "an authorised handler is still asked for the 申报密码 after 2020-01-01")
r("ITS_NO_DECLARATION_PASSWORD", "ITS-P-04", "order-gates", "无办税授权的办税人员实名登录后无需申报密码即进入单位",
  "a handler without 办税授权 enters the unit without the 申报密码")
r("ITS_FORMER_CA_LOGIN_IN_2020", "ITS-P-06", "dates", "2020年1月1日后原CA登录方式仍可登录",
  "the former CA login still logs in after 2020-01-01")
r("ITS_FORMER_PASSWORD_LOGIN_IN_2020", "ITS-P-05", "dates", "2020年1月1日后原申报密码登录方式仍可登录",
  "the former 申报密码 login still logs in after 2020-01-01")
r("ITS_CODE_VALID_8_DAYS", "ITS-2.1-04 ITS-2.2.1-05", "numbers", "注册码有效期8天（而非7天）",
  "a registration code is valid for 8 days, not 7")
r("ITS_CODE_IDENTITY_UNCHECKED", "ITS-2.1-06 ITS-2.2.1-04", "identities", "注册码与所填身份不一致也可注册",
  "a registration code registers an identity it was not issued to")
r("ITS_QR_NEVER_EXPIRES", "ITS-1.2-02", "codes", "过期的登录二维码仍可登录",
  "an expired login QR code still logs in")
r("ITS_WEB_CONSENT_SKIPPABLE", "ITS-2.1-01", "order-gates", "WEB端注册不点【同意并继续】也可选择注册方式",
  "WEB registration offers the methods without 【同意并继续】")
r("ITS_WEB_LOGIN_NAME_17", "ITS-2.1-10", "numbers", "WEB端注册接受17位登录名",
  "WEB registration accepts a 17-character login name")
r("ITS_WEB_PASSWORD_7", "ITS-2.1-12", "numbers", "WEB端注册接受7位密码",
  "WEB registration accepts a 7-character password")
r("ITS_WEB_SMS_SKIPPED", "ITS-2.1-08", "order-gates", "WEB端注册不校验短信验证码",
  "WEB registration does not check the SMS code")
r("ITS_APP_LOGIN_NAME_DIGITS", "ITS-2.2.1-10 ITS-2.2.2-09", "identities", "APP注册接受纯数字登录名",
  "APP registration accepts an all-digit login name")
r("ITS_APP_PASSWORD_TWO_KINDS", "ITS-2.2.1-12 ITS-2.2.2-11", "numbers", "APP注册接受只含两类字符的密码",
  "APP registration accepts a password of two kinds of characters")
r("ITS_FACE_ANY_DOCUMENT", "ITS-2.2-02", "identities", "人脸识别认证注册接受护照等非居民身份证证件",
  "face registration accepts a passport (or any document)")
r("ITS_FACE_MISMATCH_ACCEPTED", "ITS-2.2.2-06", "external", "公安人像比对不一致也可完成注册",
  "a face the police photo comparison rejects still registers")

# ---- 辽宁省电子税务局 登录 ----
r("LN_QUICK_BEFORE_NORMAL", "LN-2.1-02 LN-2.1-20", "order-gates", "首次普通登录之前即可快捷登录",
  "quick login works before the first 普通登录")
r("LN_QUICK_HANDLER_NOT_ADDED", "LN-FAQ-09", "permissions", "未被添加的办税员也可快捷登录",
  "a 办税员 nobody added logs in by quick login")
r("LN_FROZEN_QUICK_LOGIN", "LN-3.1-02 LN-FAQ-07", "permissions", "被冻结的办税人员可通过快捷登录登录",
  "a frozen handler logs in by quick login")
r("LN_QUICK_SMS_SKIPPED", "LN-2.1-23", "codes", "快捷登录不校验短信验证码",
  "quick login does not check the SMS code")
r("LN_QUICK_AGREEMENT_SKIPPED", "LN-2.1-23", "order-gates", "快捷登录不勾选【同意协议】也可登录",
  "quick login without ticking 【同意协议】")
r("LN_AGREEMENT_SKIPPED", "LN-2.1-04", "order-gates", "普通登录不勾选「同意协议」也可登录",
  "普通登录 without ticking 「同意协议」")
r("LN_CAPTCHA_IGNORED", "LN-2.1-04", "order-gates", "普通登录验证码错误也放行",
  "普通登录 accepts a wrong captcha")
r("LN_SOCIAL_SECURITY_ASKED_FOR_SMS", "LN-2.1-24", "order-gates", "纯社保户普通登录后仍进入办税人员选择与短信验证",
  "a 纯社保户 is sent on to the handler choice and SMS instead of the fee system")
r("LN_FROZEN_HANDLER_LOGS_IN", "LN-3.1-02", "permissions", "被冻结的办税员在普通登录中可被选择并登录",
  "a frozen handler is chosen and logs in by 普通登录")
r("LN_FIRST_LOGIN_ANY_HANDLER", "LN-2.1-08", "permissions",
  "第一次普通登录可选择办税员（而非仅法定代表人或财务负责人）",
  "the first 普通登录 lets a 办税员 (not only the 法定代表人 or 财务负责人) in")
r("LN_CORE_MISMATCH_IGNORED", "LN-FAQ-10", "external", "金税三期登记中已无该办税人员时仍可登录（核心系统答复被忽略）",
  "a handler the core system no longer registers still logs in (its answer ignored)")
r("LN_PERSONAL_PASSWORD_NOT_FORCED", "LN-2.1-11", "order-gates", "初次普通登录不强制设置个人密码",
  "the first 普通登录 does not force a personal password")
r("LN_SMS_LOGIN_CODE_SKIPPED", "LN-2.1-09", "codes", "普通登录的短信验证登录不校验验证码",
  "普通登录's SMS login does not check the code")
r("LN_NOT_SET_MESSAGE_WORD", "LN-FAQ-01", "words", "提示「尚未设置密码」写作「未设置密码」",
  "「尚未设置密码」 reads 「未设置密码」")
r("LN_ENTERPRISE_PASSWORD_AS_PERSONAL", "LN-FAQ-05", "identities", "密码登录接受企业密码作为个人密码",
  "the 密码登录 accepts the 企业密码 as the personal password")
r("LN_CANCEL_LEAVES_CHOICE", "LN-2.1-10", "order-gates", "短信登录页【取消】回到登录页而非办税人员选择页",
  "【取消】 on the SMS login goes to the login page, not the choice of persons")
r("LN_FROZEN_MESSAGE_WORD", "LN-3.1-02", "words", "冻结提示少了最后一个字",
  "the frozen message loses its last character")
r("LN_RESET_NOT_111111", "LN-3.2-02 LN-FAQ-08", "numbers", "重置的个人登录密码为123456（而非111111）",
  "a reset personal password is 123456, not 111111")

# ---- 青岛市电子税务局 登录常见问题 ----
r("QD_LOCK_AT_4", "QD-14-02", "numbers", "同一认证方式一天内连续失败4次即锁定",
  "4 failures of one method in a day lock it")
r("QD_FAILURES_ACROSS_DAYS", "QD-14-04", "numbers", "不同日的失败次数累计计算",
  "failures on different days add up")
r("QD_FAILURES_ACROSS_METHODS", "QD-14-03", "numbers", "失败次数跨认证方式合计（5次失败分布在多种方式也锁定）",
  "failures are counted across 认证方式 (5 spread over methods lock)")
r("QD_NOT_REGISTERED_UNSAID", "QD-4-01", "words", "未注册的用户登录时不提示「该用户未注册」（只说账号或密码错误）",
  "an unregistered user is not told 「该用户未注册」")
r("QD_INITIAL_PASSWORD_NOT_CHANGED", "QD-8-03 QD-10-04", "order-gates", "以初始密码登录后不要求修改密码",
  "a login with the initial password is not forced to change it")
r("QD_SECOND_FACTOR_SKIPPED", "QD-1-03 QD-9-02", "order-gates", "账号密码正确即登录，无第二验证因子",
  "the correct password alone logs in: no second factor")
r("QD_USER_NAME_TWICE_A_YEAR", "QD-13-04", "identities", "用户名一年内可修改两次",
  "the user name may change twice within a year")
r("QD_UNCOLLECTED_FOREIGNER_REGISTERS", "QD-6-01", "identities", "外国护照等4种证件未在办税服务场所采集也可注册",
  "a foreign passport (or work permit) registers without the hall's collection")
r("QD_REGISTERED_AT_LEVEL_3", "QD-5-02", "numbers", "新注册用户实名等级为三级（而非四级）",
  "a new user is at 实名等级 三级, not 四级")
r("QD_REGISTRATION_WITHOUT_FACE", "QD-5-01", "order-gates", "用户注册不做人脸识别即完成",
  "registration completes without the face check")
r("QD_REGISTRATION_FACE_MISMATCH", "QD-7-01", "external", "注册时人脸比对不通过也完成注册",
  "a failed face still registers")
r("QD_INITIAL_PASSWORD_NOT_LAST_SIX", "QD-8-02", "numbers", "初始密码为证件号码后八位（而非后六位）",
  "the initial password is the document number's last eight characters, not six")
r("QD_CROSS_REGION_FROM_ENTERPRISE", "QD-12-01", "permissions", "从企业业务入口登录也可选择跨区域报验户身份",
  "the 跨区域报验户 identities are offered from the 企业业务 entry")

# ---- second batch ----
r("LN_HANDLER_REACHES_PERSONNEL", "LN-3.1-05", "permissions", "办税员也可使用「企业人员维护」",
  "a 办税员 reaches 「企业人员维护」")
r("LN_CANCELLED_AGENCY_STILL_LISTED", "LN-2.3-04", "permissions", "取消认定后该企业仍出现在代理机构的待办企业中",
  "an enterprise that cancelled the certification is still listed for the agency")
r("LN_AGREEMENT_PASSWORD_IGNORED", "LN-2.3-03", "order-gates", "代理机构选择目标企业时协议密码错误也可进入",
  "a wrong 协议密码 still enters the client enterprise")
r("ITS_UNIT_CAPTCHA_IGNORED", "ITS-1.3.1-02 ITS-1.3.2-03", "order-gates", "申报密码错误后要求的验证码填错也放行",
  "after a wrong 申报密码 a wrong captcha is accepted")
r("ITS_FORGOT_PASSWORD_KEEPS_LOCK", "ITS-1.1-08", "order-gates", "通过【忘记密码】重设密码后账号仍被锁定",
  "a password set through 【忘记密码】 does not unlock the account")
r("ITS_UNIT_WITHOUT_PASSWORD_ENTERS", "ITS-QA-01", "order-gates", "单位尚无申报密码时直接进入系统（不给临时申报密码）",
  "a unit without a 申报密码 is entered at once, no temporary password given")
r("QD_REGISTER_LABEL", "QD-3-01", "words", "【用户注册】写作【注册用户】",
  "【用户注册】 reads 【注册用户】")
r("QD_OLD_LOGIN_GONE", "QD-2-01", "order-gates", "双轨运行期间不再提供旧版登录",
  "no old login during the dual-track period")

# ---- put back with their sharper scenarios ----
r("LN_QUICK_ANY_MOBILE", "LN-2.1-22", "identities",
  "快捷登录输入的手机号不是所选身份的实名采集手机号也发送验证码并可登录",
  "quick login sends a code to, and accepts, a mobile that is not the chosen identity's real-name one")
r("ITS_CA_NOT_LOCAL", "ITS-1.3.1-08", "permissions", "非本市单位也可通过CA校验",
  "a unit not 本市 may verify by CA")

# ---- third batch (issue 20: at least 100) ----
# 青岛
r("QD_KEY_BUSINESS_WITHOUT_FACE", "QD-5-05", "order-gates", "三级用户办理关键业务时不提示扫脸认证即可办理",
  "a 三级 user does a key business without being asked for the face check")
r("QD_LEVEL_SCAN_IGNORED", "QD-5-04", "external", "青岛税务APP扫脸认证通过后实名等级仍为三级（APP的核验结果未被采用）",
  "the 青岛税务APP's passed face check leaves the level at 三级 (its answer ignored)")
r("QD_PERSONAL_INFO_LABEL", "QD-13-03", "words", "【个人信息管理模块】写作【个人信息管理】",
  "【个人信息管理模块】 reads 【个人信息管理】")
r("QD_PASSWORD_CHANGE_NOT_SAVED", "QD-10-03", "order-gates", "【个人密码修改】提示成功但原密码仍有效、新密码无效",
  "【个人密码修改】 says it succeeded but the old password stays")
r("QD_WELCOME_WORD", "QD-12-02 QD-12-03", "words",
  "跨区域登录后右上角显示「您好，某某纳税人」（而非「欢迎，某某纳税人」）",
  "the cross-region 首页 greets 「您好，某某纳税人」 instead of 「欢迎，某某纳税人」")
r("QD_SWITCH_AUTHORITY_LABEL", "QD-12-03", "words", "【切换主管税务机关】写作【切换税务机关】",
  "【切换主管税务机关】 reads 【切换税务机关】")
r("QD_QINGDAO_APP_SCAN_WORD", "QD-11-06", "words", "“青岛税务APP扫码登录”写作“青岛税务APP扫码”",
  "“青岛税务APP扫码登录” reads “青岛税务APP扫码”")
r("QD_LICENCE_SCAN_WORD", "QD-11-10", "words", "“电子营业执照扫码”写作“营业执照扫码”",
  "“电子营业执照扫码” reads “营业执照扫码”")
r("QD_SCAN_BUSINESS_IGNORED", "QD-11-07 QD-11-08", "permissions", "扫码登录一律登录企业业务（APP登录个人业务的也一样）",
  "a scan always logs the web in to 企业业务, even when the app is in 个人业务")
r("QD_CERTIFICATE_PASSWORD_IGNORED", "QD-11-05", "codes", "税务数字证书登录不校验证书密码",
  "the 税务数字证书 login does not check the certificate's password")
r("QD_SMS_CODE_ALONE", "QD-11-03", "order-gates", "手机验证码登录仅凭验证码即登录（无第二验证因子）",
  "the 手机验证码 login lets in on the code alone (no second factor)")
# ITS
r("ITS_QR_REUSABLE", "ITS-1.2-03", "codes", "已用于登录的二维码可再次扫码登录（退出后扫描旧二维码仍可登录）",
  "a QR code already used logs in again (an old code scanned after logging out)")
r("ITS_DOWNLOAD_LABEL", "ITS-1.2-04", "words", "【手机端下载】写作【手机下载】", "【手机端下载】 reads 【手机下载】")
r("ITS_ENTER_LABEL", "ITS-1.3.2-01", "words", "多家单位时【进入】写作【登入】",
  "【进入】 of the unit list reads 【登入】")
r("ITS_FORGOT_DECLARATION_WEB_ONLY", "ITS-1.3.1-07", "words",
  "【忘记申报密码】只提供“个人所得税WEB端”链接，缺少“个人所得税APP”二维码",
  "【忘记申报密码】 offers the WEB link only, no 个人所得税APP QR code")
r("ITS_DECLARATION_RESET_ANY_ROLE", "ITS-QA-04 ITS-1.3.1-05", "permissions",
  "办税人员（非法定代表人或财务负责人）也可【重置申报密码】",
  "a handler who is neither 法定代表人 nor 财务负责人 may 【重置申报密码】")
r("ITS_DECLARATION_RESET_WITHOUT_PHONE", "ITS-QA-05", "order-gates", "账号未绑定手机号也进入申报密码重置页面",
  "without a bound phone the 申报密码 reset page opens anyway")
r("ITS_DECLARATION_RESET_SMS_SKIPPED", "ITS-QA-06", "codes", "申报密码重置不校验短信验证码",
  "the 申报密码 reset does not check the SMS code")
r("ITS_FORGOT_PASSWORD_NAME_UNCHECKED", "ITS-2.1-14", "identities", "【忘记密码】身份验证不核对姓名",
  "【忘记密码】's identity check ignores the name")
r("ITS_LOGIN_NAME_CASE_IGNORED", "ITS-2.1-11 ITS-2.2.1-11 ITS-2.2.2-10", "identities", "登录名不区分大小写",
  "login names are matched without regard to letter case")
r("ITS_PHONE_ACCOUNT_REFUSED", "ITS-1.1-02 ITS-2.1-09 ITS-2.2.1-09 ITS-2.2.2-08", "identities",
  "注册的手机号码不能作为账号登录", "the registered mobile number is not accepted as the 账号")
# 辽宁
r("LN_PERSONAL_PASSWORD_7", "LN-2.1-12", "numbers", "设置个人密码接受7位密码",
  "a 7-character personal password is accepted")
r("LN_SYNC_MESSAGE_WORD", "LN-2.1-06", "words", "【同步办税人】后提示「同步完成」（而非「同步成功」）",
  "【同步办税人】 says 「同步完成」 instead of 「同步成功」")
r("LN_SYNC_UNLINKED", "LN-2.1-07", "permissions", "已实名采集但未与企业关联的人员也被同步为办税人员",
  "a person collected but not linked to the enterprise is synced")
r("LN_DELETED_HANDLER_LOGS_IN", "LN-3.1-01", "permissions", "被删除的办税员同步后仍可作为该企业人员登录",
  "a deleted handler comes back with the sync and logs in for the enterprise")
r("LN_BOUND_KEEPS_PERSONAL_PASSWORD", "LN-3.1-04", "identities",
  "【绑定】后密码登录仍使用原个人登录密码（而非自然人电子税务局登录密码）",
  "after 【绑定】 the 密码登录 still takes the personal password, not the 自然人电子税务局 one")
r("LN_PASSWORD_CHANGE_CAPTCHA_IGNORED", "LN-3.2-01", "order-gates", "【修改密码】验证码错误也放行",
  "【修改密码】 accepts a wrong captcha")
r("LN_OLD_PASSWORD_UNCHECKED", "LN-3.2-01 LN-3.2-03", "order-gates", "修改密码不核对「旧密码」",
  "a password change does not check the 「旧密码」")
r("LN_NATURAL_CAPTCHA_IGNORED", "LN-2.2-01", "order-gates", "自然人登录验证码错误也放行",
  "自然人登录 accepts a wrong captcha")
r("LN_AGENT_LOGIN_ANY_TAXPAYER", "LN-2.3-01", "permissions", "非涉税代理机构的纳税人也可通过代理机构登录",
  "a taxpayer that is not a 涉税代理机构 logs in as an agency")
r("LN_FORGOT_ENTERPRISE_ANY_MOBILE", "LN-QA-07 LN-2.1-26", "identities", "企业密码【忘记密码】接受非税务登记的手机号码",
  "the 企业密码 recovery accepts a mobile not in the tax registration")
r("LN_FORGOT_NATURAL_ANY_MOBILE", "LN-QA-07 LN-2.2-02", "identities", "自然人【忘记密码】接受非本人登记的手机号码",
  "the natural person's recovery accepts a mobile that is not theirs")
r("LN_SMS_MOBILE_UNMATCHED", "LN-FAQ-02", "identities",
  "税务登记的移动电话与实名采集手机号不同（或录在固定电话）时仍发送短信验证码",
  "an SMS code is sent although the registration's 【移动电话】 is not the real-name mobile")
r("ITS_APP_AGREEMENT_SKIPPABLE", "ITS-2.2.1-03 ITS-2.2.2-02", "order-gates",
  "APP注册选择方式后不经用户注册协议直接填写身份信息",
  "APP registration goes from the method straight to the identity form, no agreement asked")
r("ITS_APP_SMS_SKIPPED", "ITS-2.2.1-08 ITS-2.2.2-07", "codes", "APP注册设置登录信息时不校验短信验证码",
  "APP registration's login settings do not check the SMS code")
r("ITS_RARE_CHARACTER_LABEL", "ITS-2.1-07", "words", "WEB端注册的【录入生僻字】写作【录入生辟字】",
  "the WEB registration's 【录入生僻字】 reads 【录入生辟字】")
r("ITS_FACE_METHOD_LABEL", "ITS-2.2-01 ITS-2.2.2-01", "words", "APP注册方式【人脸识别认证注册】写作【人脸认证注册】",
  "the APP's 【人脸识别认证注册】 reads 【人脸认证注册】")
r("QD_AGENT_ENTRY_MISSING", "QD-1-01", "order-gates", "登录页面不提供代理业务入口",
  "the login page offers no 代理业务 entry")
r("QD_HK_MACAO_PASS_HALL_FIRST", "QD-6-03 QD-6-04", "identities",
  "港澳居民来往内地通行证须先到办税服务场所采集才能注册",
  "a 港澳居民来往内地通行证 must first be collected at the hall before it registers")
