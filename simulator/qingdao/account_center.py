"""【账户中心】 (FAQ 5, 10, 13): 【个人实名等级】 (real_name_level.py), 【个人密码修改】 and 【个人信息管理模块】, whose
用户名 may be added, and changed once a year (用户名一年可修改一次)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from simulator import deviations
from simulator.common.flow import Action, FlowBase, Form
from simulator.common.passwords import hash_password, verify_password
from simulator.common.sessions import PortalSession
from simulator.common.views import Message, MessageKind, View, refused
from simulator.qingdao.home import back_home, require_login
from simulator.qingdao.passwords import AGAIN, NEW, RULE, new_password_problem
from simulator.qingdao.people import DuplicateUserName
from simulator.qingdao.screens import CHINA, QdScreen, Qingdao
from vocabulary.credentials import login_name_problem

LEVEL, PASSWORD, INFO = "个人实名等级", "个人密码修改", "个人信息管理模块"
OLD, USER_NAME, SAVE, BACK = "原密码", "用户名", "保存", "返回"
ONCE_A_YEAR = "用户名一年只能修改一次"
#: FAQ 13 「用户名一年可修改一次」 read two ways (catalog/readings.csv): a year from the last change (the simulator's),
#: or once per calendar year (the alt variant's).
USER_NAME_YEAR, CALENDAR_YEAR = "QD-R01", "calendar-year"
#: Whether the first setting (registration, or adding a name) is already the year's change (QD-R02).
FIRST_SETTING, FIRST_COUNTS = "QD-R02", "first-setting-counts"


def year_later(moment: datetime) -> datetime:
    """The same day and time a year later (29 February → 1 March)."""
    try:
        return moment.replace(year=moment.year + 1)
    except ValueError:
        return moment.replace(year=moment.year + 1, month=3, day=1)


class AccountCenterFlow(FlowBase):
    """Each module needs a logged-in person; 【返回】 goes up one level."""

    def __init__(self, qd: Qingdao) -> None:
        self._qd = qd

    def screens(self) -> Iterable[str]:
        return (QdScreen.ACCOUNT_CENTER, QdScreen.PASSWORD_CHANGE, QdScreen.PERSONAL_INFO)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        center = QdScreen.ACCOUNT_CENTER
        return {(center, LEVEL): lambda s, _: s.go(QdScreen.REAL_NAME_LEVEL),
                (center, PASSWORD): lambda s, _: s.go(QdScreen.PASSWORD_CHANGE),
                (center, INFO): lambda s, _: s.go(QdScreen.PERSONAL_INFO), (center, BACK): back_home,
                (QdScreen.PASSWORD_CHANGE, SAVE): self._change_password,
                (QdScreen.PASSWORD_CHANGE, BACK): lambda s, _: s.go(center),
                (QdScreen.PERSONAL_INFO, SAVE): self._save_user_name,
                (QdScreen.PERSONAL_INFO, BACK): lambda s, _: s.go(center)}

    def render(self, session: PortalSession) -> View:
        person = self._qd.people.account(require_login(self._qd, session) or "")
        if person is None:
            return View(session.screen, message=session.message)
        if session.screen == QdScreen.PASSWORD_CHANGE:
            return View(QdScreen.PASSWORD_CHANGE, fields=(OLD, NEW, AGAIN), controls=(SAVE, BACK),
                        message=session.message, extras={"hint": RULE})
        if session.screen == QdScreen.PERSONAL_INFO:
            rows = (("姓名", person.name), ("证件类型", person.document_type),
                    (USER_NAME, person.user_name or "未设置"))
            return View(QdScreen.PERSONAL_INFO, fields=(USER_NAME,), controls=(SAVE, BACK), message=session.message,
                        rows=rows, template="qd_page", extras={"hint": "用户名一年可修改一次"})
        info = "个人信息管理" if deviations.on("QD_PERSONAL_INFO_LABEL") else INFO  # 【个人信息管理模块】
        return View(QdScreen.ACCOUNT_CENTER, controls=(LEVEL, PASSWORD, info, BACK), message=session.message,
                    greeting=f"欢迎，{person.name}", rows=(("姓名", person.name),), template="qd_page")

    def _change_password(self, session: PortalSession, form: Form) -> None:
        person = self._qd.people.account(require_login(self._qd, session) or "")
        if person is None:
            return
        if not verify_password(form.get(OLD, ""), person.password_hash):
            session.go(QdScreen.PASSWORD_CHANGE, refused("原密码错误"))
            return
        problem = new_password_problem(form, person.password_hash)
        if problem is not None:
            session.go(QdScreen.PASSWORD_CHANGE, refused(problem))
            return
        if not deviations.on("QD_PASSWORD_CHANGE_NOT_SAVED"):  # 「修改成功」 said, the old password kept
            self._qd.people.set_password(person.document_number, hash_password(form.get(NEW, "")))
        session.go(QdScreen.ACCOUNT_CENTER, Message("个人密码修改成功", MessageKind.SUCCESS))

    def _save_user_name(self, session: PortalSession, form: Form) -> None:
        person = self._qd.people.account(require_login(self._qd, session) or "")
        if person is None:
            return
        name = form.get(USER_NAME, "").strip()
        problem = user_name_problem(name)
        now = self._qd.now()
        if problem is None and name == person.user_name:
            problem = "新用户名与原用户名相同"
        changing = bool(person.user_name) or self._qd.variant.reads(FIRST_SETTING, FIRST_COUNTS)
        last = person.user_name_changed_at
        if problem is None and changing and last is not None and not self._may_change_again(last, now) \
                and not deviations.on("QD_USER_NAME_TWICE_A_YEAR"):
            problem = ONCE_A_YEAR
        if problem is None:
            try:
                self._qd.people.set_user_name(person.document_number, name, now if changing else None)
            except DuplicateUserName as taken:
                problem = str(taken)
        if problem is not None:
            session.go(QdScreen.PERSONAL_INFO, refused(problem), {USER_NAME: name})
            return
        session.go(QdScreen.PERSONAL_INFO, Message("用户名已保存", MessageKind.SUCCESS))

    def _may_change_again(self, last: datetime, now: datetime) -> bool:
        if self._qd.variant.reads(USER_NAME_YEAR, CALENDAR_YEAR):  # a new year in Qingdao
            return now.astimezone(CHINA).year > last.astimezone(CHINA).year
        return now >= year_later(last)



def user_name_problem(name: str) -> str | None:
    """The guide gives no rule for a 用户名: the simulator uses the ITS 登录名 rule, and a name that is not all
    digits (so it never looks like a phone or document number)."""
    problem = login_name_problem(name)
    return None if problem is None else problem.replace("登录名", "用户名")
