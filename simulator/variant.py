"""The simulator's variant: the choices it makes where the guides leave one open (default, or the 'alt' portal)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from vocabulary.roles import Role

#: The simulator's reading of each disagreement of the guides (catalog/readings.csv), and the other one.
DEFAULT_READINGS = {"ITS-R01": "login-name-or-phone", "ITS-R02": "ca-still-offered", "ITS-R03": "exact-168-hours",
                    "ITS-R04": "single-use", "LN-R01": "only-social-security", "LN-R02": "legal-or-finance-only",
                    "LN-R03": "sms-after-sync", "LN-R04": "reset-kept", "LN-R05": "collected-only",
                    "LN-R06": "section-message", "LN-R07": "must-differ",
                    "QD-R01": "rolling-365-days", "QD-R02": "first-setting-free"}
ALT_READINGS = {"ITS-R01": "any-identifier", "ITS-R02": "ca-withdrawn", "ITS-R03": "through-seventh-day",
                "ITS-R04": "reusable-until-expiry", "LN-R01": "may-also-etax", "LN-R02": "any-synced-person",
                "LN-R03": "added-first", "LN-R04": "change-forced", "LN-R05": "manual-entry",
                "LN-R06": "faq-message", "LN-R07": "description",
                "QD-R01": "calendar-year", "QD-R02": "first-setting-counts"}


@dataclass(frozen=True)
class Variant:
    """One field per free choice; every default is the reference simulator's behaviour (see notes in the fields)."""

    name: str = "default"
    #: The markup (simulator/web): the default pages, or the alt skin's (its own paths, ids and layout).
    skin: str = "default"
    #: 【完成注册】 (WEB and APP) ends on a 注册成功 page (with 【返回登录】) instead of going back to the login.
    registration_done_page: bool = False
    #: ITS 【忘记密码】: an SMS code to the typed phone, on its own screen, before the new password.
    forgot_sms_step: bool = False
    #: First unit verification (ITS 前言/§1.3): 纳税人识别号 on one screen, then the 申报密码 on the next.
    unit_id_then_password: bool = False
    #: APP 「阅读并同意用户注册协议」: a box to tick plus 【下一步】 instead of 【同意】/【不同意】.
    app_agreement_checkbox: bool = False
    #: Units and 待办企业 as a table of radio rows with one continue button (no click or double-click on an item).
    choice_tables: bool = False
    #: Before 2019-11-09 the 实名登录 page is shown and 【登录】 refuses (instead of a page without it).
    launch_refuses: bool = False
    #: After the APP's 申报密码 reset is saved, 扣缴客户端 sessions in that unit end (back to 实名登录).
    app_reset_ends_client_sessions: bool = False
    #: How the roles 办税人员 and 法定代表人 are shown (the Liaoning manual also writes 办税员, 法定代表人(业主)).
    handler_word: str = Role.HANDLER.value
    owner_word: str = Role.LEGAL_REPRESENTATIVE.value
    #: 代理机构登录 第二步: persons listed at once (no 【同步办税人】), no personal password forced after the SMS.
    agent_plain_step2: bool = False
    #: 【退出】 on 选择待办企业.
    clients_logout: bool = True
    #: Liaoning 忘记密码 of a natural person: by the mobile number alone (no 用户名).
    natural_recovery_by_phone: bool = False
    #: Liaoning 忘记密码: the SMS code on a screen of its own after who and which mobile.
    ln_recovery_sms_step: bool = False
    #: How long a QR login code and an SMS code live (no guide fixes either).
    qr_lifetime_seconds: int = 120
    sms_code_minutes: int = 5
    #: Messages no guide quotes are worded differently (simulator/variant_wording.py).
    own_wording: bool = False
    #: Liaoning 企业人员维护 (身份维护, 添加办税人员, 权限管理, 冻结, 重置) and 修改密码 are offered: False is a portal
    #: that certifies only the logins (plan ln-logins, catalog/plans.csv): no 【企业人员维护】 and no 【修改密码】.
    liaoning_personnel: bool = True
    #: Qingdao 企业业务 (and 特定主体): the login also asks the enterprise's 税号, and after both factors an
    #: enterprise-selection screen picks the enterprise to work for (Q1/Q8 say only 企业登录穿透到人).
    qd_enterprise_tax_id: bool = False
    #: Qingdao Q8/Q10 「登录后系统会要求自然人修改密码」「弹出提示框」: the change of an initial password as a dialog
    #: over the 首页 (instead of a screen of its own before it); both log the person out once it is changed.
    qd_change_dialog: bool = False
    #: Qingdao 【用户注册】 基本信息填写 sets the personal user password (Q3 names no password step: off, the person
    #: starts with the initial password of Q8, changed at the first login).
    qd_registration_password: bool = True
    #: Qingdao Q6: the four documents without the hall's collection are refused after 基本信息填写 (not at
    #: 身份信息校验; the FAQ says only 「走不下去」).
    qd_hall_check_after_basic: bool = False
    #: Qingdao: a picture captcha on the password login methods (证件号码, 用户名); the FAQ names none.
    qd_login_captcha: bool = False
    #: How long a Qingdao web login QR code lives (the Qingdao FAQ never mentions it).
    qd_qr_lifetime_seconds: int = 120
    #: The reading (slug) of each catalog disagreement this portal follows.
    readings: tuple[tuple[str, str], ...] = field(default_factory=lambda: tuple(DEFAULT_READINGS.items()))

    @classmethod
    def default(cls) -> Variant:
        return cls()

    @classmethod
    def alt(cls) -> Variant:
        """A portal another team could have written from the same guides: every free choice taken the other way."""
        return replace(cls(), name="alt", skin="alt", registration_done_page=True, forgot_sms_step=True,
                       unit_id_then_password=True, app_agreement_checkbox=True, choice_tables=True,
                       launch_refuses=True, app_reset_ends_client_sessions=True, handler_word="办税员",
                       owner_word="法定代表人（业主）", agent_plain_step2=True, clients_logout=False,
                       natural_recovery_by_phone=True, ln_recovery_sms_step=True, own_wording=True,
                       qr_lifetime_seconds=300, sms_code_minutes=10, qd_enterprise_tax_id=True,
                       qd_change_dialog=True, qd_registration_password=False, qd_hall_check_after_basic=True,
                       qd_login_captcha=True, qd_qr_lifetime_seconds=180,
                       readings=tuple(ALT_READINGS.items()))

    @classmethod
    def named(cls, name: str, ln_logins_only: bool = False) -> Variant:
        """`default` or `alt` (the CLI's --variant); ln_logins_only: without the Liaoning personnel pages
        (the CLI's --ln-logins-only)."""
        if name == "default":
            chosen = cls.default()
        elif name == "alt":
            chosen = cls.alt()
        else:
            raise ValueError(f"unknown simulator variant {name!r} (known: default, alt)")
        return replace(chosen, liaoning_personnel=False) if ln_logins_only else chosen

    def reads(self, reading: str, slug: str) -> bool:
        """Whether this portal follows `slug` for the catalog reading `reading`."""
        return dict(self.readings).get(reading) == slug

    def role_word(self, role: Role) -> str:
        """A role as this portal's pages show it."""
        if role is Role.HANDLER:
            return self.handler_word
        if role is Role.LEGAL_REPRESENTATIVE:
            return self.owner_word
        return role.value
