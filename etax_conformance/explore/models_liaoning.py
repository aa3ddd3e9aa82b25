"""The model of the Liaoning enterprise login and 企业人员维护 (辽宁 手册 二(一), 三(一), 三(二), 五; 操作流程说明).

An enterprise with its 法定代表人, 财务负责人 and a 办税人员 (who also holds a 自然人电子税务局 account, for 绑定):
普通登录 with 【同步办税人】, a person picked, 短信登录 or 密码登录, the 个人密码 forced at first; 快捷登录; wrong
企业密码, captcha, agreement, SMS code or 个人密码; the 维护人 in 企业人员维护 freezing, unfreezing, deleting, binding,
unbinding and resetting (111111) the 办税人员, adding him; 【修改密码】. Rules say When sentences of features/liaoning;
probes are the guide's own assertions there: the screens it names (电子税务局登录, 办税人员选择, 办税人身份验证,
设置个人密码, 电子税务局首页) and refusals on them; after some steps also what the guide quotes there (the frozen
handler's message — either reading's, the reference follows the portal's —, 「尚未设置密码」) or fixes (the handler
listed in 企业人员维护, 【企业人员维护】 offered only to the 法定代表人 and 财务负责人). The guide fixes no lock for
wrong passwords (its 锁定 is the 冻结) and no time: the model has neither. Where the portal goes after 退出登录 or
返回登录 is the portal's own: not looked at. Preconditions look at the reference's screen, as a person would.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from etax_conformance.explore.machine import GuideMachine

ENTERPRISE = "甲公司"
#: The cast: who holds which role (王五 also has a 自然人电子税务局 account: 绑定).
ROLES = {"张三": "法定代表人", "李四": "财务负责人", "王五": "办税人员"}
PEOPLE = tuple(ROLES)
MANAGERS = ("张三", "李四")
HANDLER = "王五"
IDENTITY = "全量办税"
LOGIN, CHOICE, VERIFY, SET_PASSWORD, HOME, PERSONNEL = (
    "电子税务局登录", "办税人员选择", "办税人身份验证", "设置个人密码", "电子税务局首页", "企业人员维护")
#: The screens of a login not yet done (a new login leaves them by the guide's own controls).
ON_THE_WAY = (CHOICE, VERIFY)
#: The suite's name for the way back from 企业人员维护's pages and 【修改密码】 (steps/liaoning/personnel_steps.py).
BACK = "返回"
#: The screens of a person logged in (the 首页, 企业人员维护 and its pages, 【修改密码】).
INSIDE = (HOME, PERSONNEL, "身份维护", "添加办税人员", "设置办税人员", "权限管理", "修改密码", "修改企业密码")
FROZEN_MESSAGES = ("页面提示「您选择的办税人已经被锁定，请选择其他办税人」", "页面提示「办税人员已冻结」")
NOT_SET = "页面提示「尚未设置密码」"
#: What a person types as the 个人密码 on 「密码登录」 (FAQ 5: the 企业密码 is not it; 绑定: the natural person's).
PASSWORDS = {"own": "在「密码」中填写「{who}」的个人密码", "reset": "在「密码」中填写「111111」",
             "enterprise": f"在「密码」中填写企业「{ENTERPRISE}」的企业密码",
             "natural": "在「密码」中输入「{who}」的密码", "wrong": "在「密码」中填写「Abcd1234!」"}
#: The 个人密码 of `「…」以…登录企业「…」` (手册 二(一) 密码登录; 三(二) 111111; 三(一)3 绑定).
AT_ONCE = ("个人密码", "个人密码「111111」", "自然人电子税务局登录密码")
#: 企业人员维护 (手册 二(一) 7-9): the identity kept, then 王五 added with it.
KEEP_IDENTITY = f"在【身份维护】中保存权限身份「{IDENTITY}」，勾选「变更税务登记」，回到企业人员维护界面"
ADD_HANDLER = f"添加办税人员「{HANDLER}」：【搜索】、【下一步】、设置个人密码、勾选身份「{IDENTITY}」、【确定】"
ROW_TAGS = {"冻结": "REQ_LN-3.1-03", "解冻": "REQ_LN-3.1-03", "删除": "REQ_LN-3.1-01", "绑定": "REQ_LN-3.1-04",
            "解绑": "REQ_LN-3.1-04"}
#: How 王五 may try to log in right after a 维护人's action on him ("": not at once).
HANDLER_TRIES = ("", "「{who}」以个人密码登录企业「{name}」", "「{who}」以个人密码「111111」登录企业「{name}」",
                 "「{who}」以自然人电子税务局登录密码登录企业「{name}」",
                 "「{who}」以登录身份「办税人员」快捷登录企业「{name}」")
#: A flaw of the 普通登录 form (手册 二(一) 1: 纳税人识别号, 企业密码, 验证码, 同意协议) or of the 快捷登录 (5).
FLAWS = ("普通登录:企业密码", "普通登录:验证码", "普通登录:同意协议", "快捷登录:短信验证码", "快捷登录:同意协议")
#: What a 维护人 does to 王五 in 企业人员维护 (手册 三(一), 三(二)).
PERSONNEL_ACTIONS = (*ROW_TAGS, "重置")


def _screen(machine: LiaoningLogin) -> str:
    return machine.twin.reference_screen()


def _inside(machine: LiaoningLogin) -> bool:
    return machine.user is not None and _screen(machine) in INSIDE


def _with_password(machine: LiaoningLogin) -> list[str]:
    """Who set a 个人密码 (on the reference): the suite's fixture, as a scenario's history knows it."""
    return sorted(machine.twin.reference_fixture("personal_passwords"))


def _free(machine: LiaoningLogin) -> bool:
    """Not held on 设置个人密码: the guide forces the 个人密码 there (手册 二(一) 4), a person sets it first."""
    return _screen(machine) != SET_PASSWORD


class LiaoningLogin(GuideMachine):
    """An enterprise of the Liaoning e-tax bureau and its three people: logins, personnel maintenance, passwords."""

    guide = "liaoning"
    background = (f"企业「{ENTERPRISE}」已开通辽宁省电子税务局", f"已实名注册的自然人「{HANDLER}」持居民身份证",
                  *(f"「{who}」是「{ENTERPRISE}」的{role}，已实名采集并与企业关联" for who, role in ROLES.items()))
    background_tags = ("REQ_LN-2.1-03",)
    #: A rule here is a whole login or a visit to 企业人员维护 (often after a first login as the sequence begins).
    steps_per_sequence = 8
    probes = (*(f"进入「{screen}」" for screen in (LOGIN, CHOICE, VERIFY, SET_PASSWORD, HOME)),
              *(f"被拒绝，停留在「{screen}」" for screen in (LOGIN, CHOICE, VERIFY)))

    def __init__(self) -> None:
        super().__init__()
        #: Who the reference let in (or is letting in: picked on 办税人员选择).
        self.user: str | None = None
        self.picked: str | None = None
        self.identity_kept = False
        #: Whether the reference took 王五 into 企业人员维护 (and has not deleted him).
        self.added = False

    # ---- getting to a new login: the guide's own ways back ----

    def _to_login(self) -> None:
        """Leave what the reference shows for a new login: 退出登录 inside, 【取消】 and 返回登录 on the way."""
        screen = _screen(self)
        if screen == VERIFY:
            self.say("when", "点击【取消】", look=False)
            screen = _screen(self)
        if screen == CHOICE:
            self.say("when", "回到登录页面", look=False)
        elif _inside(self):
            if screen not in (HOME, PERSONNEL):  # 企业人员维护's pages and 【修改密码】: the suite's 【返回】
                self.say("when", f"点击【{BACK}】", look=False)
            self.say("when", "退出登录", look=False)
        self.user = self.picked = None

    def _entered(self, who: str) -> None:
        self.user = who if _screen(self) in INSIDE else None

    # ---- 普通登录 (手册 二(一)) ----

    @initialize(who=st.sampled_from(("", *MANAGERS)), add=st.booleans())
    def begin_with(self, who: str, add: bool) -> None:
        """Most sequences start after the first 普通登录 of the 法定代表人 or 财务负责人 (the scenarios' own
        background), half of those with 王五 added in 企业人员维护 (ditto); some before any login (快捷登录 is not
        yet open then: 手册 二(一))."""
        if who:
            self.first_login(who)
            if add:
                self._maintain(who, "添加")

    @precondition(_free)
    @rule()
    def normal_login(self) -> None:
        self._to_login()
        self.say("when", f"以企业「{ENTERPRISE}」的纳税人识别号和企业密码普通登录", "REQ_LN-2.1-03")

    @precondition(_free)
    @rule(who=st.sampled_from(PEOPLE))
    def first_login(self, who: str) -> None:
        """手册 二(一) 普通登录 1-4: the enterprise, 【同步办税人】, the person, 短信登录, the 个人密码 forced."""
        self._to_login()
        self.say("when", f"以企业「{ENTERPRISE}」的纳税人识别号和企业密码普通登录", look=False)
        self.say("when", "点击【同步办税人】", look=False)
        self.pick(who)
        if _screen(self) == VERIFY:
            self.say("when", "点击【获取验证码】", look=False)
            self.say("when", f"在「短信验证码」中输入「{who}」收到的验证码并点击【确定】", "REQ_LN-2.1-09")
        if _screen(self) == SET_PASSWORD:
            self.set_personal_password()
        self._entered(who)

    @precondition(_free)
    @rule(flaw=st.sampled_from(FLAWS))
    def flawed_login(self, flaw: str) -> None:
        """A login with one thing wrong: 普通登录's 企业密码, 验证码 or 同意协议 (手册 二(一) 1), or 快捷登录's SMS code
        or 【同意协议】 (快捷登录 5)."""
        self._to_login()
        kind, what = flaw.split(":")
        if kind == "普通登录":
            sentences: tuple[str, ...] = (
                "点击【普通登录】", f"填写企业「{ENTERPRISE}」的纳税人识别号",
                f"填写企业「{ENTERPRISE}」的{'错误的企业密码' if what == '企业密码' else '企业密码'}",
                "输入错误的验证码" if what == "验证码" else "输入正确的验证码",
                "不勾选「同意协议」" if what == "同意协议" else "勾选「同意协议」")
            tag = "REQ_LN-2.1-04"
        else:
            who = MANAGERS[0]
            code = ("在「验证码」中输入错误的短信验证码" if what == "短信验证码"
                    else f"在「验证码」中输入「{who}」收到的短信验证码")
            sentences = ("勾选【快捷登录】", f"在快捷登录中填写企业「{ENTERPRISE}」的纳税人识别号和企业密码",
                         f"选择登录身份「{ROLES[who]}」并填写「{who}」实名采集的手机号码", "点击【获取验证码】", code,
                         *(("勾选【同意协议】",) if what != "同意协议" else ()))
            tag = "REQ_LN-2.1-23"
        for sentence in ("打开「辽宁省电子税务局」", "点击【企业登录】", *sentences):
            self.say("when", sentence, look=False)
        self.say("when", "点击【登录】", tag)

    @precondition(lambda self: _screen(self) == CHOICE)
    @rule()
    def sync(self) -> None:
        self.say("when", "点击【同步办税人】", "REQ_LN-2.1-06")

    @precondition(lambda self: _screen(self) == CHOICE)
    @rule(who=st.sampled_from(PEOPLE))
    def pick(self, who: str) -> None:
        self.picked = who
        self.say("when", f"点击办税人「{who}」", "REQ_LN-2.1-08", "REQ_LN-3.1-02", also=FROZEN_MESSAGES)

    @precondition(lambda self: _screen(self) == VERIFY and self.picked is not None)
    @rule(right=st.booleans())
    def sms_login(self, right: bool) -> None:
        who = self.picked or ""
        self.say("when", "点击【短信登录】", look=False)
        self.say("when", "点击【获取验证码】", look=False)
        if right:
            self.say("when", f"在「短信验证码」中输入「{who}」收到的验证码并点击【确定】", "REQ_LN-2.1-09")
        else:
            self.say("when", "在「短信验证码」中填写错误的验证码", look=False)
            self.say("when", "点击【确定】", "REQ_LN-2.1-09")
        self._entered(who)

    @precondition(lambda self: _screen(self) == VERIFY and self.picked is not None)
    @rule(password=st.sampled_from(sorted(PASSWORDS)))
    def password_login(self, password: str) -> None:
        who = self.picked or ""
        self.say("when", "点击【密码登录】", look=False)
        self.say("when", PASSWORDS[password].format(who=who), look=False)
        self.say("when", "点击【确定】", "REQ_LN-2.1-14", "REQ_LN-FAQ-05", also=(NOT_SET,))
        self._entered(who)

    @precondition(lambda self: _screen(self) == VERIFY)
    @rule()
    def cancel(self) -> None:
        self.say("when", "点击【取消】", "REQ_LN-2.1-10")
        self.picked = None

    @precondition(lambda self: _screen(self) == SET_PASSWORD and self.picked is not None)
    @rule()
    def set_personal_password(self) -> None:
        self.say("when", f"「{self.picked}」设置个人密码并点击【保存】", "REQ_LN-2.1-11")
        self._entered(self.picked or "")

    @precondition(lambda self: _free(self) and bool(_with_password(self)))
    @rule(who=st.sampled_from(PEOPLE), which=st.sampled_from(AT_ONCE))
    def password_login_at_once(self, who: str, which: str) -> None:
        self._to_login()
        self.picked = who
        self.say("when", f"「{who}」以{which}登录企业「{ENTERPRISE}」", "REQ_LN-2.1-14", also=FROZEN_MESSAGES)
        self._entered(who)

    # ---- 快捷登录 (手册 二(一) 快捷登录, 常见问题9) ----

    @precondition(_free)
    @rule(who=st.sampled_from(PEOPLE), role=st.sampled_from(tuple(ROLES.values())))
    def quick_login(self, who: str, role: str) -> None:
        self._to_login()
        self.say("when", f"「{who}」以登录身份「{role}」快捷登录企业「{ENTERPRISE}」", "REQ_LN-2.1-20",
                 "REQ_LN-2.1-22", "REQ_LN-FAQ-09")
        self._entered(who)

    # ---- 企业人员维护 (手册 三(一), 三(二); 操作流程说明 02) ----

    @precondition(lambda self: _free(self) and bool(_with_password(self)))
    @rule(data=st.data(), action=st.sampled_from(PERSONNEL_ACTIONS), then=st.sampled_from(HANDLER_TRIES))
    def personnel(self, data: st.DataObject, action: str, then: str) -> None:
        """A person with a 个人密码 in 企业人员维护 (only the 法定代表人 and 财务负责人 reach it: 三(一)): 冻结,
        解冻, 删除, 绑定, 解绑 confirmed, or the 个人登录密码 reset (111111) of 王五 — added first if he is not."""
        self._maintain(data.draw(st.sampled_from(_with_password(self))), action)
        if then:  # what the action is for: 王五 logging in after it (the scenarios' own 退出登录, then his login)
            self._to_login()
            self.picked = HANDLER
            self.say("when", then.format(who=HANDLER, name=ENTERPRISE), "REQ_LN-3.1-02", also=FROZEN_MESSAGES)
            self._entered(HANDLER)

    def _maintain(self, who: str, action: str) -> None:
        if not (_screen(self) == PERSONNEL and self.user == who):
            self._to_login()
            self.say("when", f"「{who}」登录企业「{ENTERPRISE}」并打开【企业人员维护】", "REQ_LN-3.1-05",
                     also=(f"进入「{PERSONNEL}」",))
            self._entered(who)
        if _screen(self) != PERSONNEL:
            return
        if action == "添加" or not self.added:
            if not self.identity_kept:
                self.say("when", KEEP_IDENTITY, "REQ_LN-3.1-06", look=False)
                self.identity_kept = True
            added = self.say("when", ADD_HANDLER, "REQ_LN-3.1-06", also=(f"企业人员维护中列出办税人「{HANDLER}」",))
            self.added = added.reference.done
        if action == "重置":
            self.say("when", f"为办税人「{HANDLER}」重置个人登录密码", "REQ_LN-3.2-02")
        elif action != "添加":
            done = self.say("when", f"点击办税人「{HANDLER}」对应的【{action}】并确认", ROW_TAGS[action],
                            also=(f"企业人员维护中列出办税人「{HANDLER}」",))
            if action == "删除" and done.reference.done:
                self.added = False

    # ---- after login: the menu, 【修改密码】 (手册 三(二)) ----

    @precondition(lambda self: _screen(self) == HOME and not self.twin.reference_offers("修改密码"))
    @rule()
    def open_menu(self) -> None:
        self.say("when", f"点击右上角的纳税人名称「{ENTERPRISE}」", "REQ_LN-3.1-05",
                 also=("页面提供【企业人员维护】", "页面提供【修改密码】"))

    @precondition(lambda self: _screen(self) == HOME and self.user is not None)
    @rule(old=st.sampled_from(("own", "reset")))
    def change_password(self, old: str) -> None:
        who = self.user or ""
        if not self.twin.reference_offers("修改密码"):  # the 纳税人名称's menu opens and closes by a click
            self.say("when", f"点击右上角的纳税人名称「{ENTERPRISE}」", look=False)
        self.say("when", "点击【修改密码】", look=False)
        self.say("when", f"在「旧密码」中填写「{who}」的个人密码" if old == "own" else "在「旧密码」中填写「111111」",
                 look=False)
        self.say("when", f"在「新密码」和「确认新密码」中设置「{who}」的新个人密码", look=False)
        self.say("when", "输入正确的验证码", look=False)
        self.say("when", "点击【保存】", "REQ_LN-3.2-01", also=("被拒绝，停留在「修改密码」",))
