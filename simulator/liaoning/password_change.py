"""密码管理 (manual 三(二)): 【修改密码】 of the 个人登录密码, and 【修改企业密码】 for the 法定代表人 and 财务负责人:
「旧密码」, 「新密码」, 「确认新密码」, 「验证码」, 【保存】."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from simulator import deviations
from simulator.common import captcha
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password, verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.liaoning.personnel_screens import (
    CHANGE_PASSWORD,
    StaffScreen,
    logged_in_person,
    manager,
    refuse_non_manager,
)
from simulator.liaoning.screens import Liaoning, LnScreen, logged_in_enterprise
from vocabulary.credentials import password_problem

FIELDS = ("旧密码", "新密码", "确认新密码", "验证码")
#: 三(一)3: a bound person's 个人登录密码 is the 自然人电子税务局's; the guide does not say it is changed here.
BOUND = "已绑定自然人电子税务局：个人登录密码即自然人电子税务局登录密码，请解绑后再修改个人登录密码"


class PasswordChangeFlow(FlowBase):
    """Checks the captcha, the old password, the rule and the repeat; a refusal draws a new captcha."""

    def __init__(self, liaoning: Liaoning) -> None:
        self._ln = liaoning

    def screens(self) -> Iterable[str]:
        return (StaffScreen.CHANGE_PASSWORD, StaffScreen.CHANGE_ENTERPRISE_PASSWORD)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        personal, enterprise = StaffScreen.CHANGE_PASSWORD, StaffScreen.CHANGE_ENTERPRISE_PASSWORD
        return {(LnScreen.HOME, CHANGE_PASSWORD): lambda s, _: self._open(s, personal),
                (StaffScreen.PERSONNEL, "修改企业密码"): lambda s, _: self._open(s, enterprise),
                (personal, "保存"): self._save, (enterprise, "保存"): self._save,
                (personal, "返回"): lambda s, _: s.go(LnScreen.HOME),
                (enterprise, "返回"): lambda s, _: s.go(StaffScreen.PERSONNEL)}

    def render(self, session: PortalSession) -> View:
        return View(session.screen, fields=FIELDS, controls=("保存", "返回"), message=session.message,
                    captcha_required=True, template="ln_staff", extras={"captcha": "验证码"})

    def _open(self, session: PortalSession, screen: StaffScreen) -> None:
        allowed = manager if screen == StaffScreen.CHANGE_ENTERPRISE_PASSWORD else logged_in_person
        if allowed(self._ln, session) is None:
            refuse_non_manager(session)
            return
        self._new_captcha(session)
        session.go(screen)

    def _save(self, session: PortalSession, form: Form) -> None:
        enterprise = session.screen == StaffScreen.CHANGE_ENTERPRISE_PASSWORD
        person = (manager if enterprise else logged_in_person)(self._ln, session)
        if person is None:
            refuse_non_manager(session)
            return
        old, new = form.get("旧密码", ""), form.get("新密码", "")
        account = self._ln.enterprises.find(person.tax_id)
        current = account.password_hash if enterprise and account else person.personal_password_hash
        problem = None
        if not captcha.matches(form.get("验证码", ""), session.captcha_answer) \
                and not deviations.on("LN_PASSWORD_CHANGE_CAPTCHA_IGNORED"):
            problem = "验证码错误，请重新输入"
        elif not enterprise and self._ln.personnel.of(person.tax_id, person.id_number).bound:
            problem = BOUND
        elif (current is None or not old or not verify_password(old, current)) \
                and not deviations.on("LN_OLD_PASSWORD_UNCHECKED"):
            problem = "旧密码错误"
        else:
            problem = password_problem(new) or (None if new == form.get("确认新密码", "") else "两次输入的新密码不一致")
        if problem is None and (not enterprise and account is not None and verify_password(new, account.password_hash)):
            problem = "个人密码不能与企业密码相同"
        if problem is not None:
            self._new_captcha(session)
            session.go(session.screen, refused(problem))
            return
        if enterprise:
            self._ln.enterprises.set_password(logged_in_enterprise(session), hash_password(new))
        else:
            self._ln.enterprises.set_personal_password(person.tax_id, person.id_number, hash_password(new))
        session.captcha_required, session.captcha_answer = False, None
        back = StaffScreen.PERSONNEL if enterprise else LnScreen.HOME
        session.go(back, Message("企业密码修改成功" if enterprise else "个人登录密码修改成功", MessageKind.SUCCESS))

    def _new_captcha(self, session: PortalSession) -> None:
        session.require_captcha()
        self._ln.sessions.captcha_issued(session)
